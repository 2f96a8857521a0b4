"""Honest export of an appeal (issue 10 item 6, for issue 9): an appeal with no new evidence since
the last submission is refused (exit 2, the problem named in the user's language) unless
``--allow-incomplete``; a new exhibit lifts the refusal. The CLI runs in-process."""

from __future__ import annotations

import pytest

from evidencekit.cli.main import main

CHAT = ("2024-09-17 11:45:01 顾客: 我要退款\n"
        "2024-09-17 11:46:10 小店客服: 您好，已为您处理\n")
VOUCHER = ("2024-09-18 10:00:00 客服: 退款凭证 RF-1\n"
           "2024-09-18 10:01:00 顾客: 收到\n")


def run(capsys, lib, *args: object, lang: str = "zh") -> tuple[int, str, str]:
    rc = main(["--library", str(lib), "--lang", lang, *map(str, args)])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def judged(tmp_path, capsys):
    """A refund dispute whose complete evidence went to the platform and lost."""
    lib = tmp_path / "lib"
    assert run(capsys, lib, "init")[0] == 0
    rc, out, err = run(capsys, lib, "case", "new", "--type", "refund_dispute", "--order", "77",
                       "--request-at", "2024-09-17 09:00")
    cid = out.split()[-1]
    for name, text, kind in (("chat.txt", CHAT, "chat_log"), ("v.txt", VOUCHER, "after_sale_voucher")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert run(capsys, lib, "attach", cid, tmp_path / name, "--kind", kind)[0] == 0
    assert run(capsys, lib, "case", "set", cid, "--statement", "已按约退款，沟通记录完整。")[0] == 0
    rc, _, err = run(capsys, lib, "export", cid, "-o", tmp_path / "ev.pdf", "--now",
                     "2024-09-19 10:00")
    assert rc == 0, err  # complete: no --allow-incomplete needed
    assert run(capsys, lib, "submit", cid, tmp_path / "ev.pdf", "--at", "2024-09-19 11:00")[0] == 0
    assert run(capsys, lib, "decide", cid, "--decision", "lost", "--at", "2024-09-21 10:00",
               "--ref", "PJ-5")[0] == 0
    return lib, cid


def test_appeal_without_new_evidence_is_refused_until_allowed(judged, tmp_path, capsys):
    lib, cid = judged
    out = tmp_path / "ap.pdf"
    appeal = ("export", cid, "--mode", "appeal", "-o", out, "--now", "2024-09-22 10:00")
    rc, _, err = run(capsys, lib, *appeal)
    assert rc == 2 and not out.exists()
    assert "没有新证据" in err and "此前提交中没有的证据" in err and "--allow-incomplete" in err
    rc, _, err = run(capsys, lib, *appeal, lang="en")
    assert rc == 2 and "no new evidence" in err and "earlier submission" in err
    assert "Traceback" not in err and not out.exists()
    rc, _, err = run(capsys, lib, *appeal, "--allow-incomplete")
    assert rc == 0 and out.exists(), err


def test_a_new_exhibit_lifts_the_refusal(judged, tmp_path, capsys):
    lib, cid = judged
    later = tmp_path / "later.txt"
    later.write_text("2024-09-21 12:00:00 客服: 补充：买家已确认收到退款\n", encoding="utf-8")
    assert run(capsys, lib, "attach", cid, later, "--kind", "chat_log")[0] == 0
    rc, _, err = run(capsys, lib, "export", cid, "--mode", "appeal", "-o", tmp_path / "ap.pdf",
                     "--now", "2024-09-22 10:00")
    assert rc == 0, err
