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


LONG = ("acknowledgement_letter_signed_by_consignee.pdf", "customer.service@bei-lai-store.com",
        "logistics.claims@sf-express-hangzhou.com", "Consignee", "acknowledged", "telephoned")


def _cut_words(text: str) -> list[str]:
    """Words of LONG found cut in two ("...signed_by_co" / "nsignee.pdf") anywhere in the text."""
    tokens = set(text.split())
    return [w for w in LONG for k in range(2, len(w) - 1) if w[:k] in tokens and w[k:] in tokens]


def test_paragraphs_never_cut_an_english_word():
    """reportlab's CJK wrapping looked back only half a line for a space."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from evidencekit.export.fonts import FONT, register
    register()
    style = ParagraphStyle("t", fontName=FONT, fontSize=8.5, leading=11, wordWrap="CJK")
    for text in ("包装Packing record verification", "包装<b>Packing</b> record verification"):
        p = Paragraph(text, style)
        p.wrap(60, 1000)
        lines = [" ".join(getattr(w, "text", w) if not isinstance(w, str) else w
                          for w in (line[1] if isinstance(line, tuple) else
                                    [f.text for f in line.words])).strip()
                 for line in p.blPara.lines]
        assert [x.replace(" ", "") for x in lines] == ["包装Packing", "record", "verification"]
    chinese = Paragraph("全部是中文的一段话没有空格也能断行", style)
    chinese.wrap(60, 1000)
    assert len(chinese.blPara.lines) > 1  # Chinese still breaks anywhere


def test_long_english_in_every_table_breaks_between_words(tmp_path):
    """Captions (index, exhibit pages), the work-order log, appeal points and the records copy's
    action log: an English word (a file name, an e-mail address) moves whole to the next line."""
    from datetime import timedelta

    from evidencekit.domain import AppealPoint

    lib, cid = fixture_library(tmp_path, mode="appeal", photos=1, chat_messages=2)
    long = ("开箱照片 see acknowledgement_letter_signed_by_consignee.pdf and "
            "customer.service@bei-lai-store.com 收件人Consignee telephoned and acknowledged")
    for e in lib.list_exhibits(cid):
        lib.update_exhibit(e.id, caption=long)
    lib.add_worklog(cid, NOW - timedelta(days=60), "已发送邮件至 customer.service@bei-lai-store.com "
                    "并抄送 logistics.claims@sf-express-hangzhou.com，客服telephoned the Consignee")
    lib.update_case(cid, appeal_points=[AppealPoint(long, "Customer complained " + long, [1])])
    source = source_from_library(lib, cid, "appeal", NOW)
    for audience in ("platform", "records"):
        rep = export_bundle(source, tmp_path / f"{audience}.pdf", now=NOW, mode="appeal",
                            allow_incomplete=True, audience=audience, mask=False)
        text = text_of(rep.files[0])
        assert "acknowledgement_letter_signed_by_consignee.pdf" in text
        assert _cut_words(text) == [], audience
