"""People and working at the same time (issue 13): staff names, assignees, stale edits."""

from __future__ import annotations

from .base import EvidenceKitError
from .general import UsageError


class BadStaffName(UsageError):
    code = "bad_staff_name"
    MESSAGE = ("员工名无效：{name}", "Invalid staff name: {name}")
    HINT = ("员工名为 1 到 {most} 个字符，不含换行等控制字符。",
            "A staff name is 1 to {most} characters, without line breaks or other control characters.")


class StaleCase(EvidenceKitError):
    """Saving over a version of the case newer than the one the edit started from."""
    code = "stale_case"
    MESSAGE = ("{staff} {time} 修改了此案件，请刷新", "{staff} changed this case at {time}; refresh")
    HINT = ("您的修改没有保存。刷新后再改。",
            "Your change was not saved. Refresh, then change it again.")

