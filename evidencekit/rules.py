"""Platform rules as data: clocks, dispute types and their evidence checklists.

Built-in rule files live in ``assets/rules``; a library's own ``rules/`` folder may add or
override platforms. Every file is validated at load; a malformed file raises
:class:`RuleError` naming the file, the key and what was expected. :func:`load_rules`
collects such errors instead of failing, so the app still starts with the built-in rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .assets import asset_path
from .domain import INSTANT_FIELDS, KINDS, STAGES
from .errors import RuleError, UnknownDisputeType, UnknownPlatform
from .tomlcheck import TableReader, read_toml

SCHEMA_VERSION = 1
CASE_FLAGS = ("judgment_against_merchant",)


@dataclass(frozen=True)
class Clock:
    """A clock runs from its ``starts`` instant for ``hours`` and stops at the first of its
    ``stops`` instants recorded at or after the start (met if by the due time, else late)."""
    id: str
    name_zh: str
    name_en: str
    starts: str
    hours: float
    stages: tuple[str, ...] = ()  # runs only while the case is in one of these (empty: any)
    stops: tuple[str, ...] = ()
    requires: str = ""
    appeals_used: int | None = None
    dispute_types: tuple[str, ...] = ()
    source: str = ""
    verified: bool = True  # False: no published rule backs the hours; the user should check them
    family: str = "dispute"  # "dispute" or "penalty" (TikTok penalty appeals run apart)

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    @property
    def stops_when(self) -> str:  # the first stop instant (older callers)
        return self.stops[0] if self.stops else ""


@dataclass(frozen=True)
class DisputeType:
    id: str
    name_zh: str
    name_en: str
    required: tuple[tuple[str, ...], ...]  # each entry: alternatives, any one satisfies
    recommended: tuple[tuple[str, ...], ...]
    needs_signed_event: bool = False
    source: str = ""

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class AppealRule:
    statement: bool = True
    judgment_reference: bool = True
    new_exhibits: int = 1


@dataclass(frozen=True)
class Platform:
    id: str
    name_zh: str
    name_en: str
    zone: str
    clocks: tuple[Clock, ...]
    dispute_types: tuple[DisputeType, ...]
    appeal: AppealRule
    max_appeals: int = 1
    max_penalty_appeals: int = 0
    stall_hours: float = 72.0
    due_soon_hours: float = 12.0
    critical_hours: float = 2.0
    default: bool = False
    source: str = ""
    ask_zone: bool = False  # the zone differs per store (TikTok Shop markets): asked per case
    # ids of types this platform no longer lists → the type a case carrying one is read as
    legacy_types: tuple[tuple[str, str], ...] = ()
    market_zones: tuple[str, ...] = ()  # zones offered when the store's zone is asked

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def dispute_type(self, type_id: str, *, legacy: bool = True) -> DisputeType:
        """The type ``type_id``; with ``legacy`` a retired id answers with the type it is read
        as (old cases stay readable), without it only listed types (new cases, edits)."""
        for t in self.dispute_types:
            if t.id == type_id:
                return t
        mapped = dict(self.legacy_types).get(type_id) if legacy else None
        if mapped is not None:
            return self.dispute_type(mapped, legacy=False)
        ids = [t.id for t in self.dispute_types]
        raise UnknownDisputeType(platform=self.id, platform_zh=self.name_zh, dispute_type=type_id,
                                 choices=", ".join(ids), choices_zh="、".join(ids))


@dataclass
class RuleSet:
    platforms: dict[str, Platform]
    errors: list[RuleError] = field(default_factory=list)

    def platform(self, platform_id: str) -> Platform:
        try:
            return self.platforms[platform_id]
        except KeyError:
            raise UnknownPlatform(platform=platform_id, choices=", ".join(self.platforms),
                                  choices_zh="、".join(self.platforms)) from None

    @property
    def default_platform(self) -> Platform:
        for p in self.platforms.values():
            if p.default:
                return p
        return next(iter(self.platforms.values()))


def _kind_list(r: TableReader, key: str) -> tuple[tuple[str, ...], ...]:
    raw = r.get(key, list, "a list of evidence kinds", [])
    out = []
    for i, entry in enumerate(raw):
        alts = entry if isinstance(entry, list) else [entry]
        if not alts or not all(isinstance(a, str) and a in KINDS for a in alts):
            raise RuleError(r.file, f"{r.key(key)}[{i}]",
                            "an evidence kind (" + ", ".join(KINDS) + ") or a list of them")
        out.append(tuple(alts))
    return tuple(out)


def _parse_clock(r: TableReader, type_ids: set[str]) -> Clock:
    starts = r.text("starts")
    if starts not in INSTANT_FIELDS:
        r.fail("starts", "one of " + ", ".join(INSTANT_FIELDS))
    stops_raw = r.get("stops", (list, str), "an instant or a list of instants",
                      r.get("stops_when", str, "an instant", ""))
    stops = tuple(s for s in ([stops_raw] if isinstance(stops_raw, str) else stops_raw) if s)
    if not all(isinstance(s, str) and s in INSTANT_FIELDS for s in stops):
        r.fail("stops", "one or more of " + ", ".join(INSTANT_FIELDS))
    family = r.text("family", "dispute")
    if family not in ("dispute", "penalty"):
        r.fail("family", "dispute or penalty")
    stages = r.get("stages", list, "a list of stages", [])
    if not all(s in STAGES for s in stages):
        r.fail("stages", "a list of stages (" + ", ".join(STAGES) + ")")
    requires = r.text("requires", "")
    if requires and requires not in CASE_FLAGS:
        r.fail("requires", "one of " + ", ".join(CASE_FLAGS))
    dtypes = r.get("dispute_types", list, "a list of dispute type ids", [])
    if not all(isinstance(t, str) and t in type_ids for t in dtypes):
        r.fail("dispute_types", "a list of dispute type ids defined in this file")
    used = r.integer("appeals_used", None, expected="a whole number")
    return Clock(id=r.text("id"), name_zh=r.text("name_zh"), name_en=r.text("name_en"),
                 starts=starts, hours=float(r.number("hours", minimum=0.01)),
                 stages=tuple(stages), stops=stops, requires=requires,
                 appeals_used=used, dispute_types=tuple(dtypes), source=r.text("source", ""),
                 verified=r.flag("verified", True), family=family)


def _zone_list(r: TableReader, key: str) -> list[str]:
    zones = r.get(key, list, "a list of IANA time zone names", [])
    for z in zones:
        try:
            ZoneInfo(z)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            r.fail(key, "a list of IANA time zone names such as America/New_York")
    return zones


def parse_platform(data: dict, file: str) -> Platform:
    """Validate one rule file's data and build a :class:`Platform`."""
    r = TableReader(file, data)
    version = r.get("schema_version", int, f"the number {SCHEMA_VERSION}")
    if version != SCHEMA_VERSION:
        r.fail("schema_version", f"the number {SCHEMA_VERSION}")
    types = []
    for t in r.tables("dispute_types"):
        types.append(DisputeType(id=t.text("id"), name_zh=t.text("name_zh"),
                                 name_en=t.text("name_en"), required=_kind_list(t, "required"),
                                 recommended=_kind_list(t, "recommended"),
                                 needs_signed_event=t.flag("needs_signed_event", False),
                                 source=t.text("source", "")))
    if not types:
        r.fail("dispute_types", "at least one [[dispute_types]] table")
    type_ids = {t.id for t in types}
    legacy = r.table("legacy_dispute_types", {})
    for old, new in legacy.data.items():
        if not isinstance(new, str) or new not in type_ids or old in type_ids:
            legacy.fail(old, "the id of a dispute type defined in this file")
    clocks = tuple(_parse_clock(c, type_ids) for c in r.tables("clocks"))
    th = r.table("thresholds", {})
    ap = r.table("appeal", {})
    zone = r.text("zone", "Asia/Shanghai")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        r.fail("zone", "an IANA time zone name such as Asia/Shanghai")
    return Platform(
        id=r.text("id"), name_zh=r.text("name_zh"), name_en=r.text("name_en"), zone=zone,
        clocks=clocks, dispute_types=tuple(types),
        appeal=AppealRule(statement=ap.flag("statement", True),
                          judgment_reference=ap.flag("judgment_reference", True),
                          new_exhibits=int(ap.number("new_exhibits", 1))),
        max_appeals=int(r.number("max_appeals", 1, minimum=1)),
        max_penalty_appeals=int(r.number("max_penalty_appeals", 0)),
        stall_hours=float(r.number("stall_hours", 72, minimum=1)),
        due_soon_hours=float(th.number("due_soon_hours", 12)),
        critical_hours=float(th.number("critical_hours", 2)),
        default=r.flag("default", False), source=file,
        ask_zone=r.flag("ask_zone", False),
        legacy_types=tuple(legacy.data.items()),
        market_zones=tuple(_zone_list(r, "market_zones")))


def load_rule_file(path: Path) -> Platform:
    return parse_platform(read_toml(path), str(path))


def builtin_rules_dir() -> Path:
    return asset_path("rules")


def load_rules(user_dir: Path | None = None) -> RuleSet:
    """Built-in rules, then the user's files (which add or override by platform id).

    Built-in files must be valid (a broken one is a bug and raises). A user's broken file
    is skipped and its error kept in ``RuleSet.errors``.
    """
    platforms: dict[str, Platform] = {}
    for path in sorted(builtin_rules_dir().glob("*.toml")):
        p = load_rule_file(path)
        platforms[p.id] = p
    errors: list[RuleError] = []
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                p = load_rule_file(path)
            except RuleError as e:
                errors.append(e)
                continue
            platforms[p.id] = p
    return RuleSet(platforms=platforms, errors=errors)
