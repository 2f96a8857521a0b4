"""Find files shipped in ``assets/`` from a checkout and from an installed wheel alike."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def asset_path(*parts: str) -> Path:
    """Path of a shipped asset, e.g. ``asset_path("rules", "douyin.toml")``."""
    root = resources.files("assets")
    node = root.joinpath(*parts)
    return Path(str(node))


def font_path() -> Path:
    return asset_path("fonts", "wqy-microhei.ttc")
