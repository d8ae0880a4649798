"""Messages of exercise 05 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex05_race_condition",
    {
        "value_start": {
            "en": "a new Counter() has value {got!r}; expected 0.",
            "ar": "قيمة Counter() الجديد هي {got!r}؛ المتوقع 0.",
        },
        "value_wrong": {
            "en": "in one thread, {calls} left value at {got!r}; expected {want}. The value "
            "property must return the current count.",
            "ar": "في خيط واحد، بعد {calls} كانت القيمة {got!r}؛ المتوقع {want}. يجب أن تعيد "
            "الخاصية value العدد الحالي.",
        },
        "value_writable": {
            "en": "counter.value = {forced} did not raise AttributeError (value is now "
            "{got!r}). value must be a read-only property: @property with no setter, so "
            "only increment() and add() change the count.",
            "ar": "لم يرفع counter.value = {forced} الاستثناء AttributeError (القيمة الآن "
            "{got!r}). يجب أن تكون value خاصية للقراءة فقط: ‎@property‎ بلا setter، فلا يغيّر "
            "العدد إلا increment() و add().",
        },
        "pause_count": {
            "en": "{threads} threads made {updates} updates in total, but pause() was called "
            "{calls} times. Every update must read the value, call pause() once, then write: "
            "pause() stands for the moment the thread may be interrupted, and the lock must "
            "protect the update across it — do not remove it.",
            "ar": "أجرت {threads} خيوط {updates} تحديثًا إجمالًا، لكن pause() استُدعيت {calls} "
            "مرة. يجب أن يقرأ كل تحديث القيمة ثم يستدعي pause() مرة واحدة ثم يكتب: تمثّل pause() "
            "اللحظة التي قد يُقاطَع فيها الخيط، ويجب أن يحمي القفل التحديث عبرها — لا تحذفها.",
        },
        "lost_updates": {
            "en": "{threads} threads ran {calls} at the same time, with pause() letting other "
            "threads run between each read and write: value is {got}, expected {want} — {lost} "
            "update(s) were lost. Two threads read the same value, both paused, both wrote "
            "back, and one write erased the other. Hold ONE lock, created once in __init__, "
            "around the whole read–pause()–write of every update (a lock around only the read "
            "or only the write, a new Lock() made inside the method, or different locks for "
            "increment and add all leave the gap open).",
            "ar": "شغّلت {threads} خيوط {calls} في الوقت نفسه، وكانت pause() تسمح لخيوط أخرى "
            "بالعمل بين كل قراءة وكتابة: القيمة {got} والمتوقع {want} — ضاع {lost} من التحديثات. "
            "قرأ خيطان القيمة نفسها، وتوقفا، ثم كتبا كلاهما، فمحت كتابةٌ الأخرى. استخدم قفلًا "
            "واحدًا يُنشأ مرة واحدة في __init__ حول القراءة و pause() والكتابة كلها في كل تحديث "
            "(القفل حول القراءة وحدها أو الكتابة وحدها، أو Lock() جديد داخل الدالة، أو قفلان "
            "مختلفان لـ increment و add، كلها تترك الثغرة مفتوحة).",
        },
        "write_after_release": {
            "en": "{threads} threads ran {calls}, with locks whose release() lets another "
            "thread run at once (as the operating system may at any moment): value is {got}, "
            "expected {want} — {lost} update(s) were lost, although no two threads were ever "
            "inside pause() at the same time. So your lock does cover the read and pause(), "
            "but not the whole update: the write comes after the lock is released (`self._value "
            "= current + n` after the `with` block, or after release()), or the read before it "
            "is taken. In that gap another thread takes the lock, reads the old value, and one "
            "of the two writes is lost. Keep the read, pause() and the write all inside the "
            "locked section (with lock: read, pause(), write).",
            "ar": "شغّلت {threads} خيوط {calls} بأقفال تسمح release() فيها لخيط آخر بالعمل فورًا "
            "(كما قد يفعل نظام التشغيل في أي لحظة): القيمة {got} والمتوقع {want} — ضاع {lost} من "
            "التحديثات، مع أن خيطين لم يكونا داخل pause() في الوقت نفسه أبدًا. إذن يغطي قفلك "
            "القراءة و pause()، لكن لا يغطي التحديث كله: الكتابة تأتي بعد تحرير القفل "
            "(`self._value = current + n` بعد كتلة `with` أو بعد release()) أو القراءة قبل أخذه. "
            "في هذه الفجوة يأخذ خيط آخر القفل ويقرأ القيمة القديمة، فتضيع إحدى الكتابتين. أبقِ "
            "القراءة و pause() والكتابة كلها داخل الجزء المقفل (with lock: قراءة، pause()، "
            "كتابة).",
        },
        "pause_outside_lock": {
            "en": "the total was right, but {peak} threads were inside pause() at the same "
            "time while they ran {calls}. pause() marks the gap between the read and the "
            "write; it belongs inside the locked section (with lock: read, pause(), write), "
            "so that at most one thread is ever in it.",
            "ar": "كان المجموع صحيحًا، لكن {peak} خيوط كانت داخل pause() في الوقت نفسه أثناء "
            "تشغيل {calls}. تحدّد pause() الفجوة بين القراءة والكتابة؛ مكانها داخل الجزء المقفل "
            "(with lock: قراءة، pause()، كتابة)، فلا يكون فيها أكثر من خيط واحد أبدًا.",
        },
        "stuck": {
            "en": "{calls} did not finish within {seconds:.1f} s: the thread(s) are stuck. The "
            "usual cause is a thread waiting for a lock it already holds: threading.Lock is not "
            "re-entrant, so add() calling increment() (or the other way round) inside "
            "`with self._lock:` waits for ever. Take the lock once per update.",
            "ar": "لم تنتهِ {calls} خلال {seconds:.1f} ثانية: الخيوط عالقة. السبب المعتاد خيطٌ "
            "ينتظر قفلًا يمسكه هو نفسه: threading.Lock لا يُعاد دخوله، فإذا استدعت add() الدالة "
            "increment() (أو العكس) داخل `with self._lock:` انتظرت إلى الأبد. خذ القفل مرة "
            "واحدة في كل تحديث.",
        },
        "deadlock": {
            "en": "{calls} had not finished after {seconds:.1f} s, and for the last "
            "{still:.1f} s none of the threads had run: each was asleep, waiting for "
            "something no thread was going to do. The usual cause is a thread waiting for a "
            "lock it already holds: threading.Lock is not re-entrant, so add() calling "
            "increment() (or the other way round) inside `with self._lock:` waits for ever. "
            "Take the lock once per update.",
            "ar": "لم تنتهِ {calls} بعد {seconds:.1f} ثانية، ولم يعمل أيٌّ من الخيوط طوال آخر "
            "{still:.1f} ثانية: كلٌّ منها نائم ينتظر شيئًا لن يفعله أي خيط. السبب المعتاد خيطٌ "
            "ينتظر قفلًا يمسكه هو نفسه: threading.Lock لا يُعاد دخوله، فإذا استدعت add() الدالة "
            "increment() (أو العكس) داخل `with self._lock:` انتظرت إلى الأبد. خذ القفل مرة "
            "واحدة في كل تحديث.",
        },
        "worker_raised": {
            "en": "{calls} raised {error} in one of the {threads} threads.",
            "ar": "رفعت {calls} الاستثناء {error} في أحد الخيوط الـ {threads}.",
        },
    },
    parent=COMMON,
)
