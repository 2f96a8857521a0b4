"""Draw one output file from blocks, then finish it: merge source pages, metadata,
attachments and a fixed file identifier (for byte-identical output)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    TextStringObject,
    create_string_object,
)

from .. import __version__
from ..domain import MODES
from ..thirdparty_log import reading
from .cover import TITLES, CoverFacts, draw_cover
from .documents import place_page
from .page import Block, BundleCanvas, flow_story, replay_story
from .plan import ExportPlan
from .rewrite import (
    ObjectSink,
    ObjectWriter,
    body_size,
    copy_body,
    data_stream,
    embedded_files,
    page_numbers,
    xobject_refs,
)
from .streams import FileStream, HashingFile, original_stream


@dataclass
class Piece:
    """A block, or a page range of a splittable block, placed in one file."""
    block: Block
    start: int = 0
    end: int | None = None  # exclusive; None = to the end

    def n_pages(self) -> int:
        if self.block.pages is None:
            return self.block.n_pages
        end = len(self.block.pages) if self.end is None else self.end
        return end - self.start


def count_flow(plan: ExportPlan, block: Block) -> int:
    """Lay out a flowing block without drawing it; keep the layout for :func:`draw_file`."""
    bc = BundleCanvas(io.BytesIO(), plan, 0, dry=True)
    key = block.story_key()
    layout: list = []
    assert block.story is not None  # only flowing blocks are counted this way
    n = flow_story(bc, block.story(), "", layout=layout)
    block.layout = (key, layout)
    return n


def draw_file(plan: ExportPlan, pieces: list[Piece], target: Any, *, total: int, file_no: int,
              file_count: int, cover: CoverFacts, mask, cancel=None) -> list[tuple[int, Any]]:
    """Draw pieces onto one canvas; return (page index, DocInsert) pairs for the finisher."""
    bc = BundleCanvas(target, plan, total, file_no, file_count)
    bc.cancel = cancel
    c = bc.c
    inserts: list[tuple[int, Any]] = []
    exhibits_marked = False
    for piece in pieces:
        b = piece.block
        key = b.key
        title = b.title + ("（续 cont.）" if piece.start > 0 else "")
        if b.exhibit_no and not exhibits_marked:
            c.bookmarkPage("exhibits")
            c.addOutlineEntry("证据 Exhibits", "exhibits", 0, closed=False)
            exhibits_marked = True

        def mark(bc: BundleCanvas, key=key, title=title, level=b.level) -> None:
            bc.c.bookmarkPage(key)
            bc.c.addOutlineEntry(title, key, level)

        if key == "cover":
            bc.start_page("封面 Cover")
            mark(bc)
            draw_cover(c, plan, cover, bc.pal, mask)
            bc.finish_page()
        elif b.pages is None and b.layout is not None and b.layout[0] == b.story_key():
            replay_story(bc, b.layout[1], b.header, on_first=mark)  # as counted, no relayout
            # Drawn: the canvas holds its pages now. Its flowables (the index: ~25 KB an
            # exhibit) would otherwise live through the rest of the file and its merge; a
            # later draw of the block (another file, a refit) lays it out again.
            b.layout = None
        elif b.pages is None:
            assert b.story is not None  # a block has fixed pages or a story
            flow_story(bc, b.story(), b.header, on_first=mark)
        else:
            end = len(b.pages) if piece.end is None else piece.end
            for i, spec in enumerate(b.pages[piece.start:end]):
                bc.start_page(spec.header or b.header)
                if i == 0:
                    mark(bc)
                for other_key, other_title in spec.marks:  # photos sharing this page
                    c.bookmarkPage(other_key)
                    c.addOutlineEntry(other_title, other_key, 1)
                for anchor in spec.anchors:  # marked messages and rows: the cover links here
                    c.bookmarkPage(anchor)
                spec.draw(c)
                if spec.insert is not None:
                    inserts.append((bc.page - 1, spec.insert))
                bc.finish_page()
    c.showOutline()
    bc.save()
    return inserts


def pdf_date(plan: ExportPlan) -> str:
    local = plan.now.astimezone(plan.zone)
    off = local.strftime("%z") or "+0000"
    return f"D:{local:%Y%m%d%H%M%S}{off[0]}{off[1:3]}'{off[3:5]}'"


def finish_file(plan: ExportPlan, body: Path, out: Path, *, inserts: list, docs: dict[int, Any],
                manifest: bytes, manifest_sha: str, originals: list[tuple[str, Path, str]],
                streams: dict[str, FileStream], file_no: int,
                on_error: Callable[[int, Exception], None] | None = None) -> str:
    """Write the finished file from the drawn ``body``, object by object (:mod:`.rewrite`):
    source pages merged into their frames as their page passes, big streams copied from the
    originals as they are written, so memory stays flat whatever the number of pages.
    Returns the file's SHA-256."""
    reader = PdfReader(str(body), strict=False)
    size = body_size(reader)
    pages = page_numbers(reader)
    # Each placeholder image named in ``streams`` becomes its file-backed stream.
    replaced: dict[int, Any] = {}
    swapped: set[str] = set()
    for name, idnum in xobject_refs(reader, pages):
        if name in streams and name not in swapped:
            replaced[idnum] = streams[name]
            swapped.add(name)
    merges: dict[int, list[tuple[int, Any]]] = {}  # page object number -> (n, DocInsert)
    for n, (page_index, ins) in enumerate(inserts):
        merges.setdefault(pages[page_index], []).append((n, ins))
    sink = ObjectSink(size)
    current = [0]  # the exhibit whose resources the clone memo holds

    def merge(idnum: int, page: Any) -> None:
        for n, ins in merges.pop(idnum, ()):
            if ins.exhibit_no != current[0]:  # resources are shared within one document only
                sink.__dict__.pop("_ek_clone_memo", None)
                current[0] = ins.exhibit_no
            try:
                with reading(f"E{ins.exhibit_no}"):
                    src = docs[ins.exhibit_no].pages[ins.page_index]
                    place_page(sink, page, src, ins.rect, f"/EKDoc{n}")  # type: ignore[arg-type]
            except Exception as e:  # noqa: BLE001 - the frame stays empty; the report says why
                if on_error is None:
                    raise
                on_error(ins.exhibit_no, e)

    root_ref: Any = reader.trailer.raw_get("/Root")
    info_ref: Any = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    later = {root_ref.idnum} | ({info_ref.idnum} if info_ref is not None else set())
    with open(out, "wb") as f, HashingFile(f) as hf:
        w = ObjectWriter(hf)
        copy_body(reader, w, sink, replaced=replaced, edit=merge, later=later)
        info = DictionaryObject(info_ref.get_object() if info_ref is not None else {})
        for key, value in _metadata(plan, manifest_sha).items():
            info[NameObject(key)] = create_string_object(value)
        files: list[tuple[str, Any]] = [("manifest.json", data_stream(manifest))]
        files += [(name, original_stream(path, sha)) for name, path, sha in originals]
        root = DictionaryObject(root_ref.get_object())
        names = root.get("/Names")
        names = DictionaryObject(names.get_object() if names is not None else {})
        names[NameObject("/EmbeddedFiles")] = embedded_files(sink, files)
        root[NameObject("/Names")] = names
        root[NameObject("/PageMode")] = NameObject("/UseOutlines")
        root[NameObject("/Lang")] = TextStringObject("zh-CN")
        info_no = info_ref.idnum if info_ref is not None else sink.next
        if info_ref is None:
            sink._add_object(info)
        else:
            w.put(info_no, info)
        w.put(root_ref.idnum, root)
        sink.flush(w)
        fid = hashlib.sha256(f"{plan.bundle_id}/{file_no}/{manifest_sha}".encode()).digest()[:16]
        w.finish(sink.next, DictionaryObject({
            NameObject("/Root"): IndirectObject(root_ref.idnum, 0, sink),
            NameObject("/Info"): IndirectObject(info_no, 0, sink),
            NameObject("/ID"): ArrayObject([ByteStringObject(fid), ByteStringObject(fid)])}))
        return hf.hexdigest()


def _metadata(plan: ExportPlan, manifest_sha: str) -> dict[str, str]:
    case = plan.source.case
    zh, en = TITLES[plan.mode]
    return {
        "/Title": f"{zh} {case.case_no}",
        "/Subject": f"{MODES[plan.mode][1]} · {plan.source.dispute_type_name_zh or case.dispute_type}"
                    f" · {case.order_no}",
        "/Author": plan.source.store_name or case.store_name or "EvidenceKit",
        "/Creator": f"EvidenceKit {__version__}",
        "/Producer": f"EvidenceKit {__version__} (reportlab, pypdf)",
        "/Keywords": f"{plan.bundle_id} manifest-sha256:{manifest_sha}",
        "/CreationDate": pdf_date(plan),
        "/ModDate": pdf_date(plan),
        "/EKBundleID": plan.bundle_id,
        "/EKManifestSHA256": manifest_sha,
    }
