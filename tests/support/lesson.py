"""Teaching failures: message catalogues with English and Arabic texts under one key.

A test never ends in a bare ``assert False``.  It raises :class:`Lesson`, which
carries a catalogue key and the measured values; the text is rendered in the
learner's language (``--lang`` or ``CONCURRENCY_LANG``, English by default).

    MSG = Catalogue("ex01_threads", {
        "sequential": {
            "en": "only {peak} of {n} calls were running at once ...",
            "ar": "...",
        },
    })
    MSG.check(peak == n, "sequential", peak=peak, n=n)
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from typing import Any, NoReturn

LANGUAGES = ("en", "ar")
_language = os.environ.get("CONCURRENCY_LANG", "en").strip().lower() or "en"


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    _language = lang


def language() -> str:
    return _language if _language in LANGUAGES else "en"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Lesson(AssertionError):
    """A failed check, told in the learner's words.

    ``timing`` marks failures that rest on wall-clock time: graders re-run
    those once before they count.
    """

    def __init__(self, catalogue: Catalogue, key: str, fields: Mapping[str, Any]) -> None:
        self.catalogue = catalogue
        self.key = key
        self.fields = dict(fields)
        self.timing = key in catalogue.timing_keys
        super().__init__(self.render())

    def render(self, lang: str | None = None) -> str:
        return self.catalogue.text(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.render()


class Catalogue:
    """The messages of one exercise (or of the shared machinery)."""

    def __init__(
        self,
        name: str,
        entries: Mapping[str, Mapping[str, str]],
        *,
        timing_keys: tuple[str, ...] = (),
        parent: Catalogue | None = None,
    ) -> None:
        self.name = name
        self.entries = {key: dict(texts) for key, texts in entries.items()}
        self.timing_keys = frozenset(timing_keys)
        self.parent = parent
        for key in self.timing_keys:
            if key not in self.entries:
                raise KeyError(f"{name}: timing key {key!r} has no message")

    def has(self, key: str) -> bool:
        return key in self.entries or (self.parent is not None and self.parent.has(key))

    def text(self, key: str, lang: str | None = None, /, **fields: Any) -> str:
        if key not in self.entries:
            if self.parent is not None:
                return self.parent.text(key, lang, **fields)
            raise KeyError(f"{self.name}: no message {key!r}")
        texts = self.entries[key]
        chosen = texts.get(lang or language()) or texts["en"]
        return chosen.format(**{k: _show(v) for k, v in fields.items()})

    def lesson(self, key: str, **fields: Any) -> Lesson:
        owner: Catalogue | None = self
        while owner is not None and key not in owner.entries:
            owner = owner.parent
        if owner is None:
            raise KeyError(f"{self.name}: no message {key!r}")
        return Lesson(owner, key, fields)

    def fail(self, key: str, *, settled: bool = False, **fields: Any) -> NoReturn:
        """Fail with ``key``. ``settled``: on evidence that no clock gave (a thread's state,
        CPU time, a count that load cannot lower), so graders do not re-run it, though the
        same key rests on wall-clock time where it is told from a measurement."""
        lesson = self.lesson(key, **fields)
        if settled:
            lesson.timing = False
        raise lesson

    def check(self, ok: object, key: str, **fields: Any) -> None:
        if not ok:
            self.fail(key, **fields)

    def problems(self) -> list[str]:
        """Keys whose texts are missing a language or disagree on placeholders."""
        found = []
        for key, texts in self.entries.items():
            missing = [lang for lang in LANGUAGES if not texts.get(lang)]
            if missing:
                found.append(f"{self.name}.{key}: no text in {', '.join(missing)}")
                continue
            names = {lang: placeholders(texts[lang]) for lang in LANGUAGES}
            if len({frozenset(v) for v in names.values()}) != 1:
                found.append(f"{self.name}.{key}: placeholders differ {names}")
        return found


def _show(value: Any) -> Any:
    """Floats print with two decimals unless the text asks otherwise."""
    if isinstance(value, float):
        return _Float(value)
    return value


class _Float(float):
    def __format__(self, spec: str) -> str:
        return float.__format__(self, spec or ".2f")

    def __str__(self) -> str:
        return format(self, ".2f")


def find_in_chain(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """``exc`` itself, a member of an exception group, or a cause/context of it, that is a
    ``kind`` (the first found, breadth first)."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, kind):
            return e
        if isinstance(e, BaseExceptionGroup):
            todo.extend(e.exceptions)
        todo.extend(n for n in (e.__cause__, e.__context__) if n is not None)
    return None
