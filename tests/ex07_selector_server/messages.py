"""Messages of exercise 07 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex07_selector_server",
    {
        "wrong_address": {
            "en": "EchoServer({args}).address is {got!r}; expected {want}. Return the "
            "listening socket's own address (sock.getsockname()): with port 0 the OS picks "
            "a free port, and that real port is the one clients need.",
            "ar": "قيمة EchoServer({args}).address هي {got!r}؛ المتوقع {want}. أعد عنوان "
            "مقبس الاستماع نفسه (sock.getsockname()): مع المنفذ 0 يختار نظام التشغيل منفذًا "
            "حرًّا، وذلك المنفذ الحقيقي هو ما يحتاجه العملاء.",
        },
        "not_listening": {
            "en": "a client could not connect to {address} right after EchoServer(...) was "
            "created: {error}. The constructor must bind() and listen() (the OS queues "
            "connections even before serve_forever accepts them).",
            "ar": "لم يستطع عميل الاتصال بالعنوان {address} مباشرة بعد إنشاء EchoServer(...): "
            "{error}. يجب أن يستدعي المُنشئ bind() ثم listen() (يحفظ نظام التشغيل الاتصالات "
            "في طابور حتى قبل أن تقبلها serve_forever).",
        },
        "serve_crashed": {
            "en": "serve_forever raised {error} (at {where}) while serving. A client that "
            "closes or resets its connection must be dropped quietly: unregister and close "
            "it, and keep serving the others.",
            "ar": "رفعت serve_forever الاستثناء {error} (في {where}) أثناء الخدمة. العميل الذي "
            "يغلق اتصاله أو يقطعه يجب أن يُحذف بهدوء: ألغِ تسجيله وأغلقه، واستمر في خدمة "
            "الآخرين.",
        },
        "serve_returned": {
            "en": "serve_forever returned by itself after {seconds:.2f} s, before shutdown() "
            "was called. It must keep looping until shutdown() asks it to stop.",
            "ar": "عادت serve_forever من تلقاء نفسها بعد {seconds:.2f} ثانية، قبل استدعاء "
            "shutdown(). يجب أن تستمر في الدوران حتى تطلب shutdown() التوقف.",
        },
        "not_accepting": {
            "en": "{n} client(s) connected to the running server, but it had accepted only "
            "{accepted} {waited}. serve_forever must register the listening socket with the "
            "selector and accept() whenever it is readable.",
            "ar": "اتصل {n} عميل بالخادم العامل، لكنه لم يقبل إلا {accepted} {waited}. يجب أن "
            "تسجّل serve_forever مقبس الاستماع في المحدِّد وتستدعي accept() كلما صار قابلًا "
            "للقراءة.",
        },
        "shutdown_hang": {
            "en": "shutdown() was called, and serve_forever had still not returned "
            "{seconds:.1f} s later. shutdown() must make the loop stop: set a flag AND wake "
            "up selector.select() (e.g. write a byte to a socket.socketpair() registered "
            "with the selector), so the loop sees the flag.",
            "ar": "استُدعيت shutdown() ولم تعد serve_forever بعد {seconds:.1f} ثانية. يجب أن "
            "توقف shutdown() الحلقة: اضبط علمًا وأيقظ selector.select() (مثلًا اكتب بايتًا "
            "في socket.socketpair() مسجّل في المحدِّد) لترى الحلقة العلم.",
        },
        "slow_shutdown": {
            "en": "serve_forever was still running {elapsed:.2f} s after shutdown() was called "
            "(allowed: {allowed:.2f} s). A select() that sleeps a long timeout (or forever) "
            "only sees the stop flag when it wakes: wake it up from shutdown() (self-pipe "
            "trick: a socket.socketpair() registered with the selector).",
            "ar": "كانت serve_forever ما تزال تعمل بعد {elapsed:.2f} ثانية من استدعاء "
            "shutdown() (المسموح {allowed:.2f} ثانية). الدالة select() التي تنام مهلة طويلة "
            "(أو بلا نهاية) لا ترى علم التوقف إلا حين تستيقظ: أيقظها من shutdown() (حيلة "
            "الأنبوب الذاتي: socket.socketpair() مسجّل في المحدِّد).",
        },
        "sockets_left_open": {
            "en": "after shutdown() and serve_forever returned, the server still held {count} "
            "open socket(s) (it had {clients} client(s) connected). Close the listener, "
            "every client socket and the selector when the loop ends (a `finally:` block).",
            "ar": "بعد shutdown() وعودة serve_forever بقي لدى الخادم {count} مقبس مفتوح (كان "
            "متصلًا به {clients} عميل). أغلق مقبس الاستماع وكل مقابس العملاء والمحدِّد حين "
            "تنتهي الحلقة (كتلة `finally:`).",
        },
        "still_listening": {
            "en": "after shutdown() and serve_forever returned, a new client could still "
            "connect to {address}: close the listening socket too.",
            "ar": "بعد shutdown() وعودة serve_forever ظل بإمكان عميل جديد الاتصال بالعنوان "
            "{address}: أغلق مقبس الاستماع أيضًا.",
        },
        "extra_threads": {
            "en": "while serve_forever served {n} client(s), {count} new thread(s) were "
            "running: {names}. This server uses no thread but the one that calls "
            "serve_forever: the selector tells that one thread which socket is ready.",
            "ar": "بينما كانت serve_forever تخدم {n} عميلًا كان {count} خيطًا جديدًا يعمل: "
            "{names}. هذا الخادم لا يستخدم إلا الخيط الذي يستدعي serve_forever: المحدِّد "
            "يخبر ذلك الخيط أي مقبس جاهز.",
        },
        "wrong_echo": {
            "en": "a client sent {sent} and got back {got} {waited}. The server must send back "
            "exactly the bytes each client sent, in order, including what send() did not "
            "take the first time.",
            "ar": "أرسل عميل {sent} وتلقى {got} {waited}. يجب أن "
            "يعيد الخادم البايتات التي أرسلها كل عميل بالضبط وبالترتيب، ومنها ما لم تأخذه "
            "send() في المرة الأولى.",
        },
        "not_concurrent": {
            "en": "{n} clients connected at once and each sent a message: only {echoed} of "
            "them got their echo {waited}, while all stayed connected. The server served "
            "one client at a time (a blocking recv() waits "
            "for that client only). Register every client with the selector and handle "
            "whichever socket is ready.",
            "ar": "اتصل {n} عميلًا معًا وأرسل كل منهم رسالة: لم يتلقَّ الصدى إلا {echoed} منهم "
            "{waited}، بينما بقوا جميعًا متصلين. خدم الخادم عميلًا "
            "واحدًا في كل مرة (recv() الحاجبة تنتظر ذلك العميل وحده). سجّل كل عميل في "
            "المحدِّد وتعامل مع أي مقبس جاهز.",
        },
        "stalled_by_idle": {
            "en": "while one client stayed connected without sending anything more, only "
            "{echoed} of {n} other clients got their echo {waited}. The server was waiting "
            "in recv() on the idle client: only call recv() on a socket the selector "
            "reported readable.",
            "ar": "بينما بقي عميل متصلًا دون أن يرسل شيئًا آخر، لم يتلقَّ الصدى إلا {echoed} "
            "من {n} عملاء آخرين {waited}. كان الخادم ينتظر في recv() على العميل الخامل: لا "
            "تستدعِ recv() إلا على مقبس أخبرك المحدِّد أنه قابل للقراءة.",
        },
        "stalled_by_slow_reader": {
            "en": "a client sent {sent} bytes and read none of its echo; meanwhile only "
            "{echoed} of {n} other clients got their echo {waited}. The server blocked "
            "writing to the slow reader (sendall, or a blocking socket). Keep "
            "unsent bytes in that client's output buffer and write them when the selector "
            "says the socket is writable.",
            "ar": "أرسل عميل {sent} بايت ولم يقرأ شيئًا من صداه؛ وفي الأثناء لم يتلقَّ الصدى "
            "إلا {echoed} من {n} عملاء آخرين {waited}. توقف الخادم وهو "
            "يكتب إلى القارئ البطيء (sendall، أو مقبس حاجب). احفظ البايتات غير المرسلة في "
            "مخزن خروج ذلك العميل واكتبها حين يخبرك المحدِّد أن المقبس قابل للكتابة.",
        },
        "slow_reader_lost_data": {
            "en": "a slow reader sent {sent} bytes; when it finally read, it got back "
            "{echoed} bytes {waited}{where}. Bytes that send() did not take "
            "must stay in the client's buffer until they are written: send() returns how "
            "many it took.",
            "ar": "أرسل قارئ بطيء {sent} بايت؛ وحين قرأ أخيرًا تلقى {echoed} بايت "
            "{waited}{where}. البايتات التي لم تأخذها send() يجب أن تبقى في مخزن "
            "العميل حتى تُكتب: send() تعيد عدد ما أخذته.",
        },
        "clients_not_closed": {
            "en": "after {n} clients connected, {how} and went away, the server still held "
            "{held} socket(s) ({baseline} when idle). When recv() returns b'' or raises "
            "ConnectionResetError, unregister the client from the selector and close its "
            "socket.",
            "ar": "بعد أن اتصل {n} عميلًا ثم {how} ورحلوا، بقي لدى الخادم {held} مقبس ({baseline} "
            "وهو خامل). حين تعيد recv() القيمة b'' أو ترفع ConnectionResetError ألغِ تسجيل "
            "العميل من المحدِّد وأغلق مقبسه.",
        },
        "waited_limit": {
            "en": "within {seconds:.1f} s",
            "ar": "خلال {seconds:.1f} ثانية",
        },
        "waited_still": {
            "en": "before everything went still ({seconds:.1f} s in, no thread had run for "
            "{still:.1f} s and nothing was coming to wake the server)",
            "ar": "قبل أن يسكن كل شيء (بعد {seconds:.1f} ثانية لم يكن أي خيط قد عمل طوال "
            "{still:.1f} ثانية، ولم يكن شيء آتيًا ليوقظ الخادم)",
        },
        "how_closed": {
            "en": "closed normally after their echo",
            "ar": "أغلقوا اتصالهم بشكل عادي بعد الصدى",
        },
        "how_reset": {
            "en": "reset their connection (RST) after their echo",
            "ar": "قطعوا اتصالهم (RST) بعد الصدى",
        },
        "how_unread": {
            "en": "closed without reading their echo",
            "ar": "أغلقوا دون قراءة صداهم",
        },
    },
    parent=COMMON,
    timing_keys=("slow_shutdown", "stalled_by_idle", "stalled_by_slow_reader"),
)
