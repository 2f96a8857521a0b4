"""The domain model: cases, exhibits, log entries, deadlines, checklist items.

Plain dataclasses with no behaviour tied to storage or UI. Instants are aware
``datetime`` objects in UTC.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .kinds import KIND_LIST
from .timeutil import to_iso

# Evidence kinds (contract: keep these names), from the registry in kinds.py.
KINDS: dict[str, tuple[str, str]] = {k.name: (k.zh, k.en) for k in KIND_LIST}

# Case stages in life-cycle order.
STAGES: dict[str, tuple[str, str]] = {
    "request": ("售后申请", "After-sale request"),
    "intervention": ("平台介入", "Platform intervention"),
    "submitted": ("待平台判定", "Submitted, awaiting judgment"),
    "judged": ("已判定", "Judged"),
    "appeal": ("申诉中", "Appealing"),
    "closed": ("已结案", "Closed"),
}

OUTCOMES: dict[str, tuple[str, str]] = {
    "won": ("胜诉", "Won"),
    "lost": ("败诉", "Lost"),
    "partly": ("部分支持", "Partly"),
    "refunded": ("已退款和解", "Refunded"),
    "withdrawn": ("撤回", "Withdrawn"),
}

MODES: dict[str, tuple[str, str]] = {
    "arbitration": ("平台介入举证", "Arbitration"),
    "appeal": ("申诉", "Appeal"),
}

# Case fields holding instants that start or stop clocks (names are a contract: conventions.md).
INSTANT_FIELDS = ("request_at", "replied_at", "refund_handled_at", "intervention_at",
                  "evidence_submitted_at", "supplement_requested_at", "supplement_submitted_at",
                  "judgment_at", "remedied_at", "appeal_submitted_at", "appeal_rejected_at",
                  "appeal_decided_at", "penalty_at", "penalty_appeal_submitted_at",
                  "penalty_appeal_rejected_at", "shipped_at", "closed_at")

# The stage each instant implies once recorded; recording moves a case forward to the latest
# stage implied, never back. Instants not listed (shipping, rejections, penalties) imply none.
INSTANT_STAGE = {
    "request_at": "request", "replied_at": "request", "refund_handled_at": "request",
    "intervention_at": "intervention",
    "evidence_submitted_at": "submitted", "supplement_requested_at": "submitted",
    "supplement_submitted_at": "submitted",
    "judgment_at": "judged", "remedied_at": "judged",
    "appeal_submitted_at": "appeal",
    "appeal_decided_at": "closed", "closed_at": "closed",
}


def stage_index(stage: str) -> int:
    return list(STAGES).index(stage) if stage in STAGES else 0


def implied_stage(instants: "dict[str, datetime | None]", current: str) -> str:
    """The stage after recording ``instants`` (name → value) on a case in ``current``.

    Forward only: the latest stage any recorded instant implies, if later than ``current``.
    """
    best = current
    for name, value in instants.items():
        target = INSTANT_STAGE.get(name)
        if value is not None and target and stage_index(target) > stage_index(best):
            best = target
    return best


MAX_AMOUNT = Decimal("1e10")
MAX_APPEALS_USED = 10  # conventions: appeals made outside EvidenceKit, 0–10


def normalize_amount(text: str) -> str:
    """``"¥1,089.5"`` → ``"1089.50"``; refuses what is not a plain non-negative sum of money."""
    from .errors import AmountTooLarge, BadAmount, NegativeAmount
    raw = str(text).strip()
    try:
        value = Decimal(raw.replace(",", "").lstrip("¥￥$"))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise BadAmount(text=raw)
    if value < 0:
        raise NegativeAmount()
    if value >= MAX_AMOUNT:
        raise AmountTooLarge(text=raw)
    return f"{value:.2f}"


def kind_name(kind: str, lang: str = "zh") -> str:
    zh, en = KINDS.get(kind, (kind, kind))
    return zh if lang.startswith("zh") else en


@dataclass
class Finding:
    """A warning about a piece of evidence, with a stable code and zh/en text."""
    code: str
    zh: str
    en: str

    def to_dict(self) -> dict:
        return {"code": self.code, "zh": self.zh, "en": self.en}

    @classmethod
    def from_dict(cls, d: dict) -> "Finding":
        return cls(d.get("code", ""), d.get("zh", ""), d.get("en", ""))


@dataclass
class AppealPoint:
    """One row of an appeal: the judgment's basis, the fact, and exhibit ids proving it."""
    basis: str = ""
    fact: str = ""
    exhibit_ids: list[int] = field(default_factory=list)


