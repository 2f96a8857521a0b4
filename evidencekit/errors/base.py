"""The base of the error tree: a stable code, a zh/en message and hint declared once per class.

A failure is a class (Dangerzone's ``conversion_errors.py`` is the model)::

    class UnknownPlatform(NotInRules):
        code = "unknown_platform"
        MESSAGE = ("未知平台：{platform}", "Unknown platform: {platform}")
        HINT = ("可选：{choices_zh}", "Choose one of: {choices}")

and a raise site passes only what varies: ``raise UnknownPlatform(platform=p, ...)``.
``tools/errors_doc.py`` writes docs/errors.md from these declarations.
"""

from __future__ import annotations

from typing import Any, ClassVar


class EvidenceKitError(Exception):
    """Base error: ``code`` plus a bilingual message and hint.

    Area bases (``IngestError``, ``ExportError``…) still accept the older free-text form
    ``IngestError(message_zh, message_en, hint_zh=…, hint_en=…, code=…)`` while their raise
    sites move to declared classes; declared classes take keyword parameters only.
    """

    code: ClassVar[str] = "error"
    exit_code: ClassVar[int] = 2
    MESSAGE: ClassVar[tuple[str, str]] = ("", "")
    HINT: ClassVar[tuple[str, str]] = ("", "")

    def __init__(self, *texts: str, hint_zh: str = "", hint_en: str = "", code: str | None = None,
                 **params: Any):
        if texts:  # the free-text form (see the class docstring)
            self.message_zh, self.message_en = texts
            self.hint_zh, self.hint_en = hint_zh, hint_en
        else:
            self.message_zh = self.MESSAGE[0].format(**params)
            self.message_en = self.MESSAGE[1].format(**params)
            self.hint_zh = hint_zh or self.HINT[0].format(**params)
            self.hint_en = hint_en or self.HINT[1].format(**params)
        self.params = params
        super().__init__(self.message_en)
        if code:
            self.code = code  # type: ignore[misc]  # free-text form only

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def hint(self, lang: str = "zh") -> str:
        return self.hint_zh if lang.startswith("zh") else self.hint_en

    def to_dict(self) -> dict:
        return {"code": self.code, "message_zh": self.message_zh,
                "message_en": self.message_en, "hint_zh": self.hint_zh,
                "hint_en": self.hint_en}


def declared(cls: type[EvidenceKitError]) -> bool:
    """Whether a class declares its own message (a failure), not just an area."""
    return "MESSAGE" in vars(cls) and cls is not EvidenceKitError
