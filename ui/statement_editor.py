"""The merchant's account, and in appeal mode a table of points (judgment basis / fact /
exhibits), with templates (话术库) and a gentle warning for emotional wording."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidencekit.errors import EvidenceKitError, StaleCase
from evidencekit.templates import BLANK, blanks, fill, load_templates, templates_for

from . import labels
from .case_edits import save_case
from .errors import describe
from .exhibit_picker import ExhibitIdsRole, ExhibitLinksDelegate, ExhibitPicker
from .i18n import lang, pick
from .models.points_model import COL_BASIS, COL_EXHIBITS, COL_FACT, AppealPointsModel
from .tone import check_tone


class BlankHighlighter(QSyntaxHighlighter):
    """Marks the template blanks 【…】 still to fill: a platform export refuses them."""

    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#ffe08a"))  # amber, with black text: any palette
        self.format.setForeground(QColor("#000000"))
        self.format.setFontWeight(700)

    def highlightBlock(self, text: str) -> None:
        found = set(blanks(text))
        for m in BLANK.finditer(text):
            if m.group(0) in found:
                self.setFormat(m.start(), m.end() - m.start(), self.format)

    def blank_count(self) -> int:
        return len(blanks(self.document().toPlainText()))


class StatementEditor(QWidget):
    saved = Signal()
    exhibit_requested = Signal(int)  # a point's exhibit link was clicked

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self.exhibits = []
        self.mode = "arbitration"
        try:
            self._templates = load_templates()
        except (OSError, ValueError):
            self._templates = []

        self.template = QComboBox()
        self.template.setMinimumContentsLength(24)
        self.insert_button = QPushButton(self.tr("Use template"))
        self.insert_button.clicked.connect(self.apply_template)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template")))
        top.addWidget(self.template, 1)
        top.addWidget(self.insert_button)

        self.text = QPlainTextEdit()
        self.text.setObjectName("statementText")
        self.text.setTabChangesFocus(True)  # a statement needs no tab characters; Tab moves on
        self.text.setPlaceholderText(self.tr(
            "Describe what happened, in order, with times and exhibit numbers (E1, E2…). "
            "Keep to facts; avoid emotional wording."))
        self.highlighter = BlankHighlighter(self.text.document())
        self.tone = QLabel()
        self.tone.setObjectName("toneWarning")
        self.tone.setWordWrap(True)
        self.tone.setStyleSheet(f"color: {labels.status_color('warning')};")
        self.tone.hide()
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {labels.status_color('missing')};")
        self.error.hide()
        statement_box = QGroupBox(self.tr("Merchant's statement"))
        sl = QVBoxLayout(statement_box)
        sl.addLayout(top)
        sl.addWidget(self.text, 1)
        sl.addWidget(self.tone)
        sl.addWidget(self.error)

        self.points = AppealPointsModel(self)
        self.points_view = QTableView()
        self.points_view.setObjectName("appealPoints")
        self.points_view.setModel(self.points)
        self.points_view.setWordWrap(True)
        self.points_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.points_view.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves
        h = self.points_view.horizontalHeader()
        h.setSectionResizeMode(COL_BASIS, QHeaderView.Stretch)
        h.setSectionResizeMode(COL_FACT, QHeaderView.Stretch)
        # Room for four or five links, not the 28 px the header's own width gave.
        h.setSectionResizeMode(COL_EXHIBITS, QHeaderView.Interactive)
        self.points_view.setColumnWidth(COL_EXHIBITS, 14 * self.fontMetrics().horizontalAdvance("M"))
        self.links = ExhibitLinksDelegate(self.points.number_of, self.points_view)
        self.points_view.setItemDelegateForColumn(COL_EXHIBITS, self.links)
        self.links.link_activated.connect(self.exhibit_requested)
        self.points_view.doubleClicked.connect(self._on_points_view_double_clicked)
        self.points_view.installEventFilter(self)
        # Tests replace this; a real run shows the checklist dialog.
        self.exhibit_chooser = self._choose_exhibits
        self.add_point_button = QPushButton(self.tr("Add point"))
        self.remove_point_button = QPushButton(self.tr("Remove point"))
        self.add_point_button.clicked.connect(self._on_add_point_clicked)
        self.remove_point_button.clicked.connect(self._on_remove_point_clicked)
        self.points_box = QGroupBox(self.tr("Appeal points: where the judgment's basis differs "
                                            "from the facts"))
        pl = QVBoxLayout(self.points_box)
        self.judgment = QLabel()
        self.judgment.setObjectName("judgmentQuote")
        self.judgment.setWordWrap(True)
        self.judgment.setTextFormat(Qt.PlainText)
        self.judgment.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.judgment.setStyleSheet("border-left: 3px solid palette(mid); padding-left: 6px;")
        pl.addWidget(self.judgment)
        pl.addWidget(self.points_view, 1)
        hint = QLabel(self.tr("Exhibits: double-click the cell (or press Enter on it) to tick "
                              "them; click a number to see that exhibit."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        pb = QHBoxLayout()
        pb.addWidget(hint, 1)
        pb.addWidget(self.add_point_button)
        pb.addWidget(self.remove_point_button)
        pl.addLayout(pb)

        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.setObjectName("statementSplitter")
        self.splitter.addWidget(statement_box)
        self.splitter.addWidget(self.points_box)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)

        self._in_flight = 0  # saves sent to the writer and not yet answered
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self.save)
        self.text.textChanged.connect(self._on_text_changed)
        self.points.points_edited.connect(self._on_points_edited)
        self._loading = False

    # ---- loading -------------------------------------------------------------------------
    def set_case(self, case, exhibits) -> None:
        same = self.case is not None and self.case.id == case.id
        if not same:
            self.save()
        # While this editor's own saves are on their way (or one is due), what it shows is newer
        # than any read of the case: a redraw then takes the other facts but keeps the editor's
        # text and points (reloading them put back an older version, and the next save wrote it).
        dirty = same and (self._in_flight > 0 or self._save_timer.isActive())
        if dirty:
            case = replace(case, statement=self.case.statement, appeal_points=self.case.appeal_points)
        self.case = case
        self.exhibits = list(exhibits)
        self._loading = True
        try:
            if not dirty and not (same and self.text.hasFocus()) and \
                    self.text.toPlainText() != case.statement:
                self.text.setPlainText(case.statement)
            if not dirty and not (same and self.points_view.state() == QAbstractItemView.EditingState):
                self.points.set_points(case.appeal_points, {e.id: e.position for e in exhibits})
        finally:
            self._loading = False
        ref = case.judgment_ref or "—"
        text = case.judgment_text.strip() or self.tr("(no judgment text yet: paste it on the Facts tab)")
        self.judgment.setText(self.tr("Judgment %1: %2").replace("%1", ref).replace("%2", text))
        self._refresh_templates()
        self._check_tone()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.points_box.setVisible(mode == "appeal")
        self._refresh_templates()

    def _refresh_templates(self) -> None:
        current = self.template.currentData()
        self.template.clear()
        if self.case is None:
            return
        for t in templates_for(self._templates, self.case.dispute_type, self.mode):
            self.template.addItem(t.title(lang()), t.id)
        self.template.setCurrentIndex(max(0, self.template.findData(current)))
        self.insert_button.setEnabled(self.template.count() > 0)

    # ---- editing -------------------------------------------------------------------------
    def apply_template(self) -> None:
        tid = self.template.currentData()
        t = next((t for t in self._templates if t.id == tid), None)
        if t is None or self.case is None:
            return
        cursor = self.text.textCursor()
        if self.text.toPlainText().strip():
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText("\n\n")
        cursor.insertText(t.text(lang(), self.case, self.exhibits))
        if self.mode == "appeal":
            for p in t.points:
                self.points.add_point(fill(pick(p.basis_zh, p.basis_en), self.case, self.exhibits,
                                           lang()),
                                      fill(pick(p.fact_zh, p.fact_en), self.case, self.exhibits,
                                           lang()))
        self.save()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._save_timer.start()
        self._check_tone()

    def _check_tone(self) -> None:
        notes = check_tone(self.text.toPlainText())
        for p in self.points.points():
            notes += check_tone(p.basis + "\n" + p.fact)
        seen, lines = set(), []
        for n in notes:
            if n.code not in seen:
                seen.add(n.code)
                lines.append("• " + pick(n.zh, n.en))
        self.tone.setText(pick("措辞提醒（不影响导出）：", "Wording note (does not block export):")
                          + "\n" + "\n".join(lines) if lines else "")
        self.tone.setVisible(bool(lines))

    def tone_codes(self) -> list[str]:
        notes = check_tone(self.text.toPlainText())
        return [n.code for n in notes]

    def _on_points_edited(self) -> None:
        if not self._loading:
            self.save()
        self._check_tone()

    def _on_add_point_clicked(self) -> None:
        row = self.points.add_point()
        self.points_view.edit(self.points.index(row, COL_BASIS))

    def _on_remove_point_clicked(self) -> None:
        rows = sorted({i.row() for i in self.points_view.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.points_view.currentIndex().isValid():
            rows = [self.points_view.currentIndex().row()]
        for r in rows:
            self.points.remove_point(r)

    # ---- a point's exhibits -----------------------------------------------------------------
    def choose_exhibits(self, row: int) -> bool:
        """Let the user tick the exhibits of point ``row`` (from the case's exhibits)."""
        if not (0 <= row < self.points.rowCount()):
            return False
        index = self.points.index(row, COL_EXHIBITS)
        chosen = self.exhibit_chooser(self.exhibits, index.data(ExhibitIdsRole) or [])
        if chosen is None:
            return False
        return self.points.setData(index, chosen, ExhibitIdsRole)

    def _choose_exhibits(self, exhibits, chosen):
        dlg = ExhibitPicker(exhibits, chosen, self)
        try:
            return dlg.chosen() if dlg.exec() == ExhibitPicker.Accepted else None
        finally:
            dlg.deleteLater()

    def _on_points_view_double_clicked(self, index) -> None:
        if index.column() == COL_EXHIBITS:
            self.choose_exhibits(index.row())

    def eventFilter(self, obj, event):
        from PySide6.QtCore import QEvent
        if obj is self.points_view and event.type() == QEvent.KeyPress and \
                event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F2, Qt.Key_Space):
            current = self.points_view.currentIndex()
            if current.isValid() and current.column() == COL_EXHIBITS:
                self.choose_exhibits(current.row())
                return True
        return super().eventFilter(obj, event)

    def save(self) -> None:
        self._save_timer.stop()
        if self.case is None:
            return
        fields = {}
        if self.text.toPlainText() != self.case.statement:
            fields["statement"] = self.text.toPlainText()
        pts = self.points.points()
        if pts != self.case.appeal_points:
            fields["appeal_points"] = pts
        if not fields:
            return
        case_id, before = self.case.id, self.case
        self.case = replace(self.case, **fields)  # what the editor shows, until saved

        def saved(changes) -> None:
            self._in_flight -= 1
            # an earlier save's answer is older than what the editor holds: only the last one counts
            if self.case is not None and self.case.id == case_id and self._in_flight == 0:
                self.case = changes.value
            self.error.hide()
            self.saved.emit()

        def refused(exc) -> None:
            self._in_flight -= 1
            if self.case is not None and self.case.id == case_id:
                self.case = before  # not saved: the next change tries again
            if isinstance(exc, StaleCase):  # someone else saved first: their dialog says so
                return
            if not isinstance(exc, EvidenceKitError):
                self.ctx.presenter.show(exc, self)
                return
            self.error.setText(describe(exc)[0])
            self.error.show()

        self._in_flight += 1
        save_case(self.ctx, case_id, fields, name="save statement", on_success=saved,
                  on_failure=refused, parent=self)
