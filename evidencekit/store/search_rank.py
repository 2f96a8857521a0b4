"""Ranking and snippets of search hits: pure Python over the candidate units that
``search_index.py`` (all the SQL) fetched.

The order, best first (README: Search):

1. units that hold *every* word of the query (one message, page or field says it all);
2. then, when the words are spread over several units of one case (the chat says 驿站, the
   notes say 退款), the units of those cases holding *some* of the words, more words first;
3. within each group, a BM25 score over the unit's text: each word's occurrences, saturated
   (k1 = 1.2) and weighed against the unit's length (b = 0.75, against the candidates' mean
   length), times the word's rarity among the candidates (idf), summed over the words; then
   the newest first.

FTS5's own ``bm25()`` ranks only the trigram index and costs 270–450 ms over a common word's
117,000 matches (bench/README.md), and the gram side index names blocks, not units: so the
index hands over at most ``search_index.CANDIDATES`` units (the newest) and they are ranked here.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

K1, B = 1.2, 0.75
MARK_OPEN, MARK_CLOSE = "«", "»"
SNIPPET_CHARS = 60


def score(body: str, words: Sequence[str], mean_len: float,
          weights: Sequence[float] | None = None) -> tuple[int, float]:
    """(how many of ``words`` the text holds, its BM25 score) — ASCII case folded, as the index."""
    low = body.lower()
    norm = K1 * (1 - B + B * len(body) / max(1.0, mean_len))
    held, total = 0, 0.0
    for i, w in enumerate(words):
        tf = low.count(w.lower())
        if tf:
            held += 1
            total += (weights[i] if weights else 1.0) * tf * (K1 + 1) / (tf + norm)
    return held, total


def rank(rows: list[Any], words: Sequence[str]) -> list[Any]:
    """``rows`` (with ``id`` and ``body``) best first: more words held, higher score, newer.
    A word's weight is BM25's idf among the candidates (the rarer word counts more)."""
    if not rows:
        return []
    n = len(rows)
    mean_len = sum(len(r["body"]) for r in rows) / n
    lows = [r["body"].lower() for r in rows]
    weights = []
    for w in words:
        df = sum(1 for low in lows if w.lower() in low)
        weights.append(math.log(1 + (n - df + 0.5) / (df + 0.5)))
    keyed = [(score(r["body"], words, mean_len, weights), r) for r in rows]
    keyed.sort(key=lambda kr: (-kr[0][0], -kr[0][1], -kr[1]["id"]))
    return [r for _k, r in keyed]


def snippet(body: str, words: Sequence[str], width: int = SNIPPET_CHARS) -> tuple[str, list[list[int]]]:
    """A window of ``body`` around the first word found, every word marked «like this»;
    ``marks`` are the marked spans' offsets in the returned text (marks included)."""
    text = " ".join(body.split())
    found = spans(text, words)
    first = found[0][0] if found else 0
    lo = max(0, first - width // 3)
    hi = min(len(text), lo + width)
    lo = max(0, min(lo, hi - width))
    parts, marks, at = ["…" if lo > 0 else ""], [], lo
    out_len = len(parts[0])
    for s, e in found:
        if s < lo or e > hi:
            continue
        parts.append(text[at:s])
        out_len += s - at
        marked = MARK_OPEN + text[s:e] + MARK_CLOSE
        marks.append([out_len, out_len + len(marked)])
        parts.append(marked)
        out_len += len(marked)
        at = e
    parts.append(text[at:hi])
    parts.append("…" if hi < len(text) else "")
    return "".join(parts), marks


def pieces(text: str, marks: list[list[int]]) -> list[tuple[str, bool]]:
    """A marked snippet as (text, is a found word) pieces without the « » marks — for views
    that show the words highlighted instead (the app)."""
    out: list[tuple[str, bool]] = []
    at = 0
    for s, e in marks:
        if s > at:
            out.append((text[at:s], False))
        out.append((text[s + len(MARK_OPEN):e - len(MARK_CLOSE)], True))
        at = e
    if at < len(text):
        out.append((text[at:], False))
    return out


def spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where ``words`` occur in ``text`` (ASCII case folded), merged: [start, end) pairs —
    for a preview that highlights them in the whole text."""
    low = text.lower()
    found: list[tuple[int, int]] = []
    for w in words:
        w = w.lower()
        start = low.find(w) if w else -1
        while start >= 0:
            found.append((start, start + len(w)))
            start = low.find(w, start + len(w))
    return _merge(sorted(found))


def _merge(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
