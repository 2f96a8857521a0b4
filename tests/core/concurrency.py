"""Several writer processes on one library at once, and what must hold afterwards (issue 13).
Used by tests/core/test_concurrency.py and bench/bench_concurrent.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from evidencekit.store import Library

WORKER = "tests.core.concurrent_worker"
REPO = Path(__file__).resolve().parents[2]


def run_writers(root: Path, work: Path, writers: int, *, ops: int = 0, seconds: float = 0,
                env: dict | None = None, reviewer_env: dict | None = None
                ) -> tuple[list[dict], int, list[int]]:
    """Start ``writers`` processes together; returns (their reports, shared case, own cases).
    With ``reviewer_env`` (a team library, as a reviewer role) a reviewer's desktop reads and
    tries to write alongside them; its report comes last."""
    with Library.open(root) as lib:
        shared = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="SHARED").id
        own = [lib.create_case(platform="douyin", dispute_type="quality_issue",
                               order_no=f"OWN{n}").id for n in range(writers)]
    work.mkdir(parents=True, exist_ok=True)
    limit = ["--ops", str(ops)] if ops else ["--seconds", str(seconds)]
    # as a module from the repository: the worker imports this checkout's evidencekit
    procs = [subprocess.Popen([sys.executable, "-m", WORKER, str(root), str(work), str(n), str(shared),
                               str(own[n]), *limit], cwd=REPO, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for n in range(writers)]
    if reviewer_env is not None:
        procs.append(subprocess.Popen([sys.executable, "-m", WORKER, str(root), str(work), str(writers),
                                       str(shared), str(own[0]), *limit, "--reviewer"], cwd=REPO,
                                      env=reviewer_env, text=True, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    for p in procs:  # every writer is ready before any starts
        assert p.stdout is not None and p.stdout.readline().strip() == "READY", p.stderr
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    reports = []
    for p in procs:
        out, err = p.communicate(timeout=max(120, seconds * 3))
        assert p.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports, shared, own


def problems(root: Path, reports: list[dict], shared: int, own: list[int]) -> list[str]:
    """What went wrong, if anything: errors shown, duplicate or missing numbers, lost writes."""
    out = [e for r in reports for e in r["errors"]]
    with Library.open(root) as lib:
        numbers = [e.position for e in lib.list_exhibits(shared)]
        expected = sum(r["attached"] - r["removed"] for r in reports)
        if numbers != list(range(1, expected + 1)):
            out.append(f"shared case exhibit numbers {numbers}, expected 1..{expected}")
        notes = lib.get_case(shared).notes
        lost = [t for r in reports for t in r["tokens"] if t not in notes]
        if lost or len(notes) != sum(len(t) for r in reports for t in r["tokens"]):
            out.append(f"lost or doubled writes of the shared notes: {lost[:5]}")
        cases = lib.list_cases()
        case_nos = [c.case_no for c in cases]
        if len(set(case_nos)) != len(case_nos):
            out.append("duplicate case numbers")
        created = [n for r in reports for n in r["created"]]
        if len(cases) != 1 + len(own) + len(created) or not set(created) <= set(case_nos):
            out.append(f"{len(cases)} cases, expected {1 + len(own) + len(created)}")
        for cid, r in zip(own, reports, strict=True):
            if r["edits"] and lib.get_case(cid).version != 1 + r["edits"]:
                out.append(f"case {cid}: version {lib.get_case(cid).version} after {r['edits']} edits")
    return out
