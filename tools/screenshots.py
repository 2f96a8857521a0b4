"""Write 1440×900 screenshots of the app's main states to docs/screenshots/.

    python tools/screenshots.py            # light and dark palettes
    python tools/screenshots.py --scale 1.25 --only case-view   # at 125 % scaling

Runs headless (offscreen), on a temporary library with a fixed clock, so the pictures are
the same on every machine. A "signed but not received" case is worked from intake to an
exported appeal bundle; other cases fill the list in each deadline state.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)
NOW = datetime(2024, 9, 18, 2, 0, tzinfo=timezone.utc)


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in ((QPalette.Window, window), (QPalette.WindowText, text),
                        (QPalette.Base, base), (QPalette.AlternateBase, QColor("#26282b")),
                        (QPalette.Text, text), (QPalette.Button, QColor("#3c3f41")),
                        (QPalette.ButtonText, text), (QPalette.ToolTipBase, window),
                        (QPalette.ToolTipText, text), (QPalette.Highlight, QColor("#2f65ca")),
                        (QPalette.HighlightedText, QColor("#ffffff")),
                        (QPalette.PlaceholderText, QColor("#8c8f94")), (QPalette.Mid, QColor("#8c8f94")),
                        (QPalette.Link, QColor("#6ea8fe"))):
        p.setColor(role, color)
    p.setColor(QPalette.Disabled, QPalette.Text, QColor("#6f737a"))
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#6f737a"))
    return p


def _seed(lib, clock):
    """One case worked in detail, and a list of others in every deadline state."""
    from tests.ui.photos import make_photos
    tmp = Path(tempfile.mkdtemp(prefix="ek-shots-"))
    others = [
        ("quality_issue", "3726651180041", "intervention",
         dict(intervention_at=NOW - timedelta(hours=47, minutes=10)), "刘女士"),
        ("damaged_in_transit", "3726651180042", "intervention",
         dict(intervention_at=NOW - timedelta(hours=38)), "陈先生"),
        ("refund_dispute", "3726651180043", "request", dict(request_at=NOW - timedelta(hours=3)), "赵女士"),
        ("missing_items", "3726651180044", "intervention",
         dict(intervention_at=NOW - timedelta(hours=50)), "孙先生"),
        ("not_as_described", "3726651180045", "closed",
         dict(closed_at=NOW - timedelta(days=2), outcome="won"), "周女士"),
        ("lost_parcel", "3726651180046", "judged", dict(judgment_at=NOW - timedelta(days=2)), "吴先生"),
    ]
    for dtype, order, stage, fields, buyer in others:
        closing = stage == "closed"  # a closed case is read-only: attach first, then close it
        opened = {k: v for k, v in fields.items() if not closing or k not in ("closed_at", "outcome")}
        c = lib.create_case(platform="douyin", dispute_type=dtype, order_no=order,
                            stage="judged" if closing else stage, buyer_name=buyer, amount="129.00",
                            **opened)
        lib.attach(c.id, DATA / "chat_gbk.txt")
        if closing:
            lib.update_case(c.id, stage="closed", **{k: v for k, v in fields.items() if k not in opened})
    t = lib.create_case(platform="tiktok_shop", dispute_type="item_is_correct", order_no="577120398812",
                        zone="America/New_York",
                        stage="intervention", intervention_at=NOW - timedelta(hours=20), buyer_name="Emily R.")
    lib.attach(t.id, DATA / "chat.json")
    case = lib.create_case(platform="douyin", dispute_type="signed_not_received", order_no="6921853301417",
                           after_sale_no="AS20240917001", stage="judged", buyer_name="张三",
                           buyer_phone="13812341234", product="玻璃水杯 2 只装", amount="89.00",
                           request_at=NOW - timedelta(days=2, hours=5),
                           intervention_at=NOW - timedelta(days=1, hours=20),
                           judgment_at=NOW - timedelta(hours=30), judgment_ref="PD-2024-0917-0032",
                           judgment_text="买家反馈未收到商品，商家未能提供有效签收凭证，判定商家承担责任。",
                           judgment_against_merchant=True)
    lib.attach(case.id, DATA / "chat_gbk.txt", caption="与买家的完整沟通记录", is_new=False)
    lib.attach(case.id, DATA / "trace_kuaidi100.json", caption="顺丰轨迹：9 月 16 日本人签收", is_new=False)
    photo = make_photos(tmp, 1, size=(1200, 900))[0]
    lib.attach(case.id, DATA / "photo_exif.jpg", kind="packing_record", caption="打包称重照片")
    lib.attach(case.id, photo, kind="courier_proof", caption="快递员派送照片（新）")
    lib.attach(case.id, DATA / "inspection_report.pdf", kind="courier_proof", caption="顺丰签收证明（新）")
    from evidencekit.domain import AppealPoint
    ex = lib.list_exhibits(case.id)
    lib.update_case(case.id, statement=(
        "对判定 PD-2024-0917-0032（订单 6921853301417）提出申诉。我方尊重平台判定，但判定依据与以下事实不符，"
        "现逐条说明，并补充新证据：\n1. 物流轨迹显示包裹已于 2024-09-16 15:42 由买家本人签收（E2）。\n"
        "2. 快递公司已补充出具签收证明和派送照片（E4、E5，新证据）。\n恳请平台复核，谢谢。"),
        appeal_points=[AppealPoint("买家未收到商品", "轨迹显示 9 月 16 日 15:42 本人签收", [ex[1].id]),
                       AppealPoint("商家未能提供有效签收凭证", "快递公司签收证明与派送照片（新证据）",
                                   [ex[3].id, ex[4].id])])
    return case


def _import_preview(w, lib, work: Path, settle, save) -> None:
    """Yesterday's after-sale list imported, one of its cases closed since; today's list previewed."""
    from evidencekit.importing import import_list
    from tests.core.import_lists import ZH_HEADER, write_csv
    products = ["玻璃水杯 2 只装", "陶瓷马克杯", "不锈钢保温杯 500ml", "竹制杯垫 4 片", "玻璃茶壶 1.2L",
                "咖啡杯碟套装", "儿童吸管杯", "密封玻璃罐 3 件"]
    reasons = ["商品破损", "已签收但未收到货", "质量问题", "七天无理由退货", "少件/漏发", "商品与页面描述不符",
               "物流停滞", "尺码不合适"]
    buyers = ["刘女士", "陈先生", "赵女士", "孙先生", "周女士", "吴先生", "郑女士", "王先生"]

    def row(i, status="待商家处理", amount=None, intervention="", reason=None, time=None):
        return [f"AS2024091{8000 + i}", f"69218533{1400 + i:05d}", products[i % 8], "退货退款",
                reason or reasons[i % 8], time or f"2024-09-1{6 + i % 2} {9 + i % 9:02d}:{(i * 7) % 60:02d}:00",
                buyers[i % 8], amount or f"{59 + i * 10}.00", status, intervention, ""]
    yesterday = [row(i) for i in range(6)]
    first = import_list(lib, write_csv(work / "售后列表-0917.csv", ZH_HEADER, yesterday))
    lib.update_case(first.rows[4].case_id, stage="closed")
    today = [row(0), row(1, "平台介入中", intervention="2024-09-18 09:12:00"), row(2, amount="39.00"),
             row(3), row(4, amount="0.00"), row(5, "平台介入中"),
             row(6), row(7, reason="未收到货"), row(8), row(9, time="2024-09-31 10:00:00"), row(10), row(11)]
    path = write_csv(work / "售后列表-0918.csv", ZH_HEADER, today, encoding="gb18030")
    dlg = w.import_list(path)
    dlg.resize(1180, 640)
    while dlg.job is not None:
        settle(100)
    save("import-preview", dlg)
    dlg.close()


def _history(w, lib, case, report, settle, save) -> None:
    """The appeal bundle marked as submitted; History lists it with its files and hashes."""
    from evidencekit import submission
    from ui.ops import OpChanges
    submission.submit(lib, case.id, list(report.files), as_kind="appeal",
                      at=NOW - timedelta(minutes=20))
    w.ctx.apply(OpChanges.of_case(case.id))
    w.case_view.tabs.setCurrentWidget(w.case_view.history)
    settle(800)
    save("history-submissions")


def _team(w, lib, case, settle, save) -> None:
    """This desktop is 小王's: the list narrowed to 我的案件, then a case 小李 has open on another
    desktop (its edit lease) as this one shows it."""
    w.ctx.settings.set("staff_name", "小王")
    others = [c for c in lib.list_cases() if c.id != case.id]
    lib.actor = "店主"
    lib.assign_case(case.id, "小王")
    for c, name in zip(others, ("小王", "小李", "小王", "小李", "小张"), strict=False):
        lib.assign_case(c.id, name)
    w.case_list.reload()
    w.case_list.mine.setChecked(True)
    settle(600)
    w.case_list.select_case(case.id)
    save("team-mine")
    w.case_list.mine.setChecked(False)
    lib.actor = "小李"
    lib.take_lease(case.id, "desk-of-xiaoli")
    lib.actor = "小王"
    w.open_case(case.id)
    settle(1200)
    save("team-editing")
    lib.give_back_lease(case.id, "desk-of-xiaoli")
    w.show_case_list()


def _compose(window, dialog, path: Path) -> None:
    """The main window with a dialog drawn over it (dialogs are separate windows offscreen)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QColor, QPainter
    base = window.grab()
    shot = dialog.grab()
    p = QPainter(base)
    p.fillRect(base.rect(), QColor(0, 0, 0, 70))
    x = (base.width() - shot.width()) // 2
    y = (base.height() - shot.height()) // 3
    p.fillRect(QRect(x + 6, y + 6, shot.width(), shot.height()), QColor(0, 0, 0, 60))
    p.drawPixmap(QPoint(x, y), shot)
    p.end()
    base.save(str(path))


