"""Submission profiles: page, photo and size rules for one destination (data in TOML).

Built-in profiles live in ``assets/profiles``; users add their own in
``<library>/profiles``. Every file is validated at load; a bad key raises
:class:`RuleError` naming the file and the key (``tomlcheck``, shared with the rule files).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UnknownProfile
from ..tomlcheck import TableReader, read_toml

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


# The keys of each section: (key, Profile attribute, check, expected text); check None: a flag.
_INT_0 = (lambda v: v >= 0, "an integer ≥ 0")
_SECTIONS: dict[str, list[tuple[str, str, Any, str]]] = {
    "photos": [("dpi", "dpi", lambda v: 36 <= v <= 1200, "an integer 36–1200"),
               ("jpeg_quality", "jpeg_quality", lambda v: 10 <= v <= 100, "an integer 10–100"),
               ("per_page", "per_page", lambda v: v in (1, 2, 4), "1, 2 or 4"),
               ("reencode", "reencode", None, ""), ("grayscale", "grayscale", None, "")],
    "limits": [("max_total_bytes", "max_total_bytes", *_INT_0),
               ("max_file_bytes", "max_file_bytes", *_INT_0),
               ("max_pages_per_file", "max_pages_per_file", lambda v: v == 0 or v >= 4,
                "0 or an integer ≥ 4"),
               ("max_files", "max_files", lambda v: v >= 1, "an integer ≥ 1"),
               ("max_dpi", "max_dpi", *_INT_0), ("max_pixels", "max_pixels", *_INT_0),
               ("grayscale", "require_grayscale", None, ""),
               ("no_blank_pages", "no_blank_pages", None, ""),
               ("max_name_chars", "max_name_chars", lambda v: v == 0 or v >= 8, "0 or an integer ≥ 8"),
               ("ascii_names", "ascii_names", None, "")],
    "embed": [("originals", "embed_originals", None, "")],
    "fit": [("min_dpi", "min_dpi", lambda v: 36 <= v <= 1200, "an integer 36–1200"),
            ("allow_grayscale", "allow_grayscale", None, ""),
            ("max_per_page", "max_per_page", lambda v: v in (1, 2, 4), "1, 2 or 4")],
}


def parse_profile(data: dict, file: str) -> Profile:
    """Validate one profile's TOML table; errors name ``file`` and the key."""
    r = TableReader(file, data)
    r.only({"schema_version", "name", "title_zh", "title_en", *_SECTIONS})
    r.integer("schema_version", check=lambda v: v == SCHEMA_VERSION, expected=f"the number {SCHEMA_VERSION}")
    kw: dict[str, Any] = {key: r.text(key).strip() for key in ("name", "title_zh", "title_en")}
    for section, keys in _SECTIONS.items():
        t = r.table(section, {})
        t.only({k for k, *_ in keys} | ({"quality_ladder"} if section == "fit" else set()))
        for key, attr, check, expected in keys:
            if key in t.data:
                kw[attr] = t.flag(key) if check is None else t.integer(key, check=check, expected=expected)
    fit = r.table("fit", {})
    if "quality_ladder" in fit.data:
        ladder = fit.get("quality_ladder", list, "a non-empty list of integers 10–100")
        if not ladder or not all(isinstance(q, int) and not isinstance(q, bool) and 10 <= q <= 100
                                 for q in ladder):
            fit.fail("quality_ladder", "a non-empty list of integers 10–100")
        kw["quality_ladder"] = tuple(ladder)
    kw["source"] = file
    return Profile(**kw)


def _load_file(path: Path | Any, label: str) -> Profile:
    return parse_profile(read_toml(path, label), label)


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
