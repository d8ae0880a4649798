"""Messages of exercise 04 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex04_threaded_io",
    {
        "wrong_codes": {
            "en": "fetch_status_codes returned {got!r}; the server answered {want!r}. Return "
            "each answer's status code (response.status), one per URL, in the order of urls.",
            "ar": "أعادت fetch_status_codes القيمة {got!r}؛ بينما أجاب الخادم {want!r}. أعِد رمز "
            "الحالة لكل إجابة (response.status)، واحدًا لكل رابط، بترتيب urls.",
        },
        "http_error_raised": {
            "en": "fetch_status_codes raised {error} for URLs whose answers were {want!r}. A 4xx "
            "or 5xx answer is still an answer: urlopen raises urllib.error.HTTPError for it, so "
            "catch HTTPError and return its .code.",
            "ar": "رفعت fetch_status_codes الاستثناء {error} لروابط كانت إجاباتها {want!r}. "
            "إجابة 4xx أو 5xx تبقى إجابة: ترفع urlopen لها urllib.error.HTTPError، فالتقطه وأعِد "
            "قيمة ‎.code‎ منه.",
        },
        "refused_not_raised": {
            "en": "nothing listens at {url}, yet fetch_status_codes returned {got!r}. A URL that "
            "cannot be reached must raise an OSError naming it, not produce a made-up code.",
            "ar": "لا شيء يستمع على {url}، ومع ذلك أعادت fetch_status_codes القيمة {got!r}. "
            "الرابط الذي لا يمكن الوصول إليه يجب أن يرفع OSError يذكره، لا أن ينتج رمزًا مختلَقًا.",
        },
        "refused_wrong_error": {
            "en": "nothing listens at {url}; fetch_status_codes raised {error}, which is not an "
            "OSError. Raise an OSError (urllib's URLError is one) whose message names the URL.",
            "ar": "لا شيء يستمع على {url}؛ رفعت fetch_status_codes الاستثناء {error} وهو ليس "
            "OSError. ارفع OSError (و URLError من urllib واحد منها) تذكر رسالته الرابط.",
        },
        "refused_no_url": {
            "en": "nothing listens at {url}; fetch_status_codes raised {error}, but the message "
            "does not say which URL failed. Wrap it: raise OSError(f\"{{url}}: {{error}}\") from "
            "error.",
            "ar": "لا شيء يستمع على {url}؛ رفعت fetch_status_codes الاستثناء {error}، لكن رسالته "
            "لا تذكر أي رابط فشل. غلّفه: raise OSError(f\"{{url}}: {{error}}\") from error.",
        },
        "timeout_ignored": {
            "en": "fetch_status_codes([{url}], timeout={timeout}) returned {got!r} after the "
            "server kept silent for {held:.1f} s: the timeout was not used. Pass it on: "
            "urlopen(url, timeout=timeout); a request that times out raises an OSError.",
            "ar": "أعادت fetch_status_codes([{url}], timeout={timeout}) القيمة {got!r} بعد أن صمت "
            "الخادم {held:.1f} ثانية: لم تُستخدم المهلة. مرّرها: urlopen(url, timeout=timeout)؛ "
            "الطلب الذي تنتهي مهلته يرفع OSError.",
        },
        "timeout_no_url": {
            "en": "fetch_status_codes([{url}], timeout={timeout}) against a server that accepted "
            "the connection and then kept silent raised {error}, whose message does not say "
            "which URL failed. A timeout while waiting for the answer is not a URLError: urlopen "
            "lets the socket's TimeoutError through as it is. Catch OSError (URLError, "
            "TimeoutError and ConnectionError are all OSErrors) and raise an OSError naming "
            "the URL.",
            "ar": "مع خادم قبِل الاتصال ثم صمت رفعت fetch_status_codes([{url}], timeout={timeout}) "
            "الاستثناء {error}، ورسالته لا تذكر أي رابط فشل. انتهاء المهلة أثناء انتظار الإجابة "
            "ليس URLError: تمرّر urlopen الاستثناء TimeoutError من المقبس كما هو. التقط OSError "
            "(فكلٌّ من URLError و TimeoutError و ConnectionError من نوع OSError) وارفع OSError "
            "يذكر الرابط.",
        },
        "global_timeout_during": {
            "en": "fetch_status_codes with {n} URLs: while the requests were in flight, "
            "socket.getdefaulttimeout() was {during!r} instead of {before!r}. Setting the default "
            "timeout for the call and putting it back afterwards still changes it meanwhile for "
            "every thread and every library of the program (and two calls at once restore each "
            "other's value). Pass the timeout to each request instead: "
            "urlopen(url, timeout=timeout).",
            "ar": "مع fetch_status_codes و{n} رابطًا: أثناء تنفيذ الطلبات كانت "
            "socket.getdefaulttimeout() تساوي {during!r} بدل {before!r}. ضبط المهلة الافتراضية "
            "أثناء الاستدعاء ثم إرجاعها بعده يغيّرها في الأثناء لكل خيط ولكل مكتبة في البرنامج "
            "(واستدعاءان معًا يعيد كلٌّ منهما قيمة الآخر). مرّر المهلة إلى كل طلب بدل ذلك: "
            "urlopen(url, timeout=timeout).",
        },
        "global_timeout": {
            "en": "fetch_status_codes(urls, timeout={timeout}) with {n} URL(s) changed the "
            "default timeout of every socket in the process: socket.getdefaulttimeout() was "
            "{before!r} before the call and {after!r} after it. socket.setdefaulttimeout() "
            "changes it for every thread and every library of the program, for good. Pass the "
            "timeout to each request instead: urlopen(url, timeout=timeout).",
            "ar": "غيّرت fetch_status_codes(urls, timeout={timeout}) مع {n} رابط المهلة "
            "الافتراضية لكل مقبس في العملية: كانت socket.getdefaulttimeout() تساوي {before!r} "
            "قبل الاستدعاء و{after!r} بعده. تغيّر socket.setdefaulttimeout() المهلة لكل خيط ولكل "
            "مكتبة في البرنامج وإلى الأبد. مرّر المهلة لكل طلب بدلًا من ذلك: "
            "urlopen(url, timeout=timeout).",
        },
        "timeout_as_data": {
            "en": "fetch_status_codes(urls, timeout={timeout}) with {n} URL(s) raised {error} "
            "from inside urllib/http.client: each request went out as a POST whose body was "
            "to be the number {timeout}. urlopen's second positional parameter is data (a "
            "request body), not timeout: urlopen(url, timeout) sends the timeout as data. Name "
            "it: urlopen(url, timeout=timeout).",
            "ar": "رفعت fetch_status_codes(urls, timeout={timeout}) مع {n} رابط الاستثناء "
            "{error} من داخل urllib/http.client: خرج كل طلب بطريقة POST جسمه المفترض هو العدد "
            "{timeout}. المعامل الموضعي الثاني لـ urlopen هو data (جسم الطلب) لا timeout: "
            "فالاستدعاء urlopen(url, timeout) يرسل المهلة بيانات. سمِّه باسمه: "
            "urlopen(url, timeout=timeout).",
        },
        "timeout_wrong_error": {
            "en": "fetch_status_codes([{url}], timeout={timeout}) against a server that kept "
            "silent raised {error}; expected an OSError (a timeout is a connection failure).",
            "ar": "مع خادم صامت رفعت fetch_status_codes([{url}], timeout={timeout}) الاستثناء "
            "{error}؛ المتوقع OSError (انتهاء المهلة فشل في الاتصال).",
        },
        "empty": {
            "en": "fetch_status_codes([]) returned {got!r}; expected [].",
            "ar": "أعادت fetch_status_codes([]) القيمة {got!r}؛ المتوقع [].",
        },
        "sequential": {
            "en": "fetch_status_codes with {n} URLs: peak simultaneous requests at the server: "
            "{peak} of {n} — the requests ran one after another, and no thread of yours was "
            "running. A loop of urlopen calls waits for each answer before it sends the next "
            "request. Run each request in a thread of its own: start them all, then join them.",
            "ar": "شغّلنا fetch_status_codes بـ {n} روابط: أقصى عدد من الطلبات المتزامنة عند "
            "الخادم: {peak} من {n} — نُفّذت الطلبات واحدًا تلو الآخر، ولم يكن أي خيط لك يعمل. "
            "حلقة من استدعاءات urlopen تنتظر كل إجابة قبل أن ترسل الطلب التالي. شغّل كل طلب في "
            "خيط خاص به: ابدأها كلها، ثم انتظرها.",
        },
        "joined_one_by_one": {
            "en": "fetch_status_codes with {n} URLs: peak simultaneous requests at the server: "
            "{peak} of {n} — the requests ran one after another even though your threads "
            "existed (at most {threads} alive at a time). A thread joined right after start() "
            "(or a pool with a single worker) finishes one request before the next one starts: "
            "start every thread first, then join them all.",
            "ar": "شغّلنا fetch_status_codes بـ {n} روابط: أقصى عدد من الطلبات المتزامنة عند "
            "الخادم: {peak} من {n} — نُفّذت الطلبات واحدًا تلو الآخر رغم وجود خيوطك (لم يكن حيًّا "
            "منها أكثر من {threads} في وقت واحد). الخيط الذي تنتظره (join) بعد start() مباشرة "
            "(أو مجمّع بعامل واحد) ينهي طلبًا قبل أن يبدأ التالي: ابدأ كل الخيوط أولًا، ثم "
            "انتظرها كلها.",
        },
        "too_few": {
            "en": "fetch_status_codes with {n} URLs: peak simultaneous requests at the server: "
            "{peak} of {n}, with at most {threads} of your threads alive. Some requests waited "
            "for a free thread: a pool with a fixed number of workers (ThreadPoolExecutor's "
            "default is min(32, CPUs + 4)) is too small. Give every URL a thread of its own, "
            "or max_workers=len(urls).",
            "ar": "شغّلنا fetch_status_codes بـ {n} روابط: أقصى عدد من الطلبات المتزامنة عند "
            "الخادم: {peak} من {n}، ولم يكن حيًّا من خيوطك أكثر من {threads}. انتظرت بعض "
            "الطلبات خيطًا متاحًا: مجمّع بعدد ثابت من العمّال (الافتراضي في ThreadPoolExecutor هو "
            "min(32, CPUs + 4)) أصغر من اللازم. أعطِ كل رابط خيطًا خاصًا به، أو "
            "max_workers=len(urls).",
        },
        "duplicates_merged": {
            "en": "fetch_status_codes with {n} URLs, {distinct} of them distinct (one URL is in "
            "the list twice): the server received only {arrivals} requests. Every entry of urls "
            "is a GET of its own, even a repeated one (its answer may differ each time): do not "
            "merge duplicates (a dict keyed by URL); give each position its own thread and "
            "slot.",
            "ar": "شغّلنا fetch_status_codes بـ {n} روابط، {distinct} منها مختلفة (رابط واحد مكرر "
            "في القائمة): لم يتلقَّ الخادم إلا {arrivals} طلبات. كل عنصر في urls طلب GET خاص به، "
            "حتى المكرر (قد تختلف إجابته كل مرة): لا تدمج المكررات (قاموس مفتاحه الرابط)؛ أعطِ "
            "كل موضع خيطه وخانته.",
        },
        "completion_order": {
            "en": "fetch_status_codes returned {got!r}; expected {want!r}. The server answered "
            "the last URL first, and your codes follow the order the answers arrived in. Give "
            "each URL its own slot (results[i]) so the order follows urls.",
            "ar": "أعادت fetch_status_codes القيمة {got!r}؛ المتوقع {want!r}. أجاب الخادم عن آخر "
            "رابط أولًا، ورموزك تتبع ترتيب وصول الإجابات. أعطِ كل رابط خانة خاصة به (results[i]) "
            "ليتبع الترتيب urls.",
        },
        "raised_early": {
            "en": "fetch_status_codes raised {error} before the request to {pending} had its "
            "answer (it was still waiting, or never sent). Fetch every URL, keep the error, "
            "wait for every thread (join), then raise.",
            "ar": "رفعت fetch_status_codes الاستثناء {error} قبل أن يتلقى الطلب إلى {pending} "
            "إجابته (كان ما يزال ينتظر، أو لم يُرسل أصلًا). اجلب كل الروابط، واحفظ الخطأ، "
            "وانتظر كل الخيوط (join)، ثم ارفعه.",
        },
        "no_error": {
            "en": "one of the URLs ({url}) cannot be reached, yet fetch_status_codes returned "
            "{got!r}: a thread's exception must be kept and re-raised by the caller.",
            "ar": "أحد الروابط ({url}) لا يمكن الوصول إليه، ومع ذلك أعادت fetch_status_codes "
            "القيمة {got!r}: يجب حفظ استثناء الخيط وإعادة رفعه في الدالة المستدعية.",
        },
    },
    parent=COMMON,
)
