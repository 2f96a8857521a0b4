"""Integrity check of a library: every blob re-hashed, orphans and missing blobs found."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from .context import StoreContext
from .engine import integrity_problems
from .schema import exhibits, pending_blobs, submission_files


@dataclass
class FsckReport:
    blobs_checked: int = 0
    exhibits_checked: int = 0
    submitted_files_checked: int = 0
    missing: list[str] = field(default_factory=list)  # referenced, not on disk
    corrupt: list[str] = field(default_factory=list)  # on disk, bytes do not match the name
    orphans: list[str] = field(default_factory=list)  # on disk, referenced by nothing
    db_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.corrupt or self.orphans or self.db_errors)

    def lines(self, lang: str = "zh") -> list[str]:
        zh = lang.startswith("zh")
        out = [f"检查了 {self.blobs_checked} 个原始文件、{self.exhibits_checked} 条证据记录、"
               f"{self.submitted_files_checked} 个已提交材料文件。" if zh else
               f"Checked {self.blobs_checked} original files, {self.exhibits_checked} exhibit rows "
               f"and {self.submitted_files_checked} submitted bundle files."]
        for sha in self.missing:
            out.append(f"缺失：记录引用的文件 {sha} 不存在。" if zh else
                       f"Missing: original {sha} is referenced but not in the library.")
        for sha in self.corrupt:
            out.append(f"损坏：原始文件 {sha} 的内容与其哈希不符。" if zh else
                       f"Damaged: original {sha} no longer matches its SHA-256.")
        for sha in self.orphans:
            out.append(f"多余：原始文件 {sha} 没有被任何证据引用。" if zh else
                       f"Orphan: original {sha} is not used by any exhibit.")
        for e in self.db_errors:
            out.append(f"数据库：{e}" if zh else f"Database: {e}")
        out.append("一切正常。" if self.ok and zh else "All good." if self.ok else
                   "发现问题。" if zh else "Problems found.")
        return out


def fsck(st: StoreContext) -> FsckReport:
    rep = FsckReport()
    with st.db.read() as conn:
        rep.db_errors.extend(integrity_problems(conn))
        referenced = set(conn.execute(select(exhibits.c.sha256).distinct()).scalars())
        rep.exhibits_checked = conn.execute(select(func.count()).select_from(exhibits)).scalar_one()
        # Submitted bundles are kept in the same store: they count, and must be there.
        referenced |= set(conn.execute(select(submission_files.c.sha256).distinct()).scalars())
        rep.submitted_files_checked = conn.execute(
            select(func.count()).select_from(submission_files)).scalar_one()
    on_disk = set()
    for sha in st.blobs.all_hashes():
        on_disk.add(sha)
        rep.blobs_checked += 1
        if st.blobs.digest(sha) != sha:  # read back from where it is kept (a file, the database)
            rep.corrupt.append(sha)
    rep.missing = sorted(referenced - on_disk)
    with st.db.read() as conn:  # after the scan: a blob on disk has its marker written already
        pending = set(conn.execute(select(pending_blobs.c.sha256)).scalars())
    rep.orphans = sorted(on_disk - referenced - pending)
    return rep
