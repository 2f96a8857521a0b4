"""Table cells break at word boundaries (issue 10 item 4): the index's kind column said
"Packing recor" / "d"."""

from __future__ import annotations

from evidencekit.export import export_bundle, source_from_library

from .export_fixtures import NOW, fixture_library, make_photo
from .pdf_tools import text_of


def test_index_kind_column_keeps_words_whole(tmp_path):
    lib, cid = fixture_library(tmp_path, photos=0, chat_messages=2)
    lib.attach(cid, make_photo(tmp_path / "pack.jpg", "packing"), kind="packing_record")
    rep = export_bundle(source_from_library(lib, cid, "arbitration", NOW), tmp_path / "b.pdf",
                        now=NOW, allow_incomplete=True)
    words = text_of(rep.files[0]).split()
    assert "recor" not in words and "Inspection" in words and "record" in words
