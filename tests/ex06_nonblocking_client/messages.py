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
        "same_server_twice": {
            "en": "echo_all([A, A], b'twice') with the same server twice returned {got}; "
            "expected [b'twice', b'twice'] (the server saw {connections} connection(s)). "
            "Every entry of `servers` is a conversation of its own, even when two entries are "
            "equal: keep the sockets and replies by position (a list, or a dict keyed by "
            "index or by socket), not by address.",
            "ar": "أعادت echo_all([A, A], b'twice') مع الخادم نفسه مرتين {got}؛ المتوقع "
            "[b'twice', b'twice'] (رأى الخادم {connections} اتصال). كل عنصر في `servers` "
            "محادثة مستقلة حتى لو تساوى عنصران: احفظ المقابس والردود بحسب الموضع (قائمة، أو "
            "قاموس مفتاحه الفهرس أو المقبس)، لا بحسب العنوان.",
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
            "en": "while a server held its answer back for {wall:.2f} s, your client "
            "never went to sleep: in {busy} of {samples} checks it was running or waiting "
            "for a CPU, and it used {cpu:.2f} s of CPU. It was spinning: calling recv/send "
            "again and again, calling select with a zero timeout, leaving a socket registered "
            "after its server closed (recv gave b\"\": at end of file a socket is always "
            "readable), or — most often — leaving a socket registered for EVENT_WRITE after "
            "its whole message was sent (a connected socket is almost always writable, so "
            "select() returns at once, every time). Once a socket has sent everything, switch "
            "it to EVENT_READ (selector.modify); once it has read b\"\", unregister and close "
            "it; and let selector.select(timeout) block until a socket is ready or the "
            "deadline comes.",
            "ar": "بينما أمسك خادم رده {wall:.2f} ثانية لم ينم عميلك أبدًا: في {busy} من "
            "{samples} فحصًا كان يعمل أو ينتظر المعالج، واستهلك {cpu:.2f} ثانية من المعالج. "
            "كان يدور في حلقة: يستدعي recv/send مرة بعد مرة، أو select بمهلة صفر، أو يُبقي "
            "مقبسًا مسجّلًا بعد أن أغلق خادمه (أعادت recv ‏b\"\": المقبس عند نهاية الملف قابل "
            "للقراءة دائمًا)، أو — وهو الأكثر — يُبقي مقبسًا مسجّلًا لـ EVENT_WRITE بعد إرسال "
            "رسالته كاملة (المقبس المتصل قابل للكتابة دائمًا تقريبًا، فتعود select() فورًا في "
            "كل مرة). حين يرسل المقبس كل شيء حوّله إلى EVENT_READ (selector.modify)، وحين "
            "يقرأ b\"\" ألغِ تسجيله وأغلقه، ودع selector.select(timeout) ينتظر حتى يجهز مقبس "
            "أو يحين الموعد النهائي.",
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
        "sent_twice": {
            "en": "echo_all had a message of {want} bytes to send, but server {index} received "
            "{got} bytes on that connection: your client sent some bytes more than once. "
            "sendall() on a non-blocking socket raises BlockingIOError once the socket's buffer "
            "is full, without telling how much it had already sent; calling it again starts "
            "from the first byte. Use send(), which returns how many bytes it took, keep that "
            "count, and send the rest (message[sent:]) when the selector reports the socket "
            "writable again.",
            "ar": "كان على echo_all إرسال رسالة من {want} بايت، لكن الخادم {index} استلم {got} "
            "بايت على ذلك الاتصال: أرسل عميلك بعض البايتات أكثر من مرة. الدالة sendall() على "
            "مقبس غير حاجب ترفع BlockingIOError حين يمتلئ مخزن المقبس دون أن تقول كم أرسلت "
            "قبل ذلك؛ واستدعاؤها من جديد يبدأ من البايت الأول. استخدم send() التي تعيد عدد "
            "البايتات التي أخذتها، واحفظ هذا العدد، وأرسل الباقي (message[sent:]) حين يخبرك "
            "المحدِّد أن المقبس صار قابلًا للكتابة من جديد.",
        },
        "no_shutdown": {
            "en": "echo_all could not finish: each of the {n} echo servers had received the "
            "whole message ({want} bytes) but never its end (EOF), so they were still waiting "
            "for more, and your client was waiting for their replies. An echo server answers "
            "once the client says it has finished: after the last byte is sent, call "
            "sock.shutdown(socket.SHUT_WR) (not close(): the reply is still to be read), also "
            "when the message is empty.",
            "ar": "لم تستطع echo_all أن تنتهي: استلم كل خادم من خوادم الصدى الـ{n} الرسالة "
            "كاملة ({want} بايت) لكنه لم يستلم نهايتها (EOF) أبدًا، فبقي ينتظر "
            "المزيد، وبقي عميلك ينتظر ردوده. خادم الصدى يجيب حين يقول العميل إنه "
            "انتهى: بعد إرسال آخر بايت استدعِ sock.shutdown(socket.SHUT_WR) (لا "
            "close(): فالرد لم يُقرأ بعد)، وكذلك حين تكون الرسالة فارغة.",
        },
        "client_timed_out": {
            "en": "echo_all raised {error}, but these echo servers always answer, a fraction "
            "of a second after the end of the message. What the servers saw: {seen}. Your "
            "client stopped before the exchange was over: check that it sends the whole message "
            "(send the rest whenever the socket is writable), then calls "
            "sock.shutdown(socket.SHUT_WR), then reads until recv() returns b''.",
            "ar": "رفعت echo_all الاستثناء {error}، لكن خوادم الصدى هذه تجيب دائمًا بعد نهاية "
            "الرسالة بجزء من الثانية. ما رأته الخوادم: {seen}. توقف عميلك قبل انتهاء التبادل: "
            "تحقق من أنه يرسل الرسالة كاملة (أرسل الباقي كلما صار المقبس قابلًا للكتابة)، ثم "
            "يستدعي sock.shutdown(socket.SHUT_WR)، ثم يقرأ حتى تعيد recv() القيمة b''.",
        },
        "not_bytes": {
            "en": "echo_all returned the right data, but as {kinds} instead of bytes. The "
            "contract is list[bytes]: convert each reply with bytes(...) before returning it "
            "(a bytearray compares equal to bytes, but it is mutable, not hashable, and not "
            "what the caller was promised).",
            "ar": "أعادت echo_all البيانات الصحيحة لكن بالنوع {kinds} بدل bytes. العقد هو "
            "list[bytes]: حوّل كل رد بـ bytes(...) قبل إعادته (bytearray يساوي bytes في "
            "المقارنة، لكنه قابل للتعديل وغير قابل للتجزئة، وليس ما وُعد به المستدعي).",
        },
        "selector_left_open": {
            "en": "after echo_all returned, {count} selector(s) it created were still open (an "
            "epoll file descriptor each, which only the garbage collector would close, some "
            "time later). Close the selector too (selector.close(), or `with "
            "selectors.DefaultSelector() as selector:`), in the same finally: block as the "
            "sockets.",
            "ar": "بعد أن عادت echo_all بقي {count} من المحدِّدات (selectors) التي أنشأتها "
            "مفتوحًا (واصف ملف epoll لكل منها، لن يغلقه إلا جامع المهملات بعد حين). أغلق "
            "المحدِّد أيضًا (selector.close() أو `with selectors.DefaultSelector() as "
            "selector:`) في كتلة finally: نفسها التي تغلق المقابس.",
        },
        "timeout_per_select": {
            "en": "echo_all with {n} servers that send one byte every {every:.1f} s and never "
            "finish, and timeout={timeout:.2f}, was still running after {seconds:.2f} s "
            "(the servers had sent {count} byte(s) by then). Your client seems to give up"
            " only when one wait finds nothing (a select() call, or a recv() with a "
            "socket timeout) — here a byte arrives every {every:.1f} s, so that never "
            "happens. Compute one deadline when echo_all starts (time.monotonic() + "
            "timeout), pass the time left to every select(), and raise TimeoutError once "
            "the deadline has passed, whether or not select() found something.",
            "ar": "شغّلنا echo_all مع {n} خوادم ترسل بايتًا واحدًا كل {every:.1f} ثانية ولا "
            "تنتهي أبدًا، و timeout={timeout:.2f}، فكانت ما تزال تعمل بعد {seconds:.2f} "
            "ثانية (أرسلت الخوادم حتى ذلك الحين {count} بايت). يبدو أن عميلك لا يستسلم "
            "إلا حين لا يجد انتظارٌ واحد شيئًا (استدعاء select()، أو recv() بمهلة على "
            "المقبس) — وهنا يصل بايت كل {every:.1f} ثانية، فلا يحدث ذلك أبدًا. احسب "
            "موعدًا نهائيًا واحدًا حين تبدأ echo_all (time.monotonic() + timeout)، ومرّر "
            "الوقت الباقي إلى كل select()، وارفع TimeoutError متى فات الموعد، وجدت "
            "select() شيئًا أم لم تجد.",
        },
        "timeout_restarted": {
            "en": "echo_all with timeout={timeout:.2f} and servers that read nothing for the "
            "first {hold:.2f} s and then never finish their answer raised TimeoutError only "
            "after {elapsed:.2f} s (allowed: {allowed:.2f} s) — {after:.2f} s after your client "
            "finished sending, at {sent:.2f} s. The timeout was counted again from the end of "
            "sending, as if connecting and sending took no time. The timeout covers the whole "
            "call: compute the deadline once, when echo_all starts, and never move it.",
            "ar": "شغّلنا echo_all بمهلة timeout={timeout:.2f} مع خوادم لا تقرأ شيئًا في أول "
            "{hold:.2f} ثانية ثم لا تكمل ردها أبدًا، فلم ترفع TimeoutError إلا بعد "
            "{elapsed:.2f} ثانية (المسموح {allowed:.2f} ثانية) — بعد {after:.2f} ثانية من "
            "انتهاء عميلك من الإرسال عند {sent:.2f} ثانية. عُدّت المهلة من جديد بعد نهاية "
            "الإرسال، كأن الاتصال والإرسال لا يستغرقان وقتًا. المهلة تشمل الاستدعاء كله: احسب "
            "الموعد النهائي مرة واحدة حين تبدأ echo_all ولا تحرّكه أبدًا.",
        },
        "trickle_returned": {
            "en": "echo_all with {n} servers that send one byte every {every:.1f} s and never "
            "finish, and timeout={timeout:.2f}, returned {got} instead of raising TimeoutError. "
            "A reply is complete only when its server closes the connection (recv() returns "
            "b''); when the deadline passes before that, raise TimeoutError.",
            "ar": "شغّلنا echo_all مع {n} خوادم ترسل بايتًا واحدًا كل {every:.1f} ثانية ولا "
            "تنتهي أبدًا، و timeout={timeout:.2f}، فأعادت {got} بدل أن ترفع TimeoutError. لا "
            "يكتمل الرد إلا حين يغلق خادمه الاتصال (تعيد recv() القيمة b'')؛ وإذا فات الموعد "
            "النهائي قبل ذلك فارفع TimeoutError.",
        },
        "trickle_wrong_error": {
            "en": "echo_all with {n} servers that send one byte every {every:.1f} s and never "
            "finish, and timeout={timeout:.2f}, raised {error}; expected TimeoutError.",
            "ar": "شغّلنا echo_all مع {n} خوادم ترسل بايتًا واحدًا كل {every:.1f} ثانية ولا "
            "تنتهي أبدًا، و timeout={timeout:.2f}، فرفعت {error}؛ المتوقع TimeoutError.",
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
    timing_keys=("busy_wait", "timeout_late", "timeout_per_select", "timeout_restarted"),
)
