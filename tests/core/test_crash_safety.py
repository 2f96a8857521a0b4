"""kill -9 at random moments during attach and edit never breaks a library.

Each trial starts a real child process (forked from one worker that has imported everything once)
that attaches and edits in a loop, kills it with SIGKILL after a random delay, then reopens the
library: it must open, pass fsck, and have no exhibit row without its blob. The seed is printed
so a failure can be replayed (EVIDENCEKIT_KILL_SEED=<seed>).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from evidencekit.store import Library
from evidencekit.store.schema import exhibits

REPO = Path(__file__).resolve().parents[2]
TRIALS = int(os.environ.get("EVIDENCEKIT_KILL_TRIALS", "50"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_kill_during_attach_and_edit(tmp_path):
    seed = int(os.environ.get("EVIDENCEKIT_KILL_SEED", random.SystemRandom().randrange(10**9)))
    print(f"kill-test seed: {seed}")
    rng = random.Random(seed)
    root, work = tmp_path / "lib", tmp_path / "work"
    work.mkdir()
    Library.open(root).close()
    worker = Path(__file__).with_name("crash_worker.py")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    forks = subprocess.Popen([sys.executable, str(worker), str(root), str(work)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=REPO)
    try:
        for trial in range(TRIALS):
            _kill_one(forks, seed, trial, rng)
            _check(root, seed, trial)
    finally:
        forks.kill()
        forks.wait()
    with Library.open(root) as lib, lib.db.read() as conn:
        total_exhibits = len(conn.execute(select(exhibits.c.sha256)).scalars().all())
    assert total_exhibits > 0, f"seed {seed}: no attach ever completed; the test proved nothing"


def _kill_one(forks: subprocess.Popen, seed: int, trial: int, rng: random.Random) -> None:
    """One child attaching and editing, killed with SIGKILL at a random moment, reaped."""
    forks.stdin.write(f"{seed + trial}\n".encode())
    forks.stdin.flush()
    ready = forks.stdout.readline().split()
    assert ready[:1] == [b"READY"], f"seed {seed} trial {trial}: worker failed"
    time.sleep(rng.uniform(0.0, 0.35))  # the random moment of the kill: what the test is about
    os.kill(int(ready[1]), signal.SIGKILL)
    assert forks.stdout.readline().strip() == b"GONE"  # reaped: nothing of it runs any more


def _check(root: Path, seed: int, trial: int) -> None:
    with Library.open(root) as lib:
        report = lib.fsck()
        assert report.ok, f"seed {seed} trial {trial}: " + " / ".join(report.lines("en"))
        with lib.db.read() as conn:
            rows = conn.execute(select(exhibits.c.sha256)).scalars().all()
        for sha in rows:
            assert lib.blob_path(sha).is_file(), f"seed {seed} trial {trial}: row without blob"
        assert not lib.blobs.tmp.exists() or list(lib.blobs.tmp.iterdir()) == []
