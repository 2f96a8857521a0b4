"""Rule and profile files: malformed files, and names the loaded rules do not know."""

from __future__ import annotations

from .base import EvidenceKitError
from .general import NotFoundError


class RuleError(EvidenceKitError):
    """A rule or profile file is malformed; names the file and the key."""
    code = "rule"
    MESSAGE = ("规则文件 {file} 有误：键 “{key}” 应为 {expected}",
               "Rule file {file} is malformed: key '{key}' must be {expected}")
    HINT = ("请修正或移走该文件；内置规则仍然可用。", "Fix or remove the file; the built-in rules still work.")

    def __init__(self, file: str, key: str, expected: str):
        super().__init__(file=file, key=key, expected=expected)
        self.file = file
        self.key = key
        self.expected = expected


class NotInRules(NotFoundError):
    """A case names a platform or dispute type the loaded rule files do not have.

    Screens that list cases catch this one error to show such a case anyway (its code in
    place of a name, no checklist); any other error in checklist work is a bug and surfaces.
    """
    code = "not_in_rules"


class UnknownPlatform(NotInRules):
    code = "unknown_platform"
    MESSAGE = ("未知平台：{platform}", "Unknown platform: {platform}")
    HINT = ("可选：{choices_zh}", "Choose one of: {choices}")


class UnknownDisputeType(NotInRules):
    code = "unknown_dispute_type"
    MESSAGE = ("平台 {platform_zh} 没有纠纷类型 “{dispute_type}”",
               "Platform {platform} has no dispute type '{dispute_type}'")
    HINT = ("可选：{choices_zh}", "Choose one of: {choices}")
