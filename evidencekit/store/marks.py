"""Key marks behind :class:`~evidencekit.store.library.Library` (kept apart for size).

The user marks the chat messages and the trace events that make the case ("买家 #4 承认收到");
the bundle highlights them where they are shown and lists them on the cover. A mark is the
item's 1-based number in its exhibit, as the bundle prints it ("E1 #4"): the numbering of a
parsed chat or trace is fixed by its bytes, which never change.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import update

from .. import kinds
from ..domain import Exhibit
from ..errors import NoSuchMarkItem, NotMarkable
from .context import StoreContext
from .exhibits import _ensure_case_open, get_exhibit
from .schema import exhibits

# view -> (what the numbers count in its content, unit zh, unit en)
MARKABLE = {"chat": ("messages", "条消息", "message"), "trace": ("events", "条轨迹", "trace event")}


def markable(ex: Exhibit) -> bool:
    return kinds.view_of(ex).name in MARKABLE


def set_marks(st: StoreContext, ex: Exhibit, content: Any, items: list[int],
              marked: bool) -> Exhibit:
    """Mark (or unmark) ``items`` of ``ex``, whose parsed ``content`` says how many it has."""
    view = kinds.view_of(ex).name
    if view not in MARKABLE or content is None:
        raise NotMarkable(number=ex.position)
    attr, unit_zh, unit_en = MARKABLE[view]
    count = len(getattr(content, attr, None) or [])
    for n in items:
        if not 1 <= n <= count:
            raise NoSuchMarkItem(number=ex.position, item=n, count=count, unit_zh=unit_zh,
                                 unit_en=unit_en)
    _ensure_case_open(st, ex.case_id)
    now = set(ex.marks)
    new = sorted(now | set(items)) if marked else sorted(now - set(items))
    if new == sorted(now):
        return ex
    with st.db.write() as conn:
        conn.execute(update(exhibits).where(exhibits.c.id == ex.id)
                     .values(marks=json.dumps(new)))
        shown = ", ".join(f"#{n}" for n in items)
        st.log(conn, ex.case_id, "exhibit_marked" if marked else "exhibit_unmarked",
               f"E{ex.position} {shown}")
    return get_exhibit(st, ex.id)
