"""Exports, submissions and decisions of a case (kept apart from library.py for size).

An **export** is a draft: a record of a bundle written to disk (the file is the user's).
A **submission** is an export the user says went to the platform: its exact bytes are kept in
the blob store, its exhibits are recorded, and it stops the clock it answers. A **decision** is
the platform's answer to a submission; the case outcome is the latest decision.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from ..deadlines import SUBMISSION_INSTANTS
from ..errors import (
    AppealLimitReached,
    BundleFileMissing,
    BundleOfAnotherCase,
    CaseNotClosed,
    DecisionBeforeSubmission,
    ExportPartsMissing,
    ManifestAltered,
    NaiveInstant,
    NoBundleGiven,
    NoSuchExport,
    NoSuchSubmission,
    NothingToDecide,
    NotOneExport,
    ReasonRequired,
    SameFileTwice,
    UnknownDecision,
    UnknownSubmissionKind,
)
from ..lifecycle import DECISIONS, SUBMIT_KINDS, decision_effects
from ..timeutil import from_iso, to_iso
from .db import Database, inserted_id
from .exhibits import ensure_open
from .schema import cases, pending_blobs
from .schema import decisions as decisions_t
from .schema import exports as exports_t
from .schema import submission_files as files_t
from .schema import submissions as submissions_t

if TYPE_CHECKING:
    from ..domain import Case
    from ..rules import RuleSet
    from .blobs import Blobs

__all__ = ["ensure_open"]


class Library(Protocol):
    """What these operations use of :class:`~evidencekit.store.library.Library` (which calls
    them; this module does not import it)."""

    db: Database

    @property
    def blobs(self) -> "Blobs": ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def rules(self) -> "RuleSet": ...
    @property
    def actor(self) -> str: ...
    def get_case(self, ref: int | str, *, include_deleted: bool = True) -> "Case": ...
    def _apply(self, conn: Connection, case_id: int, fields: dict[str, Any], source: str = "", *,
               allow_outcome: bool = False) -> None: ...
    def _log(self, conn: Connection, case_id: int, action: str, detail: str = "",
             source: str = "") -> None: ...


# ---- exports (drafts) ----------------------------------------------------------------------
def record_export(lib: Library, case_id: int, *, mode: str, profile: str, files: list,
                  bundle_sha256s: list[str], manifest_sha256: str, bundle_id: str = "",
                  pages: list[int] | None = None, audience: str = "platform",
                  at: datetime | None = None) -> int:
    with lib.db.write() as conn:
        export_id = inserted_id(conn.execute(insert(exports_t).values(
            case_id=case_id, at=to_iso(at or lib.clock()), mode=mode, profile=profile,
            files=json.dumps([str(f) for f in files]), bundle_sha256s=json.dumps(list(bundle_sha256s)),
            manifest_sha256=manifest_sha256, audience=audience, bundle_id=bundle_id,
            pages=json.dumps(list(pages or [])))))
    # Not in the action log: a bundle is made *from* the case, and the log is part of the
    # bundle, so logging exports would make the same case export differently each time.
    return export_id


def _export_dict(r) -> dict:
    paths = json.loads(r["files"])
    shas = json.loads(r["bundle_sha256s"])
    pages = json.loads(r["pages"] or "[]")
    files = [{"name": Path(p).name, "path": p, "sha256": shas[i] if i < len(shas) else "",
              "pages": pages[i] if i < len(pages) else None} for i, p in enumerate(paths)]
    return {"id": r["id"], "at": r["at"], "mode": r["mode"], "audience": r["audience"],
            "profile": r["profile"], "files": files, "bundle_id": r["bundle_id"],
            "manifest_sha256": r["manifest_sha256"]}


def exports(lib: Library, case_id: int) -> list[dict]:
    with lib.db.read() as conn:
        rows = conn.execute(select(exports_t).where(exports_t.c.case_id == case_id)
                            .order_by(exports_t.c.id)).mappings().all()
    return [_export_dict(r) for r in rows]


def delete_export(lib: Library, export_id: int) -> dict:
    """Forget a draft record. The exported files on disk are never touched."""
    with lib.db.read() as conn:
        row = conn.execute(select(exports_t).where(exports_t.c.id == export_id)).mappings().first()
    if row is None:
        raise NoSuchExport(export_id=export_id)
    with lib.db.write() as conn:
        conn.execute(delete(exports_t).where(exports_t.c.id == export_id))
    return _export_dict(row)


# ---- submissions ---------------------------------------------------------------------------
def _pdf_pages(path: Path) -> int:
    try:
        from pypdf import PdfReader
        return len(PdfReader(str(path), strict=False).pages)
    except Exception:  # noqa: BLE001 - the page count is informative; the bytes are what count
        return 0


def _check_parts(case: "Case", parts: list[tuple[Path, dict, bool]]) -> dict:
    """Check the files are the parts of one export of this case; returns its manifest.
    ``parts``: (file, its embedded manifest, whether that matches the hash in the file)."""
    paths = [p for p, _m, _ok in parts]
    if not paths:
        raise NoBundleGiven()
    if len({p.resolve() for p in paths}) != len(paths):
        raise SameFileTwice()
    manifests = []
    for p, manifest, ok in parts:
        if not p.is_file():
            raise BundleFileMissing(path=p)
        if not ok:
            raise ManifestAltered(name=p.name)
        manifests.append(manifest)
    ids = {m.get("bundle_id") for m in manifests}
    if len(ids) != 1:
        raise NotOneExport()
    manifest = manifests[0]
    if (manifest.get("case") or {}).get("case_no") != case.case_no:
        other = (manifest.get("case") or {}).get("case_no", "?")
        raise BundleOfAnotherCase(other=other, case_no=case.case_no)
    files = manifest.get("files") or []
    if len(files) > len(paths):
        raise ExportPartsMissing(parts=len(files), given=len(paths),
                                 names=", ".join(map(str, files)))
    return manifest


def appeal_count(lib: Library, case_id: int, kind: str = "appeal") -> int:
    with lib.db.read() as conn:
        return conn.execute(select(func.count()).select_from(submissions_t).where(
            submissions_t.c.case_id == case_id, submissions_t.c.kind == kind)).scalar_one()


def _check_limit(lib: Library, case: "Case", kind: str, force: bool, reason: str) -> str:
    """Refuse an appeal beyond the platform's limit unless forced with a reason; returns the
    reason to log ("" when within the limit)."""
    platform = lib.rules.platform(case.platform)
    if kind == "appeal":
        used, limit = case.appeals_total, platform.max_appeals
    elif kind == "penalty-appeal":
        used, limit = appeal_count(lib, case.id, kind), platform.max_penalty_appeals
    else:
        return ""
    if used < limit:
        return ""
    if not force:
        name = SUBMIT_KINDS[kind]
        raise AppealLimitReached(platform_zh=platform.name_zh, platform_en=platform.name_en,
                                 kind_zh=name[0], kind_en=name[1].lower(), used=used, limit=limit)
    if not reason.strip():
        raise ReasonRequired(what_zh="--force", what_en="--force")
    return reason.strip()


def submit(lib: Library, case_id: int, parts: list, *, as_kind: str = "evidence",
           at: datetime | None = None, force: bool = False, reason: str = "") -> dict:
    """Record that these exact files went to the platform; returns the submission record.
    ``parts``: (file, its embedded manifest, manifest intact) per file, as
    :func:`evidencekit.submission.submit` reads them (the store does not read PDFs)."""
    if as_kind not in SUBMIT_KINDS:
        raise UnknownSubmissionKind(kind=as_kind, choices=", ".join(SUBMIT_KINDS))
    case = lib.get_case(case_id, include_deleted=False)
    ensure_open(case)
    parts = [(Path(p).expanduser(), m, ok) for p, m, ok in parts]
    paths = [p for p, _m, _ok in parts]
    manifest = _check_parts(case, parts)
    forced = _check_limit(lib, case, as_kind, force, reason)
    when = at or lib.clock()
    if when.tzinfo is None:
        raise NaiveInstant()
    staged = []
    try:
        for p in paths:
            tmp, sha, size = lib.blobs.stage(p)
            staged.append((p, tmp, sha, size))
        with lib.db.write() as conn:
            for _p, _tmp, sha, _size in staged:
                conn.execute(insert(pending_blobs).values(sha256=sha, pid=os.getpid(),
                                                          started_at=to_iso(lib.clock())))
        for _p, tmp, sha, _size in staged:
            lib.blobs.commit(tmp, sha)
    except BaseException:
        for _p, tmp, _sha, _size in staged:
            tmp.unlink(missing_ok=True)
        raise
    exhibits = [{"number": e.get("label", ""), "sha256": e.get("sha256", ""),
                 "kind": e.get("kind", ""), "caption": e.get("caption", ""),
                 "source_name": e.get("source_name", "")} for e in manifest.get("exhibits", [])]
    with lib.db.read() as conn:
        export_id = conn.execute(select(exports_t.c.id).where(
            exports_t.c.case_id == case.id, exports_t.c.bundle_id == manifest.get("bundle_id", ""))
            .order_by(exports_t.c.id.desc()).limit(1)).scalar()
    with lib.db.write() as conn:
        sub_id = inserted_id(conn.execute(insert(submissions_t).values(
            case_id=case.id, export_id=export_id, kind=as_kind, at=to_iso(when),
            recorded_at=to_iso(lib.clock()), staff=lib.actor, bundle_id=manifest.get("bundle_id", ""),
            manifest_sha256="", mode=manifest.get("mode", ""),
            exhibits=json.dumps(exhibits, ensure_ascii=False), statement=case.statement,
            forced_reason=forced)))
        for i, (p, _tmp, sha, size) in enumerate(staged):
            conn.execute(insert(files_t).values(submission_id=sub_id, position=i, name=p.name,
                                                sha256=sha, size=size,
                                                pages=_pdf_pages(lib.blobs.path(sha))))
            conn.execute(delete(pending_blobs).where(pending_blobs.c.sha256 == sha,
                                                     pending_blobs.c.pid == os.getpid()))
        lib._log(conn, case.id, "submitted", f"#{sub_id} {as_kind} " + ", ".join(
            f"{p.name} sha256 {sha[:12]}" for p, _t, sha, _s in staged))
        if forced:
            lib._log(conn, case.id, "appeal_limit_overridden", f"#{sub_id}: {forced}")
        instant = SUBMISSION_INSTANTS[as_kind]
        current = getattr(case, instant)
        if current is None or when > current:
            lib._apply(conn, case.id, {instant: when})
    return get_submission(lib, sub_id)


def _submission_dict(lib: Library, conn: Connection, r) -> dict:
    files = [{"name": f["name"], "sha256": f["sha256"], "pages": f["pages"], "size": f["size"],
              "stored": lib.blobs.exists(f["sha256"])}
             for f in conn.execute(select(files_t).where(files_t.c.submission_id == r["id"])
                                   .order_by(files_t.c.position)).mappings()]
    d = decisions_t
    dec = conn.execute(select(d).where(d.c.submission_id == r["id"])
                       .order_by(d.c.at.desc(), d.c.id.desc()).limit(1)).mappings().first()
    return {"id": r["id"], "case_id": r["case_id"], "as": r["kind"], "at": r["at"],
            "mode": r["mode"], "bundle_id": r["bundle_id"], "export_id": r["export_id"],
            "files": files, "exhibits": json.loads(r["exhibits"]),
            "statement": r["statement"], "forced_reason": r["forced_reason"], "staff": r["staff"],
            "decision": _decision_dict(dec) if dec else None}


def submissions(lib: Library, case_id: int) -> list[dict]:
    """The case's submissions, oldest first (conventions.md shape, plus a few facts)."""
    s = submissions_t
    with lib.db.read() as conn:
        return [_submission_dict(lib, conn, r) for r in conn.execute(
            select(s).where(s.c.case_id == case_id).order_by(s.c.at, s.c.id)).mappings().all()]


