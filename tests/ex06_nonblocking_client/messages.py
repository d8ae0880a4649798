"""Messages of exercise 06 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex06_nonblocking_client",
    {
        "one_at_a_time": {
            "en": "echo_all with {n} echo servers that answer only once all {n} clients are "
            "connected: at most {peak} connection(s) were open at the same time, and after "
            "{seconds:.1f} s the servers gave up waiting. Your client talked to one server "
            "after another (a blocking connect/sendall/recv per server). Put every socket in "
            "non-blocking mode, start every connection first, and let one selector tell you "
            "which socket is ready.",
            "ar": "شغّلنا echo_all مع {n} خوادم صدى لا تجيب إلا بعد أن يتصل العملاء الـ{n} "
            "جميعًا: لم يُفتح في الوقت نفسه أكثر من {peak} اتصال، وبعد {seconds:.1f} ثانية "
            "توقفت الخوادم عن الانتظار. تحدّث عميلك مع خادم تلو الآخر (connect/sendall/recv "
            "حاجبة لكل خادم). اجعل كل مقبس غير حاجب، وابدأ كل الاتصالات أولًا، ودع محدِّدًا "
            "(selector) واحدًا يخبرك أي مقبس جاهز.",
        },
        "blocked_on_send": {
            "en": "echo_all with {n} echo servers that read nothing until every client has "
            "started sending: all {n} connections were open, but at most {sending} of them had "
            "sent anything at the same time, and after {seconds:.1f} s the servers gave up "
            "waiting. Your client got stuck sending the whole message to one server (a "
            "blocking sendall waits until the server reads). Send only what send() accepts "
            "now, and continue when the selector says the socket is writable again.",
            "ar": "شغّلنا echo_all مع {n} خوادم صدى لا تقرأ شيئًا حتى يبدأ كل العملاء "
            "بالإرسال: فُتحت الاتصالات الـ{n} كلها، لكن لم يرسل شيئًا في الوقت نفسه أكثر من "
            "{sending} منها، وبعد {seconds:.1f} ثانية توقفت الخوادم عن الانتظار. علق عميلك "
            "وهو يرسل الرسالة كاملة إلى خادم واحد (sendall الحاجبة تنتظر حتى يقرأ الخادم). "
            "أرسل ما تقبله send() الآن فقط، وتابع حين يخبرك المحدِّد أن المقبس صار قابلًا "
            "للكتابة من جديد.",
        },
        "partial_send": {
            "en": "echo_all had a message of {want} bytes to send, but server {index} received "
            "only {got} byte(s) before your client closed its side. send() on a non-blocking "
            "socket takes only what fits in the socket's buffer and returns how many bytes "
            "it took: keep track of that count, and send the rest each time the selector "
            "reports the socket writable. Shut down the write side only after the last byte.",
            "ar": "أرسلت echo_all رسالة من {want} بايت، لكن الخادم {index} لم يستلم إلا "
            "{got} بايت قبل أن يغلق عميلك جهة الكتابة. الدالة send() على مقبس غير حاجب تأخذ "
            "فقط ما يتسع له مخزن المقبس وتعيد عدد البايتات التي أخذتها: احفظ هذا العدد، "
            "وأرسل الباقي كلما أخبرك المحدِّد أن المقبس قابل للكتابة. لا تغلق جهة الكتابة "
            "(shutdown) إلا بعد آخر بايت.",
        },
        "wrong_replies": {
            "en": "echo_all({servers}) returned {got}; expected {want}. Return one reply per "
            "server, in the order of `servers` (not the order the answers arrived in), each "
            "holding every byte that server sent until it closed the connection.",
            "ar": "أعادت echo_all({servers}) القيمة {got}؛ المتوقع {want}. أعد ردًا واحدًا لكل "
            "خادم، بترتيب `servers` (لا بترتيب وصول الردود)، وفي كل رد كل البايتات التي "
            "أرسلها ذلك الخادم حتى أغلق الاتصال.",
        },
        "used_threads": {
            "en": "while echo_all was talking to {n} servers, {count} new thread(s) were "
            "running: {names}. This exercise does it in ONE thread: non-blocking sockets and "
            "a selector (selectors.DefaultSelector) let a single thread wait for all of them.",
            "ar": "بينما كانت echo_all تتحدث مع {n} خوادم كان {count} خيطًا جديدًا يعمل: "
            "{names}. هذا التمرين يُحل بخيط واحد: المقابس غير الحاجبة مع محدِّد "
            "(selectors.DefaultSelector) تسمح لخيط واحد بانتظارها كلها.",
        },
        "used_asyncio": {
            "en": "echo_all created {count} asyncio event loop(s). This exercise is about "
            "what asyncio does underneath: write the loop yourself with non-blocking sockets "
            "and the selectors module, without asyncio.",
            "ar": "أنشأت echo_all {count} من حلقات أحداث asyncio. هذا التمرين عمّا تفعله "
            "asyncio في الداخل: اكتب الحلقة بنفسك بمقابس غير حاجبة ووحدة selectors، "
            "دون asyncio.",
        },
        "busy_wait": {
            "en": "while the servers held their answers back for {wall:.2f} s, your client "
            "never went to sleep: in {busy} of {samples} checks it was running or waiting "
            "for a CPU, and it used {cpu:.2f} s of CPU. It was spinning (calling recv/send "
            "again and again, or select with a zero timeout). Let selector.select(timeout) "
            "block until a socket is ready or the deadline comes.",
            "ar": "بينما أمسكت الخوادم ردودها {wall:.2f} ثانية لم ينم عميلك أبدًا: في {busy} من "
            "{samples} فحصًا كان يعمل أو ينتظر المعالج، واستهلك {cpu:.2f} ثانية من المعالج. "
            "كان يدور في حلقة (يستدعي recv/send مرة بعد مرة، أو select بمهلة صفر). دع "
            "selector.select(timeout) ينتظر حتى يجهز مقبس أو يحين الموعد النهائي.",
        },
        "empty": {
            "en": "echo_all([], ...) returned {got!r}; expected [].",
            "ar": "أعادت echo_all([], ...) القيمة {got!r}؛ المتوقع [].",
        },
        "timeout_not_raised": {
            "en": "echo_all with {n} servers that never answer and timeout={timeout} returned "
            "{got} instead of raising TimeoutError. Compute one deadline for the whole call "
            "and raise TimeoutError when it passes with replies still missing.",
            "ar": "شغّلنا echo_all مع {n} خوادم لا تجيب أبدًا و timeout={timeout} فأعادت {got} "
            "بدل أن ترفع TimeoutError. احسب موعدًا نهائيًا واحدًا للاستدعاء كله وارفع "
            "TimeoutError إذا حلّ وما زالت ردود ناقصة.",
        },
        "timeout_wrong_error": {
            "en": "echo_all with {n} servers that never answer and timeout={timeout} raised "
            "{error}; expected TimeoutError.",
            "ar": "شغّلنا echo_all مع {n} خوادم لا تجيب أبدًا و timeout={timeout} فرفعت "
            "{error}؛ المتوقع TimeoutError.",
        },
        "timeout_early": {
            "en": "echo_all raised TimeoutError after {elapsed:.2f} s although timeout was "
            "{timeout} s: wait until the deadline before giving up.",
            "ar": "رفعت echo_all الاستثناء TimeoutError بعد {elapsed:.2f} ثانية مع أن المهلة "
            "{timeout} ثانية: انتظر حتى الموعد النهائي قبل الاستسلام.",
        },
        "timeout_late": {
            "en": "echo_all with timeout={timeout} raised TimeoutError only after "
            "{elapsed:.2f} s (allowed: {allowed:.2f} s). Pass the time left until the "
            "deadline to selector.select(), not a fixed or endless wait.",
            "ar": "شغّلنا echo_all بمهلة timeout={timeout} فلم ترفع TimeoutError إلا بعد "
            "{elapsed:.2f} ثانية (المسموح {allowed:.2f} ثانية). مرّر إلى selector.select() "
            "الوقت الباقي حتى الموعد النهائي، لا انتظارًا ثابتًا أو بلا نهاية.",
        },
        "refused_not_raised": {
            "en": "echo_all with a server that refuses connections ({address}) returned {got} "
            "instead of raising. A failed non-blocking connect shows up as a writable socket "
            "whose SO_ERROR (sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)) is not 0: "
            "raise a ConnectionError naming the address.",
            "ar": "شغّلنا echo_all مع خادم يرفض الاتصالات ({address}) فأعادت {got} بدل أن ترفع "
            "استثناءً. فشل الاتصال غير الحاجب يظهر كمقبس قابل للكتابة قيمة SO_ERROR فيه "
            "(sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)) ليست 0: ارفع "
            "ConnectionError يذكر العنوان.",
        },
        "refused_wrong_error": {
            "en": "echo_all with a server that refuses connections ({address}) raised {error}; "
            "expected a ConnectionError (ConnectionRefusedError is one).",
            "ar": "شغّلنا echo_all مع خادم يرفض الاتصالات ({address}) فرفعت {error}؛ المتوقع "
            "ConnectionError (و ConnectionRefusedError نوع منه).",
        },
        "refused_unnamed": {
            "en": "echo_all raised {error} for the refused server, but the message does not "
            "say which one: put its address ({address}) in the exception's text.",
            "ar": "رفعت echo_all الاستثناء {error} للخادم الرافض، لكن رسالته لا تقول أي خادم: "
            "ضع عنوانه ({address}) في نص الاستثناء.",
        },
        "sockets_left_open": {
            "en": "after echo_all ended ({outcome}), {count} of its socket(s) were still open. "
            "Close every socket in a `finally:` block, so that a timeout or an error closes them "
            "too.",
            "ar": "بعد انتهاء echo_all ({outcome}) بقي {count} من مقابسها مفتوحًا. أغلق كل "
            "مقبس في كتلة `finally:` حتى تُغلق أيضًا عند انتهاء المهلة أو حدوث خطأ.",
        },
    },
    parent=COMMON,
    timing_keys=("busy_wait", "timeout_late"),
)
