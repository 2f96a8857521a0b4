"""Errors of the review (复盘): its date range, its output files, its stop-word list."""

from __future__ import annotations

from .general import UsageError


class BadPeriod(UsageError):
    code = "bad_period"
    MESSAGE = ("时间范围不对：结束（{end}）不晚于开始（{start}）",
               "The date range is empty: the end ({end}) is not after the start ({start})")
    HINT = ("例如 --from 2026-11-23 --to 2026-11-29（包含这两天）。",
            "For example --from 2026-11-23 --to 2026-11-29 (both days included).")


class StopwordsUnreadable(UsageError):
    code = "stopwords_unreadable"
    MESSAGE = ("无法读取停用词表：{path}（{detail}）", "Cannot read the stop-word list: {path} ({detail})")
    HINT = ("每行一个词，UTF-8 编码；删除这个文件就会用回默认的词表。",
            "One word per line, UTF-8; delete the file to use the default list again.")
