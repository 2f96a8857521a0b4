"""One desktop of the concurrency test and bench (issue 13): writes to a library shared with
other processes, then prints what it did as JSON.

    python -m tests.core.concurrent_worker LIBRARY WORK SEED SHARED_CASE OWN_CASE (--ops N | --seconds S)

It prints READY, waits for a line on stdin (all writers start together), then loops over:
attach a small new file to the shared case; append a token to the shared case's notes (a
read-modify-write that must not lose anyone's token: it passes the version it read and
reads again when refused); edit its own case; create a case; take back one of its own
exhibits of the shared case (the others are renumbered). Any error is recorded, not raised.

With ``--reviewer`` it is the offline review group's desktop instead: it reads the list and
the shared case while the others write, and tries a write each round (a new case, the shared
case's notes, an attachment), each of which the database must refuse with the plain
"read-only reviewer" error.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

from evidencekit.errors import EvidenceKitError, ReviewerCannotWrite, StaleCase
from evidencekit.store import Library


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("library")
    p.add_argument("work")
    p.add_argument("seed", type=int)
    p.add_argument("shared", type=int)
    p.add_argument("own", type=int)
    p.add_argument("--ops", type=int, default=0)
    p.add_argument("--seconds", type=float, default=0)
    p.add_argument("--reviewer", action="store_true")
    args = p.parse_args()
    rng = random.Random(args.seed)
    work = Path(args.work)
    lib = Library.open(Path(args.library))
    lib.actor = f"staff{args.seed}"
    print("READY", flush=True)
    sys.stdin.readline()
    done = {"attached": 0, "removed": 0, "tokens": [], "created": [], "edits": 0, "stale_retries": 0,
            "errors": [], "ops": 0}
    mine: list[int] = []  # my exhibits on the shared case
    deadline = time.monotonic() + args.seconds if args.seconds else None
    if args.reviewer:
        return _review(lib, work, args, deadline)
    i = 0
    while (deadline is None and i < args.ops) or (deadline is not None and time.monotonic() < deadline):
        i += 1
        op = rng.random()
        try:
            if op < 0.35:
                f = work / f"w{args.seed}-{i}.txt"
                f.write_bytes(f"{args.seed}-{i}-".encode() + os.urandom(16).hex().encode())
                mine.append(lib.attach(args.shared, f, kind="other").id)
                f.unlink()
                done["attached"] += 1
            elif op < 0.7:
                token = f"{args.seed}:{i};"
                while True:
                    case = lib.get_case(args.shared)
                    try:
                        lib.update_case(args.shared, expected_version=case.version,
                                        notes=case.notes + token)
                        break
                    except StaleCase:
                        done["stale_retries"] += 1
                done["tokens"].append(token)
            elif op < 0.8:
                case = lib.get_case(args.own)
                lib.update_case(args.own, expected_version=case.version, product=f"p{i}")
                done["edits"] += 1
            elif op < 0.9:
                done["created"].append(lib.create_case(platform="douyin", dispute_type="quality_issue",
                                                       order_no=f"W{args.seed}-{i}").case_no)
            elif mine:
                lib.remove_exhibit(mine.pop(rng.randrange(len(mine))))
                done["removed"] += 1
        except EvidenceKitError as e:  # what a user would have been shown
            done["errors"].append(f"{e.code}: {e.message('en')}")
        done["ops"] += 1
    lib.close()
    print(json.dumps(done), flush=True)
    return 0


def _review(lib: Library, work: Path, args: argparse.Namespace, deadline: float | None) -> int:
    done: dict = {"reads": 0, "refused": 0, "wrote": [], "errors": [], "ops": 0}
    i = 0
    while (deadline is None and i < args.ops) or (deadline is not None and time.monotonic() < deadline):
        i += 1
        try:
            lib.list_cases()
            lib.get_case(args.shared)
            lib.list_exhibits(args.shared)
            done["reads"] += 1
        except EvidenceKitError as e:
            done["errors"].append(f"read: {e.code}: {e.message('en')}")
        f = work / f"reviewer-{i}.txt"
        f.write_text(f"reviewer {i}")
        try:
            if i % 3 == 0:
                lib.create_case(platform="douyin", dispute_type="quality_issue", order_no=f"REV{i}")
            elif i % 3 == 1:
                lib.update_case(args.shared, notes="REVIEWER")
            else:
                lib.attach(args.shared, f, kind="other")
            done["wrote"].append(i % 3)
        except ReviewerCannotWrite:
            done["refused"] += 1
        except EvidenceKitError as e:
            done["errors"].append(f"write: {e.code}: {e.message('en')}")
        f.unlink()
        done["ops"] += 1
    lib.close()
    print(json.dumps(done), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