@dataclass
class Case:
    id: int
    case_no: str
    platform: str
    dispute_type: str
    order_no: str
    after_sale_no: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""
    product: str = ""
    amount: str = ""  # decimal text, e.g. "89.00"
    store_name: str = ""
    stage: str = "request"
    request_at: datetime | None = None
    replied_at: datetime | None = None
    refund_handled_at: datetime | None = None
    intervention_at: datetime | None = None
    evidence_submitted_at: datetime | None = None
    supplement_requested_at: datetime | None = None
    supplement_submitted_at: datetime | None = None
    judgment_at: datetime | None = None
    remedied_at: datetime | None = None
    judgment_ref: str = ""
    judgment_text: str = ""
    judgment_against_merchant: bool = False
    appeal_submitted_at: datetime | None = None
    appeal_rejected_at: datetime | None = None
    appeal_decided_at: datetime | None = None
    penalty_at: datetime | None = None
    penalty_appeal_submitted_at: datetime | None = None
    penalty_appeal_rejected_at: datetime | None = None
    appeals_used: int = 0  # appeals made outside EvidenceKit (the manual correction, 0–10)
    appeals_submitted: int = 0  # appeal submissions recorded here (filled by the library)
    shipped_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: str = ""
    statement: str = ""
    appeal_points: list[AppealPoint] = field(default_factory=list)
    notes: str = ""
    zone: str = ""  # the case's own zone for instants typed without an offset ('' = platform's)
    imported_from: str = ""  # the case number in the library it was handed over from (.evcase)
    request: str = ""  # the merchant's request in one line (诉求), stated on the cover
    assignee: str = ""  # the staff member who works on the case ('' = nobody)
    version: int = 1  # counts edits of the case's facts: a save over a newer one is refused
    # Hours of each clock in force when it started (clock id → hours): a later rule edit does not
    # move the deadlines of open cases.
    clock_hours: dict[str, float] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    # Stored values that could not be read (written before they were checked): field → raw
    # text. They are ignored, not trusted, so one bad row never breaks a list.
    unreadable: dict[str, str] = field(default_factory=dict)

    @property
    def appeals_total(self) -> int:
        """Appeals used: appeal submissions plus those made outside EvidenceKit."""
        return self.appeals_submitted + self.appeals_used

    @property
    def is_closed(self) -> bool:
        return self.stage == "closed"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k, v in list(d.items()):
            if isinstance(v, datetime):
                d[k] = to_iso(v)
        d["appeals_total"] = self.appeals_total
        return d


@dataclass
class Exhibit:
    id: int
    case_id: int
    position: int
    kind: str
    sha256: str
    size: int
    source_name: str
    added_at: datetime
    caption: str = ""
    is_new: bool = False  # new evidence: the user's override if set, else computed
    new_override: bool | None = None  # the user's mark (None: computed from submissions)
    kind_guess: str = ""
    kind_confidence: float = 0.0
    facts: dict[str, Any] = field(default_factory=dict)
    warnings: list[Finding] = field(default_factory=list)
    removed_at: datetime | None = None
    # Key messages (chat) or key events (trace) the user marked: 1-based numbers, as the
    # bundle numbers them ("E1 #4"); highlighted there and listed on the cover.
    marks: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "case_id": self.case_id, "position": self.position, "marks": self.marks,
            "kind": self.kind, "sha256": self.sha256, "size": self.size,
            "source_name": self.source_name, "added_at": to_iso(self.added_at),
            "caption": self.caption, "is_new": self.is_new, "new_override": self.new_override,
            "kind_guess": self.kind_guess, "kind_confidence": self.kind_confidence,
            "facts": self.facts, "warnings": [w.to_dict() for w in self.warnings],
        }


@dataclass
class LogEntry:
    id: int
    case_id: int
    at: datetime
    actor: str
    action: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"at": to_iso(self.at), "actor": self.actor, "action": self.action,
                "detail": self.detail}


@dataclass
class WorkOrderEntry:
    """One step of the merchant's work-order log (售后工单), written by the user with its time:
    "9:10 用户反馈磨脚 → 9:15 联系用户…". Unlike the action log it goes to the platform."""
    id: int
    case_id: int
    at: datetime
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": to_iso(self.at), "text": self.text}


@dataclass
class Deadline:
    """A clock on a case: running (ok/due_soon/critical/overdue) or stopped (met/late)."""
    id: str
    name_zh: str
    name_en: str
    due: datetime
    remaining_seconds: int | None  # None once stopped
    state: str  # ok | due_soon | critical | overdue | met | late
    stopped_at: datetime | None = None
    late_seconds: int = 0
    source: str = ""
    started_at: datetime | None = None
    hours: float = 0.0

    @property
    def running(self) -> bool:
        return self.stopped_at is None

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def to_dict(self) -> dict[str, Any]:
        """The conventions' deadline JSON."""
        return {"id": self.id, "name_zh": self.name_zh, "name_en": self.name_en,
                "due": to_iso(self.due), "state": self.state,
                "remaining_seconds": self.remaining_seconds, "stopped_at": to_iso(self.stopped_at),
                "late_seconds": self.late_seconds, "source": self.source}


@dataclass
class ChecklistItem:
    kind: str  # an evidence kind, "a|b" for alternatives, or an appeal requirement
    required: bool
    status: str  # ok | missing | warning
    exhibits: list[int]
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh") -> str:
        return self.reason_zh if lang.startswith("zh") else self.reason_en

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "required": self.required, "status": self.status,
                "exhibits": list(self.exhibits), "reason_zh": self.reason_zh,
                "reason_en": self.reason_en}
