#!/usr/bin/env bash
# Set up and run every test, from a clean checkout. Used by README and by .ci/run.
# - system tools the tests call (pdftotext/pdffonts/pdftoppm, qpdf) and Qt's runtime
#   libraries are installed with apt-get when missing and we can (root or sudo);
# - Python packages go into ./.venv.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(poppler-utils qpdf xvfb libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6
  libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0)
missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  # Not fatal: if apt cannot run, the tests that need a tool say which one is missing.
  { $SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
    echo "warning: could not install ${missing[*]}" >&2
fi

# A team library's tests run on a real PostgreSQL (issue 13): tests/pg_cluster.py starts a
# throw-away cluster with Debian's server programs. Missing and not installable: the run fails
# here, loudly — a skipped engine is a failed run.
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; }
if [ -z "${EVIDENCEKIT_TEST_PG:-}" ] && ! have_pg; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing PostgreSQL (Debian's postgresql package) for the team-library tests"
  { $SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null; } || true
  have_pg || { echo "error: PostgreSQL's server programs (initdb, pg_ctl) are missing and could not be installed; the team-library tests cannot run" >&2; exit 1; }
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip setuptools wheel
.venv/bin/python -m pip install -q -e ".[test]"
# The house checks itself first: lint, types of the core, import contracts (pyproject.toml).
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/lint-imports
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
