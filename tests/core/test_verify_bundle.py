"""verify_bundle: untouched originals pass; an altered or missing one is named."""

from __future__ import annotations

import shutil

import pytest

from evidencekit.errors import VerifyError
from evidencekit.export import export_bundle, verify_bundle

from .export_fixtures import NOW, build_case, originals_dir


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    root = tmp_path_factory.mktemp("verify")
    src = build_case(root, photos=2)
    rep = export_bundle(src, root / "b.pdf", now=NOW)
    return root, rep.files[0]


def test_untouched_originals_pass(bundle):
    root, path = bundle
    report = verify_bundle(path, originals_dir(root))
    assert report.ok and report.manifest_ok
    assert all(i.status == "ok" for i in report.items)


def test_altered_and_missing_are_named(bundle, tmp_path):
    root, path = bundle
    copy = tmp_path / "orig"
    shutil.copytree(originals_dir(root), copy)
    photo = copy / "IMG_0001.jpg"
    photo.write_bytes(photo.read_bytes() + b"tampered")
    (copy / "trace.json").unlink()
    report = verify_bundle(path, copy)
    assert not report.ok
    status = {i.source_name: i.status for i in report.items}
    assert status["IMG_0001.jpg"] == "differs"
    assert status["trace.json"] == "missing"
    assert status["chat.txt"] == "ok"
    assert any("IMG_0001.jpg" in line and "DIFFERS" in line for line in report.lines("en"))


def test_renamed_original_matches_by_hash(bundle, tmp_path):
    root, path = bundle
    copy = tmp_path / "orig"
    shutil.copytree(originals_dir(root), copy)
    (copy / "chat.txt").rename(copy / "聊天记录导出.txt")
    assert verify_bundle(path, copy).ok


def test_without_originals_not_ok(bundle):
    _, path = bundle
    report = verify_bundle(path)
    assert not report.ok and report.checked_against == "none"


def test_not_a_bundle(tmp_path):
    from .export_fixtures import make_report_pdf
    with pytest.raises(VerifyError):
        verify_bundle(make_report_pdf(tmp_path / "x.pdf", 1))


# --- archive bundles: the originals embedded in the PDF, read and hashed as streams ---

@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("verify-archive")
    src = build_case(root, photos=2)
    rep = export_bundle(src, root / "a.pdf", now=NOW, profile="archive")
    return src, rep.files[0]


def _statuses(report):
    return {i.source_name: i.status for i in report.items}


def test_archive_untouched_passes_without_pypdf_stream_reads(archive, monkeypatch):
    from evidencekit.export import embedded

    def no_fallback(*a, **k):
        raise AssertionError("attachments should be read from their offsets, not via pypdf")
    monkeypatch.setattr(embedded, "_via_pypdf", no_fallback)
    _, path = archive
    report = verify_bundle(path)
    assert report.ok and report.checked_against == "embedded"
    assert len(report.items) == 5 and all(i.found == "embedded" for i in report.items)


def test_archive_altered_attachment_is_named(archive, tmp_path):
    src, path = archive
    photo = next(e for e in src.exhibits if e.source_name == "IMG_0001.jpg")
    original = src.blob_path(photo.sha256).read_bytes()
    data = path.read_bytes()
    # the photo's original is stored once, as its page image (its exact bytes)
    at = data.rfind(original[-4096:])
    assert at > 0
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + bytes(b ^ 0xFF for b in data[at:at + 64])
                         + data[at + 64:])  # same length: offsets unchanged
    report = verify_bundle(tampered)
    assert not report.ok
    assert _statuses(report) == {**{e.source_name: "ok" for e in src.exhibits},
                                 "IMG_0001.jpg": "differs"}


def test_archive_missing_attachment_is_named(archive, tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, NameObject
    _, path = archive
    w = PdfWriter(clone_from=PdfReader(str(path)))
    tree = w._root_object["/Names"]["/EmbeddedFiles"]
    names = tree["/Names"]
    keep = ArrayObject()
    for i in range(0, len(names), 2):
        if not str(names[i]).endswith("trace.json"):
            keep.extend(names[i:i + 2])
    tree[NameObject("/Names")] = keep
    out = tmp_path / "missing.pdf"
    with open(out, "wb") as f:
        w.write(f)
    report = verify_bundle(out)
    assert not report.ok and _statuses(report)["trace.json"] == "missing"
    assert sum(s == "ok" for s in _statuses(report).values()) == 4


def test_archive_recompressed_by_qpdf_still_verifies(archive, tmp_path, monkeypatch):
    """Flate-compressed attachments in an xref stream (qpdf's rewrite) are inflated in chunks."""
    import subprocess

    from evidencekit.export import embedded
    monkeypatch.setattr(embedded, "CHUNK", 4096)  # many chunks even for small files

    def no_fallback(*a, **k):
        raise AssertionError("inflated in chunks, not via pypdf")
    monkeypatch.setattr(embedded, "_via_pypdf", no_fallback)
    _, path = archive
    out = tmp_path / "qpdf.pdf"
    subprocess.run(["qpdf", "--compress-streams=y", "--object-streams=generate", str(path),
                    str(out)], check=True)
    assert b"/FlateDecode" in out.read_bytes()
    assert verify_bundle(out).ok


def test_archive_pypdf_fallback_agrees(archive, monkeypatch):
    """Streams the direct reader declines (other filters, predictors) go through pypdf."""
    from evidencekit.export import embedded
    monkeypatch.setattr(embedded, "_direct", lambda *a: None)
    _, path = archive
    assert verify_bundle(path).ok
