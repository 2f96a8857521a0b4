"""The 30-second cover (issue 10 item 5): key facts drawn from what ingestion knows (signed event
with time, place and signer; the longest stall; batch numbers; capture times), each naming and
linking the exhibit's page; buyer data in them masked like everywhere else."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from pypdf import PdfReader

from evidencekit.export import export_bundle, source_from_library
from evidencekit.export.keyfacts import key_facts
from evidencekit.masking import Masker

from .export_fixtures import NOW, fixture_library
from .pdf_tools import page_text


def test_cover_lists_key_facts_linked_to_their_pages(tmp_path):
    lib, cid = fixture_library(tmp_path, photos=2)
    source = source_from_library(lib, cid, "arbitration", NOW)
    rep = export_bundle(source, tmp_path / "b.pdf", now=NOW, zone="Asia/Shanghai",
                        allow_incomplete=True)
    cover = page_text(rep.files[0], 1)
    assert "要点 Key facts" in cover
    lines = [" ".join(line.split()) for line in cover.splitlines()]
    signed = next(line for line in lines if "签收" in line and "→ E2" in line)
    assert "2024-09-18" in signed and "本人" in signed  # time and signer, from the trace's facts
    assert any("物流最长停滞" in line and "→ E2" in line for line in lines)
    assert any("批号 B20240901 → E3" in line for line in lines)  # from the report's text
    assert any("照片拍摄时间" in line and "E4–E5" in line for line in lines)
    # each fact is a link to its exhibit's first page, which the line names
    reader = PdfReader(rep.files[0])
    page_of = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    targets = {page_of[a["/Dest"][0].idnum] for a in links if "/Dest" in a}
    named = {label: int(line.split(f"{label} 第 ")[1].split(" 页")[0])
             for label in ("E2", "E3", "E4") for line in lines if f"→ {label} 第 " in line}
    assert len(named) == 3 and set(named.values()) <= targets
    assert page_text(rep.files[0], named["E3"]).count("E3") >= 1  # the named page is E3's

def test_buyer_data_in_a_key_fact_is_masked():
    exhibit = SimpleNamespace(kind="logistics_trace", facts={
        "signed_at": "2024-09-18T02:00:00+00:00", "signed_by": "李小明",
        "signed_place": "杭州市西湖区文三路123号 13812345678", "stalls": []}, marks=[])
    plan = SimpleNamespace(zone=UTC, exhibits=[SimpleNamespace(label="E2", exhibit=exhibit,
                                                               render="trace")],
                           now=datetime(2024, 9, 20, tzinfo=UTC),
                           source=SimpleNamespace(contents={}))
    masker = Masker(True, names=("李小明",))
    (fact,) = key_facts(plan, masker)  # type: ignore[arg-type]
    assert "李小明" not in fact.zh + fact.en and "13812345678" not in fact.zh + fact.en
    assert "李**" in fact.zh and "文三路123号" not in fact.zh
    assert fact.label == "E2" and "2024-09-18 02:00" in fact.zh
