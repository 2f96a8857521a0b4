"""Merged PDFs, page by page: buyer data blacked out for real, scans and unembedded Chinese
fonts named, unembedded fonts drawn again with the bundled font (text kept)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from evidencekit.export import export_bundle, fonts
from evidencekit.export.redact import redact_document
from evidencekit.masking import Masker

from .export_fixtures import NOW, CaseFiles, build_case
from .pdf_tools import page_text, text_of


def _mixed_pdf(path: Path, tmp: Path) -> Path:
    """p1 buyer data (embedded font), p2 clean, p3 a scan, p4 an unembedded Chinese font."""
    font = fonts.register()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # never embedded by reportlab
    c = Canvas(str(path), invariant=1, initialFontName=font)
    c.setFont(font, 12)
    c.drawString(72, 760, "收件人：李四 电话：13812345678")
    c.showPage()
    c.setFont(font, 12)
    c.drawString(72, 760, "批次 B20240901 结论：合格")
    c.showPage()
    Image.new("RGB", (300, 200), (220, 220, 220)).save(tmp / "scan.jpg")
    c.drawImage(str(tmp / "scan.jpg"), 72, 400, 300, 200)
    c.showPage()
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, "兹证明运单于九月十八日由本人签收")
    c.showPage()
    c.save()
    return path


def test_pages_sorted_by_what_they_hold(tmp_path):
    pdf = _mixed_pdf(tmp_path / "m.pdf", tmp_path)
    r = redact_document(pdf, Masker(True, ("李四",)), tmp_path, name="E8")
    assert r.redacted == [0] and r.scanned == [2] and r.unembedded == [3]
    assert sorted(r.refonted) == [3]
    hidden = [r.pages[0].text[s:e] for s, e in r.pages[0].hidden]
    assert hidden == ["四", "1234"]
    im = Image.open(r.images[0]).convert("L")
    assert im.getextrema()[0] == 0  # black boxes painted
    zh = [w[0] for w in r.warnings("E8")]
    assert "E8 第3页是扫描件，无法自动遮挡，请人工检查" in zh
    assert any("第4页使用未嵌入的中文字体，已用内置字体重绘" in w for w in zh)
    # masking off: nothing rendered, scans not reported (nothing was to be masked)
    plain = redact_document(pdf, Masker(False), tmp_path, name="P")
    assert plain.images == {} and not any("扫描件" in w[0] for w in plain.warnings("P"))


def test_bundle_redacts_and_redraws(tmp_path):
    src = build_case(tmp_path / "c", photos=0)
    cf = CaseFiles(tmp_path / "more")
    e = cf.add(_mixed_pdf(tmp_path / "waybill.pdf", tmp_path), "courier_proof", "面单")
    e.id += 500
    e.position += 50
    blobs = {**{x.sha256: src.blob_path(x.sha256) for x in src.exhibits},
             e.sha256: cf.blob_path(e.sha256)}
    source = replace(src, exhibits=src.exhibits + (e,), blob_path=lambda h: blobs[h],
                     case=replace(src.case, buyer_name="李四"))
    rep = export_bundle(source, tmp_path / "b.pdf", now=NOW, zone="Asia/Shanghai")
    text = text_of(rep.files[0])
    assert "13812345678" not in text and "收件人：李四" not in text
    assert "批次 B20240901 结论：合格" in text  # a clean page stays vector text
    assert "兹证明运单于九月十八日由本人签收" in text  # redrawn, still searchable
    assert any("E4 第3页是扫描件" in w[0] for w in rep.warnings)
    pages = [page_text(rep.files[0], i) for i in range(1, rep.pages[0] + 1)]
    assert any("内置字体重绘" in p and "兹证明" in p for p in pages)
