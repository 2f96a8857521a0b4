"""Write the app's icon, ``assets/icons/evidencekit.png`` (256 px), from ``ui.app.draw_icon``.

    python tools/make_icon.py

The app loads the file at start instead of drawing the icon (bench/README.md, "Startup").
Uses the bundled CJK font, so the picture does not depend on the machine's fonts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    import ui  # noqa: F401 - refcount guard
    from ui.app import ICON, draw_icon, make_application
    make_application(["make_icon"])  # registers the bundled font
    out = ROOT / "assets" / Path(*ICON)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not draw_icon(256).save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
