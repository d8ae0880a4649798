"""Messages of exercise 01 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex01_threads",
    {
        "not_threadinfo": {
            "en": "describe_current() returned {got!r}; expected a ThreadInfo(pid, thread_count, "
            "thread_name).",
            "ar": "أعادت describe_current() القيمة {got!r}؛ المتوقع ThreadInfo(pid, thread_count, "
            "thread_name).",
        },
        "wrong_pid": {
            "en": "describe_current().pid is {got}, but this process's id is {want}: use "
            "os.getpid().",
            "ar": "قيمة describe_current().pid هي {got} لكن معرّف هذه العملية {want}: استخدم "
            "os.getpid().",
        },
        "wrong_count": {
            "en": "describe_current().thread_count is {got} while {want} threads were alive "
            "(the test started {extra} extra ones): count them with threading.active_count() "
            "at the moment of the call.",
            "ar": "قيمة describe_current().thread_count هي {got} بينما كان {want} خيطًا حيًّا "
            "(بدأ الاختبار {extra} إضافية): احسبها بـ threading.active_count() لحظة الاستدعاء.",
        },
        "daemons_missed": {
            "en": "describe_current().thread_count is {got} while {want} threads were alive, "
            "{daemons} of them daemon thread(s): exactly the daemon threads are missing from your "
            "count. A daemon thread is alive and running like any other (it only does not keep "
            "the program from exiting): count every live thread, threading.active_count().",
            "ar": "قيمة describe_current().thread_count هي {got} بينما كان {want} خيطًا حيًّا، "
            "منها {daemons} من الخيوط الخفية (daemon): الناقص من عدّك هو الخيوط الخفية بالضبط. "
            "الخيط الخفي حيّ ويعمل كأي خيط آخر (إلا أنه لا يمنع البرنامج من الانتهاء): احسب كل "
            "الخيوط الحيّة، threading.active_count().",
        },
        "wrong_name": {
            "en": "called from a thread named {want!r}, describe_current() said {got!r}: "
            "read the name of threading.current_thread(), do not assume the main thread.",
            "ar": "عند الاستدعاء من خيط اسمه {want!r} أعادت describe_current() الاسم {got!r}: "
            "اقرأ اسم threading.current_thread() ولا تفترض أنه الخيط الرئيسي.",
        },
        "not_concurrent": {
            "en": "run_in_threads with {n} callables that wait for each other: at most {peak} of "
            "{n} were running at the same time, so they never met. The calls ran one after "
            "another: start every thread first, and join them only after all are started.",
            "ar": "شغّلنا run_in_threads بـ {n} دوال ينتظر بعضها بعضًا: لم يعمل منها في الوقت نفسه "
            "أكثر من {peak} من {n}، فلم تلتقِ أبدًا. نُفّذت الاستدعاءات واحدًا تلو الآخر: ابدأ كل "
            "الخيوط أولًا، ثم انتظرها (join) بعد أن تبدأ جميعها.",
        },
        "too_few_threads": {
            "en": "run_in_threads with {n} callables that wait for each other: only {peak} ran at "
            "once, in {threads} distinct thread(s). Some callables waited for a free thread: "
            "give every callable a new thread of its own (no fixed-size pool).",
            "ar": "شغّلنا run_in_threads بـ {n} دوال ينتظر بعضها بعضًا: عمل منها {peak} فقط معًا، "
            "في {threads} خيط مختلف. انتظرت بعض الدوال خيطًا متاحًا: أعطِ كل دالة خيطًا جديدًا "
            "خاصًا بها (لا مجمّع خيوط ثابت الحجم).",
        },
        "ran_in_main": {
            "en": "run_in_threads ran {count} of {n} callables in the calling thread itself; "
            "each must run in a new thread of its own.",
            "ar": "نفّذت run_in_threads {count} من {n} دوال في الخيط المستدعي نفسه؛ يجب أن تعمل "
            "كل دالة في خيط جديد خاص بها.",
        },
        "wrong_results": {
            "en": "run_in_threads returned {got!r}; expected {want!r}: the results must follow "
            "the order of the callables, not the order in which the threads finished.",
            "ar": "أعادت run_in_threads القيمة {got!r}؛ المتوقع {want!r}: يجب أن تتبع النتائج "
            "ترتيب الدوال لا ترتيب انتهاء الخيوط.",
        },
        "same_callable": {
            "en": "run_in_threads([f] * {n}) with one callable f that returns a new number on "
            "each call ({calls} call(s) made) returned {got!r}; expected each call's own result, "
            "the numbers {want} in any order. The same callable may appear more than once: keep "
            "one result slot per position (results[i]), not one per callable (a dict keyed by "
            "the function).",
            "ar": "شغّلنا run_in_threads([f] * {n}) بدالة واحدة f تعيد عددًا جديدًا في كل استدعاء "
            "(جرى {calls} استدعاء) فأعادت {got!r}؛ المتوقع نتيجة كل استدعاء بعينه، الأعداد {want} "
            "بأي ترتيب. قد تتكرر الدالة نفسها أكثر من مرة: احفظ خانة نتيجة لكل موضع (results[i])، "
            "لا لكل دالة (قاموس مفتاحه الدالة).",
        },
        "no_error": {
            "en": "a callable raised {want}, but run_in_threads returned {got!r} instead of "
            "re-raising it. Keep each thread's exception and raise it after joining.",
            "ar": "رفعت إحدى الدوال {want} لكن run_in_threads أعادت {got!r} بدل أن تعيد رفعه. "
            "احفظ استثناء كل خيط وارفعه بعد الانتظار (join).",
        },
        "wrong_error": {
            "en": "run_in_threads raised {got}; expected {want}, the exception of the first "
            "failing callable in input order (not the first to fail in time).",
            "ar": "رفعت run_in_threads {got}؛ المتوقع {want}، استثناء أول دالة فاشلة حسب ترتيب "
            "الإدخال (لا أول ما فشل زمنيًا).",
        },
        "raised_early": {
            "en": "run_in_threads raised {error} while {running} thread(s) were still running. "
            "Wait for every thread to finish, then re-raise.",
            "ar": "رفعت run_in_threads {error} بينما كان {running} من الخيوط ما يزال يعمل. "
            "انتظر انتهاء كل الخيوط ثم أعد رفع الاستثناء.",
        },
        "thread_alive": {
            "en": "after run_in_threads returned, {count} of its threads were still alive: "
            "join every thread before returning.",
            "ar": "بعد عودة run_in_threads كان {count} من خيوطها ما يزال حيًّا: انتظر (join) كل "
            "خيط قبل العودة.",
        },
        "empty": {
            "en": "run_in_threads([]) returned {got!r}; expected [].",
            "ar": "أعادت run_in_threads([]) القيمة {got!r}؛ المتوقع [].",
        },
    },
    parent=COMMON,
)
