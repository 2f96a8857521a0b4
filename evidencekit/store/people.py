"""Who works on a case, and working on it at the same time (issue 13).

- **Assignee**: one staff name per case; every (re)assignment is logged with from → to.
- **Case lock**: a write that numbers something within a case (exhibits) or checks the case's
  version first locks the case row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write
  transactions already run one at a time, ``BEGIN IMMEDIATE``), so two desktops attaching to
  one case get E3 and E4, never two E3s.
- **Version**: each edit of a case's facts counts up ``cases.version``; an edit that started
  from an older version is refused (:class:`StaleCase`), naming who changed it and when.
- **Lease**: a case open for editing on a desktop holds a lease (staff, expiry) that the app
  renews while the case is open; others see "正在由 小王 编辑". A desktop that died stops
  renewing, and its lease expires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import Connection, delete, select, update

from ..errors import NoSuchCase, StaleCase
from ..staff import check_staff_name
from ..timeutil import format_local, from_iso, to_iso
from .context import StoreContext
from .context import lock_case as _lock_case
from .schema import case_leases, cases, log

LEASE_SECONDS = 120  # how long a desktop that stopped renewing still shows as editing
# The log entries whose change counts up a case's version (every _apply with changes).
VERSIONED_ACTIONS = ("case_updated", "stage_moved_back", "case_created")


def lock_case(conn: Connection, case_id: int) -> int:
    """Lock the case row until the transaction ends (context.lock_case); returns its version."""
    version = _lock_case(conn, case_id)
    if version is None:
        raise NoSuchCase(ref=case_id)
    return version


def check_version(conn: Connection, case_id: int, expected: int | None, zone: tzinfo) -> None:
    """Lock the case; refuse when its version is no longer ``expected`` (None: no check)."""
    version = lock_case(conn, case_id)
    if expected is None or version == int(expected):
        return
    last = conn.execute(select(log.c.actor, log.c.at).where(
        log.c.case_id == case_id, log.c.action.in_(VERSIONED_ACTIONS))
        .order_by(log.c.id.desc()).limit(1)).first()
    staff, at = (last.actor, from_iso(last.at)) if last else ("?", None)
    raise StaleCase(staff=staff, time=format_local(at, zone) if at else "?", at=to_iso(at),
                    version=version)


def assign(st: StoreContext, case_id: int, name: str) -> tuple[str, str]:
    """Make ``name`` the case's assignee ('' unassigns); returns (before, after). A change
    is logged as ``case_assigned`` "before → after" by the acting staff member."""
    after = check_staff_name(name) if name else ""
    with st.db.write() as conn:
        lock_case(conn, case_id)
        before = conn.execute(select(cases.c.assignee).where(cases.c.id == case_id)).scalar_one()
        if before != after:
            conn.execute(update(cases).where(cases.c.id == case_id).values(
                assignee=after, updated_at=st.now()))
            st.log(conn, case_id, "case_assigned", f"{before or '—'} → {after or '—'}")
    return before, after


def known_staff(st: StoreContext) -> list[str]:
    """Names seen in this library (assignees, who acted in the log), for choosing one."""
    with st.db.read() as conn:
        names = set(conn.execute(select(cases.c.assignee).distinct()).scalars())
        names |= set(conn.execute(select(log.c.actor).distinct()).scalars())
    return sorted(n for n in names if n)


@dataclass(frozen=True)
class Lease:
    case_id: int
    staff: str
    holder: str
    expires_at: datetime


def _lease(row) -> Lease:
    expires = from_iso(row.expires_at)
    assert expires is not None
    return Lease(row.case_id, row.staff, row.holder, expires)


def take_lease(st: StoreContext, case_id: int, holder: str,
               seconds: int = LEASE_SECONDS) -> Lease | None:
    """Hold (or renew) the case's edit lease for ``holder`` (one app run). Returns None when
    held, else the other desktop's live lease (its holder keeps it; nothing changes)."""
    now = st.clock()
    expires = to_iso(now + timedelta(seconds=seconds))
    with st.db.write() as conn:
        # the first lease of a case: two desktops opening it at once both try; one row wins
        if conn.execute(_insert_or_ignore(conn, case_leases).values(
                case_id=case_id, staff=st.actor, holder=holder, expires_at=expires)
                .returning(case_leases.c.case_id)).first() is not None:
            return None
        row = conn.execute(select(case_leases).where(case_leases.c.case_id == case_id)
                           .with_for_update()).one()
        other = _lease(row)
        if other.holder != holder and other.expires_at > now:
            return other
        conn.execute(update(case_leases).where(case_leases.c.case_id == case_id).values(
            staff=st.actor, holder=holder, expires_at=expires))
    return None


def _insert_or_ignore(conn: Connection, table):
    """INSERT … ON CONFLICT DO NOTHING, which both engines have (each dialect builds its own)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert(table).on_conflict_do_nothing()


def give_back_lease(st: StoreContext, case_id: int, holder: str) -> None:
    with st.db.write() as conn:
        conn.execute(delete(case_leases).where(case_leases.c.case_id == case_id,
                                               case_leases.c.holder == holder))


def editing_by(st: StoreContext, case_id: int, holder: str = "") -> Lease | None:
    """The live lease of another desktop on the case (None: nobody else is editing it)."""
    with st.db.read() as conn:
        row = conn.execute(select(case_leases).where(case_leases.c.case_id == case_id)).first()
    if row is None:
        return None
    lease = _lease(row)
    if lease.holder == holder or lease.expires_at <= st.clock():
        return None
    return lease
