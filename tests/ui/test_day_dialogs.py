"""Issue 12, items 1 and 8: dialogs that close, actions that need a case, help, the window
title, the new-case instant, Qt's own Chinese strings, and the empty list's hints."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFileDialog, QLabel

from ui.ops import OpChanges

from .conftest import DATA, make_case


def _export_dialog(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    window.open_case(case.id)
    dlg = window.export_bundle()
    qtbot.waitExposed(dlg)
    return dlg


def test_export_dialog_closes_with_its_close_button(qtbot, window, ctx, clock):
    dlg = _export_dialog(qtbot, window, ctx, clock)
    qtbot.mouseClick(dlg.close_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=2000)


def test_export_dialog_closes_with_escape(qtbot, window, ctx, clock):
    dlg = _export_dialog(qtbot, window, ctx, clock)
    dlg.activateWindow()
    qtbot.keyClick(dlg, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=2000)


def test_export_is_disabled_without_a_case(qtbot, window, ctx, clock):
    assert window.case_list.selected_case_id() is None
    assert not window.act_export.isEnabled()
    assert window.export_bundle() is None
    case = make_case(ctx.lib, clock)
    ctx.apply(OpChanges(case_list=True))  # cases made outside the app's ops
    window.case_list.select_case(case.id)
    assert window.act_export.isEnabled()


def test_bundle_preview_fits_a_small_screen(qtbot, window, tmp_path):
    from ui.export_dialog import BundlePreviewDialog
    pdf = DATA / "inspection_report.pdf"
    dlg = BundlePreviewDialog(pdf, window)
    qtbot.addWidget(dlg)
    avail = (dlg.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert dlg.height() <= avail.height() and dlg.width() <= avail.width()


def test_window_title_names_the_app_once(qtbot, window, ctx, clock):
    display = QGuiApplication.applicationDisplayName()

    def shown(title):  # how Qt decorates a title (QPlatformWindow::formatWindowTitle)
        return title if not display or title.endswith(display) else f"{title} — {display}"

    QGuiApplication.setApplicationDisplayName("EvidenceKit")
    display = "EvidenceKit"
    try:
        assert shown(window.windowTitle()).count("EvidenceKit") == 1
        case = make_case(ctx.lib, clock)
        window.open_case(case.id)
        title = shown(window.windowTitle())
        assert title.count("EvidenceKit") == 1 and case.case_no in title
    finally:
        QGuiApplication.setApplicationDisplayName("")


def test_help_menu_has_a_guide_and_the_shortcut_list(qtbot, window):
    names = [a.objectName() for m in window.menuBar().actions() if m.menu()
             for a in m.menu().actions()]
    assert "userGuide" in names and "shortcuts" in names
    guide = window.show_guide()
    qtbot.addWidget(guide)
    assert "Ctrl+N" in guide.text.toPlainText()
    qtbot.keyClick(guide, Qt.Key_Escape)
    assert not guide.isVisible()
    dlg = window.show_shortcuts()
    qtbot.addWidget(dlg)
    keys = dlg.shortcuts()
    for key in ("Ctrl+N", "Ctrl+E", "Ctrl+O", "Ctrl+Z", "Ctrl+Shift+T", "Ctrl+Shift+Del"):
        assert key in keys.values(), key
    assert any("新建" in name for name in keys)  # named as the menus name them, in Chinese


def test_new_case_names_the_instant_it_sets(qtbot, window, ctx):
    dlg = window.new_case()
    qtbot.addWidget(dlg)
    dlg.stage.setCurrentIndex(dlg.stage.findData("intervention"))
    assert dlg.clock_label.text() == "平台介入时间"
    values = dlg.values()
    assert "intervention_at" in values and "request_at" not in values  # nothing set silently
    dlg.stage.setCurrentIndex(dlg.stage.findData("request"))
    assert dlg.clock_label.text() == "售后申请时间"
    dlg.stage.setCurrentIndex(dlg.stage.findData("judged"))
    assert dlg.clock_label.text() == "判定时间" and "judgment_at" in dlg.values()
    dlg.reject()


def test_file_dialog_is_chinese(qtbot, ctx):
    dlg = QFileDialog(None, "x")
    dlg.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(dlg)
    dlg.show()
    english = [w.text() for w in dlg.findChildren(QLabel)
               if w.isVisible() and re.search(r"[A-Za-z]{3,}", w.text())]
    assert english == []
    assert QCoreApplication.translate("QFileDialog", "&Look in:") != "&Look in:"


def _lines(label: QLabel) -> list[str]:
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(label.width())
    doc.documentLayout().documentSize()  # lay it out now
    out = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            out.append(block.text()[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return [t for t in (s.strip("\u2028 ") for s in out) if t]


def test_first_start_hint_is_centred_without_a_lone_last_word(qtbot, window):
    window.resize(1366, 768)
    qtbot.wait(50)
    page = window.case_list
    hint, viewport = page.empty, page.table.viewport()
    assert hint.isVisible()
    centre = hint.mapTo(viewport, hint.rect().center())
    assert abs(centre.x() - viewport.rect().center().x()) <= 2
    assert abs(centre.y() - viewport.rect().center().y()) <= 2
    lines = _lines(hint)
    assert len(lines) >= 2 and min(len(t) for t in lines) >= 4, lines


def test_empty_list_points_to_the_trash(qtbot, window, ctx, clock):
    for order in ("1001", "1002"):
        case = make_case(ctx.lib, clock, order_no=order)
        ctx.lib.delete_case(case.id)
    ctx.apply(OpChanges(case_list=True))  # cases made outside the app's ops
    hint = window.case_list.empty
    assert hint.isVisible() and "2" in hint.text() and "回收站" in hint.text()
    with qtbot.waitSignal(window.case_list.trash_requested, timeout=1000):
        hint.linkActivated.emit("trash")
    qtbot.waitUntil(lambda: window.trash_dialog is not None and window.trash_dialog.isVisible())
    window.trash_dialog.close()
