"""The most frequent words in buyer messages (seed 000 §2: the keywords of complaints).

Chinese has no spaces, so a segmenter cuts the text into words: ``rjieba`` (jieba's dictionary
in Rust; measured in bench/README.md against the pure-Python ``jieba``). It is imported only
when there are messages to count, so a review without chats pays nothing for it.

Stop words (的, 了, 您好…) come from ``stopwords.txt`` in the library folder when the user made
one, else from the shipped list (``assets/review/stopwords.txt``).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..assets import asset_path
from ..errors import StopwordsUnreadable

STOPWORDS_NAME = "stopwords.txt"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z'-]+$")


@dataclass(frozen=True)
class WordCount:
    word: str
    count: int  # occurrences in buyer messages
    cases: int  # cases whose buyer said it at least once
    case_ids: list[int] = field(default_factory=list)  # those cases (the app's click-through)

    def to_dict(self) -> dict:
        return {"word": self.word, "count": self.count, "cases": self.cases,
                "case_ids": list(self.case_ids)}


def default_stopwords_path() -> Path:
    return asset_path("review", "stopwords.txt")


def stopwords_path(library_root: Path) -> Path:
    """The list in force: the library's own when it exists, else the shipped one."""
    own = Path(library_root) / STOPWORDS_NAME
    return own if own.is_file() else default_stopwords_path()


def read_stopwords(path: Path) -> set[str]:
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise StopwordsUnreadable(path=path, detail=getattr(e, "strerror", None) or str(e)) from e
    return {line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")}


def ensure_own_stopwords(library_root: Path) -> Path:
    """The library's editable list, written from the shipped one if it has none yet."""
    own = Path(library_root) / STOPWORDS_NAME
    if not own.exists():
        fd, tmp = tempfile.mkstemp(prefix=".stopwords-", dir=own.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(default_stopwords_path().read_bytes())
        os.replace(tmp, own)
    return own


def cut(text: str) -> list[str]:
    import rjieba  # lazy: ~0.3 s of CPU to load its dictionary (bench/README.md)
    return rjieba.cut(text)


def is_word(token: str) -> bool:
    """A word worth counting: Chinese, or a Latin word of 2+ letters; never digits (order and
    phone numbers) or punctuation."""
    return bool(_CJK.search(token)) or bool(_LATIN_WORD.match(token))


def words_by_case(messages_by_case: Iterable[tuple[int, list[str]]], stopwords: set[str],
                  private: set[str] | None = None) -> dict[int, Counter[str]]:
    """Each case's counted words (cut once; the total and every group are ranked from these).
    ``private`` words (buyer names) are never counted: the numbers leave the library."""
    skip = set(stopwords) | (private or set())
    out: dict[int, Counter[str]] = {}
    for case_id, messages in messages_by_case:
        counts = out.setdefault(case_id, Counter())
        for text in messages:
            for token in cut(text):
                token = token.strip().lower()
                if token and token not in skip and is_word(token):
                    counts[token] += 1
    return out


def rank_words(per_case: dict[int, Counter[str]], case_ids: Iterable[int] | None = None,
               limit: int = 30) -> list[WordCount]:
    """The ``limit`` most frequent words of ``case_ids`` (all cases: None), most frequent first
    (ties: more cases, then the word), each with the cases that said it."""
    counts: Counter[str] = Counter()
    cases: dict[str, list[int]] = {}
    for cid in (per_case if case_ids is None else case_ids):
        for word, n in per_case.get(cid, {}).items():
            counts[word] += n
            cases.setdefault(word, []).append(cid)
    ranked = sorted(counts, key=lambda w: (-counts[w], -len(cases[w]), w))
    return [WordCount(w, counts[w], len(cases[w]), sorted(cases[w])) for w in ranked[:limit]]


def top_words(messages_by_case: Iterable[tuple[int, list[str]]], stopwords: set[str],
              limit: int = 30, private: set[str] | None = None) -> list[WordCount]:
    """The ``limit`` most frequent words over ``(case id, buyer messages)``."""
    return rank_words(words_by_case(messages_by_case, stopwords, private), None, limit)
