"""The review page's charts (QtCharts): one per section, a bar that can be clicked.

A chart shows at most :data:`MAX_BARS` bars (the table beside it has every row). Clicking a
bar emits the ids of the cases behind it: in the disputes chart, a segment is the group's
cases with that decision.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter

from . import labels

MAX_BARS = 12
# Decision colours, readable on light and dark backgrounds; "undecided" is a neutral grey.
DECISION_COLORS = {"won": "#2e7d32", "partly": "#f9a825", "lost": "#c62828", "refunded": "#1565c0",
                   "withdrawn": "#8d6e63", "undecided": "#9e9e9e"}
SERIES_COLORS = ("#1565c0", "#9e9e9e")


def _short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class ReviewChart(QChartView):
    bar_clicked = Signal(list, str)  # case ids, what the bar is

    def __init__(self, section: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"reviewChart_{section}")
        self.setRenderHint(QPainter.Antialiasing)
        self.setMinimumHeight(260)
        self._data: dict | None = None
        self._targets: list[tuple[list, str]] = []  # per bar: (case ids, label)
        self.retranslate()

    def retranslate(self) -> None:
        self._names = {
            "won": self.tr("Won"), "partly": self.tr("Partly"), "lost": self.tr("Lost"),
            "refunded": self.tr("Refunded"), "withdrawn": self.tr("Withdrawn"),
            "undecided": self.tr("Undecided"), "on_time": self.tr("On time %"),
            "with": self.tr("Win rate with it %"), "without": self.tr("Win rate without it %"),
            "count": self.tr("Times said"), "empty": self.tr("No cases in this range."),
        }
        if self._data is not None:
            self.set_review(self._data)

    def _new_chart(self) -> QChart:
        chart = QChart()
        chart.setTheme(QChart.ChartThemeDark if labels.dark_palette() else QChart.ChartThemeLight)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignBottom)
        chart.setAnimationOptions(QChart.NoAnimation)  # screenshots and tests see the final bars
        return chart

    def set_review(self, data: dict) -> None:
        self._data = data
        chart = self._new_chart()
        getattr(self, f"_draw_{self.section}")(chart, data)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def bar_count(self) -> int:
        return len(self._targets)

    def click_bar(self, index: int, decision: str = "") -> None:
        """What a click on bar ``index`` (a segment ``decision`` of it; in the kinds chart
        ``with`` or ``without``) does; tests call it."""
        self._on_bar_clicked(index, decision)

    # ---- the four charts ---------------------------------------------------------------------
    def _axes(self, chart: QChart, series, categories: list[str], horizontal: bool, top: float | None = None):
        cats = QBarCategoryAxis()
        cats.append(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        if top is not None:
            values.setRange(0, top)
        chart.addAxis(cats, Qt.AlignLeft if horizontal else Qt.AlignBottom)
        chart.addAxis(values, Qt.AlignBottom if horizontal else Qt.AlignLeft)
        series.attachAxis(cats)
        series.attachAxis(values)
        if top is None:
            values.applyNiceNumbers()

    def _draw_groups(self, chart: QChart, data: dict) -> None:
        groups = data["groups"][:MAX_BARS]
        self._targets = [(g["case_ids"], g["label"]) for g in groups]
        if not groups:
            chart.setTitle(self._names["empty"])
            return
        horizontal = data["by"] not in ("week", "month")
        series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
        order = ("won", "partly", "lost", "refunded", "withdrawn", "undecided")
        for key in order:
            s = QBarSet(self._names[key])
            s.setColor(QColor(DECISION_COLORS[key]))
            s.setBorderColor(QColor(DECISION_COLORS[key]))
            for g in groups:
                s.append(len(g["case_ids_by_decision"][key]))
            s.setProperty("decision", key)
            series.append(s)
        series.clicked.connect(lambda i, s: self._on_bar_clicked(i, s.property("decision")))
        chart.addSeries(series)
        cats = [_short(g["key"] if data["by"] == "week" else g["label"]) for g in groups]
        if horizontal:
            cats.reverse()  # the biggest group on top
            for s in series.barSets():
                values = [s.at(i) for i in range(s.count())][::-1]
                s.remove(0, s.count())
                s.append(values)
            self._targets.reverse()
        self._axes(chart, series, cats, horizontal)

    def _simple(self, chart: QChart, rows: list[dict], value, label, name: str, horizontal: bool,
                top: float | None) -> None:
        rows = rows[:MAX_BARS]
        if horizontal:
            rows = rows[::-1]  # Qt draws the first bar at the bottom: the table's first row on top
        self._targets = [(r.get("case_ids") or [], label(r)) for r in rows]
        if not rows:
            chart.setTitle(self._names["empty"])
            return
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        s = QBarSet(self._names[name])
        s.setColor(QColor(SERIES_COLORS[0]))
        s.append([value(r) for r in rows])
        series.append(s)
        series.clicked.connect(lambda i, _s: self._on_bar_clicked(i, ""))
        chart.addSeries(series)
        chart.legend().hide()
        self._axes(chart, series, [_short(label(r), 24) for r in rows], horizontal, top)

    def _draw_clocks(self, chart: QChart, data: dict) -> None:
        self._simple(chart, data["clocks"], lambda c: round((c["on_time_rate"] or 0) * 100, 1),
                     lambda c: c["name"], "on_time", True, 100)

    def _draw_words(self, chart: QChart, data: dict) -> None:
        self._simple(chart, data.get("words") or [], lambda w: w["count"], lambda w: w["word"], "count", True, None)

    def _draw_kinds(self, chart: QChart, data: dict) -> None:
        kinds = data["kinds"][:MAX_BARS]
        self._targets = [(k["with"].get("case_ids") or [], k["name"]) for k in kinds]
        if not kinds:
            chart.setTitle(self._names["empty"])
            return
        series = QBarSeries()
        for side, color in zip(("with", "without"), SERIES_COLORS, strict=True):
            s = QBarSet(self._names[side])
            s.setColor(QColor(color))
            s.append([round((k[side]["win_rate"] or 0) * 100, 1) for k in kinds])
            s.setProperty("side", side)
            series.append(s)
        series.clicked.connect(lambda i, s: self._on_bar_clicked(i, s.property("side")))
        chart.addSeries(series)
        self._axes(chart, series, [_short(k["name"], 8) for k in kinds], False, 100)

    def _on_bar_clicked(self, index: int, decision: str) -> None:
        if not 0 <= index < len(self._targets):
            return
        ids, what = self._targets[index]
        if self.section == "kinds" and self._data is not None:  # decision: "with" | "without"
            side = decision or "with"
            ids = self._data["kinds"][index][side].get("case_ids") or []
            what = f"{what} · {self._names[side]}"
            self.bar_clicked.emit(list(ids), what)
            return
        if decision and self.section == "groups" and self._data is not None:
            group = next(g for g in self._data["groups"] if g["case_ids"] == ids)
            ids = group["case_ids_by_decision"].get(decision, [])
            what = f"{what} · {self._names.get(decision, decision)}"
        self.bar_clicked.emit(list(ids), what)
