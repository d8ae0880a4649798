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
            "they had finished cancelling: their `finally` blocks, which take {cleanup:.1f} s "
            "of loop time here, had not finished. cancel() only asks a task to stop: after "
            "task.cancel(), await the tasks (e.g. gather(*tasks, return_exceptions=True)), "
            "then re-raise; a single `await asyncio.sleep(0)` is not enough.",
            "ar": "ألغت run_concurrently المهام الأخرى ({count}) لكنها أعادت رفع الخطأ قبل أن "
            "تنتهي من الإلغاء: لم تنتهِ كتل `finally` فيها، وهي تستغرق هنا {cleanup:.1f} ثانية "
            "من وقت الحلقة. cancel() *تطلب* من المهمة التوقف فقط: بعد task.cancel() انتظر "
            "المهام (مثل gather(*tasks, return_exceptions=True)) ثم أعد رفع الخطأ؛ ولا يكفي "
            "`await asyncio.sleep(0)` واحد.",
        },
        "returned_early": {
            "en": "{call} was already over after 1 s of loop time and returned {got!r}, while "
            "its awaitables take 10 s each.",
            "ar": "انتهت {call} بعد ثانية واحدة من وقت الحلقة وأعادت {got!r}، مع أن كل "
            "awaitable فيها يستغرق 10 ثوانٍ.",
        },
        "caller_cancel_ignored": {
            "en": "the task running {call} was cancelled by its caller after 1 s of loop time, "
            "but it never finished: the cancellation was ignored. Let CancelledError go on "
            "once the tasks have stopped.",
            "ar": "ألغى المستدعي المهمة التي تنفّذ {call} بعد ثانية واحدة من وقت الحلقة، لكنها لم "
            "تنتهِ أبدًا: تجوهل الإلغاء. دع CancelledError يمضي بعد أن تتوقف المهام.",
        },
        "caller_cancel_left": {
            "en": "the task running {call} was cancelled by its caller after 1 s of loop time. "
            "When it ended, {count} of the tasks it had started were still running, and "
            "{done} of 2 had finished their cleanup (a `finally` of {cleanup:.1f} s). No task "
            "may outlive the call, not even when the call itself is cancelled: the "
            "CancelledError comes out of your own await (asyncio.wait, as_completed...), so "
            "catch it (`except BaseException:`), cancel the tasks, await them, and re-raise "
            "(gather and TaskGroup do this for you).",
            "ar": "ألغى المستدعي المهمة التي تنفّذ {call} بعد ثانية واحدة من وقت الحلقة. عند "
            "انتهائها كان {count} من المهام التي بدأتها لا يزال يعمل، وأنهى {done} من 2 "
            "تنظيفه (كتلة `finally` تستغرق {cleanup:.1f} ثانية). لا يجوز أن تعيش أي مهمة بعد "
            "الاستدعاء، ولا حتى حين يُلغى الاستدعاء نفسه: يخرج CancelledError من await الخاص "
            "بك (asyncio.wait أو as_completed...)، فالتقطه (`except BaseException:`) وألغِ "
            "المهام وانتظرها ثم أعد رفعه (تفعل gather و TaskGroup ذلك نيابةً عنك).",
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
        "tick_never_idle": {
            "en": "{call} kept the event loop busy: for {still:.1f} s of real time the loop "
            "was never idle (some code was always ready to run, burning CPU), and loop time "
            "stood still at {at:.2f} s (in the tests it moves only while the loop waits), so "
            "the delay task's timer never came due (the test stopped it). A tick of `await "
            "asyncio.sleep(0)` gives the loop back but asks to run again at once: a busy wait "
            "that counts as fast as the loop turns. Each tick must `await "
            "asyncio.sleep(tick)`.",
            "ar": "أبقت {call} حلقة الأحداث مشغولة: طوال {still:.1f} ثانية من الوقت الحقيقي لم "
            "تكن الحلقة خاملة قط (كانت هناك دائمًا شيفرة جاهزة للتنفيذ تستهلك المعالج)، وتوقّف "
            "وقت الحلقة عند {at:.2f} ثانية (في الاختبارات لا يتقدّم إلا حين تنتظر الحلقة)، فلم "
            "يحِن موعد مؤقّت مهمة التأخير أبدًا (أوقفها الاختبار). النبضة `await "
            "asyncio.sleep(0)` تعيد الحلقة لكنها تطلب التنفيذ من جديد فورًا: انتظار مشغول يعدّ "
            "بأسرع ما تدور الحلقة. يجب أن تنفّذ كل نبضة `await asyncio.sleep(tick)`.",
        },
        "delay_cancelled": {
            "en": "{call} cancelled its delay task after {at:.2f} s of loop time, long before "
            "its {seconds} s were up, then returned {got} tick(s). asyncio.wait_for(task, "
            "tick) cancels the task it waits for when the tick's time runs out. Wait one tick "
            "without touching the task: `await asyncio.sleep(tick)` while it is not done "
            "(or asyncio.wait({{task}}, timeout=tick), which never cancels).",
            "ar": "ألغت {call} مهمة التأخير بعد {at:.2f} ثانية من وقت الحلقة، قبل انقضاء "
            "ثوانيها ({seconds}) بكثير، ثم أعادت {got} نبضة. تُلغي asyncio.wait_for(task, tick) "
            "المهمةَ التي تنتظرها حين ينقضي وقت النبضة. انتظر نبضة واحدة دون المساس بالمهمة: "
            "`await asyncio.sleep(tick)` ما دامت لم تنتهِ (أو asyncio.wait({{task}}, "
            "timeout=tick) التي لا تُلغي أبدًا).",
        },
        "loop_frozen": {
            "en": "{call} froze the event loop: it did not give control back for {frozen:.1f} s "
            "of real time, so no other task could run (the test stopped it). A `while` loop "
            "without await, or a blocking call such as time.sleep, holds the one thread: wait "
            "with await (await the tasks, gather, asyncio.wait).",
            "ar": "جمّدت {call} حلقة الأحداث: لم تُعِد التحكم إليها مدة {frozen:.1f} ثانية من الوقت "
            "الحقيقي، فلم تستطع أي مهمة أخرى أن تعمل (أوقفها الاختبار). حلقة while بلا await، "
            "أو استدعاء حاجب مثل time.sleep، تشغل الخيط الوحيد: انتظر بـ await (انتظر المهام، "
            "gather، asyncio.wait).",
        },
        "never_idle": {
            "en": "{call} kept the event loop busy: for {still:.1f} s of real time the loop "
            "was never idle (some code was always ready to run, burning CPU), and loop time "
            "stood still at {at:.2f} s (in the tests it moves only while the loop waits), so "
            "no timer (asyncio.sleep, the delays) could come due (the test stopped it). "
            "Polling in a loop around `await asyncio.sleep(0)` is a busy wait: it gives the "
            "loop back but asks to run again at once. Await the tasks themselves (await task, "
            "gather, asyncio.wait): the loop then waits until one is done.",
            "ar": "أبقت {call} حلقة الأحداث مشغولة: طوال {still:.1f} ثانية من الوقت الحقيقي لم "
            "تكن الحلقة خاملة قط (كانت هناك دائمًا شيفرة جاهزة للتنفيذ تستهلك المعالج)، وتوقّف "
            "وقت الحلقة عند {at:.2f} ثانية (في الاختبارات لا يتقدّم إلا حين تنتظر الحلقة)، فلم "
            "يحِن موعد أي مؤقّت (asyncio.sleep، التأخيرات) (أوقفها الاختبار). الاستطلاع في "
            "حلقة حول `await asyncio.sleep(0)` انتظار مشغول: يعيد الحلقة لكنه يطلب التنفيذ من "
            "جديد فورًا. انتظر المهام نفسها (await task، gather، asyncio.wait): عندها تنتظر "
            "الحلقة حتى تنتهي إحداها.",
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
