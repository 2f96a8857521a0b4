"""Errors of no one area: bad usage, things not found, cancellation."""

from __future__ import annotations

from .base import EvidenceKitError


class UsageError(EvidenceKitError):
    """The user asked for something that does not make sense (bad flag, bad value)."""
    code = "usage"


class UnknownKind(UsageError):
    code = "unknown_kind"
    MESSAGE = ("未知的证据类型：{kind}", "Unknown evidence kind: {kind}")
    HINT = ("可选：{choices_zh}", "One of: {choices}")


class NotFoundError(EvidenceKitError):
    """Something named by the user does not exist."""
    code = "not_found"


class Cancelled(EvidenceKitError):
    """Long work was cancelled by the user; nothing was left half-written."""
    code = "cancelled"
    MESSAGE = ("已取消", "Cancelled")


class BadUsage(UsageError):
    """argparse's complaint about the command line, in one line."""
    code = "bad_usage"
    MESSAGE = ("用法错误：{detail}（--help 查看帮助）", "Usage error: {detail} (see --help)")


class NothingToChange(UsageError):
    code = "nothing_to_change"
    MESSAGE = ("没有要修改的内容", "Nothing to change: give at least one option")


class BadAmount(UsageError):
    code = "bad_amount"
    MESSAGE = ("金额无法识别：{text}", "Cannot read amount: {text}")


class NegativeAmount(UsageError):
    code = "negative_amount"
    MESSAGE = ("金额不能为负", "The amount cannot be negative")


class UnknownZone(UsageError):
    code = "unknown_zone"
    MESSAGE = ("未知时区：{zone}", "Unknown time zone: {zone}")
    HINT = ("请用 IANA 时区名，例如 Asia/Shanghai。", "Use an IANA zone name such as Asia/Shanghai.")


class EmptyTime(UsageError):
    code = "empty_time"
    MESSAGE = ("时间为空", "Empty time")


class BadTime(UsageError):
    code = "bad_time"
    MESSAGE = ("无法识别的时间：{text}（请用 2024-09-17T11:45+08:00 这样的格式）",
               "Cannot read time: {text} (use e.g. 2024-09-17T11:45+08:00)")


class NaiveInstant(UsageError):
    code = "naive_instant"
    MESSAGE = ("时间必须带时区", "Instants must carry a time zone")


class StatementFileUnreadable(UsageError):
    code = "statement_file_unreadable"
    MESSAGE = ("无法读取陈述文件：{detail}", "Cannot read the statement file: {detail}")


class BadAppealPoint(UsageError):
    code = "bad_appeal_point"
    MESSAGE = ("申诉要点格式应为 “判定依据|事实|E1,E3”：{spec}", "An appeal point is 'BASIS|FACT|E1,E3': {spec}")


class NoSuchExhibitNumber(UsageError):
    """An exhibit number (E3) that the case does not have."""
    code = "no_such_exhibit_number"
    MESSAGE = ("{case_no} 没有证据 {number}", "{case_no} has no exhibit {number}")


class TimeOutOfRange(UsageError):
    code = "time_out_of_range"
    MESSAGE = ("时间超出范围：{text}（应在 1970 年到 2099 年之间）",
               "Time out of range: {text} (must be between 1970 and 2099)")


class AmountTooLarge(UsageError):
    code = "amount_too_large"
    MESSAGE = ("金额过大：{text}", "Amount too large: {text}")


class AppealsUsedOutOfRange(UsageError):
    code = "appeals_used_out_of_range"
    MESSAGE = ("申诉次数应为 0 到 {most} 的整数：{text}",
               "--appeals-used must be a whole number from 0 to {most}: {text}")


class EmptySearch(UsageError):
    code = "empty_search"
    MESSAGE = ("搜索内容为空：请输入至少一个字或数字", "Nothing to search for: give at least one letter, "
               "digit or character")
