"""One rendering attempt of an export at one set of photo settings: lay out every exhibit
through its view's renderer, encode images on a worker pool, pack pages into files (within
the profile's per-file limits), and draw, merge, stamp and bookmark each file in the
attempt's own folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Cancelled, ImageUndecodable
from ..kinds import renderer
from ..progress import ProgressFn, check_cancel
from ..thirdparty_log import reading
from . import fit
from .assemble import Piece, count_flow, draw_file, finish_file
from .cover import CoverFacts
from .front import Where, appendix_story, checklist_story, index_story, statement_story
from .heading import exhibit_time, header_text
from .manifest import build_manifest, original_name, sha256
from .memory import release
from .page import Block, palette
from .photos import ImageJobs
from .placeholder import Placeholder, layout_placeholder, placeholder_for
from .plan import ExportPlan


class Run:
    """State of one export: loaded content, open documents, warnings."""

    def __init__(self, plan: ExportPlan, tmp: Path, progress: ProgressFn, cancel):
        self.plan, self.tmp, self.progress, self.cancel = plan, tmp, progress, cancel
        self.mask = plan.masker  # the one masker, built with the plan
        self.warnings: list[tuple[str, str]] = []
        self.contents: dict[int, Any] = {}
        self.redactions: dict[int, Any] = {}  # exhibit number -> DocumentRedaction
        self.attempt = 0
        # Exhibits that cannot be drawn (a placeholder page stands in), images that could not
        # be decoded (a blank frame), and document pages that failed when merged (left empty).
        self.broken: dict[int, Placeholder] = {}
        self.images_failed: dict[int, Placeholder] = {}
        self.merge_failed: dict[int, Placeholder] = {}

    def load(self) -> None:
        """What each exhibit's view reads once per export, whatever the fitting ladder tries."""
        for pe in self.plan.exhibits:
            check_cancel(self.cancel)
            try:
                with reading(f"{pe.label} {pe.exhibit.source_name}"):
                    content = renderer(pe.render).prepare(self, pe)
            except Exception as e:  # noqa: BLE001 - one bad exhibit must not stop the bundle
                if getattr(e, "code", "") == "password_required" or isinstance(e, Cancelled):
                    raise  # the user can fix this one: ask for the password
                self.broken[pe.number] = placeholder_for(pe, e)
                continue
            if content is not None:
                self.contents[pe.number] = content

    def merge_failed_at(self, exhibit_no: int, e: Exception) -> None:
        pe = next(p for p in self.plan.exhibits if p.number == exhibit_no)
        self.merge_failed.setdefault(exhibit_no, placeholder_for(pe, e))

    def merge_warnings(self) -> list[tuple[str, str]]:
        return [ph.warning() for ph in self.merge_failed.values()]

    def placeholders(self) -> list[Placeholder]:
        every = {**self.images_failed, **self.merge_failed, **self.broken}
        return [every[no] for no in sorted(every)]

    def exhibit_blocks(self, plan: ExportPlan, jobs: ImageJobs) -> tuple[list[Block], list]:
        pal = palette(plan.settings.grayscale)
        blocks: list[Block] = []
        warnings: list[tuple[str, str]] = []
        run: list = []  # neighbours laid out together (photos share pages)

        def flush() -> None:
            if run:
                pages = renderer(run[0].render).layout_group(plan, list(run), jobs, pal)
                per = plan.settings.per_page
                for i, pe in enumerate(run):
                    own = pages[i // per: i // per + 1] if i % per == 0 else []
                    if not own:
                        b = _block(pe, [], plan)
                        pages[i // per].marks.append((b.key, b.title))
                    blocks.append(_block(pe, own, plan))
                run.clear()

        for pe in plan.exhibits:
            r = renderer(pe.render)
            if run and run[0].render != pe.render:
                flush()
            if r.grouped:
                run.append(pe)
                continue
            if pe.number not in self.broken:
                try:
                    with reading(f"{pe.label} {pe.exhibit.source_name}"):
                        specs, w = r.layout(self, plan, pe, self.contents.get(pe.number), jobs,
                                            pal)
                    warnings += w
                except Cancelled:
                    raise
                except Exception as e:  # noqa: BLE001 - drawn as a placeholder page, named below
                    self.broken[pe.number] = placeholder_for(pe, e)
            if pe.number in self.broken:
                specs = layout_placeholder(plan, pe, self.broken[pe.number], pal, self.mask)
            blocks.append(_block(pe, specs, plan))
        flush()
        warnings += [ph.warning() for ph in self.broken.values()]
        return blocks, warnings


def _block(pe, pages, plan: ExportPlan) -> Block:
    ex = pe.exhibit
    new = bool(ex.is_new) and plan.mode == "appeal"
    title = f"{pe.label} {ex.caption or ex.source_name}"
    # Photos sharing a page: only the first on the page owns it; the others point to it.
    return Block(key=pe.label, title=title[:80], header=header_text(pe, new), pages=list(pages),
                 n_pages=len(pages), level=1, exhibit_no=pe.number)


@dataclass
class Rendered:
    """The output files of one attempt, and the exhibit blocks behind them."""
    paths: list[Path]
    pages: list[int]
    sizes: list[int]
    shas: list[str]
    manifest_sha: str
    warnings: list[tuple[str, str]]
    exhibits: list[Block]


def render_attempt(run: Run, plan: ExportPlan, frac: tuple[float, float]) -> Rendered:
    """Render every output file of one attempt into the temp folder."""
    run.attempt += 1
    tmp = run.tmp / f"attempt-{run.attempt}"
    tmp.mkdir()
    pal = palette(plan.settings.grayscale)
    lo, hi = frac
    jobs = ImageJobs(tmp, plan.settings, plan.profile.max_pixels)
    try:
        exhibits, warnings = run.exhibit_blocks(plan, jobs)
        release()  # the documents' and layouts' garbage, before the front matter is laid out
        times = {pe.label: exhibit_time(plan, pe, run.contents.get(pe.number))
                 for pe in plan.exhibits}
        done = 0
        for key in list(jobs.jobs):
            check_cancel(run.cancel)
            jobs.get(key)
            done += 1
            run.progress(lo + (hi - lo) * 0.6 * done / max(1, len(jobs.jobs)),
                         "正在处理照片", "Processing photos")
        labels = {pe.number: pe.label for pe in plan.exhibits}
        by_no = {pe.number: pe for pe in plan.exhibits}
        for no in jobs.failed_exhibits():
            warnings.append((f"{labels[no]}：图片无法解码，以占位框代替（原件见哈希清单）",
                             f"{labels[no]}: image could not be decoded; a placeholder stands "
                             "in (original listed in the manifest)"))
            run.images_failed[no] = placeholder_for(by_no[no], ImageUndecodable())
        for pe in plan.exhibits:  # capture times read from EXIF by the workers
            if not times[pe.label]:
                times[pe.label] = jobs.taken(pe.number)
        for b in exhibits:  # estimates for packing, now that images are encoded
            specs = b.pages or []  # exhibits have fixed pages; only front matter flows
            for spec in specs:
                spec.est_bytes = spec.est_bytes or 3000
            b.est_bytes = sum(s.est_bytes for s in specs) + jobs.nbytes(b.exhibit_no)
        page_bytes = {b.key: [max(1, b.est_bytes // max(1, b.n_pages))] * b.n_pages
                      for b in exhibits}
        all_warn = run.warnings + warnings
        where = Where()

        def where_key() -> tuple:  # what links and page numbers in a story depend on
            return (where.file_no, tuple(where.pages.items()), tuple(where.last.items()),
                    tuple(where.file_names))
        cover = Block("cover", "封面 Cover", "封面 Cover", n_pages=1, est_bytes=40_000)
        statement = Block("statement", "陈述 Statement" if plan.mode == "arbitration" else
                          "陈述与申诉要点 Statement & appeal points", "陈述 Statement",
                          story=lambda: statement_story(plan, pal, run.mask, where)
                          + checklist_story(plan, pal, where), story_key=where_key)
        index = Block("index", "证据目录 Index", "目录 Index",
                      story=lambda: index_story(plan, pal, where, times), story_key=where_key)
        appendix = Block("appendix", "附录 Appendix", "附录 Appendix",
                         story=lambda: appendix_story(plan, pal, all_warn, run.mask))
        for b in (statement, appendix):
            b.n_pages = count_flow(plan, b)
            b.est_bytes = 6000 * b.n_pages
            release()
        # The appendix (a row per exhibit) is drawn last, after every exhibit: its counted
        # layout is not kept through the index's layout and the drawing (~25 KB an exhibit);
        # it is laid out again when drawn. Nothing in it depends on where exhibits land.
        appendix.layout = None
        release()
        prof = plan.profile
        budget = int(prof.max_file_bytes * 0.9) if prof.max_file_bytes else 0
        # The index shows where exhibits start, which depends on its own length: lay it out
        # once with exhibits placed for a guessed length. When the guess holds (nearly
        # always) _draw_all finds that layout ready; when not, it lays out again.
        index.n_pages = max(1, -(-(len(plan.exhibits) + 2) // INDEX_ROWS_PER_PAGE))
        _locate(plan, fit.pack([cover, index], [statement], exhibits, [appendix], page_bytes,
                               prof, budget), where)
        index.n_pages = count_flow(plan, index)
        index.est_bytes = 6000 * index.n_pages
        release()
        for _ in range(4):
            files = fit.pack([cover, index], [statement], exhibits, [appendix],
                             page_bytes, prof, budget)
            out = _draw_all(run, plan, files, where, jobs, tmp, (lo + (hi - lo) * 0.6, hi))
            out.warnings, out.exhibits = warnings, exhibits
            if prof.max_file_bytes and any(s > prof.max_file_bytes for s in out.sizes) \
                    and len(files) < prof.max_files:
                budget = int(min(budget, min(out.sizes)) * 0.8)
                continue
            break
        return out
    finally:
        jobs.close()


INDEX_ROWS_PER_PAGE = 24  # a guess (rows of one or two lines); only speed depends on it


def _locate(plan: ExportPlan, files: list[list[Piece]], where: Where) -> list[int]:
    """Fill ``where`` (file names, each exhibit's file and first page) for this packing, as
    seen from file 1; return each file's page count."""
    where.file_names = [plan.out.name] if len(files) == 1 else \
        [f"{plan.out.stem}-{k}.pdf" for k in range(1, len(files) + 1)]
    where.pages.clear()
    where.last.clear()
    where.anchors.clear()
    where.file_no = 1
    counts = []
    for k, pieces in enumerate(files, start=1):
        n = 0
        for p in pieces:
            if p.block.exhibit_no and p.block.key not in where.pages:
                where.pages[p.block.key] = (k, n + 1 if p.n_pages() else max(1, n))
            if p.block.pages is not None:  # the pages of marked messages and trace rows
                for i, spec in enumerate(p.block.pages[p.start:p.start + p.n_pages()]):
                    for anchor in spec.anchors:
                        where.anchors[anchor] = (k, n + 1 + i)
            n += p.n_pages()
            if p.block.exhibit_no:  # the last page this exhibit reaches (a page range)
                where.last[p.block.key] = (k, max(n, 1))
        counts.append(n)
    return counts


def _draw_all(run: Run, plan: ExportPlan, files: list[list[Piece]], where: Where,
              jobs: ImageJobs, tmp: Path, frac) -> Rendered:
    # Where every exhibit starts: file and page; the index's own length can depend on it.
    index = next(p.block for p in files[0] if p.block.key == "index")
    for _ in range(3):
        counts = _locate(plan, files, where)
        if index.layout is not None and index.layout[0] == index.story_key():
            n_index = len(index.layout[1])  # laid out for exactly these places already
        else:
            # The stale layout goes first: laid out while the old one is still alive, the
            # new one cannot reuse its memory (the index laid out: 37 MB at 1,594 exhibits).
            index.layout = None
            release()
            n_index = count_flow(plan, index)
        if n_index == index.n_pages:
            break
        index.n_pages = n_index
    names = where.file_names
    whole = {f"E{no}" for no in jobs.whole_exhibits()}  # originals shown as their page image
    manifest = build_manifest(plan, run.mask, list(counts), whole)
    manifest_sha = sha256(manifest)
    originals = [(original_name(pe.label, pe.exhibit.source_name), pe.path, pe.exhibit.sha256)
                 for pe in plan.exhibits if pe.label not in whole] if plan.embeds_originals else []
    streams = jobs.file_streams({pe.number: pe.exhibit.sha256 for pe in plan.exhibits})
    paths, pages, sizes, shas = [], [], [], []
    lo, hi = frac
    for k, pieces in enumerate(files, start=1):
        check_cancel(run.cancel)
        where.file_no = k
        body = tmp / f"body-{k}.pdf"
        path = tmp / names[k - 1]
        cover = CoverFacts(pages=counts[k - 1], total_pages=sum(counts), file_no=k,
                           file_names=names, manifest_sha256=manifest_sha,
                           exhibit_pages=dict(where.pages), item_pages=dict(where.anchors))
        inserts = draw_file(plan, pieces, str(body), total=counts[k - 1], file_no=k,
                            file_count=len(files), cover=cover, mask=run.mask, cancel=run.cancel)
        release()  # the drawn canvas, before the finisher reads the body back
        run.progress(lo + (hi - lo) * (k - 0.5) / len(files), "正在合并文件", "Merging files")
        shas.append(finish_file(plan, body, path, inserts=inserts, docs=run.contents,
                                manifest=manifest, manifest_sha=manifest_sha,
                                originals=originals if k == 1 else [], streams=streams,
                                file_no=k, on_error=run.merge_failed_at))
        body.unlink()
        release()  # the finished file's objects, before the next file or the seal
        paths.append(path)
        pages.append(counts[k - 1])
        sizes.append(path.stat().st_size)
    return Rendered(paths, pages, sizes, shas, manifest_sha, [], [])


