"""``python -m ui`` launches the desktop app."""

from ui.app import main

raise SystemExit(main())
