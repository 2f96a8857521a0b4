"""Failures of a dispute after the export: submissions, decisions, closed cases, appeals."""

from __future__ import annotations

from .export import VerifyError
from .general import NotFoundError, UsageError


class CaseClosed(UsageError):
    """A closed case is read-only until reopened (``case reopen CASE --reason``)."""
    code = "case_closed"
    MESSAGE = ("案件 {case_no} 已结案，只读", "Case {case_no} is closed (read-only)")
    HINT = ("如需修改，先重新打开：evidencekit case reopen {case_no} --reason 原因",
            "Reopen it first: evidencekit case reopen {case_no} --reason TEXT")


class CaseNotClosed(UsageError):
    code = "case_not_closed"
    MESSAGE = ("{case_no} 没有结案", "{case_no} is not closed")


class ReasonRequired(UsageError):
    code = "reason_required"
    MESSAGE = ("{what_zh}需要说明原因：--reason", "{what_en} needs a reason: --reason TEXT")


class AppealLimitReached(UsageError):
    """The platform's appeal limit is reached; ``--force --reason`` overrides (logged)."""
    code = "appeal_limit"
    MESSAGE = ("{platform_zh}的{kind_zh}次数已用完（{used}/{limit}）",
               "No {kind_en}s left on {platform_en} ({used} of {limit} used)")
    HINT = ("若平台确实又开放了申诉，可加 --force --reason 说明原因（会记入操作记录）。",
            "If the platform really allowed another, add --force --reason TEXT (logged).")


class DestinationExists(UsageError):
    """An export or a copy would replace an existing file; ``--force`` replaces it."""
    code = "destination_exists"
    MESSAGE = ("目标文件已存在：{names}（没有覆盖）", "The destination exists: {names} (not replaced)")
    HINT = ("换一个文件名或文件夹，或加 --force 覆盖。",
            "Choose another name or folder, or add --force to replace it.")


class OutcomeNeedsDecision(UsageError):
    code = "outcome_needs_decision"
    MESSAGE = ("这个案件已有提交记录：请用 decide 登记平台结果",
               "This case has submissions: record the platform's decision with 'evidencekit decide'")


class UnknownSubmissionKind(UsageError):
    code = "unknown_submission_kind"
    MESSAGE = ("未知提交类型：{kind}", "Unknown submission kind: {kind}")
    HINT = ("可选：{choices}", "One of: {choices}")


class UnknownDecision(UsageError):
    code = "unknown_decision"
    MESSAGE = ("未知结果：{decision}", "Unknown decision: {decision}")
    HINT = ("可选：{choices}", "One of: {choices}")


class NoBundleGiven(UsageError):
    code = "no_bundle_given"
    MESSAGE = ("没有给出要登记的材料文件", "Give the bundle file(s) that were submitted")


class SameFileTwice(UsageError):
    code = "same_file_twice"
    MESSAGE = ("同一文件给了两次", "The same file was given twice")


class BundleFileMissing(UsageError):
    code = "bundle_file_missing"
    MESSAGE = ("文件不存在：{path}", "File not found: {path}")


class NotOneExport(UsageError):
    code = "not_one_export"
    MESSAGE = ("这些文件不属于同一次导出", "These files are not parts of one export")
    HINT = ("分卷导出的各部分一起登记；不同的导出分别登记。",
            "Submit the parts of one split export together; separate exports separately.")


class BundleOfAnotherCase(UsageError):
    code = "bundle_of_another_case"
    MESSAGE = ("这份材料属于案件 {other}，不是 {case_no}",
               "This bundle belongs to case {other}, not {case_no}")


class ExportPartsMissing(UsageError):
    code = "export_parts_missing"
    MESSAGE = ("这次导出共有 {parts} 个文件，只给了 {given} 个",
               "This export has {parts} files; only {given} given")
    HINT = ("分卷导出请把所有部分一起登记：{names}", "Give every part of a split export: {names}")


class ManifestAltered(VerifyError):
    code = "manifest_altered"
    MESSAGE = ("{name} 的清单与文件内记录的哈希不符：文件可能被改过",
               "The manifest of {name} does not match the hash recorded in it: the file may "
               "have been altered")


class NoSuchExport(NotFoundError):
    code = "no_such_export"
    MESSAGE = ("找不到导出记录 #{export_id}", "No such export record: #{export_id}")


class NoSuchSubmission(NotFoundError):
    code = "no_such_submission"
    MESSAGE = ("找不到提交记录 {ref}", "No such submission: {ref}")


class NothingToDecide(UsageError):
    code = "nothing_to_decide"
    MESSAGE = ("{case_no} 还没有提交记录，无法登记平台结果", "{case_no} has no submission to decide on")
    HINT = ("先用 evidencekit submit 登记提交；没有提交的案件用 case set --outcome。",
            "Record the submission with 'evidencekit submit' first; for a case with none, use "
            "'case set --outcome'.")


class DecisionBeforeSubmission(UsageError):
    code = "decision_before_submission"
    MESSAGE = ("结果时间早于提交时间", "The decision is dated before the submission")


class DiffNeedsTwo(UsageError):
    code = "diff_needs_two"
    MESSAGE = ("请给出两个提交编号，或不给（比较最近两次）",
               "Give two submission ids, or none (the last two)")


class TooFewSubmissions(UsageError):
    code = "too_few_submissions"
    MESSAGE = ("{case_no} 的提交记录少于两次，无可比较",
               "{case_no} has fewer than two submissions to compare")


class SubmittedBytesMissing(UsageError):
    code = "submitted_bytes_missing"
    MESSAGE = ("提交的文件 {name} 不在资料库中", "The submitted file {name} is missing from the library")
    HINT = ("运行 evidencekit fsck 检查资料库。", "Run 'evidencekit fsck' to check the library.")


class NegativeWithin(UsageError):
    code = "negative_within"
    MESSAGE = ("--within 不能为负：{hours}", "--within cannot be negative: {hours}")


class StoreZoneRequired(UsageError):
    code = "store_zone_required"
    MESSAGE = ("{platform_zh} 案件需要店铺所在市场的时区：--zone",
               "A {platform_en} case needs the store's market zone: --zone")
    HINT = ("例如 --zone America/New_York、--zone Asia/Bangkok、--zone Europe/London",
            "e.g. --zone America/New_York, --zone Asia/Bangkok, --zone Europe/London")
