"""The one validator of the TOML files users may edit: rules, profiles, statement templates.

Every problem is a :class:`~evidencekit.errors.RuleError` naming the file, the full key
(``clocks[0].hours``, ``photos.dpi``) and what the key must be, in one style: "a number ≥ 0",
"an integer 36–1200", "true or false", "one of a, b". Rule files (``rules.py``), profiles
(``export/profiles.py``) and templates (``templates.py``) describe their keys with this module;
none has a checker of its own.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import RuleError

MISSING: Any = ...  # no default: the key is required


def read_toml(path: Path | Any, label: str | None = None) -> dict:
    """The data of a TOML file (``path``: a Path or an importlib resource); ``label`` names it
    in errors (default: the path)."""
    name = str(path) if label is None else label
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise RuleError(name, "(file)", "UTF-8 text") from None
    except OSError as e:
        raise RuleError(name, "(file)", f"a readable file ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise RuleError(name, "(syntax)", f"valid TOML ({e})") from None


class TableReader:
    """Typed access to one TOML table; every error names the file and the full key."""

    def __init__(self, file: str, data: dict, prefix: str = ""):
        self.file, self.data, self.prefix = file, data, prefix

    def key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, expected: str):
        raise RuleError(self.file, self.key(key), expected)

    def get(self, key: str, typ: type | tuple, expected: str, default: Any = MISSING):
        if key not in self.data:
            if default is MISSING:
                self.fail(key, expected + "（缺失 / missing）")
            return default
        v = self.data[key]
        # bool is a subclass of int: true is not a number
        if isinstance(v, bool) and bool not in (typ if isinstance(typ, tuple) else (typ,)):
            self.fail(key, expected)
        if not isinstance(v, typ):
            self.fail(key, expected)
        return v

    def text(self, key: str, default: Any = MISSING) -> str:
        v = self.get(key, str, "a non-empty string", default)
        if isinstance(v, str) and not v.strip() and default is MISSING:
            self.fail(key, "a non-empty string")
        return v

    def flag(self, key: str, default: Any = MISSING) -> bool:
        return self.get(key, bool, "true or false", default)

    def number(self, key: str, default: Any = MISSING, minimum: float = 0) -> float:
        v = self.get(key, (int, float), f"a number ≥ {minimum:g}", default)
        if v is not None and v < minimum:
            self.fail(key, f"a number ≥ {minimum:g}")
        return v

    def integer(self, key: str, default: Any = MISSING, *, check: Callable[[int], bool] | None = None,
                expected: str = "an integer") -> int:
        """A whole number; ``check`` limits it and ``expected`` says how ("an integer 10–100")."""
        if key not in self.data and default is not MISSING:
            return default
        v = self.get(key, int, expected)
        if check is not None and not check(v):
            self.fail(key, expected)
        return v

    def one_of(self, key: str, choices: Iterable[str], default: Any = MISSING) -> str:
        if key not in self.data and default is not MISSING:
            return default
        choices = tuple(choices)
        v = self.text(key)
        if v not in choices:
            self.fail(key, "one of " + ", ".join(choices))
        return v

    def table(self, key: str, default: Any = MISSING) -> "TableReader":
        v = self.get(key, dict, "a table", default)
        return TableReader(self.file, v or {}, f"{self.key(key)}.")

    def tables(self, key: str) -> list["TableReader"]:
        v = self.get(key, list, "an array of tables", [])
        out = []
        for i, item in enumerate(v):
            if not isinstance(item, dict):
                raise RuleError(self.file, f"{self.key(key)}[{i}]", "a table")
            out.append(TableReader(self.file, item, f"{self.key(key)}[{i}]."))
        return out

    def only(self, known: Iterable[str]) -> None:
        """Refuse keys this table does not define (a typo would otherwise be ignored)."""
        known = set(known)
        for key in self.data:
            if key not in known:
                self.fail(key, "one of " + ", ".join(sorted(known)))