def get_submission(lib: Library, submission_id: int | str) -> dict:
    text = str(submission_id).strip().lstrip("#")
    with lib.db.read() as conn:
        row = conn.execute(select(submissions_t).where(submissions_t.c.id == int(text))
                           ).mappings().first() if text.isdigit() else None
        if row is None:
            raise NoSuchSubmission(ref=submission_id)
        return _submission_dict(lib, conn, row)


def submission_files(lib: Library, submission_id: int | str) -> list[tuple[str, Path]]:
    """(file name, path of the kept bytes) for each file of a submission: what the app opens
    (read-only) to show the exact bundle that went to the platform."""
    sub = get_submission(lib, submission_id)
    return [(f["name"], lib.blobs.path(f["sha256"])) for f in sub["files"]]


_EVENTS = select(submissions_t.c.case_id, submissions_t.c.kind, submissions_t.c.at)
_EVENTS_IN = _EVENTS.where(submissions_t.c.case_id.in_(bindparam("ids", expanding=True)))


def submission_events(conn: Connection, case_ids: list[int] | None = None
                      ) -> dict[int, dict[str, list[datetime]]]:
    """Case id → instant name → every time a submission recorded it (for the clocks); of
    every case, or of ``case_ids``."""
    rows = conn.execute(_EVENTS) if case_ids is None else conn.execute(_EVENTS_IN, {"ids": case_ids})
    out: dict[int, dict[str, list[datetime]]] = {}
    for cid, kind, at in rows:
        name = SUBMISSION_INSTANTS.get(kind)
        when = from_iso(at)
        if name and when is not None:
            out.setdefault(cid, {}).setdefault(name, []).append(when)
    return out


