"""kill -9 at random moments during attach and edit never breaks a library.

Each trial starts a real subprocess that attaches and edits in a loop, kills it with SIGKILL
after a random delay, then reopens the library: it must open, pass fsck, and have no exhibit
row without its blob. The seed is printed so a failure can be replayed
(EVIDENCEKIT_KILL_SEED=<seed>).
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
    total_exhibits = 0
    for trial in range(TRIALS):
        child = subprocess.Popen([sys.executable, str(worker), str(root), str(work),
                                  str(seed + trial)], stdout=subprocess.PIPE, env=env, cwd=REPO)
        assert child.stdout.readline().strip() == b"READY", f"seed {seed} trial {trial}: worker failed"
        time.sleep(rng.uniform(0.0, 0.35))
        child.send_signal(signal.SIGKILL)
        child.wait()
        with Library.open(root) as lib:
            report = lib.fsck()
            assert report.ok, f"seed {seed} trial {trial}: " + " / ".join(report.lines("en"))
            with lib.db.read() as conn:
                rows = conn.execute(select(exhibits.c.sha256)).scalars().all()
            for sha in rows:
                assert lib.blob_path(sha).is_file(), f"seed {seed} trial {trial}: row without blob"
            assert not lib.blobs.tmp.exists() or list(lib.blobs.tmp.iterdir()) == []
            total_exhibits = len(rows)
    assert total_exhibits > 0, f"seed {seed}: no attach ever completed; the test proved nothing"
