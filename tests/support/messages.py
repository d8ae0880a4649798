"""Messages shared by every exercise: missing code, crashes, hangs, leaks, report labels."""

from __future__ import annotations

from .lesson import Catalogue

COMMON = Catalogue(
    "common",
    {
        "not_implemented": {
            "en": "not implemented yet, see {where}",
            "ar": "لم تُكتب بعد، انظر {where}",
        },
        "raised": {
            "en": "{call} raised {error} at {where}",
            "ar": "‏{call} رفعت الاستثناء {error} في {where}",
        },
        "import_failed": {
            "en": "your module {module} could not be imported: {error}",
            "ar": "تعذّر استيراد وحدتك {module}: {error}",
        },
        "hang": {
            "en": (
                "{call} did not finish within {seconds:.1f} s: it is waiting for something "
                "that never happens (a join on a thread or process that never ends, a result "
                "that is never sent, a loop that never exits)"
            ),
            "ar": (
                "لم تنتهِ {call} خلال {seconds:.1f} ثانية: إنها تنتظر شيئًا لا يحدث أبدًا "
                "(انتظار خيط أو عملية لا تنتهي، نتيجة لا تُرسل، حلقة لا تخرج)"
            ),
        },
        "stuck": {
            "en": (
                "{call} had not returned after {seconds:.1f} s, and it never will: for the "
                "last {still:.1f} s nothing had run, and every thread (and child process) "
                "involved was waiting without a time limit (a join on a process that never "
                "ends, a get() or read of a result that is never sent, a lock that is never "
                "released). No timeout can wake any of them; only one of them could have "
                "woken the others"
            ),
            "ar": (
                "لم تعد {call} بعد {seconds:.1f} ثانية، ولن تعود أبدًا: لم يعمل شيء طوال آخر "
                "{still:.1f} ثانية، وكان كل خيط (وكل عملية فرعية) معنيّ ينتظر بلا مهلة (join "
                "على عملية لا تنتهي، get() أو قراءة نتيجة لا تُرسل، قفل لا يُحرَّر). لا مهلة "
                "ستوقظ أيًّا منها، ولم يكن يوقظها إلا واحد منها"
            ),
        },
        "stalled": {
            "en": (
                "{call} had not returned after {seconds:.1f} s, and for the last "
                "{still:.1f} s nothing had run: every thread (and child process) involved "
                "was asleep and none was woken. It is waiting for something that never "
                "happens (a join on a thread or process that never ends, a result that is "
                "never sent, a lock that is never released, a get() or select() without a "
                "timeout), or waits much longer than it needs to (a poll or join timeout of "
                "more than {still:.1f} s before it looks whether the other side is still there)"
            ),
            "ar": (
                "لم تعد {call} بعد {seconds:.1f} ثانية، ولم يعمل شيء طوال آخر {still:.1f} "
                "ثانية: كل خيط (وكل عملية فرعية) معنيّ كان نائمًا ولم يوقظه شيء. إنها تنتظر "
                "شيئًا لا يحدث أبدًا (انتظار خيط أو عملية لا تنتهي، نتيجة لا تُرسل، قفل لا "
                "يُحرَّر، get() أو select() بلا مهلة)، أو تنتظر أطول بكثير مما يلزم (مهلة poll أو "
                "join تزيد على {still:.1f} ثانية قبل أن تتحقق هل ما زال الطرف الآخر موجودًا)"
            ),
        },
        "leaked_threads": {
            "en": (
                "{count} thread(s) you started were still running after the call returned: "
                "{names}. Join every thread you start before you return."
            ),
            "ar": (
                "بقي {count} من الخيوط التي بدأتها يعمل بعد عودة الدالة: {names}. "
                "انتظر (join) كل خيط تبدؤه قبل أن تعود."
            ),
        },
        "leaked_processes": {
            "en": (
                "{count} child process(es) were still alive after the call returned "
                "(pids {pids}). Join every process you start, and close or shut down pools "
                "and executors (a `with` block does it)."
            ),
            "ar": (
                "بقيت {count} من العمليات الفرعية حيّة بعد عودة الدالة (المعرّفات {pids}). "
                "انتظر (join) كل عملية تبدؤها، وأغلق المجمّعات والمنفّذات (كتلة with تفعل ذلك)."
            ),
        },
        "exit_stuck": {
            "en": (
                "The tests are over (results above), but the test process could not exit "
                "within {seconds:g} s, so it was ended. A pool or executor left open is the "
                "usual cause: its workers were stopped and Python's exit waits on it for ever. "
                "Close pools and executors before your function returns (a `with` block "
                "does it)."
            ),
            "ar": (
                "انتهت الاختبارات (النتائج أعلاه)، لكن عملية الاختبار لم تستطع الخروج خلال "
                "{seconds:g} ثانية فأُنهيت. السبب المعتاد مجمّع أو منفّذ بقي مفتوحًا: أُوقفت "
                "عمّاله فصار خروج بايثون ينتظره إلى الأبد. أغلق المجمّعات والمنفّذات قبل أن "
                "تعود دالتك (كتلة with تفعل ذلك)."
            ),
        },
        "leaked_sockets": {
            "en": (
                "{count} socket(s) were left open after the call returned. Close every socket "
                "you open, also when something fails (`with socket...` or try/finally)."
            ),
            "ar": (
                "بقي {count} من المقابس (sockets) مفتوحًا بعد عودة الدالة. أغلق كل مقبس تفتحه، "
                "حتى عند حدوث خطأ (with أو try/finally)."
            ),
        },
        "label_passed": {"en": "passed", "ar": "نجحت"},
        "label_failed": {"en": "FAILED", "ar": "فشلت"},
        "label_skipped": {"en": "skipped", "ar": "تُخطّيت"},
        "label_task": {"en": "task", "ar": "المهمة"},
        "more_failures": {"en": "(+{count} more)", "ar": "(و{count} غيرها)"},
        "summary": {
            "en": "{passed} of {total} task(s) passed.",
            "ar": "نجحت {passed} من {total} مهمة.",
        },
        "more_detail": {
            "en": "Full tracebacks: add -- -v to the command (e.g. nox -s check-{number} -- -v).",
            "ar": "للتفاصيل الكاملة أضف ‎-- -v‎ إلى الأمر (مثل nox -s check-{number} -- -v).",
        },
        "cannot_import": {
            "en": "could not be imported, so no task could be checked: {error}",
            "ar": "تعذّر استيرادها، فلم يمكن فحص أي مهمة: {error}",
        },
    },
)
