"""Messages of exercise 03 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex03_fib_parallel",
    {
        "wrong_results": {
            "en": "fibs_parallel({numbers}, workers={workers}) returned {got!r}; expected "
            "{want!r} (fib of each number, in the order of the numbers).",
            "ar": "أعادت fibs_parallel({numbers}, workers={workers}) القيمة {got!r}؛ المتوقع "
            "{want!r} (fib لكل رقم، بترتيب الأرقام).",
        },
        "no_child_cpu": {
            "en": "fibs_parallel({numbers}, workers={workers}): the child processes used "
            "{child:.2f} s of CPU while this process used {parent:.2f} s. The work ran in this "
            "process (in its threads, or one call after another), and the GIL lets only one "
            "thread run Python code at a time, so threads cannot speed up CPU-bound work. "
            "Compute in worker processes (multiprocessing.Pool or ProcessPoolExecutor).",
            "ar": "fibs_parallel({numbers}, workers={workers}): استهلكت العمليات الفرعية "
            "{child:.2f} ثانية من المعالج بينما استهلكت هذه العملية {parent:.2f} ثانية. جرى العمل "
            "في هذه العملية (في خيوطها، أو استدعاءً تلو الآخر)، والـGIL لا يسمح إلا لخيط واحد "
            "بتنفيذ شيفرة بايثون في كل لحظة، فلا تُسرّع الخيوط العمل المعتمد على المعالج. احسب في "
            "عمليات عاملة (multiprocessing.Pool أو ProcessPoolExecutor).",
        },
        "one_at_a_time": {
            "en": "fibs_parallel({numbers}, workers={workers}): the worker processes did "
            "{child:.2f} s of CPU work, but two or more of them were computing together in only "
            "{share:.0%} of the {window:.1f} s windows: they took turns, one at a time. Use a pool "
            "with `workers` processes, and submit all the numbers before waiting for any result.",
            "ar": "fibs_parallel({numbers}, workers={workers}): أنجزت العمليات العاملة {child:.2f} "
            "ثانية من عمل المعالج، لكن عمليتين أو أكثر حسبتا معًا في {share:.0%} فقط من النوافذ "
            "الزمنية ({window:.1f} ثانية): تناوبت واحدة تلو الأخرى. استخدم مجمّعًا من `workers` "
            "عملية، وأرسل كل الأرقام قبل انتظار أي نتيجة.",
        },
        "ignores_workers": {
            "en": "fibs_parallel({numbers}, workers=1): several worker processes were computing "
            "together (in {share:.0%} of the {window:.1f} s windows; their busy periods "
            "overlapped by {span:.0%}); workers=1 means one at a time. Pass `workers` to the "
            "pool.",
            "ar": "fibs_parallel({numbers}, workers=1): كانت عدة عمليات عاملة تحسب معًا (في "
            "{share:.0%} من النوافذ الزمنية البالغة {window:.1f} ثانية؛ وتداخلت فترات عملها بنسبة "
            "{span:.0%})؛ وworkers=1 تعني عملية واحدة في كل مرة. مرّر `workers` إلى المجمّع.",
        },
        "too_many_workers": {
            "en": "fibs_parallel({numbers}, workers={workers}): up to {peak} worker processes "
            "were computing at the same time, and more than {most} of them for {share:.0%} of "
            "the call; with workers={workers} at most {most} should. Starting one process per "
            "number runs them all at once: they only take turns on the CPUs and pay for more "
            "process start-ups. Make a pool of `workers` processes (None: one per usable CPU) "
            "and let it share out the numbers.",
            "ar": "fibs_parallel({numbers}, workers={workers}): كانت حتى {peak} عمليات عاملة "
            "تحسب في الوقت نفسه، وأكثر من {most} منها خلال {share:.0%} من مدة الاستدعاء؛ ومع "
            "workers={workers} المفروض {most} على الأكثر. بدء عملية لكل رقم يشغّلها كلها معًا: "
            "فتتناوب على المعالجات فحسب وتدفع ثمن بدء عمليات أكثر. أنشئ مجمّعًا من `workers` "
            "عملية (None: واحدة لكل معالج متاح) واتركه يوزّع الأرقام.",
        },
        "default_not_usable": {
            "en": "fibs_parallel({numbers}, workers=None) while this process was allowed 1 of "
            "the machine's {machine} CPUs: up to {peak} worker processes computed at the same "
            "time, for {share:.0%} of the call; None means as many as this process may use, "
            "here 1. os.cpu_count() counts every CPU of the machine (and so do Pool() and "
            "ProcessPoolExecutor() before Python 3.13): use len(os.sched_getaffinity(0)) "
            "where it exists.",
            "ar": "fibs_parallel({numbers}, workers=None) بينما سُمح لهذه العملية بمعالج واحد من "
            "معالجات الآلة الـ{machine}: حسبت حتى {peak} عمليات عاملة في الوقت نفسه، خلال "
            "{share:.0%} من مدة الاستدعاء؛ وNone تعني عدد ما يُسمح لهذه العملية باستخدامه، وهو "
            "هنا 1. تعدّ os.cpu_count() كل معالجات الآلة (وكذلك Pool() و"
            "ProcessPoolExecutor() قبل بايثون 3.13): استخدم len(os.sched_getaffinity(0)) "
            "حيث توجد.",
        },
        "no_speedup": {
            "en": "fibs_parallel took {parallel:.2f} s and fibs_sequential {sequential:.2f} s on "
            "the same numbers {numbers} (timed on {timed} of them and scaled, as they are all "
            "the same): a ratio of {ratio:.2f}, expected at most {limit:.2f} "
            "with {cpus} CPUs. The workers got {share:.0%} of their CPUs, so the machine was not "
            "the problem: look for work done in the parent, or workers that wait for each other.",
            "ar": "استغرقت fibs_parallel {parallel:.2f} ثانية وfibs_sequential {sequential:.2f} "
            "ثانية على الأرقام نفسها {numbers} (قيست على {timed} منها ثم ضُربت، فالأرقام كلها "
            "متساوية): النسبة {ratio:.2f} والمتوقع {limit:.2f} على الأكثر "
            "مع {cpus} معالجات. حصلت العمليات العاملة على {share:.0%} من معالجاتها، فليست الآلة "
            "هي المشكلة: ابحث عن عمل يجري في العملية الأم أو عمليات تنتظر بعضها.",
        },
        "empty": {
            "en": "fibs_parallel([]) returned {got!r}; expected [].",
            "ar": "أعادت fibs_parallel([]) القيمة {got!r}؛ المتوقع [].",
        },
    },
    timing_keys=("no_speedup",),
    parent=COMMON,
)
