"""Messages of exercise 12 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex12_async_timed",
    {
        # -- task 1 -------------------------------------------------------------------------------
        "wrong_return": {
            "en": "{call} returned {got!r}; expected {want!r}: the wrapper must return what "
            "the coroutine returns (`return await func(*args, **kwargs)`).",
            "ar": "أعاد {call} القيمة {got!r}؛ المتوقع {want!r}: يجب أن يعيد الغلاف ما يعيده "
            "الـ coroutine (`return await func(*args, **kwargs)`).",
        },
        "not_awaited": {
            "en": "{call} gave back {got!r}, a coroutine object, instead of the coroutine's "
            "result: the wrapper returned func(*args, **kwargs) without awaiting it, so the "
            "decorated coroutine never ran — nothing was really timed, and its result or "
            "exception never came. Write `return await func(*args, **kwargs)` inside the "
            "timing.",
            "ar": "‏{call} أعاد {got!r}، أي كائن coroutine، بدل نتيجة الـ coroutine: أعاد الغلاف "
            "func(*args, **kwargs) دون أن ينتظره بـ await، فلم يعمل الـ coroutine المزخرف أبدًا — "
            "لم يُقَس شيء فعلًا، ولم تصل نتيجته ولا استثناؤه. اكتب "
            "`return await func(*args, **kwargs)` داخل القياس.",
        },
        "starting_line": {
            "en": "{call}: the first logged line was {got!r}; expected [{want!r}]. Log "
            "f\"starting {{name}} with args {{args}} {{kwargs}}\" with the function's "
            "__name__, the args tuple and the kwargs dict.",
            "ar": "‏{call}: كان أول سطر مسجّل {got!r}؛ المتوقع [{want!r}]. سجّل "
            "f\"starting {{name}} with args {{args}} {{kwargs}}\" باسم الدالة __name__ وصف "
            "المعاملات args وقاموس kwargs.",
        },
        "logged_late": {
            "en": "{call}: when the coroutine's body started, {got} line(s) had been logged; "
            "the \"starting\" line must be logged (once) before the coroutine runs.",
            "ar": "‏{call}: عند بدء جسم الـ coroutine كان قد سُجّل {got} سطر؛ يجب تسجيل سطر "
            "\"starting\" (مرة واحدة) قبل أن يعمل الـ coroutine.",
        },
        "timed_creation": {
            "en": "{call}: when the coroutine's body started, the log already held {got!r}: "
            "the \"finished\" line came before the coroutine had even begun. The wrapper "
            "timed only the call func(*args, **kwargs), which merely creates the coroutine "
            "object, and awaited it afterwards, untimed. Read the clock, then "
            "`return await func(*args, **kwargs)` inside the try, and take the end time in "
            "the finally.",
            "ar": "‏{call}: عند بدء جسم الـ coroutine كان السجل يحوي {got!r}: جاء سطر "
            "\"finished\" قبل أن يبدأ الـ coroutine أصلًا. قاس الغلاف استدعاء "
            "func(*args, **kwargs) وحده، وهو لا يفعل سوى إنشاء كائن الـ coroutine، ثم انتظره "
            "بعد ذلك دون قياس. اقرأ الساعة، ثم `return await func(*args, **kwargs)` داخل try، "
            "وخذ وقت النهاية في finally.",
        },
        "log_count": {
            "en": "{call}: the log was {got!r}; expected exactly two lines, \"starting ...\" "
            "then \"finished ...\".",
            "ar": "‏{call}: كان السجل {got!r}؛ المتوقع سطران بالضبط: \"starting ...\" ثم "
            "\"finished ...\".",
        },
        "finished_line": {
            "en": "{call}: the \"finished\" line(s) were {got!r}; expected {want!r}. Log "
            "f\"finished {{name}} in {{elapsed:.4f}} second(s)\" with the elapsed time of "
            "this call.",
            "ar": "‏{call}: كانت أسطر \"finished\" هي {got!r}؛ المتوقع {want!r}. سجّل "
            "f\"finished {{name}} in {{elapsed:.4f}} second(s)\" بالزمن المنقضي لهذا "
            "الاستدعاء.",
        },
        "wrong_elapsed": {
            "en": "{call}: timings is {got!r}; expected {want!r}. Read the injected `clock` "
            "(not time.perf_counter directly) right before awaiting the coroutine and "
            "right after it ends, and append the difference.",
            "ar": "‏{call}: قائمة timings هي {got!r}؛ المتوقع {want!r}. اقرأ الساعة الممرَّرة "
            "`clock` (لا time.perf_counter مباشرة) قبل انتظار الـ coroutine مباشرة وبعد "
            "انتهائه مباشرة، وأضف الفرق.",
        },
        "start_at_decoration": {
            "en": "{call}: timings is {got!r}, counted from the moment the function was "
            "decorated. Read the start time inside the wrapper, when each call begins — not "
            "in the decorator.",
            "ar": "‏{call}: قائمة timings هي {got!r}، محسوبة من لحظة تزيين الدالة. اقرأ وقت "
            "البدء داخل الغلاف عند بدء كل استدعاء — لا في المزخرف.",
        },
        "swallowed_error": {
            "en": "{call} did not raise: the wrapper swallowed the ValueError. Time and log "
            "in a `finally` block and let the exception propagate.",
            "ar": "لم يرفع {call} أي استثناء: ابتلع الغلاف ValueError. احسب الزمن وسجّله في "
            "كتلة finally ودع الاستثناء يمرّ.",
        },
        "no_finally": {
            "en": "{call}: the exception went through, but the call was not timed or the "
            "\"finished\" line is missing (log: {got!r}). Put the end of the timing in a "
            "`finally:` block so it also runs when the coroutine raises.",
            "ar": "‏{call}: مرّ الاستثناء، لكن الاستدعاء لم يُحسب زمنه أو سطر \"finished\" "
            "مفقود (السجل: {got!r}). ضع نهاية القياس في كتلة `finally:` لتعمل أيضًا حين يرفع "
            "الـ coroutine استثناءً.",
        },
        "swallowed_cancel": {
            "en": "{call}: the call was cancelled (task.cancel()), but it ended without "
            "CancelledError (it ended with {got!r}): the wrapper swallowed the cancellation. "
            "Do not catch it, or re-raise it: time and log in a `finally` block.",
            "ar": "‏{call}: أُلغي الاستدعاء (task.cancel())، لكنه انتهى دون CancelledError "
            "(انتهى بـ {got!r}): ابتلع الغلاف الإلغاء. لا تلتقطه، أو أعد رفعه: احسب الزمن "
            "وسجّله في كتلة `finally`.",
        },
        "cancel_not_timed": {
            "en": "{call}: the cancellation went through, but the call was not timed or the "
            "\"finished\" line is missing (log: {got!r}; timings: {timings!r}). Cancelling "
            "raises CancelledError into the coroutine, and CancelledError is a BaseException, "
            "not an Exception: `except Exception:` does not see it. End the timing in a "
            "`finally:` block so that it runs however the coroutine ends.",
            "ar": "‏{call}: مرّ الإلغاء، لكن الاستدعاء لم يُحسب زمنه أو سطر \"finished\" مفقود "
            "(السجل: {got!r}؛ timings: {timings!r}). الإلغاء يرفع CancelledError داخل الـ "
            "coroutine، وCancelledError من BaseException لا من Exception: لا تراه "
            "`except Exception:`. أنهِ القياس في كتلة `finally:` لتعمل أيًّا كانت طريقة انتهاء "
            "الـ coroutine.",
        },
        # -- task 2 -------------------------------------------------------------------------------
        "shared_start": {
            "en": "{call}: timings is {got!r}; expected {want!r}. Each call was measured from "
            "the start of the *latest* call: the start time is shared (stored on the wrapper "
            "or in the decorator). Keep it in a local variable of the wrapper, so that every "
            "call has its own.",
            "ar": "‏{call}: قائمة timings هي {got!r}؛ المتوقع {want!r}. قيس كل استدعاء من بدء "
            "*آخر* استدعاء: وقت البدء مشترك (مخزّن على الغلاف أو في المزخرف). احفظه في متغير "
            "محلي داخل الغلاف ليكون لكل استدعاء وقته الخاص.",
        },
        "nested_calls": {
            "en": "{call}: timings is {got!r}; expected {want!r} (the innermost call ends "
            "first). The calls run one inside the other in the same task, and an inner call "
            "replaced the outer call's start time: it was kept per task (a dict keyed by "
            "the current task) or in a context variable that is never reset. Keep the start "
            "in a local variable of the wrapper: each call, however nested, has its own.",
            "ar": "‏{call}: قائمة timings هي {got!r}؛ المتوقع {want!r} (ينتهي الاستدعاء الأعمق "
            "أولًا). تجري الاستدعاءات واحدًا داخل الآخر في المهمة نفسها، فاستبدل استدعاءٌ داخلي "
            "وقتَ بدء الاستدعاء الخارجي: حُفظ الوقت لكل مهمة (قاموس مفتاحه المهمة الحالية) أو "
            "في متغير سياق (ContextVar) لا يُعاد ضبطه أبدًا. احفظ وقت البدء في متغير محلي داخل "
            "الغلاف: لكل استدعاء وقته مهما تداخل.",
        },
        "start_by_args": {
            "en": "{call}: timings is {got!r}; expected {want!r}. The calls with the same "
            "arguments were measured from the latest start among them: the start time was "
            "kept by the call's arguments (e.g. a dict keyed by args), so a second call with "
            "equal arguments overwrote the first one's. Calls with equal arguments are still "
            "separate calls: keep the start in a local variable of the wrapper.",
            "ar": "‏{call}: قائمة timings هي {got!r}؛ المتوقع {want!r}. قيست الاستدعاءات ذات "
            "المعاملات نفسها من آخر بدء بينها: حُفظ وقت البدء حسب معاملات الاستدعاء (مثل قاموس "
            "مفتاحه args)، فكتب استدعاء ثانٍ بمعاملات مساوية فوق وقت الأول. الاستدعاءات ذات "
            "المعاملات المتساوية تبقى استدعاءات منفصلة: احفظ البدء في متغير محلي داخل الغلاف.",
        },
        "overlap_wrong": {
            "en": "{call}: timings is {got!r}; expected {want!r} (in any order). Each call "
            "must be timed from its own start to its own end.",
            "ar": "‏{call}: قائمة timings هي {got!r}؛ المتوقع {want!r} (بأي ترتيب). يجب قياس "
            "كل استدعاء من بدايته هو إلى نهايته هو.",
        },
        "serialised": {
            "en": "{call}: they took {elapsed:.3f} s of loop time together instead of "
            "{want:.3f} s: the wrapper made them wait for each other. Do not lock or queue "
            "calls in the wrapper.",
            "ar": "‏{call}: استغرقت معًا {elapsed:.3f} ثانية من زمن الحلقة بدل {want:.3f} "
            "ثانية: جعلها الغلاف ينتظر بعضها بعضًا. لا تقفل الاستدعاءات ولا تصفّها في الغلاف.",
        },
        # -- task 3 -------------------------------------------------------------------------------
        "lost_metadata": {
            "en": "the decorated function's {what} is {got!r}; expected {want!r}. Decorate "
            "the wrapper with @functools.wraps(func).",
            "ar": "قيمة {what} للدالة المزخرفة هي {got!r}؛ المتوقع {want!r}. زيّن الغلاف بـ "
            "@functools.wraps(func).",
        },
        "not_coroutine_function": {
            "en": "the decorated function is not a coroutine function (got {got}): the wrapper "
            "must be `async def` and await the original, not a plain function that returns "
            "a coroutine.",
            "ar": "الدالة المزخرفة ليست دالة coroutine (النتيجة {got}): يجب أن يكون الغلاف "
            "`async def` وينتظر الأصلية، لا دالة عادية تعيد coroutine.",
        },
        "no_timings": {
            "en": "{call}: the decorated function has no `timings` list (got {got!r}). Give "
            "the wrapper a list attribute: `wrapper.timings = []`.",
            "ar": "‏{call}: ليس للدالة المزخرفة قائمة `timings` (النتيجة {got!r}). أعطِ الغلاف "
            "خاصية قائمة: `wrapper.timings = []`.",
        },
        "shared_timings": {
            "en": "several decorated functions share one timings list ({got!r}; expected "
            "{want!r}). Create the list inside the decorator, once per decorated function "
            "(not at module level, not as a default argument).",
            "ar": "تتشارك عدة دوال مزخرفة قائمة timings واحدة ({got!r}؛ المتوقع {want!r}). "
            "أنشئ القائمة داخل المزخرف، مرة لكل دالة مزخرفة (لا على مستوى الوحدة ولا كقيمة "
            "افتراضية).",
        },
        "wrong_timings": {
            "en": "after calling first(), second(), first(), third(): timings were {got!r}; "
            "expected {want!r} — one entry per call, in each function's own list.",
            "ar": "بعد استدعاء first() ثم second() ثم first() ثم third(): كانت timings هي "
            "{got!r}؛ المتوقع {want!r} — مدخل لكل استدعاء، في قائمة كل دالة الخاصة.",
        },
    },
    parent=COMMON,
)
