"""A dispute after the bundle: pure rules over a case's submissions and decisions.

No storage here (the library calls these and the app can too): which exhibits count as new
evidence, what changed between two submissions, and what a decision does to a case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, Mapping

from .domain import OUTCOMES, Case, Exhibit

SUBMIT_KINDS: dict[str, tuple[str, str]] = {  # `submit --as`
    "evidence": ("举证", "Evidence"),
    "appeal": ("申诉", "Appeal"),
    "supplement": ("补充举证", "Supplement"),
    "penalty-appeal": ("处罚申诉", "Penalty appeal"),
}
DECISIONS = tuple(OUTCOMES)  # won | partly | lost | refunded | withdrawn
# Decisions that end the dispute for the merchant (nothing left to appeal).
SETTLED = ("won", "refunded", "withdrawn")


def new_marks(exhibits: Iterable[Exhibit], submitted_sha256s: set[str], has_submissions: bool,
              judgment_at: datetime | None) -> dict[int, bool]:
    """Computed "new evidence" mark per exhibit id (conventions.md): an exhibit whose SHA-256
    was in no earlier submission; before any submission, one added after the judgment."""
    out = {}
    for e in exhibits:
        if has_submissions:
            out[e.id] = e.sha256 not in submitted_sha256s
        else:
            out[e.id] = judgment_at is not None and e.added_at is not None and e.added_at > judgment_at
    return out


def decision_effects(case: Case, decision: str, submission_kind: str, at: datetime) -> dict:
    """Case fields a decision on a submission of ``submission_kind`` sets (instants forward the
    stage through the library): an appeal's decision ends the dispute; on the evidence, a loss
    is the judgment the appeal clock runs from, anything else settles the case."""
    fields: dict = {"outcome": decision}
    if submission_kind == "appeal":
        fields["appeal_decided_at"] = at
        if decision == "lost" and case.appeal_rejected_at is None:
            fields["appeal_rejected_at"] = at
    elif submission_kind == "penalty-appeal":
        fields.pop("outcome")  # a penalty is not the dispute's outcome
        if decision in ("lost", "partly"):
            fields["penalty_appeal_rejected_at"] = at
    else:  # evidence or supplement: this is the platform's judgment
        if case.judgment_at is None:
            fields["judgment_at"] = at
        if decision in ("lost", "partly"):
            fields["judgment_against_merchant"] = True
        if decision in SETTLED:
            fields["closed_at"] = at
    return fields


@dataclass
class SubmissionDiff:
    """What changed from submission A to submission B (exhibits matched by SHA-256)."""
    a: int
    b: int
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)  # {sha256, number_a, number_b, caption/kind}
    statement_changed: bool = False
    statement_a: str = ""
    statement_b: str = ""

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.statement_changed)

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "added": self.added, "removed": self.removed,
                "changed": self.changed, "statement_changed": self.statement_changed,
                "statement_a": self.statement_a, "statement_b": self.statement_b}

    def lines(self, lang: str = "zh") -> list[str]:
        zh = lang.startswith("zh")
        out = [f"提交 #{self.a} → #{self.b}" if zh else f"Submission #{self.a} → #{self.b}"]
        for e in self.added:
            out.append(f"  + {e['number']} {e.get('source_name', '')}  {e['sha256'][:12]}"
                       + ("（新增）" if zh else " (added)"))
        for e in self.removed:
            out.append(f"  - {e['number']} {e.get('source_name', '')}  {e['sha256'][:12]}"
                       + ("（移除）" if zh else " (removed)"))
        for c in self.changed:
            for what in ("kind", "caption"):
                if what in c:
                    old, new = c[what]
                    label = {"kind": ("类型", "kind"), "caption": ("说明", "caption")}[what]
                    out.append(f"  ~ {c['number_b']} {label[0 if zh else 1]}: {old or '—'} → {new or '—'}")
        if self.statement_changed:
            out.append("  ~ 陈述已修改" if zh else "  ~ statement changed")
        if self.empty:
            out.append("  （没有变化）" if zh else "  (no changes)")
        return out


def diff_submissions(a: Mapping[str, Any], b: Mapping[str, Any]) -> SubmissionDiff:
    """Compare two submission records (``Library.submissions`` items)."""
    ea = {e["sha256"]: e for e in a.get("exhibits", [])}
    eb = {e["sha256"]: e for e in b.get("exhibits", [])}
    d = SubmissionDiff(a=a["id"], b=b["id"], statement_a=a.get("statement", ""),
                       statement_b=b.get("statement", ""))
    d.added = [eb[s] for s in eb if s not in ea]
    d.removed = [ea[s] for s in ea if s not in eb]
    for sha in eb:
        if sha in ea:
            change = {"sha256": sha, "number_a": ea[sha]["number"], "number_b": eb[sha]["number"]}
            for what in ("kind", "caption"):
                if ea[sha].get(what, "") != eb[sha].get(what, ""):
                    change[what] = [ea[sha].get(what, ""), eb[sha].get(what, "")]
            if len(change) > 3:
                d.changed.append(change)
    d.statement_changed = d.statement_a.strip() != d.statement_b.strip()
    return d
