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
