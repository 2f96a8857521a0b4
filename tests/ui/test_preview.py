"""The preview pane picks the viewer for each kind and loads content off the UI thread."""

from __future__ import annotations

import pytest

from .conftest import DATA, make_case


def _show(qtbot, window, ctx, case, name, expect):
    panel = window.case_view.evidence
    ex = next(e for e in ctx.lib.list_exhibits(case.id) if e.source_name == name)
    with qtbot.waitSignal(panel.preview.shown, timeout=10000,
                          check_params_cb=lambda which: which == expect):
        panel.select_exhibits([ex.id])
    return panel.preview


def test_previews_per_kind(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, dispute_type="quality_issue")
    for name in ("photo_exif.jpg", "chat_gbk.txt", "trace_kuaidi100.json", "inspection_report.pdf",
                 "packing_video.mp4"):
        ctx.lib.attach(case.id, DATA / name)
    window.open_case(case.id)
    pane = _show(qtbot, window, ctx, case, "photo_exif.jpg", "image")
    assert pane.image.has_image()
    pane = _show(qtbot, window, ctx, case, "chat_gbk.txt", "chat")
    assert pane.chat.message_count >= 4 and "杯子碎了" in pane.chat.toPlainText()
    pane = _show(qtbot, window, ctx, case, "trace_kuaidi100.json", "trace")
    assert pane.trace.rowCount() > 3 and pane.trace.signed_rows
    signed = pane.trace.item(pane.trace.signed_rows[0], 2).text()
    assert signed.startswith("✔")
    pane = _show(qtbot, window, ctx, case, "inspection_report.pdf", "pdf")
    assert pane.pdf.page_count() >= 1
    # The sample videos are headers only: no frames, so facts and the "listed, not shown" note.
    pane = _show(qtbot, window, ctx, case, "packing_video.mp4", "video")
    video = next(e for e in ctx.lib.list_exhibits(case.id) if e.source_name == "packing_video.mp4")
    assert video.sha256 in pane.video.facts.text() and "0:12" in pane.video.facts.text()
    assert pane.video.frame_count() == 0 and "列出" in pane.video.note.text()


def test_video_preview_shows_keyframes(qtbot, window, ctx, clock, tmp_path):
    """A real (tiny) video and PyAV installed: the core's keyframes are shown."""
    av = pytest.importorskip("av")
    from PIL import Image
    path = tmp_path / "packing.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt, stream.gop_size = 160, 96, "yuv420p", 5
        for i in range(20):
            frame = Image.new("RGB", (160, 96), [(200, 0, 0), (0, 160, 0), (0, 0, 200)][i % 3])
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    case = make_case(ctx.lib, clock, dispute_type="missing_items")
    ctx.lib.attach(case.id, path)
    window.open_case(case.id)
    pane = _show(qtbot, window, ctx, case, "packing.mp4", "video")
    assert pane.video.frame_count() == 4
    assert not pane.video.frame_labels[0].pixmap().isNull()
    assert "0:02" in pane.video.facts.text() and "SHA-256" in pane.video.facts.text()


def test_video_preview_without_a_decoder(qtbot, window, ctx, clock, monkeypatch):
    import evidencekit.ingest.video
    monkeypatch.setattr(evidencekit.ingest.video, "keyframes_available", lambda: False)
    case = make_case(ctx.lib, clock, dispute_type="missing_items")
    ctx.lib.attach(case.id, DATA / "packing_video.mov")
    window.open_case(case.id)
    pane = _show(qtbot, window, ctx, case, "packing_video.mov", "video")
    assert pane.video.frame_count() == 0
    assert "解码" in pane.video.note.text() and "列出" in pane.video.note.text()


def test_trace_preview_marks_stalls(qtbot, window, ctx, clock, tmp_path):
    trace = tmp_path / "stalled.txt"
    trace.write_text("2024-09-10 09:00:00 【杭州市】快件已揽收\n"
                     "2024-09-11 10:00:00 【杭州转运中心】已发出\n"
                     "2024-09-16 12:00:00 【北京转运中心】已到达\n"
                     "2024-09-17 08:30:00 【北京朝阳】已签收，签收人：本人\n", encoding="utf-8")
    case = make_case(ctx.lib, clock, dispute_type="shipping_delay")
    ctx.lib.attach(case.id, trace, kind="logistics_trace")
    window.open_case(case.id)
    pane = _show(qtbot, window, ctx, case, "stalled.txt", "trace")
    assert len(pane.trace.stall_rows) == 1
    assert "停滞" in pane.trace.item(pane.trace.stall_rows[0], 2).text()
    assert pane.trace.signed_rows == [pane.trace.rowCount() - 1]


def test_grid_view_gets_thumbnails(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, dispute_type="seven_day_return")
    ctx.lib.attach(case.id, DATA / "photo_exif.jpg")
    window.open_case(case.id)
    panel = window.case_view.evidence
    panel.toggle_view()
    assert panel.views.currentWidget() is panel.grid
    ex = ctx.lib.list_exhibits(case.id)[0]
    panel.model.index(0, 0).data(1)  # DecorationRole: asks for the thumbnail
    with qtbot.waitSignal(panel.thumbnails.thumbnail_made, timeout=10000):
        pass
    assert ex.sha256 in panel.thumbnails._icons
    assert list(panel.thumbnails.directory.rglob(f"{ex.sha256}.png"))
