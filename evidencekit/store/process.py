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
from typing import TYPE_CHECKING, Any

from ..deadlines import SUBMISSION_INSTANTS
from ..errors import (
    AppealLimitReached,
    BundleFileMissing,
    BundleOfAnotherCase,
    CaseClosed,
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

if TYPE_CHECKING:
    from ..domain import Case
    from .library import Library


def ensure_open(lib: "Library", case: "Case") -> None:
    """Refuse a change to a closed case (read-only until reopened)."""
    if case.stage == "closed":
        raise CaseClosed(case_no=case.case_no)


# ---- exports (drafts) ----------------------------------------------------------------------
def record_export(lib: "Library", case_id: int, *, mode: str, profile: str, files: list,
                  bundle_sha256s: list[str], manifest_sha256: str, bundle_id: str = "",
                  pages: list[int] | None = None, audience: str = "platform",
                  at: datetime | None = None) -> int:
    with lib._tx():
        cur = lib.conn.execute(
            "INSERT INTO exports(case_id, at, mode, profile, files, bundle_sha256s, manifest_sha256,"
            " audience, bundle_id, pages) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (case_id, to_iso(at or lib.clock()), mode, profile, json.dumps([str(f) for f in files]),
             json.dumps(list(bundle_sha256s)), manifest_sha256, audience, bundle_id,
             json.dumps(list(pages or []))))
    # Not in the action log: a bundle is made *from* the case, and the log is part of the
    # bundle, so logging exports would make the same case export differently each time.
    return int(cur.lastrowid or 0)


def _export_dict(r) -> dict:
    paths = json.loads(r["files"])
    shas = json.loads(r["bundle_sha256s"])
    pages = json.loads(r["pages"] or "[]")
    files = [{"name": Path(p).name, "path": p, "sha256": shas[i] if i < len(shas) else "",
              "pages": pages[i] if i < len(pages) else None} for i, p in enumerate(paths)]
    return {"id": r["id"], "at": r["at"], "mode": r["mode"], "audience": r["audience"],
            "profile": r["profile"], "files": files, "bundle_id": r["bundle_id"],
            "manifest_sha256": r["manifest_sha256"]}


def exports(lib: "Library", case_id: int) -> list[dict]:
    return [_export_dict(r) for r in lib.conn.execute(
        "SELECT * FROM exports WHERE case_id=? ORDER BY id", (case_id,))]


def delete_export(lib: "Library", export_id: int) -> dict:
    """Forget a draft record. The exported files on disk are never touched."""
    row = lib.conn.execute("SELECT * FROM exports WHERE id=?", (export_id,)).fetchone()
    if row is None:
        raise NoSuchExport(export_id=export_id)
    with lib._tx():
        lib.conn.execute("DELETE FROM exports WHERE id=?", (export_id,))
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


def appeal_count(lib: "Library", case_id: int, kind: str = "appeal") -> int:
    return lib.conn.execute("SELECT COUNT(*) FROM submissions WHERE case_id=? AND kind=?",
                            (case_id, kind)).fetchone()[0]


def _check_limit(lib: "Library", case: "Case", kind: str, force: bool, reason: str) -> str:
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


def submit(lib: "Library", case_id: int, parts: list, *, as_kind: str = "evidence",
           at: datetime | None = None, force: bool = False, reason: str = "") -> dict:
    """Record that these exact files went to the platform; returns the submission record.
    ``parts``: (file, its embedded manifest, manifest intact) per file, as
    :func:`evidencekit.submission.submit` reads them (the store does not read PDFs)."""
    if as_kind not in SUBMIT_KINDS:
        raise UnknownSubmissionKind(kind=as_kind, choices=", ".join(SUBMIT_KINDS))
    case = lib.get_case(case_id, include_deleted=False)
    ensure_open(lib, case)
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
        with lib._tx():
            for _p, _tmp, sha, _size in staged:
                lib.conn.execute("INSERT INTO pending_blobs(sha256, pid, started_at) VALUES (?,?,?)",
                                 (sha, os.getpid(), to_iso(lib.clock())))
        for _p, tmp, sha, _size in staged:
            lib.blobs.commit(tmp, sha)
    except BaseException:
        for _p, tmp, _sha, _size in staged:
            tmp.unlink(missing_ok=True)
        raise
    exhibits = [{"number": e.get("label", ""), "sha256": e.get("sha256", ""),
                 "kind": e.get("kind", ""), "caption": e.get("caption", ""),
                 "source_name": e.get("source_name", "")} for e in manifest.get("exhibits", [])]
    export = lib.conn.execute("SELECT id FROM exports WHERE case_id=? AND bundle_id=? "
                              "ORDER BY id DESC LIMIT 1",
                              (case.id, manifest.get("bundle_id", ""))).fetchone()
    with lib._tx():
        cur = lib.conn.execute(
            "INSERT INTO submissions(case_id, export_id, kind, at, recorded_at, bundle_id,"
            " manifest_sha256, mode, exhibits, statement, forced_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, export["id"] if export else None, as_kind, to_iso(when), to_iso(lib.clock()),
             manifest.get("bundle_id", ""), "", manifest.get("mode", ""),
             json.dumps(exhibits, ensure_ascii=False), case.statement, forced))
        sub_id = int(cur.lastrowid or 0)
        for i, (p, _tmp, sha, size) in enumerate(staged):
            lib.conn.execute("INSERT INTO submission_files(submission_id, position, name, sha256,"
                             " size, pages) VALUES (?,?,?,?,?,?)",
                             (sub_id, i, p.name, sha, size, _pdf_pages(lib.blobs.path(sha))))
            lib.conn.execute("DELETE FROM pending_blobs WHERE rowid IN (SELECT rowid FROM "
                             "pending_blobs WHERE sha256=? AND pid=? LIMIT 1)", (sha, os.getpid()))
        lib._log(case.id, "submitted", f"#{sub_id} {as_kind} " + ", ".join(
            f"{p.name} sha256 {sha[:12]}" for p, _t, sha, _s in staged))
        if forced:
            lib._log(case.id, "appeal_limit_overridden", f"#{sub_id}: {forced}")
        instant = SUBMISSION_INSTANTS[as_kind]
        current = getattr(case, instant)
        if current is None or when > current:
            lib._apply(case.id, {instant: when})
    return get_submission(lib, sub_id)


