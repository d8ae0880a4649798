"""Messages of exercise 15 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex15_async_streams",
    {
        "line_ending": {
            "en": "fetch_status_line returned {got!r}: the line ending is still on it. "
            "readline() keeps the b'\\r\\n'; strip it (e.g. .rstrip('\\r\\n')) before returning.",
            "ar": "أعادت fetch_status_line القيمة {got!r}: ما تزال نهاية السطر فيها. تُبقي "
            "readline() على b'\\r\\n'؛ احذفها (مثلًا .rstrip('\\r\\n')) قبل الإرجاع.",
        },
        "wrong_status_line": {
            "en": "fetch_status_line({path!r}) returned {got!r}; the server answered with the "
            "status line {want!r}. Return only the first line of the answer, decoded to str.",
            "ar": "أعادت fetch_status_line({path!r}) القيمة {got!r}؛ أجاب الخادم بسطر الحالة "
            "{want!r}. أعد السطر الأول من الإجابة فقط، محوّلًا إلى نص str.",
        },
        "wrong_request": {
            "en": "the server received the request line {got!r}; expected {want!r}. Send "
            "f\"GET {{path}} HTTP/1.0\\r\\nHost: {{host}}\\r\\n\\r\\n\" (the blank line ends the "
            "request) and await writer.drain().",
            "ar": "استقبل الخادم سطر الطلب {got!r}؛ المتوقع {want!r}. أرسل "
            "f\"GET {{path}} HTTP/1.0\\r\\nHost: {{host}}\\r\\n\\r\\n\" (السطر الفارغ ينهي "
            "الطلب) ثم await writer.drain().",
        },
        "request_not_sent": {
            "en": "{call}: the server accepted {count} of {total} connection(s) on which no byte "
            "of a request arrived in the {seconds:.2f} s it waited (up to {limit:.1f} s, or until "
            "nothing in the process had moved for {still:.1f} s: your client was then waiting "
            "too): they were opened and then left waiting, so the server never answered them. "
            "Send each connection's request right after opening it, with every fetch running at "
            "once (one task per target).",
            "ar": "{call}: قبل الخادم {count} من {total} اتصال لم يصل عليها أي بايت من طلب خلال "
            "{seconds:.2f} ثانية من الانتظار (ينتظر حتى {limit:.1f} ثانية، أو إلى أن يمضي "
            "{still:.1f} ثانية لا يتحرك فيها شيء في العملية: أي أن عميلك كان ينتظر هو أيضًا): "
            "فُتحت ثم تُركت تنتظر، فلم يُجب الخادم عليها أبدًا. أرسل طلب كل اتصال فور فتحه، "
            "وليجرِ كل جلب في الوقت نفسه (مهمة لكل هدف).",
        },
        "incomplete_request": {
            "en": "{call}: the server accepted {count} of {total} connection(s) but, after "
            "waiting {seconds:.2f} s (up to {limit:.1f} s, or until nothing in the process had "
            "moved for {still:.1f} s: your client was then waiting too), had not received a whole "
            "request on them: no blank line ended the request head, so the server was still "
            "waiting for the rest and never answered. Send f\"GET {{path}} HTTP/1.0\\r\\nHost: "
            "{{host}}\\r\\n\\r\\n\" (the final \\r\\n\\r\\n, an empty line, says the request is "
            "complete) and await writer.drain().",
            "ar": "{call}: قبل الخادم {count} من {total} اتصال لكنه، بعد انتظار {seconds:.2f} "
            "ثانية (حتى {limit:.1f} ثانية، أو إلى أن يمضي {still:.1f} ثانية لا يتحرك فيها شيء في "
            "العملية: أي أن عميلك كان ينتظر هو أيضًا)، لم يستقبل عليها طلبًا كاملًا: لم ينتهِ رأس "
            "الطلب بسطر فارغ، فظل الخادم ينتظر بقيته ولم يُجب أبدًا. أرسل f\"GET {{path}} "
            "HTTP/1.0\\r\\nHost: {{host}}\\r\\n\\r\\n\" (الـ \\r\\n\\r\\n الأخيرة، أي سطر فارغ، "
            "تعني أن الطلب اكتمل) ثم await writer.drain().",
        },
        "partial_line": {
            "en": "fetch_status_line('/') returned {got!r} from a server that sends its status "
            "line {size} bytes at a time, with a short pause between the pieces; expected "
            "{want!r}. One reader.read(n) returns whatever has arrived so far, which can be "
            "part of a line: read up to the end of the line with await reader.readline() (or "
            "readuntil(b'\\r\\n')).",
            "ar": "أعادت fetch_status_line('/') القيمة {got!r} من خادم يرسل سطر الحالة {size} "
            "بايت في كل مرة مع توقف قصير بين الأجزاء؛ المتوقع {want!r}. استدعاء واحد لـ "
            "reader.read(n) يعيد ما وصل حتى الآن فقط، وقد يكون جزءًا من سطر: اقرأ حتى نهاية "
            "السطر بـ await reader.readline() (أو readuntil(b'\\r\\n')).",
        },
        "not_closed": {
            "en": "{call} left connections for the garbage collector to close: {warnings} "
            "ResourceWarning(s), e.g. {sample!r}. A StreamWriter you drop without closing "
            "stays open until it is collected. After reading the status line call "
            "writer.close() and await writer.wait_closed(), in a `finally` so it also happens "
            "when something fails.",
            "ar": "تركت {call} اتصالات ليغلقها جامع القمامة: {warnings} من تحذيرات "
            "ResourceWarning، مثل {sample!r}. الكاتب (StreamWriter) الذي تتركه دون إغلاق يبقى "
            "مفتوحًا حتى يُجمع. بعد قراءة سطر الحالة استدعِ writer.close() ثم "
            "await writer.wait_closed()، داخل finally ليحدث ذلك حتى عند الفشل.",
        },
        "closed_late": {
            "en": "{call}: the server answered {unclean} connection(s) and then waited "
            "{seconds:.2f} s (up to {limit:.1f} s, or until nothing in the process had moved for "
            "{still:.1f} s: your client was then waiting too), but your client never closed its "
            "side, so the server had to. Do not wait for the server to close first (e.g. reading "
            "to the end with reader.read()): read the status line, then writer.close() and await "
            "writer.wait_closed().",
            "ar": "{call}: أجاب الخادم على {unclean} اتصال ثم انتظر {seconds:.2f} ثانية (حتى "
            "{limit:.1f} ثانية، أو إلى أن يمضي {still:.1f} ثانية لا يتحرك فيها شيء في العملية: أي "
            "أن عميلك كان ينتظر هو أيضًا)، لكن عميلك لم يغلق جانبه أبدًا فاضطر الخادم إلى ذلك. لا "
            "تنتظر أن يغلق الخادم أولًا (مثل القراءة حتى النهاية بـ reader.read()): اقرأ سطر "
            "الحالة ثم writer.close() و await writer.wait_closed().",
        },
        "not_waited": {
            "en": "when fetch_status_line returned, its socket was still open ({count} "
            "connection(s) to the server): writer.close() only starts closing. Await "
            "writer.wait_closed() before returning.",
            "ar": "عندما عادت fetch_status_line كان مقبسها ما يزال مفتوحًا ({count} اتصال "
            "بالخادم): writer.close() تبدأ الإغلاق فقط. انتظر await writer.wait_closed() قبل "
            "الإرجاع.",
        },
        "not_closed_on_error": {
            "en": "the server took fetch_status_line's request and held its answer; the call "
            "was cancelled while it waited and ended with {outcome}. Afterwards {sockets} of "
            "its socket(s) were still open and {warnings} ResourceWarning(s) came at garbage "
            "collection (e.g. {sample!r}); expected its connection closed on this path too. "
            "Closing only after the status line was read skips the clean-up when an exception "
            "(here CancelledError) leaves the function: put writer.close() and await "
            "writer.wait_closed() in a `finally` block.",
            "ar": "استلم الخادم طلب fetch_status_line وأخّر إجابته؛ ثم أُلغي الاستدعاء وهو "
            "ينتظر فانتهى بـ {outcome}. بعد ذلك بقي {sockets} من مقابسه مفتوحًا وجاء {warnings} من "
            "تحذيرات ResourceWarning عند جمع القمامة (مثل {sample!r})؛ المتوقع أن يُغلق اتصاله "
            "في هذا المسار أيضًا. الإغلاق بعد قراءة سطر الحالة فقط يتخطى التنظيف حين يخرج استثناء "
            "(هنا CancelledError) من الدالة: ضع writer.close() و await writer.wait_closed() في "
            "كتلة finally.",
        },
        "requests_one_at_a_time": {
            "en": "fetch_all with {n} targets on a server that answers only when all {n} "
            "requests are waiting at once: all {n} connections were open together, but at most "
            "{asked} request(s) had been sent at the same time. Opening every connection first "
            "and then sending and reading one request after another is still one at a time. "
            "Run each whole fetch (connect, send, read, close) as its own task, and await "
            "them together.",
            "ar": "شغّلنا fetch_all بـ {n} أهداف على خادم لا يجيب إلا حين تنتظر الطلبات الـ {n} "
            "كلها معًا: انفتحت الاتصالات الـ {n} معًا، لكن لم يُرسَل في الوقت نفسه أكثر من {asked} "
            "طلب. فتح الاتصالات كلها أولًا ثم إرسال الطلبات وقراءتها واحدًا تلو الآخر ما زال "
            "واحدًا تلو الآخر. نفّذ كل جلب كاملًا (الاتصال والإرسال والقراءة والإغلاق) مهمةً "
            "مستقلة، وانتظرها معًا.",
        },
        "one_at_a_time": {
            "en": "fetch_all with {n} targets on a server that answers only when all {n} "
            "requests are waiting at once: at most {peak} connections were open at the same "
            "time. The fetches ran one after another (awaiting each in turn); start them all "
            "first, e.g. with asyncio.gather(...) or tasks, then await them together.",
            "ar": "شغّلنا fetch_all بـ {n} أهداف على خادم لا يجيب إلا حين تنتظر الطلبات الـ {n} "
            "كلها معًا: لم ينفتح من الاتصالات معًا أكثر من {peak}. نُفّذ الجلب واحدًا تلو "
            "الآخر (انتظار كل واحد بدوره)؛ ابدأها كلها أولًا، مثلًا بـ asyncio.gather(...) أو "
            "المهام، ثم انتظرها معًا.",
        },
        "threads_started": {
            "en": "while fetch_all's connections were open, {count} new thread(s) were running "
            "({names}). asyncio streams need no threads: one event loop drives every "
            "connection. Use asyncio.open_connection, not blocking sockets in threads.",
            "ar": "أثناء انفتاح اتصالات fetch_all كان {count} خيطًا جديدًا يعمل ({names}). لا "
            "تحتاج تدفقات asyncio إلى خيوط: حلقة أحداث واحدة تقود كل الاتصالات. استخدم "
            "asyncio.open_connection لا المقابس الحاجزة في خيوط.",
        },
        "raised_instead": {
            "en": "fetch_all raised {error} for a target that refuses connections, instead of "
            "returning it in that target's place. Collect the exceptions with the results "
            "(asyncio.gather(..., return_exceptions=True), or catch them per target).",
            "ar": "رفعت fetch_all الاستثناء {error} بسبب هدف يرفض الاتصال، بدل أن تعيده في موضع "
            "ذلك الهدف. اجمع الاستثناءات مع النتائج (asyncio.gather(..., "
            "return_exceptions=True)، أو التقطها لكل هدف).",
        },
        "raised_group": {
            "en": "fetch_all raised {error} for a target that refuses connections, holding "
            "{inner}, instead of returning the error in that target's place. When one task of "
            "an asyncio.TaskGroup fails, the group cancels the others and raises every failure "
            "together in an ExceptionGroup. Catch the error inside each task (a small coroutine "
            "that returns the exception), or use asyncio.gather(..., return_exceptions=True).",
            "ar": "رفعت fetch_all الاستثناء {error} بسبب هدف يرفض الاتصال، وفيه {inner}، بدل أن "
            "تعيد الخطأ في موضع ذلك الهدف. حين تفشل مهمة واحدة في asyncio.TaskGroup تلغي "
            "المجموعة المهام الأخرى وترفع كل الأخطاء معًا في ExceptionGroup. التقط الخطأ داخل "
            "كل مهمة (كوروتين صغير يعيد الاستثناء)، أو استخدم asyncio.gather(..., "
            "return_exceptions=True).",
        },
        "only_refusals_caught": {
            "en": "fetch_all raised {error} for a target whose server accepted the connection "
            "and then reset it, instead of returning it in that target's place. "
            "ConnectionRefusedError is only one of the ways a target can fail: a reset, a "
            "closed connection or a name that does not resolve must come back in place too. "
            "Catch Exception per target (or use asyncio.gather(..., return_exceptions=True)).",
            "ar": "رفعت fetch_all الاستثناء {error} بسبب هدف قبِل خادمُه الاتصال ثم قطعه (reset)، "
            "بدل أن تعيده في موضع ذلك الهدف. ConnectionRefusedError طريقة واحدة فقط من طرق "
            "فشل الهدف: القطع، أو إغلاق الاتصال، أو اسم لا يُترجم إلى عنوان، كلها يجب أن تعود "
            "في موضعها أيضًا. التقط Exception لكل هدف (أو استعمل asyncio.gather(..., "
            "return_exceptions=True)).",
        },
        "reset_not_in_place": {
            "en": "fetch_all returned {got!r} for targets {targets}; expected a status line for "
            "each server that answers and an exception (the connection was reset) in the "
            "place of the one that resets it.",
            "ar": "أعادت fetch_all القيمة {got!r} للأهداف {targets}؛ المتوقع سطر حالة لكل خادم "
            "يجيب، واستثناء (قُطع الاتصال) في موضع الخادم الذي يقطعه.",
        },
        "not_in_place": {
            "en": "fetch_all returned {got!r} for targets {targets}; expected a status line for "
            "each server that answers and the exception (ConnectionRefusedError) in the place "
            "of the one that refuses.",
            "ar": "أعادت fetch_all القيمة {got!r} للأهداف {targets}؛ المتوقع سطر حالة لكل خادم "
            "يجيب، والاستثناء (ConnectionRefusedError) في موضع الهدف الذي يرفض.",
        },
        "wrong_order": {
            "en": "fetch_all returned {got!r}; expected {want!r}: one entry per target, in the "
            "order of the targets (not the order in which the answers arrived).",
            "ar": "أعادت fetch_all القيمة {got!r}؛ المتوقع {want!r}: عنصر لكل هدف، بترتيب "
            "الأهداف (لا بترتيب وصول الإجابات).",
        },
        "tasks_left": {
            "en": "after {call} returned, {count} task(s) it started were still running: "
            "every fetch must be finished (or cancelled and awaited) before it returns.",
            "ar": "بعد عودة {call} كانت {count} من المهام التي بدأتها ما تزال تعمل: يجب أن ينتهي "
            "كل جلب (أو يُلغى ويُنتظر) قبل العودة.",
        },
        "empty": {
            "en": "fetch_all([]) returned {got!r}; expected [].",
            "ar": "أعادت fetch_all([]) القيمة {got!r}؛ المتوقع [].",
        },
    },
    parent=COMMON,
)
