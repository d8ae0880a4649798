"""Messages of exercise 02 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex02_processes",
    {
        "ran_in_parent": {
            "en": "run_in_processes ran {count} of {n} calls in the parent process itself "
            "(pid {parent}){how}. Each call must run in a new multiprocessing.Process.",
            "ar": "نفّذت run_in_processes {count} من {n} استدعاءات في العملية الأم نفسها "
            "(المعرّف {parent}){how}. يجب أن يعمل كل استدعاء في multiprocessing.Process جديدة.",
        },
        "same_pid": {
            "en": "the {n} calls reported only {distinct} distinct process id(s): {pids}. "
            "Give every argument a new process of its own.",
            "ar": "أبلغت الاستدعاءات الـ{n} عن {distinct} معرّف عملية مختلف فقط: {pids}. "
            "أعطِ كل وسيط عملية جديدة خاصة به.",
        },
        "not_concurrent": {
            "en": "{n} child processes had to meet at a shared barrier, but only {met} got "
            "through: they were never alive at the same time. Start every process first and "
            "join them only after all are started.",
            "ar": "كان على {n} عمليات فرعية أن تلتقي عند حاجز مشترك، لكن {met} فقط عبرته: لم تكن "
            "حيّة في الوقت نفسه. ابدأ كل العمليات أولًا ثم انتظرها (join) بعد أن تبدأ جميعها.",
        },
        "too_few_at_once": {
            "en": "{n} child processes had to meet at a shared barrier, but at most {peak} of "
            "them were alive at the same time (they waited there for the others until the test "
            "gave up), and only {met} got through. The others were started only after some had "
            "ended: a fixed number of workers (a pool of {peak} threads or processes) is too "
            "few. Start a process for every argument, all of them, before joining any.",
            "ar": "كان على {n} عمليات فرعية أن تلتقي عند حاجز مشترك، لكن لم يكن حيًّا منها في "
            "الوقت نفسه أكثر من {peak} (انتظرت هناك البقية حتى توقف الاختبار)، ولم تعبره إلا "
            "{met}. لم تبدأ البقية إلا بعد انتهاء بعضها: عدد ثابت من العمّال (مجمّع من {peak} "
            "خيوط أو عمليات) أقل من اللازم. ابدأ عملية لكل وسيط، كلها، قبل أن تنتظر (join) "
            "أيًّا منها.",
        },
        "none_taken_for_missing": {
            "en": "run_in_processes raised {got} although every child returned a result: "
            "{want!r}. One of them is None, and None was taken to mean \"the child sent "
            "nothing\". None is a result like any other: tell a missing result apart by "
            "whether anything was received at all (a message per child, an (index, value) "
            "pair), not by its value.",
            "ar": "رفعت run_in_processes الاستثناء {got} مع أن كل عملية فرعية أعادت نتيجة: "
            "{want!r}. إحداها None، وقد فُهمت None على أنها \"لم ترسل العملية شيئًا\". None "
            "نتيجة كغيرها: ميّز النتيجة المفقودة بوصول شيء أصلًا (رسالة لكل عملية، أو زوج "
            "(index, value))، لا بقيمتها.",
        },
        "wrong_results": {
            "en": "run_in_processes returned {got!r}; expected {want!r}. The results must follow "
            "the order of args, not the order in which the children finished.",
            "ar": "أعادت run_in_processes القيمة {got!r}؛ المتوقع {want!r}. يجب أن تتبع النتائج "
            "ترتيب الوسائط لا ترتيب انتهاء العمليات الفرعية.",
        },
        "big_result_stuck": {
            "en": "run_in_processes was handed a target whose result is 4 MiB and had not "
            "returned after {seconds:.1f} s; for the last {still:.1f} s neither it nor any "
            "child had run. A result that large does not fit in the pipe between the "
            "processes: the child can only end once the parent has read it. Joining the "
            "child before reading its result makes each wait for the other forever (or the "
            "child waits for something that only another child gives it). Read every "
            "result first, then join.",
            "ar": "أُعطيت run_in_processes دالة نتيجتها 4 MiB ولم تعد بعد {seconds:.1f} ث؛ "
            "وفي آخر {still:.1f} ث لم تعمل هي ولا أي عملية فرعية. نتيجة بهذا الحجم لا تتسع "
            "لها القناة (pipe) بين العمليتين: لا تنتهي العملية الفرعية إلا بعد أن تقرأ "
            "العملية الأم نتيجتها. انتظار العملية بـ join قبل قراءة نتيجتها يجعل كلًّا منهما "
            "ينتظر الأخرى إلى الأبد (أو تنتظر العملية الفرعية شيئًا لا يعطيها إياه إلا عملية "
            "أخرى). اقرأ كل النتائج أولًا ثم استدعِ join.",
        },
        "no_error": {
            "en": "the target raised ValueError('bad input 3') in a child, but run_in_processes "
            "returned {got!r}. Send the error back to the parent and raise it there.",
            "ar": "رفعت الدالة ValueError('bad input 3') في عملية فرعية، لكن run_in_processes "
            "أعادت {got!r}. أرسل الخطأ إلى العملية الأم وارفعه هناك.",
        },
        "error_text": {
            "en": "run_in_processes raised {got}, which does not carry the child's message "
            "'bad input 3'. Put the child's error message in the exception you raise.",
            "ar": "رفعت run_in_processes {got} ولا يحمل رسالة العملية الفرعية 'bad input 3'. "
            "ضع رسالة خطأ العملية الفرعية في الاستثناء الذي ترفعه.",
        },
        "raised_early": {
            "en": "run_in_processes raised while {count} child process(es) were still running. "
            "Wait for (join) every child, then raise.",
            "ar": "رفعت run_in_processes الاستثناء بينما كانت {count} من العمليات الفرعية ما تزال "
            "تعمل. انتظر (join) كل عملية فرعية ثم ارفع الاستثناء.",
        },
        "silent_death": {
            "en": "a child called os._exit({code}) without sending a result; run_in_processes "
            "{outcome}. Expected ChildProcessError naming exit code {code} (Process.exitcode).",
            "ar": "استدعت عملية فرعية os._exit({code}) دون أن ترسل نتيجة؛ {outcome}. المتوقع "
            "ChildProcessError يذكر رمز الخروج {code} (Process.exitcode).",
        },
        "exit_code_missing": {
            "en": "a child called os._exit({code}) without sending a result; run_in_processes "
            "raised {got}, whose message does not contain the exit code {code} as a number "
            "(a pid or an index is not the exit code). After join(), read that child's "
            "Process.exitcode and put it in the ChildProcessError's message.",
            "ar": "استدعت عملية فرعية os._exit({code}) دون أن ترسل نتيجة؛ رفعت run_in_processes "
            "{got}، ورسالته لا تحوي رمز الخروج {code} عددًا (معرّف العملية أو رقم الوسيط ليس رمز "
            "الخروج). بعد join() اقرأ Process.exitcode لتلك العملية وضعه في رسالة "
            "ChildProcessError.",
        },
        "exit_zero_unnoticed": {
            "en": "run_in_processes(target, [1, 2, 3]) where the child for 2 called os._exit(0) "
            "without sending a result: it {outcome}. Expected ChildProcessError: exit code 0 "
            "means only that the process ended, not that it sent anything. Decide by what "
            "arrived (EOFError on the Pipe, nothing on the Queue), not by exitcode != 0 alone.",
            "ar": "شغّلنا run_in_processes(target, [1, 2, 3]) واستدعت العملية الفرعية للقيمة 2 "
            "os._exit(0) دون أن ترسل نتيجة: {outcome}. المتوقع ChildProcessError: رمز الخروج 0 "
            "يعني فقط أن العملية انتهت، لا أنها أرسلت شيئًا. احكم بما وصل (EOFError على Pipe، أو "
            "لا شيء على Queue)، لا بـ exitcode != 0 وحده.",
        },
        "child_alive": {
            "en": "after run_in_processes returned, {count} of its child processes were still "
            "alive. Join every process before returning.",
            "ar": "بعد عودة run_in_processes بقيت {count} من عملياتها الفرعية حيّة. انتظر (join) "
            "كل عملية قبل العودة.",
        },
        "empty": {
            "en": "run_in_processes(target, []) returned {got!r}; expected [].",
            "ar": "أعادت run_in_processes(target, []) القيمة {got!r}؛ المتوقع [].",
        },
    },
    parent=COMMON,
)
