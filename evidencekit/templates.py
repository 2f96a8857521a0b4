"""Statement templates (话术库) from ``assets/templates``: calm, factual wording per dispute type.

A template's text holds two kinds of gaps:

* fields in braces, filled from the case: ``{order_no}``… and, per evidence kind,
  ``{chat_log}`` → the real exhibit numbers of that kind (``E1、E4``);
* blanks in 【…】 (``【签收时间】``) that only the merchant can fill. A blank left in the
  statement blocks a platform export (:func:`blanks`), and the editor highlights it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable

from .domain import KINDS
from .tomlcheck import TableReader, read_toml

# A template blank: 【…】 on one line. Courier traces also use 【】 (【杭州市】), so a
# statement quoting one is not a blank: see :func:`blanks`.
BLANK = re.compile(r"【([^【】\n]{1,40})】")
CASE_FIELDS = ("order_no", "after_sale_no", "buyer_name", "product", "amount", "judgment_ref",
               "case_no")


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

    def text(self, lang: str, case, exhibits: Iterable = ()) -> str:
        raw = self.text_zh if lang == "zh" else self.text_en
        return fill(raw, case, exhibits, lang)


class _Values(dict):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def __missing__(self, key):
        # An unknown value becomes a blank the merchant must fill: it blocks a platform export.
        if key == "new":
            return "【新证据编号】" if self.lang == "zh" else "【new exhibit number】"
        if key in KINDS:
            zh, en = KINDS[key]
            return f"【{zh}】" if self.lang == "zh" else f"【{en}】"
        return f"【{key}】"


def exhibit_numbers(exhibits: Iterable, kind: str) -> str:
    """The numbers of the case's exhibits of ``kind``, in bundle order: ``E1、E4``."""
    ordered = sorted((e for e in exhibits if getattr(e, "removed_at", None) is None),
                     key=lambda e: (e.position, e.id))
    return "、".join(f"E{n}" for n, e in enumerate(ordered, start=1) if e.kind == kind)


def _number_of(exhibits: list, exhibit) -> str:
    ordered = sorted((e for e in exhibits if getattr(e, "removed_at", None) is None),
                     key=lambda e: (e.position, e.id))
    return f"E{ordered.index(exhibit) + 1}"


def fill(text: str, case, exhibits: Iterable = (), lang: str = "zh") -> str:
    """Fill case fields and ``{kind}`` exhibit numbers; what is unknown becomes 【…】."""
    values = _Values(lang)
    exhibits = list(exhibits)
    if case is not None:
        for name in CASE_FIELDS:
            v = getattr(case, name, "")
            if v:
                values[name] = v
    new = [e for e in exhibits if getattr(e, "is_new", False)]
    if new:
        values["new"] = "、".join(_number_of(exhibits, e) for e in new)
    for kind in KINDS:
        numbers = exhibit_numbers(exhibits, kind)
        if numbers:
            values[kind] = numbers if lang == "zh" else numbers.replace("、", ", ")
    return text.format_map(values)


def templates_dir() -> Path:
    return Path(str(resources.files("assets").joinpath("templates")))


def load_templates(directory: Path | None = None) -> list[StatementTemplate]:
    """Every template of the folder's ``*.toml`` files, read by the one validator
    (:mod:`evidencekit.tomlcheck`): a bad file is a RuleError naming the file and the key."""
    out = []
    for path in sorted((directory or templates_dir()).glob("*.toml")):
        top = TableReader(path.name, read_toml(path, path.name))
        top.only(("schema_version", "templates"))
        top.integer("schema_version", check=lambda v: v == 1, expected="1")
        for t in top.tables("templates"):
            t.only(("id", "dispute_types", "mode", "title_zh", "title_en", "text_zh", "text_en",
                    "points"))
            types = t.get("dispute_types", list, "an array of dispute type ids", [])
            if not all(isinstance(x, str) for x in types):
                t.fail("dispute_types", "an array of dispute type ids")
            points = []
            for p in t.tables("points"):
                p.only(("basis_zh", "basis_en", "fact_zh", "fact_en"))
                points.append(TemplatePoint(p.text("basis_zh"), p.text("basis_en"),
                                            p.text("fact_zh"), p.text("fact_en")))
            out.append(StatementTemplate(
                id=t.text("id"), dispute_types=tuple(types),
                mode=t.one_of("mode", ("arbitration", "appeal", "any"), "any"),
                title_zh=t.text("title_zh"), title_en=t.text("title_en"),
                text_zh=t.text("text_zh").strip(), text_en=t.text("text_en").strip(),
                points=tuple(points)))
    return out


def templates_for(templates: list[StatementTemplate], dispute_type: str,
                  mode: str) -> list[StatementTemplate]:
    chosen = [t for t in templates
              if (not t.dispute_types or dispute_type in t.dispute_types)
              and t.mode in ("any", mode)]
    # Specific templates first, general ones after.
    return sorted(chosen, key=lambda t: (not t.dispute_types, t.id))


# Courier traces and chat quote places in 【】: 【杭州市】, 【长沙岳麓营业点】, 【丰巢快递柜】.
_PLACE_ENDS = ("省", "市", "区", "县", "镇", "乡", "村", "路", "街", "点", "站", "柜", "中心", "部",
               "公司", "网点", "仓", "驿站", "营业厅", "分拨")


def blanks(text: str) -> list[str]:
    """Template blanks still in ``text``: every 【…】 except a quoted place name (traces
    write 【杭州市】) — so a blank the merchant typed (【签收时间】) counts too."""
    out = []
    for m in BLANK.finditer(text or ""):
        name = m.group(1).strip()
        if name and not name.endswith(_PLACE_ENDS):
            out.append(m.group(0))
    return out
