"""Who is working: the staff name each desktop acts as.

The action log, submissions and decisions name the staff member, not the computer's login.
Decided here once: the name given (CLI ``--staff``, the app's Settings), else
``EVIDENCEKIT_STAFF``, else the operating-system user (a local library used by one person
needs no set-up).
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from typing import Mapping

from .errors import BadStaffName

MAX_STAFF_NAME = 40


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment and no passwd entry
        return "unknown"


def check_staff_name(name: str) -> str:
    """The name, trimmed; refused when empty, too long or holding control characters."""
    text = (name or "").strip()
    if not text or len(text) > MAX_STAFF_NAME or any(
            unicodedata.category(ch).startswith("C") for ch in text):
        raise BadStaffName(name=repr(text[:MAX_STAFF_NAME]), most=MAX_STAFF_NAME)
    return text


def staff_name(given: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The staff name to act as: ``given``, else ``EVIDENCEKIT_STAFF``, else the OS user."""
    env = os.environ if environ is None else environ
    if given is not None and given.strip():
        return check_staff_name(given)
    if env.get("EVIDENCEKIT_STAFF", "").strip():
        return check_staff_name(env["EVIDENCEKIT_STAFF"])
    return os_user()
