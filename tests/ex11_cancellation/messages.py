"""Messages of exercise 11 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex11_cancellation",
    {
        # -- shared by several tasks ----------------------------------------------------------
        "wrong_result": {
            "en": "{call} returned {got!r}; expected {want!r}.",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع {want!r}.",
        },
        "late_return": {
            "en": "{call} returned after {elapsed:.3f} s of loop time; expected {want:.3f} s. "
            "Return as soon as the work is over (or the time is up and the cancelled work has "
            "finished): do not sleep for the whole delay, and do not wait longer than needed.",
            "ar": "عادت {call} بعد {elapsed:.3f} ثانية من زمن الحلقة؛ المتوقع {want:.3f} ثانية. "
            "عُد حالما ينتهي العمل (أو حالما ينقضي الوقت وينتهي العمل الملغى): لا تنم طوال "
            "المهلة كلها، ولا تنتظر أكثر من اللازم.",
        },
        "not_none": {
            "en": "{call}: the time ran out, so the result part must be None, but it was "
            "{got!r}.",
            "ar": "‏{call}: انقضى الوقت، فيجب أن تكون النتيجة None، لكنها كانت {got!r}.",
        },
        "no_timeout": {
            "en": "{call} waited {elapsed:.3f} s of loop time: the work ran to its end instead "
            "of being given up when the time ran out. Use asyncio.wait_for, asyncio.timeout, "
            "or asyncio.wait(..., timeout=...).",
            "ar": "انتظرت {call} مدة {elapsed:.3f} ثانية من زمن الحلقة: اكتمل العمل بدل التخلّي "
            "عنه عند انقضاء الوقت. استخدم asyncio.wait_for أو asyncio.timeout أو "
            "asyncio.wait(..., timeout=...).",
        },
        "never_idle": {
            "en": "{call} kept the event loop busy: for {still:.1f} s of real time the loop "
            "was never idle (some code was always ready to run, burning CPU), and loop time "
            "stood still at {at:.2f} s (in the tests it moves only while the loop waits), so "
            "no timer (asyncio.sleep, a timeout) could come due (the test stopped it). "
            "Polling in a loop around `await asyncio.sleep(0)` is a busy wait: it gives the "
            "loop back but asks to run again at once. Let the loop wait for you: "
            "asyncio.wait_for, asyncio.timeout, asyncio.wait(..., timeout=...), or await the "
            "task.",
            "ar": "أبقت {call} حلقة الأحداث مشغولة: طوال {still:.1f} ثانية من الوقت الحقيقي لم "
            "تكن الحلقة خاملة قط (كانت هناك دائمًا شيفرة جاهزة للتنفيذ تستهلك المعالج)، وتوقّف "
            "زمن الحلقة عند {at:.2f} ثانية (في الاختبارات لا يتقدّم إلا حين تنتظر الحلقة)، فلم "
            "يحِن موعد أي مؤقّت (asyncio.sleep، مهلة) (أوقفها الاختبار). الاستطلاع في حلقة حول "
            "`await asyncio.sleep(0)` انتظار مشغول: يعيد الحلقة لكنه يطلب التنفيذ من جديد "
            "فورًا. دع الحلقة تنتظر عنك: asyncio.wait_for أو asyncio.timeout أو "
            "asyncio.wait(..., timeout=...)، أو await على المهمة.",
        },
        "loop_frozen": {
            "en": "{call} froze the event loop: it did not give control back for {frozen:.1f} s "
            "of real time, so no other task and no timer could run (the test stopped it). A "
            "`while` loop without await, or a blocking call such as time.sleep, holds the one "
            "thread: wait with await (asyncio.sleep, asyncio.wait_for, await the task).",
            "ar": "جمّدت {call} حلقة الأحداث: لم تُعِد التحكم إليها مدة {frozen:.1f} ثانية من الوقت "
            "الحقيقي، فلم تستطع أي مهمة أخرى ولا أي مؤقّت أن يعمل (أوقفها الاختبار). حلقة while "
            "بلا await، أو استدعاء حاجب مثل time.sleep، تشغل الخيط الوحيد: انتظر بـ await "
            "(asyncio.sleep أو asyncio.wait_for أو await على المهمة).",
        },
        # -- task 1 -------------------------------------------------------------------------------
        "left_running": {
            "en": "{call} returned, but the inner work was never cancelled: it is still "
            "running in the background after the {seconds:.1f} s were up. A timeout must "
            "cancel the work (asyncio.wait with a timeout only stops *waiting*; call "
            "task.cancel() too, or use asyncio.wait_for / asyncio.timeout).",
            "ar": "عادت {call} لكن العمل الداخلي لم يُلغَ أبدًا: ما زال يعمل في الخلفية بعد "
            "انقضاء {seconds:.1f} ثانية. يجب أن تُلغي المهلةُ العمل (asyncio.wait مع مهلة توقف "
            "*الانتظار* فقط؛ استدعِ task.cancel() أيضًا، أو استخدم asyncio.wait_for / "
            "asyncio.timeout).",
        },
        "cleanup_unfinished": {
            "en": "{call} returned while the cancelled work was still cleaning up (its "
            "`finally` needs {cleanup:.1f} s more). task.cancel() only *asks* the task to stop: "
            "await the task (or asyncio.wait on it) until it is done before you return.",
            "ar": "عادت {call} بينما كان العمل الملغى لا يزال ينظّف (يحتاج finally الخاص به "
            "{cleanup:.1f} ثانية أخرى). task.cancel() *تطلب* التوقف فقط: انتظر المهمة (await "
            "أو asyncio.wait) حتى تنتهي قبل أن تعود.",
        },
        "timeout_escaped": {
            "en": "{call} raised TimeoutError when the time ran out; it must catch it and "
            "return None instead.",
            "ar": "رفعت {call} الاستثناء TimeoutError عند انقضاء الوقت؛ يجب أن تلتقطه وتعيد "
            "None بدلًا منه.",
        },
        "early_return": {
            "en": "{call} was already over after 1 s of loop time ({got}), long before its "
            "5 s were up.",
            "ar": "انتهت {call} بعد ثانية واحدة من زمن الحلقة ({got})، قبل انقضاء ثوانيها "
            "الخمس بكثير.",
        },
        "ignored_caller_cancel": {
            "en": "the task running {call} was cancelled by its caller, but it never finished: "
            "the cancellation was ignored.",
            "ar": "ألغى المستدعي المهمة التي تنفّذ {call}، لكنها لم تنتهِ أبدًا: تجوهل الإلغاء.",
        },
        "swallowed_caller_cancel": {
            "en": "the task running {call} was cancelled by its caller, but it {got} instead "
            "of ending cancelled. Only the timeout becomes None: catch TimeoutError, never "
            "asyncio.CancelledError (or re-raise it) — the caller asked to stop.",
            "ar": "ألغى المستدعي المهمة التي تنفّذ {call}، لكنها انتهت هكذا: {got} بدل أن تنتهي "
            "ملغاة. المهلة وحدها تصير None: التقط TimeoutError ولا تلتقط asyncio.CancelledError "
            "أبدًا (أو أعد رفعه) — فالمستدعي طلب التوقف.",
        },
        "error_swallowed": {
            "en": "{call} returned {got!r}: the work failed with ValueError after 0.5 s, well "
            "within the 2 s, but its error never reached the caller. Only the timeout becomes "
            "None: catch TimeoutError alone (not Exception), so that the work's own errors go "
            "on to the caller.",
            "ar": "أعادت {call} القيمة {got!r}: فشل العمل بالاستثناء ValueError بعد 0.5 ثانية، "
            "أي ضمن الثانيتين، لكن خطأه لم يصل إلى المستدعي أبدًا. المهلة وحدها تصير None: "
            "التقط TimeoutError وحده (لا Exception)، لتمضي أخطاء العمل نفسه إلى المستدعي.",
        },
        # -- task 2 -------------------------------------------------------------------------------
        "task_left_running": {
            "en": "{call} returned but the task is still running and was never cancelled: "
            "after the {seconds:.1f} s, call task.cancel().",
            "ar": "عادت {call} لكن المهمة ما زالت تعمل ولم تُلغَ أبدًا: بعد {seconds:.1f} ثانية "
            "استدعِ task.cancel().",
        },
        "not_waited": {
            "en": "{call} cancelled the task but returned before it had finished (its "
            "`finally` needs {cleanup:.1f} s more). After task.cancel(), wait for the task "
            "to be done (await asyncio.wait({{task}}), or await it and catch CancelledError).",
            "ar": "ألغت {call} المهمة لكنها عادت قبل أن تنتهي (يحتاج finally الخاص بها "
            "{cleanup:.1f} ثانية أخرى). بعد task.cancel() انتظر حتى تنتهي المهمة "
            "(await asyncio.wait({{task}})، أو await عليها مع التقاط CancelledError).",
        },
        "task_not_cancelled": {
            "en": "{call}: the task was still running after the delay but it {got} instead "
            "of ending cancelled.",
            "ar": "‏{call}: كانت المهمة ما زالت تعمل بعد المهلة لكنها انتهت هكذا: {got} بدل أن "
            "تنتهي ملغاة.",
        },
        "finished_task_cancelled": {
            "en": "{call}: the task would finish on its own after 0.5 s, but afterwards it "
            "{got}. Leave a task that finishes in time alone.",
            "ar": "‏{call}: كانت المهمة ستنتهي وحدها بعد 0.5 ثانية، لكنها بعد ذلك: {got}. "
            "اترك المهمة التي تنتهي في الوقت وشأنها.",
        },
        "judged_by_outcome": {
            "en": "{call} returned False, although the task was still running after the delay "
            "and had to be cancelled. The task caught the cancellation and ended normally "
            "({got}), so task.cancelled() is False: the answer must say whether cancel_after "
            "cancelled the task, not how the task ended. Remember that you called "
            "task.cancel() and return True.",
            "ar": "أعادت {call} القيمة False مع أن المهمة كانت ما زالت تعمل بعد المهلة واحتاجت "
            "إلى الإلغاء. التقطت المهمة الإلغاء وانتهت انتهاءً عاديًا ({got})، لذا فإن "
            "task.cancelled() تساوي False: على الجواب أن يقول هل ألغت cancel_after المهمة، لا "
            "كيف انتهت المهمة. تذكّر أنك استدعيت task.cancel() وأعد True.",
        },
        "raised_task_error": {
            "en": "{call} raised the task's own ValueError. It must only report whether it "
            "had to cancel (False here): wait with asyncio.wait, which never raises the "
            "task's exception (asyncio.wait_for and `await task` do).",
            "ar": "رفعت {call} استثناء المهمة نفسها ValueError. عليها فقط أن تخبر هل احتاجت إلى "
            "الإلغاء (False هنا): انتظر بـ asyncio.wait التي لا ترفع استثناء المهمة أبدًا "
            "(بخلاف asyncio.wait_for و await task).",
        },
        # -- task 3 -------------------------------------------------------------------------------
        "not_pair": {
            "en": "{call} returned {got!r}; expected a pair (result or None, task).",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع زوج (النتيجة أو None، المهمة).",
        },
        "not_a_task": {
            "en": "{call}: the second item is {got!r}, not a task. Wrap the work with "
            "asyncio.ensure_future (or create_task) once, and return that task.",
            "ar": "‏{call}: العنصر الثاني هو {got!r} وليس مهمة. غلّف العمل بـ "
            "asyncio.ensure_future (أو create_task) مرة واحدة، وأعد تلك المهمة.",
        },
        "shield_returned": {
            "en": "{call}: the second item is {got!r}, the future asyncio.shield returned, "
            "not the task that runs the work. Cancelling that future would not stop the work, "
            "and it is not a task. Keep the task you shielded (asyncio.ensure_future(aw)) and "
            "return it.",
            "ar": "‏{call}: العنصر الثاني هو {got!r}، أي المستقبل (future) الذي أعادته "
            "asyncio.shield، لا المهمة التي تنفّذ العمل. إلغاء ذلك المستقبل لا يوقف العمل، "
            "وهو ليس مهمة. احتفظ بالمهمة التي وضعتها خلف الدرع (asyncio.ensure_future(aw)) "
            "وأعدها.",
        },
        "shield_cancelled": {
            "en": "{call}: the timeout cancelled the work itself. Wait on asyncio.shield(task): "
            "the timeout then cancels only the shield, and the task keeps running.",
            "ar": "‏{call}: ألغت المهلةُ العملَ نفسه. انتظر asyncio.shield(task): حينها تُلغي "
            "المهلة الدرع فقط، وتستمر المهمة في العمل.",
        },
        "shield_task_done": {
            "en": "{call}: the returned task is already over ({got}) after 1 s, but the work "
            "takes 5 s: return the task that runs the work, not a copy or a finished wrapper.",
            "ar": "‏{call}: المهمة المعادة انتهت ({got}) بعد ثانية واحدة، لكن العمل يستغرق 5 "
            "ثوانٍ: أعد المهمة التي تنفّذ العمل، لا نسخة منها ولا غلافًا منتهيًا.",
        },
        "shield_task_failed": {
            "en": "{call}: awaiting the returned task did not give the work's result "
            "({error}; the work was started {runs} time(s)). Create the task once, keep it, "
            "and return that same task (do not wrap the coroutine a second time).",
            "ar": "‏{call}: انتظار المهمة المعادة لم يُعطِ نتيجة العمل ({error}؛ بدأ العمل "
            "{runs} مرة). أنشئ المهمة مرة واحدة واحتفظ بها وأعد المهمة نفسها (لا تغلّف "
            "الـ coroutine مرة ثانية).",
        },
        "shield_restarted": {
            "en": "{call}: the work finished {elapsed:.3f} s after the call, not 5 s: it was "
            "started again instead of continuing. Return the task that was already running.",
            "ar": "‏{call}: انتهى العمل بعد {elapsed:.3f} ثانية من الاستدعاء لا بعد 5 ثوانٍ: "
            "بدأ من جديد بدل أن يستمر. أعد المهمة التي كانت تعمل أصلًا.",
        },
        # -- task 4 -------------------------------------------------------------------------------
        "worker_spins": {
            "en": "{call} kept the event loop busy: for {still:.1f} s of real time after the "
            "worker started, the loop was never idle (the worker was always ready to run "
            "again, burning CPU), and loop time stood still at {at:.2f} s (in the tests it "
            "moves only while the loop waits), so no timer could come due: the test's own "
            "2-s sleep never ended (the test stopped it). `await asyncio.sleep(0)` in a "
            "`while True` loop gives the loop back but asks to run again at once: a busy loop. "
            "Sleep for a real interval in each round (e.g. `await asyncio.sleep(0.1)`).",
            "ar": "أبقت {call} حلقة الأحداث مشغولة: طوال {still:.1f} ثانية من الوقت الحقيقي بعد "
            "بدء العامل لم تكن الحلقة خاملة قط (كان العامل دائمًا جاهزًا للتنفيذ من جديد "
            "مستهلكًا المعالج)، وتوقّف زمن الحلقة عند {at:.2f} ثانية (في الاختبارات لا يتقدّم "
            "إلا حين تنتظر الحلقة)، فلم يحِن موعد أي مؤقّت: لم ينتهِ نوم الاختبار نفسه لثانيتين "
            "(أوقفه الاختبار). "
            "`await asyncio.sleep(0)` داخل حلقة `while True` يعيد الحلقة لكنه يطلب التنفيذ من "
            "جديد فورًا: حلقة مشغولة. نم مدة حقيقية في كل دورة (مثل "
            "`await asyncio.sleep(0.1)`).",
        },
        "worker_stopped": {
            "en": "worker(log) was already over after 2 s ({got}); it must loop forever "
            "(`while True: await asyncio.sleep(...)`) until it is cancelled.",
            "ar": "انتهت worker(log) بعد ثانيتين ({got})؛ يجب أن تدور إلى الأبد "
            "(`while True: await asyncio.sleep(...)`) حتى تُلغى.",
        },
        "logged_early": {
            "en": "worker(log) wrote {got!r} before it was cancelled; \"cleanup\" belongs only "
            "to the cancellation.",
            "ar": "كتبت worker(log) القيمة {got!r} قبل أن تُلغى؛ \"cleanup\" تُكتب عند الإلغاء "
            "فقط.",
        },
        "worker_ignores_cancel": {
            "en": "worker(log) was cancelled but never finished: it caught CancelledError and "
            "kept looping. Clean up, then re-raise.",
            "ar": "أُلغيت worker(log) لكنها لم تنتهِ أبدًا: التقطت CancelledError واستمرت في "
            "الدوران. نظّف ثم أعد رفع الاستثناء.",
        },
        "no_cleanup": {
            "en": "after worker(log) was cancelled the log was {got!r}; expected ['cleanup']. "
            "Catch asyncio.CancelledError (or use finally) and append \"cleanup\" exactly once.",
            "ar": "بعد إلغاء worker(log) كان السجل {got!r}؛ المتوقع ['cleanup']. التقط "
            "asyncio.CancelledError (أو استخدم finally) وأضف \"cleanup\" مرة واحدة بالضبط.",
        },
        "worker_swallowed": {
            "en": "worker(log) cleaned up but then {got} instead of ending cancelled: it "
            "swallowed the CancelledError. Re-raise it (a bare `raise`) after the clean-up, "
            "so whoever cancelled the task sees it was cancelled.",
            "ar": "نظّفت worker(log) ثم انتهت هكذا: {got} بدل أن تنتهي ملغاة: ابتلعت "
            "CancelledError. أعد رفعه (`raise` وحدها) بعد التنظيف، ليعرف من ألغى المهمة أنها "
            "أُلغيت.",
        },
    },
    parent=COMMON,
)
