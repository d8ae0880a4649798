"""Messages of exercise 09 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex09_coroutines",
    {
        "not_coroutine": {
            "en": "{call} returned {got!r} straight away instead of a coroutine object: "
            "declare it with `async def` so that calling it creates a coroutine to await.",
            "ar": "أعادت {call} القيمة {got!r} مباشرةً بدل كائن كوروتين (coroutine): عرّفها بـ "
            "`async def` حتى يُنشئ استدعاؤها كوروتين يُنتظر بـ await.",
        },
        "wrong_add_one": {
            "en": "await add_one({number}) gave {got!r}; expected {want!r}.",
            "ar": "أعطت await add_one({number}) القيمة {got!r}؛ المتوقع {want!r}.",
        },
        "returned_coroutine": {
            "en": "run_add_one({number}) returned a coroutine object instead of a number: "
            "calling add_one(...) only creates the coroutine; asyncio.run(add_one(...)) "
            "runs it and gives back its result.",
            "ar": "أعادت run_add_one({number}) كائن كوروتين بدل رقم: استدعاء add_one(...) "
            "يُنشئ الكوروتين فقط؛ أما asyncio.run(add_one(...)) فتشغّله وتعيد نتيجته.",
        },
        "did_not_call_add_one": {
            "en": "run_add_one({number}) returned {got!r}, but the test's stand-in for add_one "
            "(which returns {want!r}) was never run by an event loop. run_add_one must run "
            "add_one(number) — with asyncio.run — and return what it returns.",
            "ar": "أعادت run_add_one({number}) القيمة {got!r}، لكن البديل الذي وضعه الاختبار "
            "مكان add_one (ويعيد {want!r}) لم تشغّله أي حلقة أحداث. يجب أن تشغّل run_add_one "
            "الدالة add_one(number) بـ asyncio.run وتعيد ما تعيده.",
        },
        "wrong_run_result": {
            "en": "run_add_one({number}) returned {got!r}, but add_one (the test's stand-in) "
            "returned {want!r}: return the value asyncio.run gives back.",
            "ar": "أعادت run_add_one({number}) القيمة {got!r}، لكن add_one (بديل الاختبار) "
            "أعادت {want!r}: أعد القيمة التي تعيدها asyncio.run.",
        },
        "loop_not_closed": {
            "en": "run_add_one ran add_one in an event loop that was still open after it "
            "returned. asyncio.run creates a new loop for the call and closes it at the end; "
            "a loop left open keeps its resources (sockets, executor threads).",
            "ar": "شغّلت run_add_one الدالة add_one في حلقة أحداث بقيت مفتوحة بعد العودة. "
            "تُنشئ asyncio.run حلقة جديدة للاستدعاء وتغلقها في النهاية؛ والحلقة التي تبقى "
            "مفتوحة تحتفظ بمواردها (مقابس، خيوط منفّذ).",
        },
        "wrong_message": {
            "en": "hello_world_message() returned {got!r}; expected {want!r}.",
            "ar": "أعادت hello_world_message() القيمة {got!r}؛ المتوقع {want!r}.",
        },
        "blocking_sleep": {
            "en": "{call} should take {want} s of loop time; on the loop's clock it took "
            "{elapsed:.3f} s, while the loop was frozen for {lag:.2f} s of real time{how}. "
            "time.sleep blocks the whole event loop (nothing else can run); "
            "use `await asyncio.sleep(...)`.",
            "ar": "يجب أن تستغرق {call} مدة {want} ثانية من وقت الحلقة؛ لكنها استغرقت على ساعة "
            "الحلقة {elapsed:.3f} ثانية، بينما تجمّدت الحلقة {lag:.2f} ثانية من الوقت الحقيقي{how}. "
            "الدالة time.sleep تحجب حلقة الأحداث كلها (لا يعمل شيء آخر)؛ استخدم "
            "`await asyncio.sleep(...)`.",
        },
        "slept_in_thread": {
            "en": "{call} should sleep {want} s on the event loop's clock. The test's loop clock "
            "is fast-forwarded, so such a sleep costs no real time; this one took {real:.2f} s "
            "of real time while the loop stayed free (longest freeze {lag:.2f} s){how}: the sleep "
            "happened outside the loop, in another thread — time.sleep handed to "
            "run_in_executor or asyncio.to_thread. Sleep on the loop itself with "
            "`await asyncio.sleep(seconds)`: it needs no thread and the loop's timer wakes "
            "the coroutine.",
            "ar": "يجب أن تنام {call} مدة {want} ثانية على ساعة حلقة الأحداث. ساعة الحلقة في "
            "الاختبار مُسرَّعة، فلا يكلّف هذا النوم وقتًا حقيقيًا؛ لكن هذا النوم استغرق "
            "{real:.2f} ثانية من الوقت الحقيقي بينما بقيت الحلقة حرّة (أطول تجمّد "
            "{lag:.2f} ثانية){how}: حدث النوم خارج الحلقة، في خيط آخر — time.sleep مُمرَّرة إلى "
            "run_in_executor أو asyncio.to_thread. نَم على الحلقة نفسها بـ "
            "`await asyncio.sleep(seconds)`: لا تحتاج خيطًا، ومؤقّت الحلقة يوقظ الكوروتين.",
        },
        "stopped_blocked": {
            "en": " (all that time the loop's thread was asleep in a blocking call, not in the "
            "loop's select(), without waking once for {still:.2f} s; the test stopped the call "
            "there)",
            "ar": " (كان خيط الحلقة طوال ذلك نائمًا في استدعاء حاجز، لا في select() الخاصة "
            "بالحلقة، ولم يستيقظ مرة واحدة طوال {still:.2f} ثانية؛ فأوقف الاختبار الاستدعاء "
            "عندها)",
        },
        "stopped_thread": {
            "en": " and a thread started during the call slept, without waking once, for "
            "{still:.2f} s while the call waited (the test stopped the call there)",
            "ar": " وكان خيطٌ بدأ أثناء الاستدعاء نائمًا، دون أن يستيقظ مرة واحدة، مدة "
            "{still:.2f} ثانية بينما ينتظره الاستدعاء (فأوقف الاختبار الاستدعاء عندها)",
        },
        "no_sleep": {
            "en": "{call} should take {want} s of loop time but took {elapsed:.3f} s: it did not "
            "wait. Did you forget `await` in front of asyncio.sleep(...)? Without it the "
            "sleep coroutine is created and thrown away.",
            "ar": "يجب أن تستغرق {call} مدة {want} ثانية من وقت الحلقة لكنها استغرقت "
            "{elapsed:.3f} ثانية: لم تنتظر. هل نسيت `await` قبل asyncio.sleep(...)؟ بدونها "
            "يُنشأ كوروتين النوم ثم يُهمَل.",
        },
        "wrong_duration": {
            "en": "{call} should take {want} s of loop time but took {elapsed:.3f} s.",
            "ar": "يجب أن تستغرق {call} مدة {want} ثانية من وقت الحلقة لكنها استغرقت "
            "{elapsed:.3f} ثانية.",
        },
        "wrong_output": {
            "en": "{call} printed {got!r}; expected exactly {want!r} (one print per line, "
            "the value as given, with {{seconds}} and no format spec: not turned into a float "
            "and not rounded, so 2 prints as 2, 0.5 as 0.5, 0.1 + 0.2 as 0.30000000000000004).",
            "ar": "طبعت {call} ‏{got!r}؛ المتوقع بالضبط {want!r} (أمر print لكل سطر، والقيمة "
            "كما أُعطيت بـ {{seconds}} دون مواصفة تنسيق: لا تحويل إلى float ولا تقريب، فتُطبع 2 "
            "‏2 و0.5 ‏0.5 و0.1 + 0.2 ‏0.30000000000000004).",
        },
        "sleeping_line_late": {
            "en": "{call} printed {line!r} {at:.3f} s of loop time after it was called; "
            "expected it at once (+0.000 s), before the {want} s sleep. Print the first line "
            "first, then `await asyncio.sleep(seconds)` — not the other way round.",
            "ar": "طبعت {call} السطر {line!r} بعد {at:.3f} ثانية من وقت الحلقة من استدعائها؛ "
            "المتوقع أن يُطبع فورًا (+0.000 ثانية)، قبل النوم {want} ثانية. اطبع السطر الأول "
            "أولًا، ثم `await asyncio.sleep(seconds)` — لا العكس.",
        },
        "finished_line_early": {
            "en": "{call} printed {line!r} {at:.3f} s of loop time after it was called, "
            "before its {want} s sleep was over; expected it at +{want} s, once the sleep "
            "has ended. Print the second line after `await asyncio.sleep(seconds)`, not "
            "before it.",
            "ar": "طبعت {call} السطر {line!r} بعد {at:.3f} ثانية من وقت الحلقة من استدعائها، "
            "قبل انتهاء نومها {want} ثانية؛ المتوقع أن يُطبع عند +{want} ثانية، بعد انتهاء "
            "النوم. اطبع السطر الثاني بعد `await asyncio.sleep(seconds)`، لا قبله.",
        },
        "returned_measured": {
            "en": "{call} returned {got!r}, a time it measured, instead of the seconds it was "
            "given ({want!r}). Return `seconds` itself: what the loop's clock says differs from "
            "it by the float rounding of two clock readings, and on a real clock by however "
            "late the loop woke up.",
            "ar": "أعادت {call} القيمة {got!r}، وهي زمن قاسته، بدل الثواني التي أُعطيتها "
            "({want!r}). أعد `seconds` نفسها: ما تقوله ساعة الحلقة يختلف عنها بتقريب قراءتين "
            "للساعة، وعلى ساعة حقيقية بقدر تأخر استيقاظ الحلقة.",
        },
        "wrong_return": {
            "en": "{call} returned {got!r}; expected {want!r}.",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع {want!r}.",
        },
        "not_sequential": {
            "en": "sequential_sum({delays}) took {elapsed:.2f} s of loop time; expected "
            "{want:.2f} s, the sum, with each delay finished before the next starts "
            "(printed: {got!r}). This exercise is about awaiting one coroutine after "
            "another: `total += await delay(d)` in a loop — no tasks, no gather.",
            "ar": "استغرقت sequential_sum({delays}) ‏{elapsed:.2f} ثانية من وقت الحلقة؛ المتوقع "
            "{want:.2f} ثانية، أي المجموع، مع انتهاء كل تأخير قبل بدء التالي (المطبوع: "
            "{got!r}). هذا التمرين عن انتظار كوروتين تلو الآخر: `total += await delay(d)` في "
            "حلقة — بلا مهام (tasks) وبلا gather.",
        },
    },
    parent=COMMON,
    # blocking_sleep is no timing key: it is told only when the loop's clock fell short of
    # the asked sleep, which fails the test whatever the machine; the real-time freeze
    # only picks the lesson. slept_in_thread rests on real time alone.
    timing_keys=("slept_in_thread",),
)
