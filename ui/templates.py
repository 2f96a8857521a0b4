"""Statement templates (话术库) from ``assets/templates``: calm, factual wording per dispute type."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class TemplatePoint:
    basis_zh: str
    basis_en: str
    fact_zh: str
    fact_en: str


@dataclass(frozen=True)
class StatementTemplate:
    id: str
    dispute_types: tuple[str, ...]  # empty: any type
    mode: str                       # arbitration | appeal | any
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str
    points: tuple[TemplatePoint, ...] = field(default_factory=tuple)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def text(self, lang: str, case) -> str:
        raw = self.text_zh if lang == "zh" else self.text_en
        return fill(raw, case)


class _Blank(dict):
    def __missing__(self, key):
        return "____"


def fill(text: str, case) -> str:
    values = _Blank()
    if case is not None:
        for name in ("order_no", "after_sale_no", "buyer_name", "product", "amount", "judgment_ref",
                     "case_no"):
            v = getattr(case, name, "")
            if v:
                values[name] = v
    return text.format_map(values)


def templates_dir() -> Path:
    return Path(str(resources.files("assets").joinpath("templates")))


def load_templates(directory: Path | None = None) -> list[StatementTemplate]:
    out = []
    for path in sorted((directory or templates_dir()).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("schema_version") != 1:
            raise ValueError(f"{path.name}: schema_version must be 1")
        for i, t in enumerate(data.get("templates", [])):
            try:
                out.append(StatementTemplate(
                    id=t["id"], dispute_types=tuple(t.get("dispute_types", [])),
                    mode=t.get("mode", "any"), title_zh=t["title_zh"], title_en=t["title_en"],
                    text_zh=t["text_zh"].strip(), text_en=t["text_en"].strip(),
                    points=tuple(TemplatePoint(p["basis_zh"], p["basis_en"], p["fact_zh"],
                                               p["fact_en"]) for p in t.get("points", []))))
            except KeyError as e:
                raise ValueError(f"{path.name}: templates[{i}] lacks key {e}") from None
    return out


def templates_for(templates: list[StatementTemplate], dispute_type: str,
                  mode: str) -> list[StatementTemplate]:
    chosen = [t for t in templates
              if (not t.dispute_types or dispute_type in t.dispute_types)
              and t.mode in ("any", mode)]
    # Specific templates first, general ones after.
    return sorted(chosen, key=lambda t: (not t.dispute_types, t.id))
