"""After-sale lists made in the test, shaped like 抖店 and TikTok Shop exports."""

from __future__ import annotations

from pathlib import Path

ZH_HEADER = ["售后单号", "订单编号", "商品名称", "售后类型", "售后原因", "售后申请时间", "用户昵称",
             "申请退款金额", "售后状态", "平台介入时间", "完成时间"]
EN_HEADER = ["Return Order ID", "Order ID", "Product Name", "Return Type", "Return Reason",
             "Time Requested", "Buyer Username", "Refund Amount", "Return Status"]


def zh_rows(n: int = 3, *, start: int = 1) -> list[list]:
    reasons = ["商品破损", "已签收但未收到货", "质量问题", "七天无理由退货", "少件/漏发"]
    return [[f"AS{6000 + i}", f"OD{9000 + i}", f"玻璃杯 {i}号", "仅退款", reasons[i % len(reasons)],
             f"2024-09-{10 + i % 9:02d} 11:{i % 60:02d}:01", f"买家{i}", f"{20 + i}.50", "待商家处理",
             "", ""] for i in range(start, start + n)]


def write_csv(path: Path, header: list, rows: list[list], encoding: str = "utf-8",
              title: str | None = None) -> Path:
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if title:
        w.writerow([title])
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, header: list, rows, title: str | None = None) -> Path:
    """Written in openpyxl's write-only mode, so even a 20,000-row list costs little memory."""
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("售后列表")
    if title:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
