"""Importing an after-sale list: any of these means nothing was imported (exit 2)

A problem with one row is not an error but a finding on that row (see evidencekit.importing).
"""

from __future__ import annotations

from .base import EvidenceKitError


class ImportListError(EvidenceKitError):
    """The list (or its mapping file or reason table) cannot be used at all; nothing changed."""
    code = "import"


class ListMissing(ImportListError):
    code = "list_missing"
    MESSAGE = ("找不到文件：{path}", "No such file: {path}")


class ListNotPermitted(ListMissing):
    MESSAGE = ("没有权限读取 {path}", "No permission to read {path}")


class ListNotTable(ImportListError):
    code = "list_format"
    MESSAGE = ("{name} 不是 Excel（.xlsx）或 CSV 表格", "{name} is not an Excel (.xlsx) or CSV table")


class ListIsFolder(ListNotTable):
    MESSAGE = ("{path} 是文件夹，不是表格", "{path} is a folder, not a table")


class ListOldExcel(ListNotTable):
    MESSAGE = ("{name} 是旧版 Excel（.xls）文件，无法读取", "{name} is an old Excel (.xls) file, which cannot be read")
    HINT = ("在 Excel 里另存为 .xlsx 或 CSV 后再导入。", "Save it as .xlsx or CSV in Excel, then import that.")


class ListDamaged(ImportListError):
    code = "list_damaged"
    MESSAGE = ("表格读到一半出错，文件可能已损坏", "The table broke off while being read; the file may be damaged")
    HINT = ("请重新导出后再导入。", "Export it again and import that.")


class NoHeaderRow(ImportListError):
    code = "no_header"
    MESSAGE = ("找不到表头：前几行里没有“售后单号”“订单号”这样的列名",
               "No header row found: the first rows name no column such as 售后单号 / Return Order ID")
    HINT = ("用 --mapping 指定列名（示例：assets/import/mapping-sample.toml）。",
            "Name the columns with --mapping (example: assets/import/mapping-sample.toml).")


class MissingColumns(ImportListError):
    code = "missing_columns"
    MESSAGE = ("缺少必需的列：{missing_zh}（第 {row} 行的表头：{seen}）",
               "Missing required columns: {missing_en} (headers on row {row}: {seen})")
    HINT = ("用 --mapping 指定这些列的列名。", "Name these columns with --mapping.")


class MappingInvalid(ImportListError):
    code = "mapping_invalid"
    MESSAGE = ("映射文件 {file} 有误：键 “{key}” 应为 {expected}",
               "Mapping file {file} is malformed: key '{key}' must be {expected}")
    HINT = ("示例见 assets/import/mapping-sample.toml。", "See assets/import/mapping-sample.toml for an example.")


class MappingUnreadable(MappingInvalid):
    MESSAGE = ("无法读取映射文件 {file}：{reason}", "Cannot read the mapping file {file}: {reason}")
    HINT = ("", "")


class ImportTableInvalid(ImportListError):
    code = "import_table_invalid"
    MESSAGE = ("导入对照表 {file} 有误：键 “{key}” 应为 {expected}",
               "Import table {file} is malformed: key '{key}' must be {expected}")
    HINT = ("请修正该文件（格式见 assets/import/douyin.toml）。",
            "Fix the file (see assets/import/douyin.toml for the format).")


class ImportTableUnreadable(ImportTableInvalid):
    MESSAGE = ("无法读取导入对照表 {file}：{reason}", "Cannot read the import table {file}: {reason}")
    HINT = ("", "")
