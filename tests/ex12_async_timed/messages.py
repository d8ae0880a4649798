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