# ---- decisions -----------------------------------------------------------------------------
def _decision_dict(r) -> dict:
    return {"id": r["id"], "submission_id": r["submission_id"], "decision": r["decision"],
            "at": r["at"], "refund": r["refund"], "ref": r["ref"], "staff": r["staff"]}


def decisions(lib: Library, case_id: int) -> list[dict]:
    d = decisions_t
    with lib.db.read() as conn:
        rows = conn.execute(select(d).where(d.c.case_id == case_id)
                            .order_by(d.c.at, d.c.id)).mappings().all()
    return [_decision_dict(r) for r in rows]


def decide(lib: Library, case_id: int, decision: str, *, submission_id: int | None = None,
           at: datetime | None = None, refund: str = "", ref: str = "") -> dict:
    """Record the platform's decision on a submission (default: the latest)."""
    if decision not in DECISIONS:
        raise UnknownDecision(decision=decision, choices=", ".join(DECISIONS))
    case = lib.get_case(case_id, include_deleted=False)
    ensure_open(case)
    subs = submissions(lib, case.id)
    if not subs:
        raise NothingToDecide(case_no=case.case_no)
    if submission_id is None:
        sub = subs[-1]
    else:
        found = [s for s in subs if s["id"] == int(submission_id)]
        if not found:
            raise NoSuchSubmission(ref=f"{case.case_no} #{submission_id}")
        sub = found[0]
    when = at or lib.clock()
    submitted_at = from_iso(sub["at"])
    if submitted_at is not None and when < submitted_at:
        raise DecisionBeforeSubmission()
    with lib.db.write() as conn:
        decision_id = inserted_id(conn.execute(insert(decisions_t).values(
            case_id=case.id, submission_id=sub["id"], decision=decision, at=to_iso(when),
            refund=refund or "", ref=ref or "", recorded_at=to_iso(lib.clock()),
            staff=lib.actor)))
        lib._log(conn, case.id, "decided", f"#{sub['id']} {sub['as']}: {decision}"
                 + (f" refund {refund}" if refund else "") + (f" ref {ref}" if ref else ""))
        fields = decision_effects(case, decision, sub["as"], when)
        if ref and sub["as"] in ("evidence", "supplement") and not case.judgment_ref:
            fields["judgment_ref"] = ref
        lib._apply(conn, case.id, fields, allow_outcome=True)
        row = conn.execute(select(decisions_t).where(decisions_t.c.id == decision_id)).mappings().one()
    return _decision_dict(row)


# ---- closing -------------------------------------------------------------------------------
def reopen(lib: Library, case_id: int, reason: str) -> "Case":
    """Take a closed case back to the stage its other instants imply (logged with the reason)."""
    from ..domain import INSTANT_STAGE, implied_stage
    if not (reason or "").strip():
        raise ReasonRequired(what_zh="重新打开", what_en="Reopening")
    case = lib.get_case(case_id, include_deleted=False)
    if case.stage != "closed":
        raise CaseNotClosed(case_no=case.case_no)
    instants: dict[str, Any] = {n: getattr(case, n) for n in INSTANT_STAGE
                                if INSTANT_STAGE[n] != "closed"}
    stage = implied_stage(instants, "request")
    with lib.db.write() as conn:
        conn.execute(update(cases).where(cases.c.id == case.id).values(
            stage=stage, closed_at=None, updated_at=to_iso(lib.clock())))
        lib._log(conn, case.id, "case_reopened", f"closed → {stage}: {reason.strip()}"
                 + (f" (closed_at was {to_iso(case.closed_at)})" if case.closed_at else ""))
    return lib.get_case(case.id)
