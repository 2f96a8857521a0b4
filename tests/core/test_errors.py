"""The error tree: every failure declared once, both languages, documented."""

from __future__ import annotations

import inspect
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from evidencekit import errors
from evidencekit.errors import EvidenceKitError, declared

REPO = Path(__file__).resolve().parents[2]
CLASSES = [c for _, c in inspect.getmembers(errors, inspect.isclass)
           if issubclass(c, EvidenceKitError) and c is not EvidenceKitError]
DECLARED = [c for c in CLASSES if declared(c)]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _parts(template: str) -> set[str]:
    """The fields, a language's own form (``platform_zh``) counted as the same part."""
    return {f.removesuffix("_zh").removesuffix("_en") for f in _fields(template)}


def test_docs_errors_md_is_up_to_date():
    r = subprocess.run([sys.executable, "tools/errors_doc.py", "--check"], cwd=REPO,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


# Codes two failures share on purpose, with the reason.
SHARED = {"password_required": "the app asks for the PDF's password whichever step found the lock"}


def test_each_code_names_one_failure():
    """A code is shared only by a subclass that inherits it (the same failure, finer)."""
    owners: dict[str, type] = {}
    for cls in CLASSES:
        if "code" in vars(cls):
            assert cls.code not in owners or cls.code in SHARED, (cls, owners.get(cls.code))
            owners[cls.code] = cls


@pytest.mark.parametrize("cls", DECLARED, ids=lambda c: c.__name__)
def test_declared_messages_exist_in_both_languages_with_the_same_parts(cls):
    zh, en = cls.MESSAGE
    assert zh and en
    assert _parts(zh) == _parts(en)
    assert _parts(cls.HINT[0]) == _parts(cls.HINT[1])
    assert bool(cls.HINT[0]) == bool(cls.HINT[1])
    params = {name: f"<{name}>" for t in (*cls.MESSAGE, *cls.HINT) for name in _fields(t)}
    if cls is errors.RuleError:
        err = cls(params["file"], params["key"], params["expected"])
    else:
        err = cls(**params)
    assert err.code == cls.code and err.exit_code == 2
    for i, lang in enumerate(("zh", "en")):
        shown = err.message(lang) + err.hint(lang)
        assert "{" not in shown
        assert all(f"<{f}>" in shown for f in _fields(cls.MESSAGE[i]) | _fields(cls.HINT[i]))
    assert err.to_dict()["message_en"] == err.message("en")


def test_a_declared_error_missing_a_part_fails_at_the_raise_site():
    with pytest.raises(KeyError):
        errors.FileMissing()  # no name= : a bug in the raise site, not a vague message


# Raise sites that still write their message (free-text form), each with its reason. The
# list only shrinks: a new failure gets a class in evidencekit/errors/.
FREE_TEXT_ALLOWED = {
    "evidencekit/export/limits.py": "the limit message is composed from the profile and the culprit",
    "evidencekit/importing/values.py": "per-cell import errors, reported in the preview",
}


def test_raise_sites_pass_parts_not_messages():
    names = "|".join(sorted(c.__name__ for c in CLASSES) + ["EvidenceKitError", "ImportListError",
                                                               "CellError"])
    call = re.compile(rf"\b({names})\(\s*(?:\"[^\"]*\",\s*)?f?\"[^\"]*[\u4e00-\u9fff]")
    offenders = []
    for path in sorted([*REPO.glob("evidencekit/**/*.py"), *REPO.glob("ui/**/*.py")]):
        rel = path.relative_to(REPO).as_posix()
        if rel.startswith("evidencekit/errors/") or rel in FREE_TEXT_ALLOWED:
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{rel}:{text[:m.start()].count(chr(10)) + 1}" for m in call.finditer(text)]
    assert not offenders, offenders
