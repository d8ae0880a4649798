"""Messages of exercise 08 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex08_event_loop",
    {
        "ran_to_completion": {
            "en": "the tasks ran in the order {got}; expected {want}. run() ran each generator "
            "to its end before starting the next: that is sequential, not multitasking. "
            "Resume a task only up to its next yield, then put it at the back of the ready "
            "queue and move on to the next one.",
            "ar": "نُفّذت المهام بالترتيب {got}؛ المتوقع {want}. شغّلت run() كل مولّد (generator) "
            "حتى نهايته قبل أن تبدأ التالي: هذا تنفيذ تسلسلي لا تعدد مهام. استأنف المهمة حتى "
            "yield التالية فقط، ثم ضعها في آخر طابور الجاهزين وانتقل إلى التي تليها.",
        },
        "wrong_interleaving": {
            "en": "the tasks ran in the order {got}; expected {want}: ready tasks take turns "
            "one step each, in the order they became ready (a deque: popleft to run, append "
            "to requeue).",
            "ar": "نُفّذت المهام بالترتيب {got}؛ المتوقع {want}: تتناوب المهام الجاهزة خطوةً "
            "لكل منها، بترتيب جاهزيتها (deque: ‏popleft للتشغيل و append لإعادة الإدراج).",
        },
        "wrong_result": {
            "en": "Task.result() gave {got!r}; expected {want!r}, the generator's return value "
            "(StopIteration.value).",
            "ar": "أعطت Task.result() القيمة {got!r}؛ المتوقع {want!r}، أي القيمة التي يعيدها "
            "المولّد (StopIteration.value).",
        },
        "done_early": {
            "en": "Task.done() was {got!r} before run() was called; a task is done only "
            "after its generator has returned or raised.",
            "ar": "كانت Task.done() تساوي {got!r} قبل استدعاء run()؛ لا تنتهي المهمة إلا بعد "
            "أن يعود مولّدها أو يرفع استثناءً.",
        },
        "not_done": {
            "en": "Task.done() was {got!r} after run() returned; every task had finished.",
            "ar": "كانت Task.done() تساوي {got!r} بعد عودة run()؛ وقد انتهت كل المهام.",
        },
        "wrong_exception": {
            "en": "Task.exception() gave {got!r}; expected {want!r} (the very exception the "
            "generator raised, or None if it returned normally).",
            "ar": "أعطت Task.exception() القيمة {got!r}؛ المتوقع {want!r} (الاستثناء نفسه الذي "
            "رفعه المولّد، أو None إن عاد طبيعيًا).",
        },
        "result_not_raising": {
            "en": "the task raised {want!r}, but Task.result() returned {got!r}: like asyncio, "
            "result() of a failed task re-raises its exception.",
            "ar": "رفعت المهمة {want!r}، لكن Task.result() أعادت {got!r}: كما في asyncio، تعيد "
            "result() لمهمة فاشلة رفع استثنائها.",
        },
        "exception_escaped": {
            "en": "{call} raised {error}: one task's exception stopped the whole scheduler. "
            "Catch exceptions around gen.send(...), store them on the task, and keep "
            "running the others.",
            "ar": "رفعت {call} ‏{error}: أوقف استثناء مهمة واحدة المجدول كله. التقط الاستثناءات "
            "حول gen.send(...) واحفظها في المهمة، وواصل تشغيل البقية.",
        },
        "timers_compare_tasks": {
            "en": "{call} raised {error}: the scheduler compared two Task objects, which have "
            "no order. That happens when two sleepers have the same deadline: heapq (or "
            "sorting) compares (deadline, task) tuples item by item, and on a tie it "
            "compares the tasks. Put a counter between them, (deadline, next(counter), task): "
            "it breaks ties, in the order the sleeps were asked for.",
            "ar": "رفعت {call} ‏{error}: قارن المجدول بين كائنَي Task، ولا ترتيب بينهما. يحدث "
            "هذا حين يتساوى موعد نائمَين: تقارن heapq (أو الفرز) صفوف (deadline, task) عنصرًا "
            "عنصرًا، وعند التساوي تقارن المهام. ضع عدّادًا بينهما، (deadline, next(counter), "
            "task): يفصل بين المتساويين بترتيب طلبات النوم.",
        },
        "selector_bookkeeping": {
            "en": "{call} raised {error}. This came from the scheduler's own selector "
            "bookkeeping, not from a task (a task's exceptions are caught around gen.send): "
            "a socket stays registered with the selector until the scheduler unregisters "
            "it. Once select() reports a socket ready and its task is woken, unregister the "
            "socket (or modify it, if another task still waits on it for the other "
            "direction), so that its next wait can register it again and select() does not "
            "report a socket nobody waits for.",
            "ar": "رفعت {call} ‏{error}. هذا الخطأ آتٍ من حسابات المجدول نفسه مع المحدِّد "
            "(selector)، لا من مهمة (استثناءات المهام تُلتقط حول gen.send): يبقى المقبس مسجلًا "
            "في المحدِّد حتى يلغي المجدول تسجيله. حين تبلّغ select() بجاهزية مقبس وتوقظ مهمته، "
            "ألغِ تسجيل المقبس (أو عدّله بـ modify إن كانت مهمة أخرى ما تزال تنتظره في الاتجاه "
            "الآخر)، ليمكن تسجيله من جديد في انتظاره التالي، ولا تبلّغ select() عن مقبس لا "
            "ينتظره أحد.",
        },
        "clock_unused": {
            "en": "{call}: the scheduler called idle() {idles} times but never once called the "
            "clock it was given (Scheduler(clock=...)). It read the time elsewhere (from "
            "time.monotonic()?), so on the given clock, which here moves only when idle() is "
            "called, its deadlines never came and it idled on and on. Read the time only "
            "with self.clock(), for the deadlines and for 'now', and wait only with "
            "self.idle().",
            "ar": "‏{call}: استدعى المجدول idle() ‏{idles} مرة ولم يستدعِ ولو مرة الساعة التي "
            "أُعطيها (Scheduler(clock=...)). لقد قرأ الوقت من مكان آخر (من time.monotonic()؟)، "
            "فعلى الساعة المعطاة، التي لا تتقدم هنا إلا عند استدعاء idle()، لم تحِن مواعيده "
            "قط وظل ينتظر بلا نهاية. اقرأ الوقت بـ self.clock() وحدها، للمواعيد ولـ«الآن»، "
            "وانتظر بـ self.idle() وحدها.",
        },
        "spawn_ran_task": {
            "en": "Scheduler.spawn() already ran the generators before run() was called: "
            "they had logged {got}. spawn() only wraps the generator in a Task and appends "
            "it to the ready queue; a task takes its first step when run() takes it from "
            "the queue, in turn with the others.",
            "ar": "شغّلت Scheduler.spawn() المولّدات قبل استدعاء run(): فقد سجّلت {got}. "
            "لا تفعل spawn() إلا أن تغلّف المولّد في Task وتضيفه إلى آخر طابور الجاهزين؛ "
            "تخطو المهمة خطوتها الأولى حين تأخذها run() من الطابور، بالتناوب مع البقية.",
        },
        "sleep_sequential": {
            "en": "the sleeping tasks ended at virtual time {total:.2f} s; expected {want:.2f} s, "
            "the longest sleep (wake-up times: {woke}). The sleeps ran one after another: "
            "a sleep request must not idle on the spot — file the task under its deadline "
            "and run the others; idle only when nothing is ready.",
            "ar": "انتهت المهام النائمة عند الزمن الافتراضي {total:.2f} ثانية؛ المتوقع "
            "{want:.2f} ثانية، أي أطول نوم (أوقات الاستيقاظ: {woke}). نُفّذ النوم واحدًا تلو "
            "الآخر: لا يجوز أن يُنتظر طلب النوم في مكانه — احفظ المهمة مع موعدها وشغّل "
            "البقية، ولا تنتظر (idle) إلا حين لا يكون شيء جاهزًا.",
        },
        "timer_order": {
            "en": "sleeping tasks woke at {woke} (sleep length: virtual wake-up time), all done "
            "at {total:.2f} s; expected each to wake at its own deadline, all done at "
            "{want:.2f} s. Wake sleepers in deadline order, not in the order they went to "
            "sleep: keep them in a heap (heapq) keyed by deadline and idle until the "
            "earliest one.",
            "ar": "استيقظت المهام النائمة في {woke} (مدة النوم: زمن الاستيقاظ الافتراضي)، وانتهت "
            "كلها عند {total:.2f} ثانية؛ المتوقع أن تستيقظ كل مهمة عند موعدها، وأن تنتهي كلها "
            "عند {want:.2f} ثانية. أيقظ النائمين بترتيب المواعيد لا بترتيب نومهم: احفظهم في "
            "كومة (heapq) مرتبة بالموعد وانتظر حتى أقربها.",
        },
        "wrong_timeline": {
            "en": "the tasks logged (name, virtual time) {got}; expected {want}.",
            "ar": "سجّلت المهام (الاسم، الزمن الافتراضي) {got}؛ المتوقع {want}.",
        },
        "sleep_blocks_others": {
            "en": "while one task slept, a ready task only ran later: the log was {got}; "
            "expected {want}. A sleep request must not make the scheduler wait on the spot; "
            "other ready tasks run first, and the scheduler idles only when none is ready.",
            "ar": "بينما نامت مهمة، لم تعمل مهمة جاهزة إلا لاحقًا: السجل كان {got}؛ المتوقع "
            "{want}. لا يجوز أن يجعل طلبُ النوم المجدولَ ينتظر في مكانه؛ تعمل المهام الجاهزة "
            "أولًا، ولا ينتظر المجدول إلا حين لا تكون أي مهمة جاهزة.",
        },
        "busy_wait": {
            "en": "{call}: the scheduler read the clock {reads} times and called idle {idles} "
            "times ({zero} of them with 0 s or less); expected about {want} idle call(s). "
            "It spun while waiting for a deadline. When no task is ready, call "
            "idle(earliest deadline - now) once, then wake the due sleepers.",
            "ar": "‏{call}: قرأ المجدول الساعة {reads} مرة واستدعى idle ‏{idles} مرة (منها {zero} "
            "بصفر ثانية أو أقل)؛ المتوقع نحو {want} استدعاء. لقد دار في حلقة مشغولة بانتظار "
            "الموعد. حين لا تكون أي مهمة جاهزة استدعِ idle(أقرب موعد - الآن) مرة واحدة، ثم "
            "أيقظ النائمين الذين حان موعدهم.",
        },
        "io_hang": {
            "en": "run() did not return within {seconds:.1f} s while one task waited for a "
            "socket and another slept 0.1 s or waited to write. Likely: selector.select() "
            "called without a timeout while a sleeper was due (pass the time until the next "
            "deadline), or a socket that became ready was never handed back to its task.",
            "ar": "لم تعد run() خلال {seconds:.1f} ثانية بينما انتظرت مهمة مقبسًا ونامت أخرى 0.1 "
            "ثانية أو انتظرت الكتابة. الأرجح: استدعاء selector.select() بلا مهلة بينما ينتظر "
            "نائم موعده (مرّر الوقت حتى أقرب موعد)، أو مقبس صار جاهزًا ولم تُعَد مهمته إلى "
            "طابور الجاهزين.",
        },
        "io_stalled": {
            "en": "run() had not returned after {seconds:.1f} s, and for the last {still:.1f} s "
            "its thread had not run at all, while one task waited for a socket and another "
            "slept 0.1 s or waited to write. Likely: selector.select() called without a "
            "timeout while a sleeper was due (pass the time until the next deadline), or a "
            "socket that became ready was never handed back to its task.",
            "ar": "لم تعد run() بعد {seconds:.1f} ثانية، ولم يعمل خيطها إطلاقًا طوال آخر "
            "{still:.1f} ثانية، بينما انتظرت مهمة مقبسًا ونامت أخرى 0.1 ثانية أو انتظرت "
            "الكتابة. الأرجح: استدعاء selector.select() بلا مهلة بينما ينتظر نائم موعده (مرّر "
            "الوقت حتى أقرب موعد)، أو مقبس صار جاهزًا ولم تُعَد مهمته إلى طابور الجاهزين.",
        },
        "io_task_failed": {
            "en": "a task that waits on sockets failed with {error}. A wait request must "
            "resume the task only once the selector reports its socket ready (unregister it "
            "then, so the socket can be registered again for its next wait).",
            "ar": "فشلت مهمة تنتظر المقابس بالخطأ {error}. يجب ألا يستأنف طلب الانتظار المهمة "
            "إلا بعد أن يبلّغ المحدِّد (selector) بجاهزية مقبسها (ثم ألغِ تسجيله، ليمكن "
            "تسجيله من جديد في انتظارها التالي).",
        },
        "echo_failed": {
            "en": "the socket tasks returned {got!r}; expected {want!r}.",
            "ar": "أعادت مهام المقابس {got!r}؛ المتوقع {want!r}.",
        },
        "io_waits_for_timer": {
            "en": "a task waited for a socket that was readable at once, and another slept 5 s; "
            "the reader woke at {woke} s of the scheduler's clock (log: {got!r}), not at 0. "
            "The scheduler slept until the timer before it looked at the sockets. With "
            "sockets pending, wait in selector.select(timeout=time to the next deadline): it "
            "returns as soon as a socket is ready; idle() is only for when no socket is "
            "waited on.",
            "ar": "انتظرت مهمة مقبسًا كان جاهزًا للقراءة فورًا، ونامت أخرى 5 ثوانٍ؛ استيقظ القارئ "
            "عند {woke} ثانية من ساعة المجدول (السجل: {got!r}) لا عند 0. نام المجدول حتى "
            "موعد المؤقت قبل أن ينظر في المقابس. حين توجد مقابس منتظرة انتظر في "
            "selector.select(timeout=الوقت حتى أقرب موعد): تعود فور جاهزية مقبس؛ أما idle() "
            "فهي فقط حين لا يُنتظر أي مقبس.",
        },
        "io_spins": {
            "en": "one task waited {wall:.2f} s for a socket, with no timer pending, and the "
            "scheduler's thread used {cpu:.2f} s of CPU meanwhile: it polled the selector "
            "without blocking (select(0), or timeout=0) over and over. With no deadline, call "
            "selector.select(timeout=None): it sleeps until a socket is ready.",
            "ar": "انتظرت مهمة واحدة مقبسًا {wall:.2f} ثانية دون أي مؤقت منتظر، واستهلك خيط المجدول "
            "في الأثناء {cpu:.2f} ثانية من المعالج: كان يستطلع المحدِّد دون أن ينتظر "
            "(select(0) أو timeout=0) مرة بعد مرة. حين لا يوجد موعد استدعِ "
            "selector.select(timeout=None): تنام حتى يجهز مقبس.",
        },
        "io_busy_wait": {
            "en": "while a task waited for a socket and another slept 0.1 s, the scheduler read "
            "the clock {reads} times and called idle {idles} times: it polled instead of "
            "waiting. With sockets pending, let selector.select(timeout=time to the next "
            "deadline) do the waiting.",
            "ar": "بينما انتظرت مهمة مقبسًا ونامت أخرى 0.1 ثانية، قرأ المجدول الساعة {reads} مرة "
            "واستدعى idle ‏{idles} مرة: كان يستطلع بدل أن ينتظر. حين توجد مقابس منتظرة دع "
            "selector.select(timeout=الوقت حتى أقرب موعد) يتولى الانتظار.",
        },
        "transfer_failed": {
            "en": "the consumer task received {got} bytes; expected {want}, exactly what the "
            "producer sent through the relay.",
            "ar": "استلمت مهمة المستهلك {got} بايت؛ المتوقع {want}، أي ما أرسله المنتج بالضبط "
            "عبر المرحّل.",
        },
    },
    parent=COMMON,
    timing_keys=("io_busy_wait",),
)