def _submission_dict(lib: "Library", r) -> dict:
    files = [{"name": f["name"], "sha256": f["sha256"], "pages": f["pages"], "size": f["size"],
              "stored": lib.blobs.exists(f["sha256"])}
             for f in lib.conn.execute("SELECT * FROM submission_files WHERE submission_id=? "
                                       "ORDER BY position", (r["id"],))]
    dec = lib.conn.execute("SELECT * FROM decisions WHERE submission_id=? ORDER BY at DESC, id DESC"
                           " LIMIT 1", (r["id"],)).fetchone()
    return {"id": r["id"], "case_id": r["case_id"], "as": r["kind"], "at": r["at"],
            "mode": r["mode"], "bundle_id": r["bundle_id"], "export_id": r["export_id"],
            "files": files, "exhibits": json.loads(r["exhibits"]),
            "statement": r["statement"], "forced_reason": r["forced_reason"],
            "decision": _decision_dict(dec) if dec else None}


def submissions(lib: "Library", case_id: int) -> list[dict]:
    """The case's submissions, oldest first (conventions.md shape, plus a few facts)."""
    return [_submission_dict(lib, r) for r in lib.conn.execute(
        "SELECT * FROM submissions WHERE case_id=? ORDER BY at, id", (case_id,))]


def get_submission(lib: "Library", submission_id: int | str) -> dict:
    text = str(submission_id).strip().lstrip("#")
    row = lib.conn.execute("SELECT * FROM submissions WHERE id=?",
                           (int(text),)).fetchone() if text.isdigit() else None
    if row is None:
        raise NoSuchSubmission(ref=submission_id)
    return _submission_dict(lib, row)


def submission_files(lib: "Library", submission_id: int | str) -> list[tuple[str, Path]]:
    """(file name, path of the kept bytes) for each file of a submission: what the app opens
    (read-only) to show the exact bundle that went to the platform."""
    sub = get_submission(lib, submission_id)
    return [(f["name"], lib.blobs.path(f["sha256"])) for f in sub["files"]]


# ---- decisions -----------------------------------------------------------------------------
def _decision_dict(r) -> dict:
    return {"id": r["id"], "submission_id": r["submission_id"], "decision": r["decision"],
            "at": r["at"], "refund": r["refund"], "ref": r["ref"]}


def decisions(lib: "Library", case_id: int) -> list[dict]:
    return [_decision_dict(r) for r in lib.conn.execute(
        "SELECT * FROM decisions WHERE case_id=? ORDER BY at, id", (case_id,))]


def decide(lib: "Library", case_id: int, decision: str, *, submission_id: int | None = None,
           at: datetime | None = None, refund: str = "", ref: str = "") -> dict:
    """Record the platform's decision on a submission (default: the latest)."""
    if decision not in DECISIONS:
        raise UnknownDecision(decision=decision, choices=", ".join(DECISIONS))
    case = lib.get_case(case_id, include_deleted=False)
    ensure_open(lib, case)
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
    with lib._tx():
        cur = lib.conn.execute(
            "INSERT INTO decisions(case_id, submission_id, decision, at, refund, ref, recorded_at)"
            " VALUES (?,?,?,?,?,?,?)", (case.id, sub["id"], decision, to_iso(when), refund or "",
                                        ref or "", to_iso(lib.clock())))
        lib._log(case.id, "decided", f"#{sub['id']} {sub['as']}: {decision}"
                 + (f" refund {refund}" if refund else "") + (f" ref {ref}" if ref else ""))
        fields = decision_effects(case, decision, sub["as"], when)
        if ref and sub["as"] in ("evidence", "supplement") and not case.judgment_ref:
            fields["judgment_ref"] = ref
        lib._apply(case.id, fields, allow_outcome=True)
    return _decision_dict(lib.conn.execute("SELECT * FROM decisions WHERE id=?",
                                           (cur.lastrowid,)).fetchone())


# ---- closing -------------------------------------------------------------------------------
def reopen(lib: "Library", case_id: int, reason: str) -> "Case":
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
    with lib._tx():
        lib.conn.execute("UPDATE cases SET stage=?, closed_at=NULL, updated_at=? WHERE id=?",
                         (stage, to_iso(lib.clock()), case.id))
        lib._log(case.id, "case_reopened", f"closed → {stage}: {reason.strip()}"
                 + (f" (closed_at was {to_iso(case.closed_at)})" if case.closed_at else ""))
    return lib.get_case(case.id)
