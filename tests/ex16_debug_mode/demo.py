"""ex16 has no timeline: its lesson is reading what asyncio's debug mode reports."""

LESSON = {
    "en": "reading asyncio's debug-mode reports (slow callbacks, coroutines never awaited), "
          "which come as log records and warnings rather than overlapping work",
    "ar": "قراءة تقارير وضع التنقيح في asyncio (الاستدعاءات البطيئة، والروتينات التي لم "
          "تُنتظر)، وهي سجلات وتحذيرات لا أعمال متداخلة",
}
