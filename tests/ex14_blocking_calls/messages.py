"""Messages of exercise 14 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex14_blocking_calls",
    {
        "blocks_loop": {
            "en": "while fetch_all ran {n} fetches, a heartbeat task on the same loop was frozen "
            "for up to {lag:.2f} s (allowed {limit:.2f} s){how}: blocking_fetch ran on the event "
            "loop's own thread, and nothing else could run meanwhile. Hand each call to a "
            "thread: await asyncio.to_thread(blocking_fetch, url) or "
            "loop.run_in_executor(None, blocking_fetch, url).",
            "ar": "أثناء تنفيذ fetch_all لـ {n} طلبات، تجمّدت مهمة نبض على الحلقة نفسها حتى "
            "{lag:.2f} ثانية (المسموح {limit:.2f} ثانية){how}: نُفّذت blocking_fetch على خيط حلقة "
            "الأحداث نفسه فلم يستطع أي شيء آخر أن يعمل. سلّم كل استدعاء إلى خيط: "
            "await asyncio.to_thread(blocking_fetch, url) أو "
            "loop.run_in_executor(None, blocking_fetch, url).",
        },
        "stopped_blocked": {
            "en": " — and all that time the loop's thread was asleep in a blocking call, not in "
            "the loop's select(), without waking once for {still:.2f} s, so the test stopped "
            "the call there",
            "ar": " — وكان خيط الحلقة طوال ذلك نائمًا في استدعاء حاجز، لا في select() الخاصة "
            "بالحلقة، ولم يستيقظ مرة واحدة طوال {still:.2f} ثانية، فأوقف الاختبار الاستدعاء "
            "عندها",
        },
        "on_loop_thread": {
            "en": "fetch_all called blocking_fetch {count} time(s) on the event loop's own thread "
            "(a direct call inside the coroutine). A blocking call there freezes every task; "
            "run it in a thread with asyncio.to_thread or loop.run_in_executor.",
            "ar": "استدعت fetch_all الدالة blocking_fetch {count} مرة على خيط حلقة الأحداث نفسه "
            "(استدعاء مباشر داخل الكوروتين). الاستدعاء الحاجز هناك يجمّد كل المهام؛ "
            "نفّذه في خيط بـ asyncio.to_thread أو loop.run_in_executor.",
        },
        "one_at_a_time": {
            "en": "fetch_all with {n} URLs whose fetches wait for each other: at most {peak} of "
            "{n} were running at the same time, so they never met. The fetches ran one after "
            "another (or waited for a free thread in a pool smaller than the URL list): create "
            "every to_thread/run_in_executor awaitable first and await them together "
            "(asyncio.gather), not one per loop iteration.",
            "ar": "شغّلنا fetch_all بـ {n} عناوين ينتظر جلبها بعضه بعضًا: لم يعمل منها في الوقت "
            "نفسه أكثر من {peak} من {n}، فلم تلتقِ أبدًا. نُفّذ الجلب واحدًا تلو الآخر (أو انتظر "
            "خيطًا متاحًا في مجمّع أصغر من قائمة العناوين): أنشئ كل "
            "كائنات to_thread/run_in_executor أولًا ثم انتظرها معًا (asyncio.gather)، لا واحدًا "
            "في كل دورة من الحلقة.",
        },
        "duplicates_merged": {
            "en": "{call} returned {got!r}; expected {want!r}: one result for every item, also "
            "when the same {items} comes twice. The results were kept by {items} (a dict keyed "
            "by it), so the repeated one collapsed into one entry. Keep them by position: "
            "gather the calls in order, or key them by index.",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع {want!r}: نتيجة لكل عنصر، حتى حين يتكرر "
            "العنصر ({items}) نفسه. حُفظت النتائج بحسب العنصر (قاموس مفتاحه العنصر)، فاندمج "
            "المكرر في مدخل واحد. احفظها بحسب الموضع: اجمع الاستدعاءات بترتيبها، أو اجعل "
            "المفتاح هو الفهرس.",
        },
        "wrong_results": {
            "en": "fetch_all returned {got!r}; expected {want!r}: one status code per URL, in the "
            "order of the URLs (not the order in which the fetches finished).",
            "ar": "أعادت fetch_all القيمة {got!r}؛ المتوقع {want!r}: رمز حالة لكل عنوان، بترتيب "
            "العناوين (لا بترتيب انتهاء الجلب).",
        },
        "tasks_left": {
            "en": "after {call} returned, {count} task(s) it started were still pending: await "
            "everything you start before returning.",
            "ar": "بعد عودة {call} كانت {count} من المهام التي بدأتها ما تزال معلّقة: انتظر كل ما "
            "تبدؤه قبل العودة.",
        },
        "fetch_in_processes": {
            "en": "fetch_all with {n} URLs raised {error}: it tried to send blocking_fetch to "
            "another process, which needs the function pickled, and the stand-in the test "
            "put in its place cannot be (nor can many real callables: lambdas, methods of a "
            "client object). Expected the fetches in threads of this process: blocking I/O "
            "mostly waits, and a waiting thread releases the GIL. Use "
            "asyncio.to_thread(blocking_fetch, url) or "
            "loop.run_in_executor(None, blocking_fetch, url); keep ProcessPoolExecutor for "
            "CPU-bound work (crunch_all).",
            "ar": "رفعت fetch_all مع {n} عناوين الاستثناء {error}: حاولت إرسال blocking_fetch "
            "إلى عملية أخرى، وهذا يتطلب تسلسل الدالة (pickle)، والبديل الذي وضعه الاختبار مكانها "
            "لا يقبل ذلك (ولا كثير من الدوال الحقيقية: دوال lambda، وتوابع كائن عميل). المتوقع أن "
            "يجري الجلب في خيوط هذه العملية: عمليات الإدخال والإخراج الحاجزة تنتظر في معظم "
            "وقتها، والخيط المنتظر يحرّر قفل المفسّر العام (GIL). استخدم "
            "asyncio.to_thread(blocking_fetch, url) أو "
            "loop.run_in_executor(None, blocking_fetch, url)؛ واترك ProcessPoolExecutor "
            "للعمل كثيف الحساب (crunch_all).",
        },
        "empty": {
            "en": "{call}([]) returned {got!r}; expected [].",
            "ar": "أعادت {call}([]) القيمة {got!r}؛ المتوقع [].",
        },
        "blocks_loop_cpu": {
            "en": "while crunch_all ran ({elapsed:.2f} s), a heartbeat task on the same loop was "
            "frozen for up to {lag:.2f} s at a stretch (allowed {limit:.2f} s): the loop's "
            "thread was busy computing or waiting for the results. Either cpu_heavy ran "
            "inside the coroutine, or something waited there: pool.map or future.result(), "
            "or leaving the `with ProcessPoolExecutor()` block before awaiting the futures "
            "(its exit calls pool.shutdown(wait=True), which waits for every job). Await "
            "the loop.run_in_executor(pool, cpu_heavy, n) futures (asyncio.gather) inside "
            "the `with` block.",
            "ar": "أثناء تنفيذ crunch_all ({elapsed:.2f} ثانية) تجمّدت مهمة نبض على الحلقة نفسها "
            "حتى {lag:.2f} ثانية متواصلة (المسموح {limit:.2f} ثانية): كان خيط الحلقة مشغولًا "
            "بالحساب أو بانتظار النتائج. إما أن cpu_heavy نُفّذت داخل الكوروتين، وإما أن شيئًا "
            "انتظر هناك: pool.map أو future.result()، أو الخروج من كتلة "
            "`with ProcessPoolExecutor()` قبل انتظار المستقبلات (فالخروج يستدعي "
            "pool.shutdown(wait=True) الذي ينتظر كل الأعمال). انتظر مستقبلات "
            "loop.run_in_executor(pool, cpu_heavy, n) (بـ asyncio.gather) داخل كتلة with.",
        },
        "threads_gil": {
            "en": "crunch_all did the work in this process, not in child processes: the children "
            "used {child:.2f} s of CPU, this process {parent:.2f} s. Threads do not help "
            "CPU-bound Python code: the GIL lets only one thread run Python bytecode at a time. "
            "Use a ProcessPoolExecutor with loop.run_in_executor(pool, cpu_heavy, n).",
            "ar": "أنجزت crunch_all العمل في هذه العملية لا في عمليات فرعية: استهلكت العمليات "
            "الفرعية {child:.2f} ثانية من المعالج وهذه العملية {parent:.2f} ثانية. الخيوط لا "
            "تفيد كود بايثون كثيف الحساب: قفل المفسّر العام (GIL) يسمح لخيط واحد فقط بتنفيذ "
            "بايت كود بايثون في كل لحظة. استخدم ProcessPoolExecutor مع "
            "loop.run_in_executor(pool, cpu_heavy, n).",
        },
        "ran_in_parent": {
            "en": "crunch_all ran {count} of {n} cpu_heavy calls in this process ({where}), not in "
            "worker processes. In threads the GIL runs them one at a time; on the loop's thread "
            "they also freeze the loop. Use a ProcessPoolExecutor with loop.run_in_executor.",
            "ar": "نفّذت crunch_all {count} من {n} استدعاءات cpu_heavy في هذه العملية ({where}) لا "
            "في عمليات عاملة. في الخيوط يشغّلها قفل المفسّر العام (GIL) واحدًا تلو الآخر، وعلى "
            "خيط الحلقة تجمّد الحلقة أيضًا. استخدم ProcessPoolExecutor مع loop.run_in_executor.",
        },
        "not_parallel": {
            "en": "crunch_all used {child:.2f} s of CPU in {workers} worker process(es), but two "
            "or more of them were computing together in only {share:.0%} of the time (expected "
            "most of it). The numbers were crunched one after another: submit them all with "
            "loop.run_in_executor and await them together, in a pool with more than one worker.",
            "ar": "استهلكت crunch_all {child:.2f} ثانية من المعالج في {workers} عملية عاملة، لكن "
            "عمليتين أو أكثر حسبتا معًا في {share:.0%} فقط من الوقت (المتوقع معظمه). عولجت الأرقام "
            "واحدًا تلو الآخر: أرسلها كلها بـ loop.run_in_executor وانتظرها معًا، في مجمّع فيه "
            "أكثر من عامل واحد.",
        },
        "cpu_one_at_a_time": {
            "en": "crunch_all ran {n} calls in worker processes, but no two of them were running "
            "at the same time (each started after the previous one ended). Awaiting each "
            "run_in_executor future before submitting the next — or a pool of one worker — "
            "runs them in turn: submit them all, then await them together (asyncio.gather).",
            "ar": "نفّذت crunch_all {n} استدعاءات في عمليات عاملة، لكن لم يعمل اثنان منها في الوقت "
            "نفسه (بدأ كل منها بعد انتهاء السابق). انتظار كل مستقبل من run_in_executor قبل إرسال "
            "التالي — أو مجمّع بعامل واحد — يشغّلها بالتتابع: أرسلها كلها ثم انتظرها معًا "
            "(asyncio.gather).",
        },
        "wrong_crunch_results": {
            "en": "crunch_all returned {got!r}; expected {want!r}: one cpu_heavy result per "
            "number, in the order of the numbers.",
            "ar": "أعادت crunch_all القيمة {got!r}؛ المتوقع {want!r}: نتيجة cpu_heavy لكل رقم، "
            "بترتيب الأرقام.",
        },
        "pool_left_running": {
            "en": "after crunch_all returned, {count} worker process(es) were still alive "
            "{seconds:.1f} s later (pids {pids}): the process pool was never shut down. A pool "
            "you stop using (kept in a module variable, or a local one simply dropped) "
            "stops its workers only when garbage collection frees it, and any other "
            "reference (a traceback, a cache; the test keeps one) keeps them running. Create "
            "it in a `with` block inside crunch_all (or call pool.shutdown() in a `finally`) "
            "so its workers end with the call.",
            "ar": "بعد عودة crunch_all بقيت {count} عملية عاملة حيّة بعد {seconds:.1f} ثانية "
            "(المعرّفات {pids}): لم يُغلق مجمّع العمليات أبدًا. المجمّع الذي تكفّ عن استخدامه "
            "(محفوظًا في متغيّر على مستوى الوحدة، أو محليًا تتركه فحسب) لا يوقف عمّاله إلا حين "
            "يحرّره جامع القمامة، وأي مرجع آخر إليه (تتبّع استثناء، ذاكرة مؤقتة؛ والاختبار "
            "يحتفظ بواحد) يبقيهم يعملون. أنشئه في كتلة with داخل crunch_all (أو استدعِ "
            "pool.shutdown() في كتلة finally) لتنتهي عمّاله مع الاستدعاء.",
        },
    },
    parent=COMMON,
    # not_parallel rests on CPU shares, which a crowded machine can starve: re-run once too.
    timing_keys=("blocks_loop", "blocks_loop_cpu", "not_parallel"),
)
