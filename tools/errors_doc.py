"""Write docs/errors.md from the error classes declared in evidencekit/errors/.

    python tools/errors_doc.py           # rewrite docs/errors.md
    python tools/errors_doc.py --check   # exit 1 if the committed file is out of date

tests/core/test_errors.py runs the check, so a new or changed error class comes with its
documentation in the same commit.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from evidencekit import errors  # noqa: E402
from evidencekit.errors import EvidenceKitError, declared  # noqa: E402

OUT = REPO / "docs" / "errors.md"

HEADER = """# Errors

Every error EvidenceKit reports has a stable **code** (in `--json` output, the app's
"copy details" text and scripts), a message in Chinese and English and, where one helps, a
hint. They are declared once, in `evidencekit/errors/`; this page is generated from them by
`python tools/errors_doc.py` (a test fails when it is out of date). `{name}` marks a part
filled in at the moment of the error (a file name, a platform…).

The CLI exits **2** for all of them (refused, nothing changed; see conventions); an
unexpected failure prints one line, `internal error: …`, also with exit code 2, and
`EVIDENCEKIT_DEBUG=1` shows its traceback.
"""


# One section per module of evidencekit/errors/, in this order.
SECTIONS = ["general", "rules", "ingest", "importing", "store", "export", "lifecycle", "handover",
            "review", "team", "people"]


def _classes() -> list[type[EvidenceKitError]]:
    """Every error class but the base, by section and then in source order."""
    found = [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
             if issubclass(cls, EvidenceKitError) and cls is not EvidenceKitError]
    unplaced = [c.__name__ for c in found if c.__module__.rsplit(".", 1)[-1] not in SECTIONS]
    if unplaced:
        raise SystemExit(f"error classes outside the listed sections: {unplaced}")
    return sorted(found, key=lambda c: (SECTIONS.index(c.__module__.rsplit(".", 1)[-1]),
                                        inspect.getsourcelines(c)[1]))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") or "—"


def _doc(cls: type) -> str:
    return re.sub(r"\s+", " ", (cls.__doc__ or "").strip().split("\n\n")[0])


def render() -> str:
    by_module: dict[str, list[type[EvidenceKitError]]] = {}
    for cls in _classes():
        by_module.setdefault(cls.__module__, []).append(cls)
    out = [HEADER]
    for module, classes in by_module.items():
        mod = sys.modules[module]
        title = (mod.__doc__ or module).strip().splitlines()[0].rstrip(".")
        out.append(f"\n## {title}\n")
        out.append("| code | class | message (zh / en) | hint (zh / en) |")
        out.append("|---|---|---|---|")
        for cls in classes:
            parent = cls.__mro__[1].__name__
            if declared(cls):
                message = f"{_cell(cls.MESSAGE[0])}<br>{_cell(cls.MESSAGE[1])}"
                hint = (f"{_cell(cls.HINT[0])}<br>{_cell(cls.HINT[1])}" if any(cls.HINT) else "—")
            else:
                message = f"*(area: {_cell(_doc(cls)) if _doc(cls) else 'message given where raised'})*"
                hint = "—"
            out.append(f"| `{cls.code}` | `{cls.__name__}` ({parent}) | {message} | {hint} |")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if docs/errors.md is out of date")
    args = ap.parse_args()
    text = render()
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print("docs/errors.md is out of date: run python tools/errors_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
