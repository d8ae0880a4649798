"""Messages of exercise 10 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex10_tasks",
    {
        "sequential": {
            "en": "{call} took {elapsed:.2f} s of loop time; expected {want:.2f} s, the longest "
            "delay, not {total:.2f} s, their sum. The delays ran one after another: create a "
            "task for every delay first (asyncio.create_task), and await them only after all "
            "are started.",
            "ar": "استغرقت {call} ‏{elapsed:.2f} ثانية من وقت الحلقة؛ المتوقع {want:.2f} ثانية، أي "
            "أطول تأخير، لا {total:.2f} ثانية أي مجموعها. نُفّذت التأخيرات واحدًا تلو الآخر: "
            "أنشئ مهمة (task) لكل تأخير أولًا (asyncio.create_task)، ولا تنتظرها إلا بعد أن "
            "تبدأ جميعها.",
        },
        "wrong_duration": {
            "en": "{call} took {elapsed:.2f} s of loop time; expected {want:.2f} s.",
            "ar": "استغرقت {call} ‏{elapsed:.2f} ثانية من وقت الحلقة؛ المتوقع {want:.2f} ثانية.",
        },
        "wrong_order": {
            "en": "{call} returned {got!r}; expected {want!r}: results follow the input order, "
            "not the order in which the waits finished (await the tasks in the order you "
            "created them, or use gather).",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع {want!r}: النتائج تتبع ترتيب الإدخال لا "
            "ترتيب انتهاء الانتظار (انتظر المهام بترتيب إنشائها، أو استخدم gather).",
        },
        "not_concurrent": {
            "en": "run_concurrently with {n} coroutines that wait for each other at an "
            "asyncio.Barrier: at most {peak} of {n} were waiting at the same time, so they "
            "never met and the barrier timed out. Something awaited one coroutine before the "
            "others had started: wrap every awaitable in a task first (asyncio.ensure_future / "
            "create_task, or gather them all in one call), then await.",
            "ar": "شغّلنا run_concurrently بـ {n} كوروتينات ينتظر بعضها بعضًا عند asyncio.Barrier: "
            "لم ينتظر منها في الوقت نفسه أكثر من {peak} من {n}، فلم تلتقِ أبدًا وانتهت مهلة "
            "الحاجز. انتُظر كوروتين قبل أن تبدأ البقية: حوّل كل awaitable إلى مهمة أولًا "
            "(asyncio.ensure_future أو create_task، أو اجمعها كلها في استدعاء gather واحد)، "
            "ثم انتظر.",
        },
        "started_late": {
            "en": "run_concurrently started the awaitables at these loop times (sleep length: "
            "start time) {started}; every one should start at 0, before any is awaited. "
            "Wrap them all in tasks first, then await.",
            "ar": "بدأت run_concurrently الـ awaitables في أوقات الحلقة هذه (مدة النوم: وقت البدء) "
            "{started}؛ يجب أن يبدأ كل منها عند 0، قبل انتظار أي منها. غلّفها كلها في مهام "
            "أولًا ثم انتظر.",
        },
        "no_error": {
            "en": "one of the awaitables raised {want}, but run_concurrently returned {got!r} "
            "instead of re-raising it.",
            "ar": "رفع أحد الـ awaitables الاستثناء {want}، لكن run_concurrently أعادت {got!r} "
            "بدل أن تعيد رفعه.",
        },
        "exception_group": {
            "en": "run_concurrently raised an ExceptionGroup ({got}); expected the first "
            "exception itself, {want}. A TaskGroup wraps failures in a group: catch it "
            "(`except* ...` or `except ExceptionGroup as group`) and raise the first one.",
            "ar": "رفعت run_concurrently مجموعة استثناءات ExceptionGroup ‏({got})؛ المتوقع "
            "الاستثناء الأول نفسه {want}. تغلّف TaskGroup الأخطاء في مجموعة: التقطها "
            "(`except* ...` أو `except ExceptionGroup as group`) وارفع أولها.",
        },
        "wrong_error": {
            "en": "run_concurrently raised {got}; expected {want}, the exception of the "
            "awaitable that failed.",
            "ar": "رفعت run_concurrently ‏{got}؛ المتوقع {want}، استثناء الـ awaitable الذي فشل.",
        },
        "waited_for_all": {
            "en": "one awaitable failed after {failed_at:.2f} s, but run_concurrently only "
            "raised after {elapsed:.2f} s (loop time): it waited for the slow ones to finish. "
            "On the first failure cancel the others at once.",
            "ar": "فشل أحد الـ awaitables بعد {failed_at:.2f} ثانية، لكن run_concurrently لم ترفع "
            "الاستثناء إلا بعد {elapsed:.2f} ثانية (وقت الحلقة): انتظرت انتهاء البطيئة. عند "
            "أول فشل ألغِ (cancel) البقية فورًا.",
        },
        "siblings_left": {
            "en": "run_concurrently re-raised the failure while {count} other task(s) were "
            "still running, never cancelled. gather (and a plain loop of awaits) leaves them "
            "running: cancel every other task and await them before you re-raise.",
            "ar": "أعادت run_concurrently رفع الخطأ بينما بقي {count} من المهام الأخرى يعمل دون "
            "إلغاء. تتركها gather (وحلقة await العادية) تعمل: ألغِ كل مهمة أخرى وانتظرها قبل أن "
            "تعيد رفع الخطأ.",
        },
        "siblings_not_awaited": {
            "en": "run_concurrently cancelled the other {count} task(s) but re-raised before "
            "they had finished cancelling (their `finally` blocks had not run yet). After "
            "task.cancel(), await the tasks (e.g. gather(*tasks, return_exceptions=True)), "
            "then re-raise.",
            "ar": "ألغت run_concurrently المهام الأخرى ({count}) لكنها أعادت رفع الخطأ قبل أن "
            "تنتهي من الإلغاء (لم تُنفَّذ كتل `finally` فيها بعد). بعد task.cancel() انتظر "
            "المهام (مثل gather(*tasks, return_exceptions=True)) ثم أعد رفع الخطأ.",
        },
        "left_tasks": {
            "en": "after {call} returned, {count} task(s) it started were still pending: "
            "every task you create must be finished (awaited or cancelled and awaited) "
            "before you return.",
            "ar": "بعد عودة {call} بقي {count} من المهام التي بدأتها معلّقًا: يجب أن تنتهي كل "
            "مهمة تُنشئها (بالانتظار، أو بالإلغاء ثم الانتظار) قبل العودة.",
        },
        "wrong_results": {
            "en": "{call} returned {got!r}; expected {want!r}.",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع {want!r}.",
        },
        "loop_blocked": {
            "en": "{call} froze the event loop: it did not give control back for {frozen:.1f} s "
            "of real time, so the delay task could never run and finish (the test stopped "
            "it). A tick must `await asyncio.sleep(tick)` — time.sleep, or a `while` loop "
            "without await, keeps the one thread busy.",
            "ar": "جمّدت {call} حلقة الأحداث: لم تُعِد التحكم إليها مدة {frozen:.1f} ثانية من الوقت "
            "الحقيقي، فلم تستطع مهمة التأخير أن تعمل وتنتهي (أوقفها الاختبار). يجب أن تنفّذ كل "
            "نبضة `await asyncio.sleep(tick)` — فالدالة time.sleep، أو حلقة while بلا await، "
            "تشغل الخيط الوحيد.",
        },
        "no_ticks": {
            "en": "{call} returned {got} ticks; expected about {want} (±1). The delay was "
            "awaited before any tick ran: start it as a task, and tick while it is not done.",
            "ar": "أعادت {call} ‏{got} نبضة؛ المتوقع نحو {want} (±1). انتُظر التأخير قبل أي نبضة: "
            "ابدأه مهمةً (task) ونفّذ النبضات ما دام لم ينتهِ.",
        },
        "wrong_ticks": {
            "en": "{call} returned {got} ticks in {elapsed:.2f} s of loop time; expected about "
            "{want} (±1): one tick every {tick} s for as long as the delay task runs.",
            "ar": "أعادت {call} ‏{got} نبضة خلال {elapsed:.2f} ثانية من وقت الحلقة؛ المتوقع نحو "
            "{want} (±1): نبضة كل {tick} ثانية ما دامت مهمة التأخير تعمل.",
        },
        "not_overlapped": {
            "en": "{call} took {elapsed:.2f} s of loop time; expected about {want:.2f} s. The "
            "ticks and the delay ran one after the other instead of at the same time: start "
            "the delay as a task first, then tick while it runs.",
            "ar": "استغرقت {call} ‏{elapsed:.2f} ثانية من وقت الحلقة؛ المتوقع نحو {want:.2f} ثانية. "
            "نُفّذت النبضات والتأخير واحدًا بعد الآخر لا في الوقت نفسه: ابدأ التأخير مهمةً "
            "أولًا ثم نفّذ النبضات أثناء عمله.",
        },
    },
    parent=COMMON,
)
