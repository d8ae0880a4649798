"""Messages of exercise 13 (English and Arabic under the same keys)."""

from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue(
    "ex13_event_loop_api",
    {
        # -- task 1 -------------------------------------------------------------------------------
        "not_run": {
            "en": "{call} returned without ever running the coroutine: run it with "
            "loop.run_until_complete(coro).",
            "ar": "عادت {call} دون أن تشغّل الـ coroutine أبدًا: شغّله بـ "
            "loop.run_until_complete(coro).",
        },
        "reused_loop": {
            "en": "{call} ran the coroutine in the event loop that was already installed, "
            "not in a new one: create it with asyncio.new_event_loop() (asyncio.get_event_loop() "
            "hands back the current loop, which you must not close).",
            "ar": "شغّلت {call} الـ coroutine في حلقة الأحداث المثبّتة أصلًا لا في حلقة جديدة: "
            "أنشئها بـ asyncio.new_event_loop() (إذ تعيد asyncio.get_event_loop() الحلقة "
            "الحالية التي لا يجوز لك إغلاقها).",
        },
        "wrong_result": {
            "en": "{call} returned {got!r}; expected {want!r}, the coroutine's own result.",
            "ar": "أعادت {call} القيمة {got!r}؛ المتوقع {want!r}، أي نتيجة الـ coroutine نفسه.",
        },
        "not_closed": {
            "en": "{call} returned but the loop it created is still open (loop.is_closed() is "
            "False): call loop.close() at the end; an open loop keeps its sockets and executor.",
            "ar": "عادت {call} لكن الحلقة التي أنشأتها ما زالت مفتوحة (loop.is_closed() تساوي "
            "False): استدعِ loop.close() في النهاية؛ فالحلقة المفتوحة تحتفظ بمقابسها ومنفّذها.",
        },
        "error_not_raised": {
            "en": "the coroutine raised ValueError, but {call} returned {got!r}: let the "
            "coroutine's exception propagate to the caller.",
            "ar": "رفع الـ coroutine الاستثناء ValueError، لكن {call} أعادت {got!r}: دع "
            "استثناء الـ coroutine يصل إلى المستدعي.",
        },
        "not_closed_on_error": {
            "en": "{call}: the exception propagated, but the loop was left open. Put the "
            "cleanup and loop.close() in a `finally:` block so they run in every case.",
            "ar": "‏{call}: وصل الاستثناء، لكن الحلقة بقيت مفتوحة. ضع التنظيف و loop.close() "
            "في كتلة `finally:` ليعملا في كل الأحوال.",
        },
        "no_cleanup_on_error": {
            "en": "{call}: the exception propagated and the loop was closed, but the task the "
            "coroutine left running was not cancelled and awaited (its `finally` never finished). "
            "The clean-up ran only when the coroutine returned. Put all of it (cancel and await "
            "the leftover tasks, shut down async generators and the default executor, close "
            "the loop) in a `finally:` block, so that an exception gets it too.",
            "ar": "‏{call}: وصل الاستثناء وأُغلقت الحلقة، لكن المهمة التي تركها الـ coroutine "
            "تعمل لم تُلغَ ولم تُنتظر (لم تكتمل كتلة finally الخاصة بها). لم يجرِ التنظيف إلا حين عاد "
            "الـ coroutine. ضع التنظيف كله (إلغاء المهام المتبقية وانتظارها، وإيقاف المولّدات "
            "غير المتزامنة والمنفّذ الافتراضي، وإغلاق الحلقة) في كتلة `finally:` ليجري عند "
            "الاستثناء أيضًا.",
        },
        "left_installed": {
            "en": "after {call} the new (closed) loop is still the current event loop: "
            "asyncio.get_event_loop() would hand out a dead loop. Do not install it "
            "(loop.run_until_complete does not need it), or call asyncio.set_event_loop(None) "
            "before returning.",
            "ar": "بعد {call} ما زالت الحلقة الجديدة (المغلقة) هي حلقة الأحداث الحالية: "
            "ستعيد asyncio.get_event_loop() حلقة ميتة. لا تثبّتها (لا تحتاج "
            "loop.run_until_complete إلى ذلك)، أو استدعِ asyncio.set_event_loop(None) قبل أن "
            "تعود.",
        },
        "leftover_not_cancelled": {
            "en": "{call}: the task the coroutine left running was never cancelled. Before "
            "closing, cancel every task in asyncio.all_tasks(loop).",
            "ar": "‏{call}: لم تُلغَ أبدًا المهمة التي تركها الـ coroutine تعمل. قبل الإغلاق "
            "ألغِ كل مهمة في asyncio.all_tasks(loop).",
        },
        "leftover_not_awaited": {
            "en": "{call}: the leftover task was cancelled but had not finished when the loop "
            "was closed (it recorded {got!r}; its finally awaits asyncio.sleep({cleanup})). "
            "Cancelling only asks, and a fixed pause (run_until_complete(asyncio.sleep(...))) "
            "is a guess that a slower clean-up outlasts: run the loop until the cancelled tasks "
            "are done, e.g. loop.run_until_complete(asyncio.gather(*tasks, "
            "return_exceptions=True)).",
            "ar": "‏{call}: أُلغيت المهمة المتبقية لكنها لم تكن قد انتهت حين أُغلقت الحلقة (سجّلت "
            "{got!r}؛ وكتلة finally فيها تنتظر asyncio.sleep({cleanup})). الإلغاء طلبٌ فقط، "
            "والتوقّف مدة ثابتة (run_until_complete(asyncio.sleep(...))) تخمينٌ يتجاوزه أي "
            "تنظيف أبطأ: شغّل الحلقة حتى تنتهي المهام الملغاة، مثل "
            "loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True)).",
        },
        "cancelled_escaped": {
            "en": "{call} raised CancelledError, though the coroutine itself returned normally "
            "and nothing cancelled it: it came from the leftover task your clean-up cancelled "
            "and then waited for. asyncio.gather(*tasks) re-raises the first exception of its "
            "tasks, and a cancelled task's is CancelledError. Gather them with "
            "return_exceptions=True so that the cancellations are collected, not raised, and "
            "return the coroutine's result.",
            "ar": "رفعت {call} الاستثناء CancelledError مع أن الـ coroutine نفسه عاد عودة عادية "
            "ولم يلغِه شيء: جاء الاستثناء من المهمة المتبقية التي ألغاها التنظيف ثم انتظرها. "
            "تعيد asyncio.gather(*tasks) رفع أول استثناء من مهامها، واستثناء المهمة الملغاة هو "
            "CancelledError. اجمعها مع return_exceptions=True لتُجمع حالات الإلغاء بدل أن "
            "تُرفع، وأعد نتيجة الـ coroutine.",
        },
        "asyncgen_not_closed": {
            "en": "{call}: an async generator left suspended was never closed (its finally "
            "did not run). Run loop.shutdown_asyncgens() before closing the loop.",
            "ar": "‏{call}: لم يُغلق أبدًا مولّد غير متزامن تُرك معلّقًا (لم تعمل كتلة finally "
            "فيه). شغّل loop.shutdown_asyncgens() قبل إغلاق الحلقة.",
        },
        "executor_not_shut_down": {
            "en": "{call}: when it returned, the job in the default executor had not finished "
            "({threads} executor thread(s) still alive). loop.close() does not wait for them: "
            "run loop.shutdown_default_executor() first.",
            "ar": "‏{call}: عند عودتها لم تكن مهمة المنفّذ الافتراضي قد انتهت ({threads} من "
            "خيوط المنفّذ ما زالت حيّة). لا تنتظرها loop.close(): شغّل "
            "loop.shutdown_default_executor() أولًا.",
        },
        # -- task 2 -------------------------------------------------------------------------------
        "blocked_loop": {
            "en": "{call} froze the event loop for {lag:.2f} s of real time: it blocked (e.g. "
            "time.sleep) instead of awaiting a future that a timer completes.",
            "ar": "جمّدت {call} حلقة الأحداث {lag:.2f} ثانية من الزمن الحقيقي: إنها حجبت (مثل "
            "time.sleep) بدل انتظار future يكمله مؤقّت.",
        },
        "not_value": {
            "en": "{call} gave {got!r}: await the future and return its result (the value), "
            "not the future itself.",
            "ar": "أعطت {call} القيمة {got!r}: انتظر (await) الـ future وأعد نتيجته (القيمة)، "
            "لا الـ future نفسه.",
        },
        "wrong_delay": {
            "en": "{call} finished after {elapsed:.3f} s of loop time. The future's result "
            "must be set by loop.call_later(seconds, future.set_result, value), and several "
            "calls must wait at the same time.",
            "ar": "انتهت {call} بعد {elapsed:.3f} ثانية من زمن الحلقة. يجب أن تُضبط نتيجة "
            "الـ future بـ loop.call_later(seconds, future.set_result, value)، وأن تنتظر "
            "الاستدعاءات المتعددة في الوقت نفسه.",
        },
        "no_timer": {
            "en": "{call} returned the value, but no timer was scheduled on the running loop "
            "for that moment: use loop.call_later(seconds, ...) on "
            "asyncio.get_running_loop().",
            "ar": "أعادت {call} القيمة، لكن لم يُجدول أي مؤقّت على الحلقة الجارية لتلك "
            "اللحظة: استخدم loop.call_later(seconds, ...) على asyncio.get_running_loop().",
        },
        "future_not_resolved": {
            "en": "{call} returned the value, but {count} of the {made} future(s) made with "
            "loop.create_future() during the call never got a result ({states}): the value "
            "did not come "
            "through the future. Waiting out a timeout around a future that nobody resolves "
            "(asyncio.wait_for(future, seconds)) only looks the same. Let the timer resolve "
            "it: loop.call_later(seconds, future.set_result, value), then return await "
            "future.",
            "ar": "أعادت {call} القيمة، لكن {count} من أصل {made} من كائنات future التي أُنشئت بـ "
            "loop.create_future() أثناء الاستدعاء لم تحصل على نتيجة أبدًا ({states}): لم تأتِ "
            "القيمة عبر "
            "الـ future. انتظار انقضاء مهلة حول future لا يحلّه أحد "
            "(asyncio.wait_for(future, seconds)) يبدو مثله فقط. دع المؤقّت يحلّه: "
            "loop.call_later(seconds, future.set_result, value) ثم أعد await future.",
        },
        # -- task 3 -------------------------------------------------------------------------------
        "wrong_names": {
            "en": "callback_order(loop) returned {got!r}; expected the three names \"soon\", "
            "\"later\" and \"threadsafe\", each once. Run the loop until all three callbacks "
            "ran (e.g. the last one calls loop.stop() after loop.run_forever()).",
            "ar": "أعادت callback_order(loop) القيمة {got!r}؛ المتوقع الأسماء الثلاثة "
            "\"soon\" و \"later\" و \"threadsafe\" كلٌّ مرة واحدة. شغّل الحلقة حتى تعمل "
            "الاستدعاءات الثلاثة (مثلًا: آخرها يستدعي loop.stop() مع loop.run_forever()).",
        },
        "soon_after_later": {
            "en": "callback_order(loop) returned {got!r}: \"later\" ran before \"soon\", which "
            "call_soon and call_later(0.01) cannot do. Record each name when its callback "
            "runs, not when you schedule it.",
            "ar": "أعادت callback_order(loop) القيمة {got!r}: عمل \"later\" قبل \"soon\"، وهذا "
            "مستحيل مع call_soon و call_later(0.01). سجّل كل اسم حين يعمل استدعاؤه لا حين "
            "تجدوله.",
        },
        "threadsafe_missed": {
            "en": "callback_order(loop) returned {got!r}: the loop stopped before the callback "
            "scheduled with call_soon_threadsafe from the other thread ran. The test held that "
            "thread's call back until \"later\" had run, as a busy machine may (it can give "
            "the thread the CPU after any delay). Do not stop the loop "
            "at a particular callback or after a fixed time: stop it once all three names are "
            "recorded (count them), then join the thread.",
            "ar": "أعادت callback_order(loop) القيمة {got!r}: توقّفت الحلقة قبل أن يعمل الاستدعاء "
            "الذي جُدول بـ call_soon_threadsafe من الخيط الآخر. أخّر الاختبار استدعاء ذلك الخيط "
            "حتى عمل \"later\"، كما قد يفعل جهاز مشغول (قد يعطي الخيط المعالج بعد أي تأخير). "
            "لا توقف الحلقة عند استدعاء بعينه ولا بعد مدة ثابتة: أوقفها "
            "حين تُسجَّل الأسماء الثلاثة كلها (عُدّها)، ثم انتظر الخيط بـ join.",
        },
        "closed_callers_loop": {
            "en": "callback_order(loop) returned {got!r}, but the loop it was given is now "
            "closed. The loop belongs to the caller, who may run it again (and closes it "
            "when done): run it until the three callbacks ran, then leave it open.",
            "ar": "أعادت callback_order(loop) القيمة {got!r}، لكن الحلقة التي أُعطيت لها صارت "
            "مغلقة. الحلقة ملك المستدعي، وقد يشغّلها مرة أخرى (وهو من يغلقها حين ينتهي): "
            "شغّلها حتى تعمل الاستدعاءات الثلاثة، ثم اتركها مفتوحة.",
        },
        "still_running": {
            "en": "callback_order(loop) returned while the loop was still running: run it "
            "in the calling thread (run_forever / run_until_complete) until all ran.",
            "ar": "عادت callback_order(loop) والحلقة ما زالت تعمل: شغّلها في الخيط المستدعي "
            "(run_forever / run_until_complete) حتى تعمل كلها.",
        },
        "no_threadsafe": {
            "en": "callback_order(loop) returned {got!r} without ever calling "
            "loop.call_soon_threadsafe: from another thread, only call_soon_threadsafe is "
            "safe (call_soon is not, and does not wake a sleeping loop).",
            "ar": "أعادت callback_order(loop) القيمة {got!r} دون استدعاء "
            "loop.call_soon_threadsafe أبدًا: من خيط آخر لا يصلح إلا call_soon_threadsafe "
            "(call_soon غير آمن ولا يوقظ الحلقة النائمة).",
        },
        "not_from_thread": {
            "en": "callback_order(loop) returned {got!r}, but call_soon_threadsafe was called "
            "from the loop's own thread: start a threading.Thread that calls it (and join "
            "that thread).",
            "ar": "أعادت callback_order(loop) القيمة {got!r}، لكن call_soon_threadsafe "
            "استُدعيت من خيط الحلقة نفسه: ابدأ threading.Thread يستدعيها (وانتظره بـ join).",
        },
    },
    parent=COMMON,
    timing_keys=("blocked_loop",),
)
