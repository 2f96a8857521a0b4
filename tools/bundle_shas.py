"""Export the suite's fixture files through a library and print each bundle's SHA-256.

Used to check that a refactor of ingestion or export leaves bundles byte-identical: run it
with the old code and the new code (same fixed clock and ``now``) and compare the lines::

    PYTHONPATH=/path/to/old/checkout python tools/bundle_shas.py > old.txt
    python tools/bundle_shas.py > new.txt && diff old.txt new.txt

Every case attaches real files (``tests/data``) as production does; a file the library
refuses is skipped (and named on stderr). Only the public library/export API is used.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from evidencekit.errors import EvidenceKitError
from evidencekit.store import Library

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
UTC = timezone.utc
CLOCK = datetime(2024, 9, 19, 1, 30, tzinfo=UTC)
NOW = datetime(2024, 9, 20, 2, 0, tzinfo=UTC)
SKIP = {"make_samples.py", "README.md", "bomb.png", "encrypted_8888.pdf"}

# name -> (kind per file or None for the guess, mode, profile)
CASES = {
    "auto-arbitration": (None, "arbitration", "douyin"),
    "auto-appeal": (None, "appeal", "douyin"),
    "other-arbitration": ("other", "arbitration", "douyin"),
    "chat-arbitration": ("chat_log", "arbitration", "douyin"),
    "trace-archive": ("logistics_trace", "arbitration", "archive"),
}


def _export(lib: Library, case_id: int, out: Path, mode: str, profile: str):
    from evidencekit import export
    if hasattr(export, "export_case"):
        kw = {"allow_incomplete": True} if hasattr(export, "platform_problems") else {}
        return export.export_case(lib, case_id, out, mode=mode, profile=profile, now=NOW,
                                  record=False, **kw)
    src = export.source_from_library(lib, case_id, mode, NOW)
    return export.export_bundle(src, out, mode=mode, profile=profile, now=NOW,
                                profiles_dir=lib.profiles_dir)


def generated(folder: Path) -> list[Path]:
    """The export fixtures' photos and PDFs, and their chat and trace written as text files."""
    sys.path.insert(0, str(DATA.parent.parent))
    from tests.core import export_fixtures as fx
    folder.mkdir()
    chat = folder / "chat.txt"
    chat.write_text("".join(f"{m.at.astimezone(fx.CST):%Y-%m-%d %H:%M:%S} {m.speaker}: {m.text}\n"
                            for m in fx.chat_log(24).messages), encoding="utf-8")
    trace = folder / "trace.txt"
    trace.write_text("运单号：SF1234567890\n" + "".join(
        f"{e.at.astimezone(fx.CST):%Y-%m-%d %H:%M:%S} 【{e.location}】{e.text}\n"
        for e in fx.trace().events), encoding="utf-8")
    out = [chat, trace, fx.make_report_pdf(folder / "inspection.pdf", 2),
           fx.make_hostile_pdf(folder / "courier_proof.pdf")]
    out += [fx.make_photo(folder / f"IMG_{i:04d}.jpg", f"photo {i}",
                          orientation=6 if i == 0 else 1, seed=i) for i in range(3)]
    return out


def main(argv: list[str]) -> int:
    keep = Path(argv[0]) if argv else None  # a folder to keep the bundles in, for diffing
    with tempfile.TemporaryDirectory() as tmp:
        files = sorted(p for p in DATA.iterdir() if p.is_file() and p.name not in SKIP)
        files += generated(Path(tmp) / "generated")
        for name, (kind, mode, profile) in CASES.items():
            lib = Library.open(Path(tmp) / name, clock=lambda: CLOCK)
            lib.set_setting("store_names", ["小美家居旗舰店客服"])
            case = lib.create_case(platform="douyin", dispute_type="signed_not_received",
                                   order_no="4921", buyer_name="王小二",
                                   buyer_phone="13912345678", statement="顺丰轨迹显示买家本人签收。")
            lib.update_case(case.id, stage="intervention",
                            intervention_at=CLOCK - timedelta(hours=20))
            for f in files:
                try:
                    lib.attach(case.id, f, kind=kind,
                               password="8888" if "encrypted" in f.name else None)
                except EvidenceKitError as e:
                    print(f"{name}: {f.name} refused: {e}", file=sys.stderr)
            out = Path(tmp) / f"{name}.pdf"
            try:
                report = _export(lib, case.id, out, mode, profile)
            except EvidenceKitError as e:
                print(f"{name}\tREFUSED\t{e}")
                continue
            finally:
                lib.close()
            for f in report.files:
                if keep:
                    shutil.copyfile(f, keep / f.name)
                print(f"{name}\t{f.name}\t{hashlib.sha256(f.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