def run(theme: str, suffix: str, only: set[str], language: str = "zh_CN") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QStandardPaths

    import ui  # noqa: F401 - installs the refcount guard first
    from evidencekit.store import Library
    from ui.app import make_application
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    app = make_application(["screenshots"])
    app.setStyle("Fusion")
    QStandardPaths.setTestModeEnabled(True)
    if theme == "dark":
        app.setPalette(_dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
    # A fixed folder, so the paths shown in the pictures do not change from run to run.
    work = Path(tempfile.gettempdir()) / "evidencekit-screenshots"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    clock = lambda: NOW  # noqa: E731 - a fixed clock: the same pictures every run
    lib = Library.open(work / "lib", clock=clock)
    lib.set_setting("store_names", ["小美家居旗舰店客服"])
    settings = UiSettings(QSettings(str(work / "ui.ini"), QSettings.IniFormat))
    settings.set("language", language)
    install_language(language)
    case = _seed(lib, clock)
    ctx = AppContext(lib, settings=settings, clock=clock)
    w = MainWindow(ctx)
    w.resize(*SIZE)
    w.show()
    written: list[Path] = []

    def settle(ms=400):
        import time
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def save(name, dialog=None):
        if only and name not in only:
            return
        path = OUT / f"{name}{suffix}.png"
        settle()
        if dialog is None:
            w.grab().save(str(path))
        else:
            _compose(w, dialog, path)
        written.append(path)

    settle()
    w.case_list.select_case(case.id)
    save("case-list")
    w.case_list.show_view("due_soon")  # the work queue: one view with its cases
    settle()
    save("queue-views")
    w.case_list.show_view("")
    if not only or "search" in only:  # the search box: the list narrows, the hits inside evidence below
        w.case_list.search.setText("碎了")
        w.case_list.search_evidence()
        while ctx.runner.busy:
            settle(100)
        save("search")
        w.case_list.search.clear()

    if not only or {"team-mine", "team-editing"} & only:  # several staff (issue 13)
        _team(w, lib, case, settle, save)

    w.open_case(case.id)
    view = w.case_view
    view.checklist.set_mode("arbitration")
    view.tabs.setCurrentIndex(0)
    trace = next(e for e in lib.list_exhibits(case.id) if e.kind == "logistics_trace")
    view.evidence.select_exhibits([trace.id])
    settle(1200)
    save("case-view")

    view.evidence.toggle_view()  # the grid: thumbnails with number and caption
    photo = next(e for e in lib.list_exhibits(case.id) if e.kind == "packing_record")
    view.evidence.select_exhibits([photo.id])
    settle(1500)
    save("evidence-grid")
    view.evidence.toggle_view()
    view.evidence.select_exhibits([trace.id])

    view.checklist.set_mode("appeal")
    view.tabs.setCurrentIndex(2)
    settle(600)
    save("appeal-statement")

    # The merchant's work-order log (售后工单): steps with their times, sent to the platform.
    steps = ((10, "买家反馈未收到包裹，已致电了解情况"), (15, "联系快递核实签收人与签收地点"),
             (30, "将快递回复与签收截图发给买家，建议向家人确认"))
    for minute, text in steps:
        at = datetime(2024, 9, 17, 1, minute, tzinfo=timezone.utc)
        if not any(e.text == text for e in lib.worklog(case.id)):
            lib.add_worklog(case.id, at, text)
    view.tabs.setCurrentWidget(view.worklog)
    view.refresh()
    settle(600)
    save("worklog")

    view.tabs.setCurrentIndex(0)
    dlg = w.export_bundle()
    dlg.mode.setCurrentIndex(dlg.mode.findData("appeal"))
    out = work / "out"
    out.mkdir()
    dlg.destination.setText(str(out / f"{case.case_no}-appeal.pdf"))
    dlg._set_running(True)  # the state mid-export, drawn without waiting for a real one
    dlg._on_job_progressed(0.46, "正在排版照片（3/5）", "Laying out photos (3/5)")
    save("export-progress", dlg)
    dlg._set_running(False)
    dlg.confirm_missing = lambda missing: True
    if not only or "bundle-preview" in only:
        dlg.start()
        while dlg.job is not None:
            settle(100)
        if dlg.report is None:
            raise SystemExit("export failed: " + dlg.step.text())
        preview = dlg.show_preview()
        preview.resize(1100, 860)
        settle(1500)
        save("bundle-preview", preview)
        preview.close()
    if not only or "history-submissions" in only:
        if dlg.report is None:
            dlg.start()
            while dlg.job is not None:
                settle(100)
        _history(w, lib, case, dlg.report, settle, save)
    dlg.close()
    if not only or "import-preview" in only:
        _import_preview(w, lib, work, settle, save)
    w.close()
    lib.close()
    shutil.rmtree(work, ignore_errors=True)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    ap.add_argument("--scale", type=float, default=1.0, help="UI scale factor, e.g. 1.25")
    ap.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                    help="UI language (en: pictures named NAME-en.png)")
    ap.add_argument("--only", action="append", default=[],
                    help="case-list, case-view, evidence-grid, appeal-statement, export-progress, "
                         "bundle-preview, import-preview, queue-views, history-submissions, search, "
                         "team-mine, team-editing")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.theme == "both" or args.scale != 1.0 and os.environ.get("QT_SCALE_FACTOR") is None:
        # One process per palette / scale: Qt reads the scale factor once at start-up.
        themes = ("light", "dark") if args.theme == "both" else (args.theme,)
        for theme in themes:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            if args.scale != 1.0:
                env["QT_SCALE_FACTOR"] = str(args.scale)
            cmd = [sys.executable, __file__, "--theme", theme, "--scale", str(args.scale),
                   "--lang", args.lang]
            for o in args.only:
                cmd += ["--only", o]
            subprocess.run(cmd, check=True, env=env)
        return 0
    suffix = ("-en" if args.lang == "en" else "") + ("" if args.theme == "light" else "-dark")
    if args.scale != 1.0:
        suffix += f"-{int(args.scale * 100)}"
    for path in run(args.theme, suffix, set(args.only), args.lang):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
