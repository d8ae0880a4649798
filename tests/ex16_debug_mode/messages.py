"""Messages of exercise 16 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex16_debug_mode",
    {
        "not_a_list": {
            "en": "{call} returned {got!r}; expected a list ({what}).",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع قائمة ({what}).",
        },
        "missed_handle": {
            "en": "main() scheduled a plain callback, loop.call_soon(time.sleep, {slept}), that "
            "blocked the loop (threshold {threshold} s), and find_slow_callbacks returned "
            "{got!r}; expected one report. The loop reports every slow callback: "
            "'Executing <Handle sleep(...) ...> took ... seconds' as well as "
            "'Executing <Task ...> took ...'. Collect every record in that format (the "
            "description is the record's first argument), not only the ones that name a Task.",
            "ar": "جدولت main() دالة استدعاء عادية، loop.call_soon(time.sleep, {slept})، جمّدت "
            "الحلقة (العتبة {threshold} ثانية)، فأعادت find_slow_callbacks {got!r}؛ المتوقع "
            "تقرير واحد. تُبلغ الحلقة عن كل استدعاء بطيء: 'Executing <Handle sleep(...) ...> "
            "took ... seconds' كما تُبلغ عن 'Executing <Task ...> took ...'. اجمع كل سجل بهذه "
            "الصيغة (الوصف هو أول وسيط في السجل)، لا التي تذكر Task وحدها.",
        },
        "missed_slow": {
            "en": "main() ran a task named {name!r} that blocked the loop with time.sleep({slept}) "
            "(threshold {threshold} s), but find_slow_callbacks returned {got!r}. Run main() "
            "with debug mode on (asyncio.Runner(debug=True)), set the loop's "
            "slow_callback_duration, and collect the asyncio logger's 'Executing ... took ... "
            "seconds' WARNING records with a handler — also when the logger's level was raised "
            "(here it was {level}).",
            "ar": "شغّلت main() مهمة اسمها {name!r} جمّدت الحلقة بـ time.sleep({slept}) (العتبة "
            "{threshold} ثانية)، لكن find_slow_callbacks أعادت {got!r}. شغّل main() ووضع التصحيح "
            "مفعّل (asyncio.Runner(debug=True))، واضبط slow_callback_duration للحلقة، واجمع "
            "سجلات التحذير 'Executing ... took ... seconds' من مسجّل asyncio بمعالج (handler) — "
            "حتى إن رُفع مستوى المسجّل (كان هنا {level}).",
        },
        "false_positive": {
            "en": "find_slow_callbacks reported {got!r}, but no single callback was slow: main() "
            "only awaited asyncio.sleep({slept}), which gives the loop back at once. Report only "
            "the loop's own 'Executing ... took ... seconds' records — timing main() as a whole "
            "measures waiting, not blocking.",
            "ar": "أبلغت find_slow_callbacks عن {got!r} لكن لم يكن أي استدعاء بطيئًا: لم تفعل "
            "main() سوى انتظار asyncio.sleep({slept}) الذي يعيد الحلقة فورًا. أبلغ فقط عن سجلات "
            "الحلقة 'Executing ... took ... seconds' — توقيت main() كلها يقيس الانتظار لا التجميد.",
        },
        "wrong_count": {
            "en": "main() had {want} task(s) that each blocked the loop once ({names}); "
            "find_slow_callbacks returned {count} report(s): {got!r}. Return one SlowCallback "
            "per 'Executing ... took ... seconds' record.",
            "ar": "كانت في main() {want} مهام جمّدت كل منها الحلقة مرة ({names})؛ أعادت "
            "find_slow_callbacks {count} تقرير: {got!r}. أعد SlowCallback واحدًا لكل سجل "
            "'Executing ... took ... seconds'.",
        },
        "wrong_description": {
            "en": "a slow callback's description is {got!r}; the loop's log said 'Executing "
            "{want} took ... seconds'. The description is the part between 'Executing ' and "
            "' took' (the task or handle the loop was running), nothing more.",
            "ar": "وصف أحد الاستدعاءات البطيئة هو {got!r}؛ قال سجل الحلقة 'Executing {want} took "
            "... seconds'. الوصف هو الجزء بين 'Executing ' و ' took' (المهمة أو المقبض الذي كانت "
            "الحلقة تنفّذه)، لا أكثر.",
        },
        "wrong_seconds": {
            "en": "a slow callback that ran time.sleep({slept}) was reported with seconds={got!r}; "
            "expected a float of at least {threshold} (the duration in the log record).",
            "ar": "أُبلغ عن استدعاء بطيء نفّذ time.sleep({slept}) بقيمة seconds={got!r}؛ المتوقع "
            "عدد عشري لا يقل عن {threshold} (المدة في سجل الحلقة).",
        },
        "threshold_ignored": {
            "en": "with threshold={threshold} s, a callback that blocked for only {slept} s was "
            "reported: {got!r}. Set loop.slow_callback_duration = threshold (its default is "
            "0.1 s).",
            "ar": "مع threshold={threshold} ثانية أُبلغ عن استدعاء جمّد الحلقة {slept} ثانية فقط: "
            "{got!r}. اضبط loop.slow_callback_duration = threshold (قيمتها الافتراضية 0.1 ثانية).",
        },
        "default_threshold": {
            "en": "find_slow_callbacks(main, threshold={threshold}): main() ran a task named "
            "{name!r} that blocked the loop {blocks} times with time.sleep({slept}) — longer "
            "than the threshold, shorter than the loop's default slow_callback_duration of "
            "0.1 s — but only {count} of those blocks were reported: {got!r}. Expected all "
            "{blocks}. The loop logs only callbacks that last at least its "
            "slow_callback_duration: set loop.slow_callback_duration = threshold before "
            "main() runs; filtering the default's reports afterwards (seconds >= threshold) "
            "cannot bring back the ones it never logged.",
            "ar": "find_slow_callbacks(main, threshold={threshold}): شغّلت main() مهمة اسمها "
            "{name!r} جمّدت الحلقة {blocks} مرات بـ time.sleep({slept}) — أطول من العتبة وأقصر "
            "من القيمة الافتراضية لـ slow_callback_duration في الحلقة وهي 0.1 ثانية — لكن لم "
            "يُبلَّغ إلا عن {count} منها: {got!r}. المتوقع {blocks} كلها. لا تسجّل الحلقة إلا "
            "الاستدعاءات التي تدوم slow_callback_duration على الأقل: اضبط "
            "loop.slow_callback_duration = threshold قبل تشغيل main()؛ ترشيح تقارير القيمة "
            "الافتراضية بعد ذلك (seconds >= threshold) لا يعيد ما لم تسجّله الحلقة أصلًا.",
        },
        "report_order": {
            "en": "main() blocked the loop first in 'first-blocker' (time.sleep({first})), then "
            "in 'second-blocker' (time.sleep({second})); find_slow_callbacks returned the "
            "reports in the order {got!r} (seconds {seconds!r}). Expected the order in which "
            "the loop logged them, {want!r}: append each report as its log record comes, and "
            "do not sort them (e.g. by duration).",
            "ar": "جمّدت main() الحلقة أولًا في 'first-blocker' (time.sleep({first}))، ثم في "
            "'second-blocker' (time.sleep({second}))؛ أعادت find_slow_callbacks التقارير بالترتيب "
            "{got!r} (الثواني {seconds!r}). المتوقع ترتيب تسجيل الحلقة لها، {want!r}: أضف كل "
            "تقرير حين يصل سجله، ولا ترتّبها (مثلًا حسب المدة).",
        },
        "loop_not_closed": {
            "en": "after find_slow_callbacks returned, the event loop it ran main() on was "
            "still open: {sockets} socket(s) it had opened (the loop's self-pipe) were still "
            "open, and the garbage collector then found {loops} unclosed event loop(s). Close "
            "the loop you create (loop.close() in a `finally`), or let asyncio.Runner(debug="
            "True) or asyncio.run(..., debug=True) create and close it for you.",
            "ar": "بعد عودة find_slow_callbacks كانت حلقة الأحداث التي شغّلت عليها main() ما "
            "تزال مفتوحة: بقي {sockets} من المقابس التي فتحتها (الأنبوب الذاتي للحلقة) مفتوحًا، "
            "ثم وجد جامع القمامة {loops} من حلقات الأحداث غير المغلقة. أغلق الحلقة التي تنشئها "
            "(loop.close() في finally)، أو دع asyncio.Runner(debug=True) أو "
            "asyncio.run(..., debug=True) ينشئها ويغلقها عنك.",
        },
        "state_not_restored": {
            "en": "after {call} returned{how}, {what} was {after!r} instead of {before!r}. Put "
            "back everything you change (handlers, levels, warning filters, debug settings) in "
            "a `finally` or with a context manager, so the rest of the program is not affected.",
            "ar": "بعد عودة {call}{how} صارت قيمة {what} هي {after!r} بدل {before!r}. أعد كل ما "
            "تغيّره (المعالجات، المستويات، مرشّحات التحذيرات، إعدادات التصحيح) في finally أو "
            "بمدير سياق، كي لا يتأثر باقي البرنامج.",
        },
        "missed_names": {
            "en": "func() left {want!r} un-awaited, but find_never_awaited returned {got!r}: "
            "{missing!r} missing. Record the warnings with warnings.catch_warnings(record=True) "
            "and warnings.simplefilter('always') (the default shows a warning once per place, "
            "and 'error' cannot catch warnings raised while an object is destroyed), and call "
            "gc.collect() before leaving the block (a coroutine in a reference cycle warns "
            "only when it is collected).",
            "ar": "تركت func() الكوروتينات {want!r} دون انتظار، لكن find_never_awaited أعادت "
            "{got!r}: ينقص {missing!r}. سجّل التحذيرات بـ warnings.catch_warnings(record=True) "
            "و warnings.simplefilter('always') (الإعداد الافتراضي يُظهر التحذير مرة لكل موضع، "
            "و'error' لا يلتقط تحذيرات تُطلق أثناء هدم كائن)، واستدعِ gc.collect() قبل الخروج من "
            "الكتلة (الكوروتين في دورة مراجع لا يحذّر إلا عند جمعه).",
        },
        "returned_coroutine": {
            "en": "func() returned a coroutine it never awaited ({want!r}), and "
            "find_never_awaited returned {got!r}. The warning comes when the coroutine is "
            "destroyed: keeping func()'s return value in a variable keeps the coroutine alive "
            "until your function returns — after the catch_warnings block — so the warning is "
            "not recorded (it is printed instead). Drop the result (del it, or do not store "
            "it) before gc.collect(), inside the block.",
            "ar": "أعادت func() كوروتينًا لم تنتظره ({want!r})، وأعادت find_never_awaited "
            "{got!r}. يأتي التحذير حين يُهدم الكوروتين: حفظ القيمة التي تعيدها func() في متغير "
            "يُبقي الكوروتين حيًّا حتى تعود دالتك — بعد كتلة catch_warnings — فلا يُسجَّل التحذير "
            "(بل يُطبع). تخلّص من النتيجة (del أو لا تحفظها) قبل gc.collect() داخل الكتلة.",
        },
        "wrong_names": {
            "en": "func() left {want!r} un-awaited, but find_never_awaited returned {got!r}. "
            "Return each name exactly as the warning quotes it — everything between "
            "\"coroutine '\" and \"' was never awaited\" (the __qualname__, dots and <locals> "
            "included) — and only for 'never awaited' warnings.",
            "ar": "تركت func() الكوروتينات {want!r} دون انتظار، لكن find_never_awaited أعادت "
            "{got!r}. أعد كل اسم كما يقتبسه التحذير تمامًا — كل ما بين \"coroutine '\" و "
            "\"' was never awaited\" (الاسم __qualname__ بنقاطه و<locals>) — وفقط لتحذيرات "
            "'never awaited'.",
        },
        "printed": {
            "en": "find_never_awaited returned the right names but also let {count} warning(s) "
            "through to the program's warning output: {sample!r}. Collected warnings should be "
            "recorded (warnings.catch_warnings(record=True)), not shown.",
            "ar": "أعادت find_never_awaited الأسماء الصحيحة لكنها تركت {count} تحذيرًا يصل إلى "
            "مخرجات التحذيرات في البرنامج: {sample!r}. التحذيرات التي تجمعها تُسجَّل "
            "(warnings.catch_warnings(record=True)) ولا تُعرض.",
        },
    },
    parent=COMMON,
    # A callback can also be slow because the OS paused the whole process (a crowded
    # machine): counts of reports rest on wall-clock time, so graders re-run them once.
    timing_keys=("false_positive", "wrong_count"),
)
