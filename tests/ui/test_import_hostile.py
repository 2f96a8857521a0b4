"""A folder dropped on the app: links leaving it are not followed, and the app says why each
skipped entry was not attached (issue 15)."""

from __future__ import annotations

import os

from tests.core.test_cli import CHAT
from tests.ui.conftest import make_case, wait_imports


def test_dropped_folder_skips_outside_links_and_pipes_with_a_reason(qtbot, ctx, library, clock,
                                                                     tmp_path):
    case = make_case(library, clock)
    d = tmp_path / "drop"
    d.mkdir()
    (d / "chat.txt").write_text(CHAT, encoding="utf-8")
    (d / "shadow").symlink_to("/etc/passwd")
    os.mkfifo(d / "pipe")
    failed = []
    ctx.importer.file_failed.connect(lambda c, p, e: failed.append((p.name, e.code)))
    assert ctx.importer.add(case.id, [d]) == 1
    wait_imports(qtbot, ctx)
    assert sorted(failed) == [("pipe", "not_regular_file"), ("shadow", "link_outside")]
    assert [e.source_name for e in library.list_exhibits(case.id)] == ["chat.txt"]
