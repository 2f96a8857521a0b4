"""Submission profiles: page, photo and size rules for one destination (data in TOML).

Built-in profiles live in ``assets/profiles``; users add their own in
``<library>/profiles``. Every file is validated at load; a bad key raises
:class:`RuleError` naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RuleError, UnknownProfile

SCHEMA_VERSION = 1
DEFAULT_PROFILE = "douyin"


@dataclass(frozen=True)
class Profile:
    name: str
    title_zh: str
    title_en: str
    # photos
    dpi: int = 150
    jpeg_quality: int = 80
    per_page: int = 2
    reencode: bool = True
    grayscale: bool = False
    # limits (0 = none)
    max_total_bytes: int = 0
    max_file_bytes: int = 0
    max_pages_per_file: int = 0
    max_files: int = 1
    max_dpi: int = 0
    max_pixels: int = 0
    require_grayscale: bool = False
    no_blank_pages: bool = False
    max_name_chars: int = 0  # file name length with ".pdf" (Mastercom: 16)
    ascii_names: bool = False  # file names in ASCII only (Mastercom)
    # embedding
    embed_originals: bool = False
    # fitting
    min_dpi: int = 100
    quality_ladder: tuple[int, ...] = (80, 70, 60)
    allow_grayscale: bool = False
    max_per_page: int = 4
    source: str = ""

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en

    @property
    def has_limits(self) -> bool:
        return bool(self.max_total_bytes or self.max_file_bytes or self.max_pages_per_file)

    def with_(self, **changes: Any) -> "Profile":
        return replace(self, **changes)


# (section, key) -> (attribute, type, check, expected text)
_FIELDS: list[tuple[str, str, str, type, Any, str]] = [
    ("photos", "dpi", "dpi", int, lambda v: 36 <= v <= 1200, "an integer 36–1200"),
    ("photos", "jpeg_quality", "jpeg_quality", int, lambda v: 10 <= v <= 100, "an integer 10–100"),
    ("photos", "per_page", "per_page", int, lambda v: v in (1, 2, 4), "1, 2 or 4"),
    ("photos", "reencode", "reencode", bool, None, "true or false"),
    ("photos", "grayscale", "grayscale", bool, None, "true or false"),
    ("limits", "max_total_bytes", "max_total_bytes", int, lambda v: v >= 0, "an integer >= 0"),
    ("limits", "max_file_bytes", "max_file_bytes", int, lambda v: v >= 0, "an integer >= 0"),
    ("limits", "max_pages_per_file", "max_pages_per_file", int,
     lambda v: v == 0 or v >= 4, "0 or an integer >= 4"),
    ("limits", "max_files", "max_files", int, lambda v: v >= 1, "an integer >= 1"),
    ("limits", "max_dpi", "max_dpi", int, lambda v: v >= 0, "an integer >= 0"),
    ("limits", "max_pixels", "max_pixels", int, lambda v: v >= 0, "an integer >= 0"),
    ("limits", "grayscale", "require_grayscale", bool, None, "true or false"),
    ("limits", "no_blank_pages", "no_blank_pages", bool, None, "true or false"),
    ("limits", "max_name_chars", "max_name_chars", int, lambda v: v == 0 or v >= 8,
     "0 or an integer >= 8"),
    ("limits", "ascii_names", "ascii_names", bool, None, "true or false"),
    ("embed", "originals", "embed_originals", bool, None, "true or false"),
    ("fit", "min_dpi", "min_dpi", int, lambda v: 36 <= v <= 1200, "an integer 36–1200"),
    ("fit", "allow_grayscale", "allow_grayscale", bool, None, "true or false"),
    ("fit", "max_per_page", "max_per_page", int, lambda v: v in (1, 2, 4), "1, 2 or 4"),
]


def parse_profile(data: dict, file: str) -> Profile:
    """Validate one profile's TOML table; errors name ``file`` and the key."""
    if data.get("schema_version") != SCHEMA_VERSION:
        raise RuleError(file, "schema_version", str(SCHEMA_VERSION))
    kw: dict[str, Any] = {}
    for key in ("name", "title_zh", "title_en"):
        v = data.get(key)
        if not isinstance(v, str) or not v.strip():
            raise RuleError(file, key, "a non-empty string")
        kw[key] = v.strip()
    for section in ("photos", "limits", "embed", "fit"):
        if section in data and not isinstance(data[section], dict):
            raise RuleError(file, section, "a table")
    for section, key, attr, typ, check, expected in _FIELDS:
        table = data.get(section, {})
        if key not in table:
            continue
        v = table[key]
        # bool is a subclass of int: reject it for integer keys.
        if typ is int and (isinstance(v, bool) or not isinstance(v, int)):
            raise RuleError(file, f"{section}.{key}", expected)
        if typ is bool and not isinstance(v, bool):
            raise RuleError(file, f"{section}.{key}", expected)
        if check is not None and not check(v):
            raise RuleError(file, f"{section}.{key}", expected)
        kw[attr] = v
    ladder = data.get("fit", {}).get("quality_ladder")
    if ladder is not None:
        if (not isinstance(ladder, list) or not ladder
                or not all(isinstance(q, int) and not isinstance(q, bool) and 10 <= q <= 100
                           for q in ladder)):
            raise RuleError(file, "fit.quality_ladder", "a non-empty list of integers 10–100")
        kw["quality_ladder"] = tuple(ladder)
    known = {"schema_version", "name", "title_zh", "title_en", "photos", "limits", "embed", "fit"}
    for key in data:
        if key not in known:
            raise RuleError(file, key, "one of " + ", ".join(sorted(known)))
    kw["source"] = file
    return Profile(**kw)


def _load_file(path: Path | Any, label: str) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise RuleError(label, "(syntax)", f"valid TOML ({e})") from e
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(label, "(file)", f"a readable UTF-8 file ({e})") from e
    return parse_profile(data, label)


def load_profiles(extra_dir: Path | None = None) -> dict[str, Profile]:
    """Built-in profiles plus the user's (which may override a built-in by name)."""
    profiles: dict[str, Profile] = {}
    builtin = resources.files("assets") / "profiles"
    for entry in sorted(builtin.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            p = _load_file(entry, f"assets/profiles/{entry.name}")
            profiles[p.name] = p
    if extra_dir is not None and Path(extra_dir).is_dir():
        for path in sorted(Path(extra_dir).glob("*.toml")):
            p = _load_file(path, str(path))
            profiles[p.name] = p
    return profiles


def resolve_profile(profile: "Profile | str", extra_dir: Path | None = None) -> Profile:
    if isinstance(profile, Profile):
        return profile
    profiles = load_profiles(extra_dir)
    if profile not in profiles:
        names = ", ".join(sorted(profiles))
        raise UnknownProfile(profile=profile, names=names)
    return profiles[profile]
