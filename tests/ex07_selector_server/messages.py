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
        "shutdown_raised": {
            "en": "after shutdown() was called, serve_forever raised {error} (at {where}) "
            "instead of returning. Stopping is the normal end of the loop, not an error: "
            "when the loop sees the stop flag, leave it and return (closing every socket "
            "in a `finally:` block). If shutdown() closed the selector or the sockets itself, "
            "from its own thread, the loop trips over them: leave the closing to "
            "serve_forever.",
            "ar": "بعد استدعاء shutdown() رفعت serve_forever الاستثناء {error} (في {where}) "
            "بدل أن تعود. التوقف نهاية طبيعية للحلقة وليس خطأً: حين ترى الحلقة علم التوقف "
            "فلتخرج منها وتعد (وتغلق كل المقابس في كتلة `finally:`). وإن أغلقت shutdown() "
            "المحدِّد أو المقابس بنفسها من خيطها، تعثرت بها الحلقة: اترك الإغلاق لـ "
            "serve_forever.",
        },
        "stale_echo": {
            "en": "a client left with part of its echo still waiting in the server, and the "
            "next client (whose socket got the same file descriptor) sent {sent} and got back "
            "{got}: the old client's bytes. Its buffer was kept by file descriptor and never "
            "removed. When a client goes, drop everything kept for it (unregister, close, "
            "and delete its buffer), or keep the buffer on the client's own object.",
            "ar": "رحل عميل وجزء من صداه ما زال ينتظر في الخادم، فأرسل العميل التالي (الذي أخذ "
            "مقبسه واصف الملف نفسه) {sent} وتلقى {got}: بايتات العميل القديم. حُفظ مخزنه بحسب "
            "واصف الملف ولم يُحذف أبدًا. حين يرحل عميل احذف كل ما حُفظ له (ألغِ التسجيل وأغلق "
            "واحذف مخزنه)، أو احفظ المخزن في كائن العميل نفسه.",
        },
        "half_closed_spin": {
            "en": "a client sent 3 MiB, shut down its sending side and did not read yet; "
            "meanwhile serve_forever's thread was running or waiting for a CPU in {busy} of "
            "{samples} checks over {wall:.2f} s ({cpu:.3f} s of CPU): it spun. At end of "
            "stream a socket is always readable (recv() gives b\"\" again at once), so a "
            "client still registered for EVENT_READ after its b\"\" makes select() return "
            "every time. After b\"\", keep only EVENT_WRITE while its echo is still "
            "buffered, then close it.",
            "ar": "أرسل عميل 3 MiB وأغلق جانب الإرسال ولم يقرأ بعد؛ وفي الأثناء كان خيط "
            "serve_forever يعمل أو ينتظر المعالج في {busy} من {samples} فحصًا خلال {wall:.2f} "
            "ثانية ({cpu:.3f} ثانية من المعالج): لقد دار في حلقة. عند نهاية التدفق يكون المقبس "
            "قابلًا للقراءة دائمًا (تعيد recv() ‏b\"\" فورًا من جديد)، فالعميل الذي يبقى مسجّلًا "
            "لـ EVENT_READ بعد b\"\" يجعل select() تعود في كل مرة. بعد b\"\" أبقِ EVENT_WRITE "
            "وحده ما دام صداه مخزّنًا، ثم أغلقه.",
        },
        "busy_loop": {
            "en": "while serve_forever had {clients} client(s) connected and nothing to do, "
            "its thread was running or waiting for a CPU in {busy} of {samples} checks over "
            "{wall:.2f} s and used {cpu:.3f} s of CPU; expected it to sleep in select() "
            "nearly all the time. The loop spins: select() returns at once, again and again. "
            "Likely: select(0) or select(timeout=0) (a zero timeout never sleeps: give no "
            "timeout, or a short one), or a client registered for EVENT_WRITE while it has "
            "nothing to write (a connected socket is almost always writable: ask for "
            "EVENT_WRITE only while that client's buffer holds bytes).",
            "ar": "بينما كان لدى serve_forever ‏{clients} عميل متصل ولا شيء تفعله، كان خيطها "
            "يعمل أو ينتظر المعالج في {busy} من {samples} فحصًا خلال {wall:.2f} ثانية، "
            "واستهلك {cpu:.3f} ثانية من المعالج؛ المتوقع أن ينام في select() طوال الوقت "
            "تقريبًا. الحلقة تدور بلا توقف: تعود select() فورًا مرة بعد مرة. الأرجح: "
            "select(0) أو select(timeout=0) (المهلة الصفرية لا تنام أبدًا: لا تمرر مهلة، أو "
            "مرر مهلة قصيرة)، أو عميل مسجّل لـ EVENT_WRITE وليس لديه ما يكتبه (المقبس المتصل "
            "قابل للكتابة دائمًا تقريبًا: اطلب EVENT_WRITE فقط ما دام مخزن ذلك العميل فيه "
            "بايتات).",
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
        "small_backlog": {
            "en": "{n} clients are about to connect at once, but the server's listening socket "
            "keeps at most {backlog} finished handshakes waiting for accept() (listen({backlog})). "
            "When that queue is full, the kernel drops the next connections, and they are "
            "retried only a second or more later (again and again, the waits doubling). Call "
            "listen() with no argument (a backlog of 128 or the system's limit) or with at "
            "least {need}.",
            "ar": "سيتصل {n} عميلًا معًا، لكن مقبس الاستماع في الخادم لا يحتفظ إلا بـ {backlog} "
            "من المصافحات المكتملة التي تنتظر accept() ‏(listen({backlog})). وحين يمتلئ هذا "
            "الطابور يُسقط النظام الاتصالات التالية، فلا يُعاد المحاولة إلا بعد ثانية أو أكثر "
            "(مرة بعد مرة، وتتضاعف المهلة). استدعِ listen() دون وسيط (طابور من 128 أو حدّ "
            "النظام) أو بعدد لا يقل عن {need}.",
        },
        "backlog": {
            "en": "{n} clients connected at once: their handshakes took {took:.2f} s (a few "
            "milliseconds when nothing is dropped), and {waited:.2f} s later the server had "
            "accepted {accepted} of them. The kernel keeps at most listen(backlog) finished "
            "handshakes waiting for accept(); when that queue is full it drops the next ones, "
            "and those are retried only a second or more later. Call listen() with no "
            "argument (a backlog of 128 or the system's limit) or a larger number, and accept "
            "every pending connection when the listener is readable.",
            "ar": "اتصل {n} عميلًا معًا: استغرقت مصافحاتهم {took:.2f} ثانية (بضعة أجزاء من الألف "
            "من الثانية حين لا يسقط شيء)، وبعد {waited:.2f} ثانية أخرى كان الخادم قد قبل "
            "{accepted} منهم. يحتفظ النظام بعدد أقصاه listen(backlog) من المصافحات المكتملة "
            "التي تنتظر accept()؛ وحين يمتلئ هذا الطابور يُسقط ما بعدها، فلا يُعاد المحاولة "
            "إلا بعد ثانية أو أكثر. استدعِ listen() دون وسيط (طابور من 128 أو حدّ النظام) أو "
            "بعدد أكبر، واقبل كل اتصال منتظر حين يصبح مقبس الاستماع قابلًا للقراءة.",
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
        "half_close_lost": {
            "en": "a client sent {sent} bytes, called shutdown(SHUT_WR) (it sends nothing "
            "more but keeps reading) and read on: it got back only {got} bytes{where} before "
            "{ended} {waited}. recv() returning b'' means the client has finished sending, "
            "not that it has gone: keep it until the echo still in its buffer is written, "
            "and only then unregister and close it.",
            "ar": "أرسل عميل {sent} بايت، ثم استدعى shutdown(SHUT_WR) (لن يرسل شيئًا بعد الآن "
            "لكنه يواصل القراءة) وتابع القراءة: لم يتلقَّ إلا {got} بايت{where} قبل أن "
            "{ended} {waited}. عودة recv() بالقيمة b'' تعني أن العميل أنهى الإرسال، لا أنه "
            "رحل: أبقِه حتى يُكتب الصدى الباقي في مخزنه، وبعدها فقط ألغِ تسجيله وأغلقه.",
        },
        "half_close_kept_open": {
            "en": "a client sent {sent} bytes, called shutdown(SHUT_WR) and got every byte "
            "back, but the server did not close the connection {waited}. Once a client has "
            "finished sending (recv() returned b'') and its buffer is written out, "
            "unregister and close it: it will send nothing more.",
            "ar": "أرسل عميل {sent} بايت، ثم استدعى shutdown(SHUT_WR) وتلقى كل البايتات، لكن "
            "الخادم لم يغلق الاتصال {waited}. حين ينهي العميل الإرسال (أعادت recv() القيمة "
            "b'') ويُكتب مخزنه كاملًا، ألغِ تسجيله وأغلقه: لن يرسل شيئًا بعد ذلك.",
        },
        "ended_eof": {
            "en": "the server closed the connection",
            "ar": "يغلق الخادم الاتصال",
        },
        "ended_reset": {
            "en": "the connection was reset",
            "ar": "يُقطع الاتصال",
        },
        "ended_open": {
            "en": "the wait ended",
            "ar": "ينتهي الانتظار",
        },
        "differing": {
            "en": " (differing from byte {byte})",
            "ar": " (مختلفة بدءًا من البايت {byte})",
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
    timing_keys=("slow_shutdown", "stalled_by_idle", "stalled_by_slow_reader", "busy_loop",
                 "half_closed_spin"),
)
