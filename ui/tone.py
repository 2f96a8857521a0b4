"""A gentle check for emotional wording in a statement (no Qt; pure text rules).

Seed 000 asks for calm, point-by-point appeals; seed 003 warns against arguing with the
buyer or calling a claim malicious too early. These rules only flag; they never block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ToneNote:
    code: str
    zh: str
    en: str
    span: tuple[int, int]


_RULES: list[tuple[str, re.Pattern, str, str]] = [
    ("exclamations", re.compile(r"[!！]{2,}"),
     "连续感叹号会显得情绪化，建议改为句号。", "Runs of exclamation marks read as emotional; use a full stop."),
    ("question_runs", re.compile(r"[?？]{2,}"),
     "连续问号像在质问，建议直接陈述事实。", "Repeated question marks sound like an interrogation; state the fact."),
    ("insult", re.compile(r"(骗子|无耻|垃圾|恶心|神经病|有病|脑子|不要脸|傻[逼瓜子]|白痴|奇葩|刁民|"
                          r"\bliars?\b|\bscam(mer)?s?\b|\bidiots?\b|\bstupid\b|\bdisgusting\b|\bshameless\b)",
                          re.IGNORECASE),
     "含有贬损用语，审核人员可能认为商家态度不当。",
     "Contains an insult; reviewers may hold the tone against the shop."),
    ("threat", re.compile(r"(投诉到底|曝光你|起诉你|告你|走着瞧|后果自负|等着瞧|让你好看|"
                          r"\bsue you\b|\bexpose you\b|\byou will regret\b|\bor else\b)", re.IGNORECASE),
     "含有威胁性语句，建议删除，只陈述事实和证据。", "Sounds like a threat; remove it and keep to facts and evidence."),
    ("label_malicious", re.compile(r"(恶意(索赔|投诉|退款|差评)|敲诈|勒索|\bfraud(ulent)?\b|\bextort)",
                                   re.IGNORECASE),
     "直接定性“恶意”前，先排除误会，用证据说明经过即可。",
     "Before calling a claim malicious, rule out a misunderstanding; let the evidence speak."),
    ("shouting", re.compile(r"\b[A-Z]{5,}\b"),
     "整词大写像在喊叫。", "Words in capitals read as shouting."),
]


def check_tone(text: str) -> list[ToneNote]:
    notes: list[ToneNote] = []
    seen: set[str] = set()
    for code, pattern, zh, en in _RULES:
        m = pattern.search(text or "")
        if m and code not in seen:
            seen.add(code)
            notes.append(ToneNote(code, zh, en, m.span()))
    return notes
