"""The search index: every text of the library, searchable with Chinese one- and two-character
queries too (SQLite FTS5).

What is indexed is a *unit*: one case field, one log entry, one caption or file name, one chat
message, one trace event, one PDF page (``search_units``: case, exhibit, source, location, text).
Two FTS5 tables answer queries:

- ``search_tri`` (trigram, external content over ``search_units``) for words of three
  characters and more. A trigram index silently finds *nothing* for shorter words
  (``shared/notes.md``), so:
- ``search_grams`` is the side path for one- and two-character words: every single character
  and every pair of neighbouring characters of a *block* (up to ``BLOCK`` consecutive units of
  one case), contentless, ``detail=none``. It names the blocks that hold the gram; the units of
  those blocks are then checked with ``instr``. Blocks instead of units keep the side index small
  and quick to fill (bench/README.md has the numbers against a per-unit gram index and a plain
  scan).

Triggers (schema migration 6) put every new or changed case, exhibit and log entry in
``search_dirty``; :func:`catch_up` reads them and writes their units. The migration puts the
whole existing library there, so the first catch-up is the backfill (with progress). Attach runs
a catch-up right after it writes the exhibit, so the cost is paid there, not at the first search.

The SQL here is SQLite's (FTS5) and runs on PostgreSQL too (a team library, issue 13: Alembic
revision 0006 gives it ``instr``), except where the two differ, marked ``_pg(conn)``: there a
pg_trgm GIN index over ``search_units.body`` answers words of three characters and more
(trigrams: the same floor as FTS5's), and ``search_blocks.grams`` (a text array with a GIN
index) holds each block's grams in place of the contentless FTS5 table. Both engines return
the same hits in the same order (tests/core/test_search.py runs on both).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any, Iterable

from ..progress import CancelLike, ProgressFn, check_cancel, no_progress
from . import search_rank

# ``lib`` below is a :class:`~evidencekit.store.library.Library` (not imported: the library
# imports this module). ``lib.conn`` is its raw SQLite connection (``engine.RawSQLite``).
Library = Any

BLOCK = 32  # units per gram block (bench/README.md: search)
SHORT = 3  # words shorter than this (in characters) go to the gram side index
MAX_PDF_PAGES = 2000  # a bigger document is indexed up to here (its pages beyond are not searchable)
CASE_FIELDS = ("case_no", "order_no", "after_sale_no", "buyer_name", "buyer_phone", "product",
               "store_name", "judgment_ref", "judgment_text", "statement", "notes")
SOURCES = ("case", "log", "worklog", "caption", "name", "message", "event", "carrier", "page")

# The tables and triggers of Alembic revision 0006 (frozen there). Plain SQL: FTS5 is SQLite's.
SCHEMA = """
CREATE TABLE search_units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    exhibit_id INTEGER,
    source TEXT NOT NULL,
    loc INTEGER NOT NULL DEFAULT 0,
    field TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL
);
CREATE INDEX search_units_case ON search_units(case_id, source);
CREATE INDEX search_units_exhibit ON search_units(exhibit_id);
CREATE TABLE search_blocks (
    first_unit INTEGER PRIMARY KEY,
    last_unit INTEGER NOT NULL
);
CREATE VIRTUAL TABLE search_tri USING fts5(
    body, content='search_units', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', detail=none, tokenize='ascii');
CREATE TRIGGER search_units_ad AFTER DELETE ON search_units BEGIN
    INSERT INTO search_tri(search_tri, rowid, body) VALUES ('delete', old.id, old.body); END;
CREATE TABLE search_dirty (kind TEXT NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (kind, ref))
    WITHOUT ROWID;
CREATE TRIGGER search_case_ai AFTER INSERT ON cases BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('case', new.id); END;
CREATE TRIGGER search_case_au AFTER UPDATE ON cases BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('case', new.id); END;
CREATE TRIGGER search_exhibit_ai AFTER INSERT ON exhibits BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('exhibit', new.id); END;
CREATE TRIGGER search_exhibit_au AFTER UPDATE OF caption, kind, source_name ON exhibits BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('exhibit', new.id); END;
CREATE TRIGGER search_log_ai AFTER INSERT ON log BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('log', new.id); END;
INSERT OR IGNORE INTO search_dirty SELECT 'case', id FROM cases;
INSERT OR IGNORE INTO search_dirty SELECT 'exhibit', id FROM exhibits;
INSERT OR IGNORE INTO search_dirty SELECT 'log', id FROM log
"""

# Alembic revision 0007 (frozen there): the merchant's work-order log (售后工单, table worklog) is searched too; a
# change to any entry queues the case's whole work-order log (an entry can be edited or removed).
WORKLOG_SCHEMA = """
CREATE TRIGGER search_worklog_ai AFTER INSERT ON worklog BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('worklog', new.case_id); END;
CREATE TRIGGER search_worklog_au AFTER UPDATE ON worklog BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('worklog', new.case_id); END;
CREATE TRIGGER search_worklog_ad AFTER DELETE ON worklog BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('worklog', old.case_id); END;
INSERT OR IGNORE INTO search_dirty SELECT DISTINCT 'worklog', case_id FROM worklog
"""


# ---- grams -------------------------------------------------------------------------------------
_PAIRS = re.compile(r"(?=(\S\S))")


def gram_set(texts: Iterable[str]) -> set[str]:
    """The distinct single characters and neighbouring pairs of ``texts``, lower case."""
    text = "\n".join(texts).lower()
    found = set(text) | set(_PAIRS.findall(text))
    return {g for g in found if not g.isspace()}


def grams(texts: Iterable[str]) -> str:
    """:func:`gram_set` space-separated, for FTS5 (the ``ascii`` tokenizer splits on spaces and
    ASCII punctuation and folds ASCII case)."""
    return " ".join(gram_set(texts))


def _pg(conn: Any) -> bool:
    return conn.dialect == "postgresql"


# ---- writing -----------------------------------------------------------------------------------
@dataclass
class Unit:
    source: str
    body: str
    loc: int = 0
    field: str = ""


def _insert(conn: Any, case_id: int, exhibit_id: int | None,
            units: list[Unit]) -> None:
    """Write units, their trigram rows and their gram blocks (blocks never span two calls, so
    never two cases). Bulk statements: a 50 MB chat is 500,000 units."""
    units = [u for u in units if u.body and u.body.strip()]
    if not units:
        return
    if _pg(conn):
        _insert_pg(conn, case_id, exhibit_id, units)
        return
    conn.executemany("INSERT INTO search_units(case_id, exhibit_id, source, loc, field, body)"
                     " VALUES (?,?,?,?,?,?)",
                     [(case_id, exhibit_id, u.source, u.loc, u.field, _clean(u.body)) for u in units])
    # AUTOINCREMENT under the write lock: the new ids are the last len(units) ones, in order
    last = conn.execute("SELECT seq FROM sqlite_sequence WHERE name='search_units'").fetchone()[0]
    first = last - len(units) + 1
    conn.execute("INSERT INTO search_tri(rowid, body) SELECT id, body FROM search_units "
                 "WHERE id BETWEEN ? AND ?", (first, last))
    starts = range(0, len(units), BLOCK)
    conn.executemany("INSERT INTO search_blocks(first_unit, last_unit) VALUES (?,?)",
                     [(first + s, first + min(s + BLOCK, len(units)) - 1) for s in starts])
    conn.executemany("INSERT INTO search_grams(rowid, grams) VALUES (?,?)",
                     [(first + s, grams(u.body for u in units[s:s + BLOCK])) for s in starts])


def _insert_pg(conn: Any, case_id: int, exhibit_id: int | None, units: list[Unit]) -> None:
    # Writers hold the write lock (postgres.WRITE_LOCK_KEY): the ids drawn here are consecutive,
    # as SQLite's AUTOINCREMENT ones are, so a block is still a range of ids.
    ids = [r[0] for r in conn.execute(
        "SELECT nextval('search_units_id_seq') FROM generate_series(1, ?)", (len(units),))]
    conn.copy("search_units (id, case_id, exhibit_id, source, loc, field, body)",
              ((i, case_id, exhibit_id, u.source, u.loc, u.field, _clean(u.body).replace("\x00", ""))
               for i, u in zip(ids, units, strict=True)))
    starts = range(0, len(units), BLOCK)
    conn.copy("search_blocks (first_unit, last_unit, grams)",
              ((ids[s], ids[min(s + BLOCK, len(units)) - 1],
                sorted(g for g in gram_set(u.body for u in units[s:s + BLOCK]) if "\x00" not in g))
               for s in starts))


def _clean(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates from broken files


def _delete(conn: Any, where: str, args: tuple) -> None:
    # The gram rows of dropped blocks stay (a contentless table cannot forget a row without its
    # text); they name a block that no longer exists and are ignored by the join in search.
    conn.execute(f"DELETE FROM search_blocks WHERE first_unit IN (SELECT id FROM search_units "
                 f"WHERE {where})", args)
    conn.execute(f"DELETE FROM search_units WHERE {where}", args)


def _index_case(conn: Any, case_id: int) -> None:
    _delete(conn, "case_id=? AND source='case'", (case_id,))
    row = conn.execute("SELECT * FROM cases WHERE id=?", (case_id,)).fetchone()
    if row is None:
        return
    _insert(conn, case_id, None, [Unit("case", str(row[f] or ""), field=f) for f in CASE_FIELDS])


def _index_worklog(conn: Any, case_id: int) -> None:
    _delete(conn, "case_id=? AND source='worklog'", (case_id,))
    _insert(conn, case_id, None, [Unit("worklog", r["text"] or "", loc=r["id"]) for r in conn.execute(
        "SELECT id, text FROM worklog WHERE case_id=? ORDER BY at, id", (case_id,))])


def _index_logs(conn: Any, ids: list[int]) -> None:
    marks = ",".join("?" * len(ids))
    by_case: dict[int, list[Unit]] = {}
    for r in conn.execute(f"SELECT id, case_id, detail FROM log WHERE id IN ({marks}) ORDER BY id",
                          ids):
        by_case.setdefault(r["case_id"], []).append(Unit("log", r["detail"] or "", loc=r["id"]))
    for case_id, units in by_case.items():
        _insert(conn, case_id, None, units)


def exhibit_units(lib: Library, row: sqlite3.Row, content: Any = None) -> list[Unit]:
    """What one exhibit says: caption, file name, and by its view the chat's messages, the
    trace's events (and carrier), the PDF's pages. Reading may be slow: no transaction is open."""
    from .. import kinds
    from .rows import exhibit_from_row
    ex = exhibit_from_row(row)
    units = [Unit("caption", ex.caption), Unit("name", ex.source_name)]
    view = kinds.view_of(ex).name
    file_type = (ex.facts or {}).get("file_type", "")
    if kinds.VIEWS[view].loader:
        try:
            content = content if content is not None else lib.content_reader(ex)()
        except Exception:  # noqa: BLE001 — an unreadable exhibit is fsck's; search skips its text
            content = None
        from ..ingest.model import ChatLog, Trace
        if isinstance(content, ChatLog):
            units += [Unit("message", m.text, loc=i) for i, m in enumerate(content.messages)]
        elif isinstance(content, Trace):
            units.append(Unit("carrier", f"{content.carrier} {content.tracking_no}".strip()))
            units += [Unit("event", f"{e.location} {e.text}".strip(), loc=i)
                      for i, e in enumerate(content.events)]
    elif file_type == "pdf":
        units += [Unit("page", text, loc=i) for i, text in enumerate(pdf_pages(lib.blob_path(ex.sha256)), 1)]
    return units


def pdf_pages(path: Path) -> list[str]:
    """Each page's text (poppler's pdftotext, pages split at form feeds; pypdf without it)."""
    exe = shutil.which("pdftotext")
    if exe:
        try:
            out = subprocess.run([exe, "-q", "-enc", "UTF-8", "-l", str(MAX_PDF_PAGES), str(path), "-"],
                                 capture_output=True, timeout=120, check=False)
            if out.returncode == 0:
                return [" ".join(p.split()) for p in out.stdout.decode("utf-8", "replace").split("\f")]
        except (OSError, subprocess.SubprocessError):
            pass
    try:
        from pypdf import PdfReader
        reader = PdfReader(str(path))
        pages = []
        for page in list(reader.pages)[:MAX_PDF_PAGES]:
            try:
                pages.append(" ".join((page.extract_text() or "").split()))
            except Exception:  # noqa: BLE001 — a bad content stream: that page has no text
                pages.append("")
        return pages
    except Exception:  # noqa: BLE001 — text is a bonus; the document itself was accepted at attach
        return []


def pending(conn: Any) -> int:
    return conn.execute("SELECT COUNT(*) FROM search_dirty").fetchone()[0]


def catch_up(lib: Library, *, progress: ProgressFn = no_progress,
             cancel: CancelLike | None = None) -> int:
    """Index what changed since the last catch-up (after the migration: the whole library).
    Each exhibit is its own transaction, cases and log entries go in batches; a cancel keeps
    what was done. Returns how many items were indexed. A read-only library is left as it is."""
    if lib.read_only:
        return 0
    conn = lib.conn
    if conn.execute("SELECT 1 FROM search_dirty LIMIT 1").fetchone() is None:
        return 0
    total = max(1, pending(conn))
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        progress(min(1.0, done / total), f"正在建立搜索索引 {done}/{total}",
                 f"Building the search index {done}/{total}")

    for kind, batch in (("case", 500), ("worklog", 500), ("log", 2000)):
        while True:
            check_cancel(cancel)
            ids = [r[0] for r in conn.execute("SELECT ref FROM search_dirty WHERE kind=? LIMIT ?",
                                              (kind, batch))]
            if not ids:
                break
            with lib._tx():
                if kind in ("case", "worklog"):
                    for case_id in ids:
                        (_index_case if kind == "case" else _index_worklog)(conn, case_id)
                else:
                    _index_logs(conn, ids)
                conn.executemany("DELETE FROM search_dirty WHERE kind=? AND ref=?",
                                 [(kind, i) for i in ids])
            step(len(ids))
    for (exhibit_id,) in conn.execute(
            "SELECT ref FROM search_dirty WHERE kind='exhibit' ORDER BY ref").fetchall():
        check_cancel(cancel)
        index_exhibit(lib, exhibit_id)
        step(1)
    return done


DEFER_UNITS = 20_000  # a bigger chat or trace is indexed by the next catch-up, not in attach


def index_attached(lib: Library, exhibit_id: int, content: Any) -> None:
    """Right after attach: index the exhibit now, unless it is huge (a 50 MB chat still attaches
    in < 5 s; its index is built by the next catch-up — the next search, or the app's idle work;
    it stays queued in ``search_dirty`` until then)."""
    size = len(getattr(content, "messages", None) or getattr(content, "events", None) or ())
    if size <= DEFER_UNITS:
        index_exhibit(lib, exhibit_id, content)


def index_exhibit(lib: Library, exhibit_id: int, content: Any = None) -> None:
    """(Re)write one exhibit's units: read first (``content``: the chat or trace attach just
    parsed), then one short write."""
    conn = lib.conn
    row = conn.execute("SELECT * FROM exhibits WHERE id=?", (exhibit_id,)).fetchone()
    units = exhibit_units(lib, row, content) if row is not None else []
    with lib._tx():
        _delete(conn, "exhibit_id=?", (exhibit_id,))
        if row is not None:
            _insert(conn, row["case_id"], exhibit_id, units)
        again = conn.execute("SELECT caption, kind, source_name FROM exhibits WHERE id=?",
                             (exhibit_id,)).fetchone()
        if row is None or again is None or tuple(again) == (row["caption"], row["kind"],
                                                            row["source_name"]):
            # else another process changed it while it was read: it stays queued
            conn.execute("DELETE FROM search_dirty WHERE kind='exhibit' AND ref=?", (exhibit_id,))


# ---- searching ---------------------------------------------------------------------------------
@dataclass
class Filters:
    """Narrow a search to cases (the ``evidencekit search`` flags)."""
    platform: str = ""
    dispute_type: str = ""
    stage: str = ""
    outcome: str = ""
    product: str = ""
    carrier: str = ""
    date_from: str = ""  # ISO instants (UTC) on the case's request_at, else its creation
    date_to: str = ""
    case_id: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        conds: list[str] = ["deleted_at IS NULL"]
        args: list[Any] = []
        for col, value in (("platform", self.platform), ("dispute_type", self.dispute_type),
                           ("stage", self.stage), ("outcome", self.outcome)):
            if value:
                conds.append(f"{col}=?")
                args.append(value)
        if self.product:
            conds.append("instr(lower(product), lower(?)) > 0")
            args.append(self.product)
        if self.date_from:
            conds.append("COALESCE(request_at, created_at) >= ?")
            args.append(self.date_from)
        if self.date_to:
            conds.append("COALESCE(request_at, created_at) < ?")
            args.append(self.date_to)
        if self.case_id is not None:
            conds.append("id=?")
            args.append(self.case_id)
        if self.carrier:
            conds.append("id IN (SELECT case_id FROM search_units WHERE source='carrier' AND "
                         "instr(lower(body), lower(?)) > 0)")
            args.append(self.carrier)
        return " AND ".join(conds), args


@dataclass
class Hit:
    case_id: int
    case_no: str
    exhibit_id: int | None
    exhibit_no: int | None  # the exhibit's position (E1…) now; None for case fields and the log
    source: str  # one of SOURCES
    loc: int  # message/event index (0-based), page (1-based), log entry id; 0 otherwise
    field: str  # the case field, for source "case"
    snippet: str  # with every query word between MARK_OPEN and MARK_CLOSE
    marks: list[list[int]] = dc_field(default_factory=list)  # [start, end) of each word in snippet

    def to_dict(self) -> dict:
        d = {"case_id": self.case_id, "case_no": self.case_no, "exhibit_id": self.exhibit_id,
             "exhibit": f"E{self.exhibit_no}" if self.exhibit_no else None, "source": self.source,
             "field": self.field or None, "snippet": self.snippet, "marks": self.marks}
        d["message"] = self.loc + 1 if self.source == "message" else None
        d["event"] = self.loc + 1 if self.source == "event" else None
        d["page"] = self.loc if self.source == "page" else None
        return d


SOURCE_NAMES = {
    "case": ("案件", "case"), "log": ("操作记录", "log"), "worklog": ("售后工单", "work order"),
    "caption": ("说明", "caption"),
    "name": ("文件名", "file name"), "message": ("聊天", "chat"), "event": ("物流", "trace"),
    "carrier": ("承运商", "carrier"), "page": ("文档", "document"),
}


def where(hit: Hit, lang: str, *, case_no: bool = True) -> str:
    """``EK-00012 E3 聊天 第 17 条`` — the case, the exhibit and the message or page."""
    zh = lang == "zh"
    parts = [hit.case_no] if case_no else []
    if hit.exhibit_no:
        parts.append(f"E{hit.exhibit_no}")
    names = SOURCE_NAMES.get(hit.source, (hit.source, hit.source))
    parts.append(names[0 if zh else 1])
    if hit.source in ("message", "event"):
        parts.append(f"第 {hit.loc + 1} 条" if zh else f"{hit.source} {hit.loc + 1}")
    elif hit.source == "page":
        parts.append(f"第 {hit.loc} 页" if zh else f"page {hit.loc}")
    elif hit.source == "case" and hit.field:
        parts.append(hit.field)
    return " ".join(parts)


MARK_OPEN, MARK_CLOSE = search_rank.MARK_OPEN, search_rank.MARK_CLOSE
snippet = search_rank.snippet
CANDIDATES = 300  # units ranked per query (search_rank.py; bench/README.md: search)
SPREAD_CASES = 150  # cases looked into at a time when a query's words are spread over units
SPREAD_ROUNDS = 4


def words_of(query: str) -> list[str]:
    """The query's words (split on spaces); a word with no letter, digit or CJK character is
    dropped (it would match everything)."""
    return [w for w in query.split() if any(ch.isalnum() for ch in w)]


def _fts_string(words: list[str]) -> str:
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


_LIVE = " AND COALESCE(u.exhibit_id, 0) NOT IN (SELECT id FROM exhibits WHERE removed_at IS NOT NULL)"


def search(lib: Library, query: str, filters: Filters | None = None, *,
           limit: int = 50) -> list[Hit]:
    """Hits for ``query``, best first (``search_rank.py`` says the order), at most ``limit``.
    Every word must be in the hit's case: in the hit itself first, else spread over the case's
    units (several words narrow the cases). One- and two-character words use the gram side
    index, longer ones the trigram. Reads only (what is still queued is not found yet:
    :func:`catch_up` first)."""
    conn = lib.conn
    words = words_of(query)
    if not words:
        return []
    case_where, case_args = (filters or Filters()).sql()
    in_cases = f" AND +u.case_id IN (SELECT id FROM cases WHERE {case_where})"
    whole = search_rank.rank(_units_with_all(conn, words, in_cases, case_args), words)[:limit]
    if len(words) > 1 and len(whole) < limit:
        seen = {r["id"] for r in whole}
        cases = _cases_with_all(conn, words, in_cases, case_args,
                                enough=max(1, (limit - len(whole)) // len(words)))  # a unit a word
        spread = [r for r in _units_with_any(conn, cases, words) if r["id"] not in seen]
        whole += search_rank.rank(spread, words)[:limit - len(whole)]
    return _hits(conn, whole, words)


def _units_with_all(conn: Any, words: list[str], in_cases: str, case_args: list) -> list:
    """The newest :data:`CANDIDATES` units holding every word."""
    long_words = [w for w in words if len(w) >= SHORT]
    checks = [w for w in words if len(w) < SHORT]
    check_sql = "".join(" AND instr(lower(u.body), lower(?)) > 0" for _ in checks)
    if _pg(conn):
        sql, args = _search_pg(long_words, checks, check_sql, in_cases + _LIVE, case_args, CANDIDATES)
    elif long_words:
        sql = ("SELECT u.* FROM search_tri JOIN search_units u ON u.id = search_tri.rowid "
               f"WHERE search_tri MATCH ?{check_sql}{in_cases}{_LIVE} "
               "ORDER BY search_tri.rowid DESC LIMIT ?")
        args = [_fts_string(long_words), *checks, *case_args, CANDIDATES]
    else:
        sql = ("SELECT u.* FROM search_grams g JOIN search_blocks b ON b.first_unit = g.rowid "
               "JOIN search_units u ON u.id BETWEEN b.first_unit AND b.last_unit "
               f"WHERE search_grams MATCH ?{check_sql}{in_cases}{_LIVE} ORDER BY g.rowid DESC LIMIT ?")
        args = [_fts_string([w.lower() for w in checks]), *checks, *case_args, CANDIDATES]
    return conn.execute(sql, args).fetchall()


def _matches(conn: Any, word: str) -> int:
    """How many index rows name ``word`` (units for the trigram, blocks for a short word):
    which word narrows the cases most, to start from it (PostgreSQL: the longer word)."""
    if _pg(conn):
        return -len(word)
    table = "search_tri" if len(word) >= SHORT else "search_grams"
    return conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?",
                        (_fts_string([word if len(word) >= SHORT else word.lower()]),)).fetchone()[0]


def _cases_with_all(conn: Any, words: list[str], in_cases: str, case_args: list,
                    enough: int) -> list[int]:
    """Cases whose units, together, hold every word: the rarest word's cases, taken
    :data:`SPREAD_CASES` at a time (at most :data:`SPREAD_ROUNDS` times, until ``enough`` are
    found), each batch narrowed by every other word inside those cases."""
    order = sorted(words, key=lambda w: _matches(conn, w))
    first = order[0]
    if len(first) >= SHORT:
        sql = ("SELECT DISTINCT u.case_id FROM search_tri JOIN search_units u "
               f"ON u.id = search_tri.rowid WHERE search_tri MATCH ?{in_cases}{_LIVE} LIMIT ? OFFSET ?")
    else:  # a block's grams are exact, and its units are of one exhibit (or one case's fields or log)
        sql = ("SELECT DISTINCT u.case_id FROM search_grams g JOIN search_blocks b "
               "ON b.first_unit = g.rowid JOIN search_units u ON u.id = b.first_unit "
               f"WHERE search_grams MATCH ?{in_cases}{_LIVE} LIMIT ? OFFSET ?")
    args = [_fts_string([first if len(first) >= SHORT else first.lower()]), *case_args]
    if _pg(conn):  # the same walk over search_units (ILIKE) or the blocks' gram arrays
        if len(first) >= SHORT:
            sql = (f"SELECT DISTINCT u.case_id FROM search_units u WHERE u.body ILIKE ?{in_cases}{_LIVE} "
                   "LIMIT ? OFFSET ?")
            args = [_like(first), *case_args]
        else:
            sql = ("SELECT DISTINCT u.case_id FROM search_blocks b JOIN search_units u "
                   f"ON u.id = b.first_unit WHERE b.grams @> ?::text[]{in_cases}{_LIVE} LIMIT ? OFFSET ?")
            args = [[first.lower()], *case_args]
    found: list[int] = []
    for round_ in range(SPREAD_ROUNDS):
        batch = [r[0] for r in conn.execute(sql, [*args, SPREAD_CASES, round_ * SPREAD_CASES])]
        cases = batch
        for w in order[1:]:
            if not cases:
                break
            marks = ",".join("?" * len(cases))
            cases = [r[0] for r in conn.execute(
                f"SELECT DISTINCT u.case_id FROM search_units u WHERE u.case_id IN ({marks}) "
                f"AND instr(lower(u.body), lower(?)) > 0{_LIVE}", [*cases, w])]
        found += cases
        if len(found) >= enough or len(batch) < SPREAD_CASES:
            break
    return sorted(found, reverse=True)[:SPREAD_CASES]


def _units_with_any(conn: Any, cases: list[int], words: list[str]) -> list:
    """The newest :data:`CANDIDATES` units of ``cases`` holding at least one word."""
    if not cases:
        return []
    marks = ",".join("?" * len(cases))
    any_word = " OR ".join("instr(lower(u.body), lower(?)) > 0" for _ in words)
    return conn.execute(f"SELECT u.* FROM search_units u WHERE u.case_id IN ({marks}) "
                        f"AND ({any_word}){_LIVE} ORDER BY u.id DESC LIMIT ?",
                        [*cases, *words, CANDIDATES]).fetchall()


def _search_pg(long_words: list[str], checks: list[str], check_sql: str, tail: str,
               case_args: list[Any], limit: int) -> tuple[str, list[Any]]:
    """PostgreSQL's form of the two queries above: ILIKE over the trigram index (FTS5's trigram
    MATCH is case-insensitive too), else the blocks whose gram array holds every short word."""
    if long_words:
        likes = " AND ".join("u.body ILIKE ?" for _ in long_words)
        return (f"SELECT u.* FROM search_units u WHERE {likes}{check_sql}{tail} "
                "ORDER BY u.id DESC LIMIT ?", [*map(_like, long_words), *checks, *case_args, limit])
    return ("SELECT u.* FROM search_blocks b "
            "JOIN search_units u ON u.id BETWEEN b.first_unit AND b.last_unit "
            f"WHERE b.grams @> ?::text[]{check_sql}{tail} ORDER BY b.first_unit DESC, u.id LIMIT ?",
            [[w.lower() for w in checks], *checks, *case_args, limit])


def _like(word: str) -> str:
    """``%word%`` with LIKE's own characters taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _hits(conn: Any, rows: list, words: list[str]) -> list[Hit]:
    case_ids = sorted({r["case_id"] for r in rows})
    ex_ids = sorted({r["exhibit_id"] for r in rows if r["exhibit_id"] is not None})
    case_no = dict(conn.execute(f"SELECT id, case_no FROM cases WHERE id IN "
                                f"({','.join('?' * len(case_ids))})", case_ids).fetchall()) if case_ids else {}
    position = dict(conn.execute(f"SELECT id, position FROM exhibits WHERE id IN "
                                 f"({','.join('?' * len(ex_ids))})", ex_ids).fetchall()) if ex_ids else {}
    out = []
    for r in rows:
        text, marks = snippet(r["body"], words)
        out.append(Hit(r["case_id"], case_no.get(r["case_id"], ""), r["exhibit_id"],
                       position.get(r["exhibit_id"]), r["source"], r["loc"], r["field"], text, marks))
    return out


def stats(conn: Any) -> dict:
    """Sizes for the bench and for `search --stats`-like reports."""
    return {"units": conn.execute("SELECT COUNT(*) FROM search_units").fetchone()[0],
            "blocks": conn.execute("SELECT COUNT(*) FROM search_blocks").fetchone()[0],
            "pending": pending(conn)}


def dumps(hits: list[Hit]) -> str:
    return json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2)
