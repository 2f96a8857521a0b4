"""Masking phones, ID cards and addresses; removing GPS from photos."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from evidencekit.privacy import mask_address, mask_all, mask_id_card, mask_phone, strip_gps

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("text, masked", [
    ("电话 13812345678", "电话 138****5678"),
    ("手机：138-1234-5678。", "手机：138-****-5678。"),
    ("+8613812345678", "+86138****5678"),
    ("+86 138 1234 5678", "+86 138 ****5678".replace("****5678", "**** 5678")),
    ("座机 0571-88886666", "座机 0571-****6666"),
    ("订单号 4921384710023456789", "订单号 4921384710023456789"),  # long number: untouched
    ("运单 SF13812345678", "运单 SF13812345678"),  # letters before: part of a code
    ("12345678901", "12345678901"),  # not a mobile prefix
])
def test_mask_phone(text, masked):
    assert mask_phone(text) == masked


@pytest.mark.parametrize("text, masked", [
    ("身份证 330106199001011234", "身份证 3301**********1234"),
    ("ID:33010619900101123X", "ID:3301**********123X"),
    ("订单 330106199013011234", "订单 330106199013011234"),  # month 13: not an ID
    ("单号 4330106199001011234", "单号 4330106199001011234"),  # 19 digits: an order number
])
def test_mask_id_card(text, masked):
    assert mask_id_card(text) == masked


@pytest.mark.parametrize("text, masked", [
    ("浙江省杭州市西湖区文三路123号5幢", "浙江省杭州市西湖区文三路***"),
    ("收货地址：上海市浦东新区张江路88弄3号1201室，电话", "收货地址：上海市浦东新区张江路***，电话"),
    ("广东省深圳市南山区科技园南区8栋", "广东省深圳市南山区***"),
    ("四川省成都市武侯区红牌楼街道佳灵路3号", "四川省成都市武侯区红牌楼街道佳灵路***"),
    ("湖南省长沙市岳麓区麓山南路932号 李先生", "湖南省长沙市岳麓区麓山南路*** 李先生"),
    ("江苏省苏州市吴中区木渎镇金山路1-2号", "江苏省苏州市吴中区木渎镇金山路***"),
    ("杭州市西湖区很美", "杭州市西湖区很美"),  # no house number: not an address
    ("快件到达【长沙岳麓营业点】", "快件到达【长沙岳麓营业点】"),
])
def test_mask_address(text, masked):
    assert mask_address(text) == masked


def test_mask_all_on_a_chat_line():
    line = ("2024-09-17 12:10:43 顾客: 寄到浙江省杭州市西湖区文三路123号5幢，"
            "电话13812345678，身份证330106199001011234")
    assert mask_all(line) == ("2024-09-17 12:10:43 顾客: 寄到浙江省杭州市西湖区文三路***，"
                              "电话138****5678，身份证3301**********1234")
    assert mask_all("快件已被【丰巢快递柜】代收") == "快件已被【丰巢快递柜】代收"


def test_masking_hostile_input_masks_it_whole():
    """Its speed (linear, ~30 ms here) is measured by bench/bench_privacy.py, not asserted."""
    text = "区" * 20000 + "市" * 20000 + "1" * 20000
    out = mask_all(text)
    assert "1" not in out and out.endswith("***")


def test_strip_gps_from_image_keeps_other_exif():
    im = Image.open(DATA / "photo_gps.jpg")
    assert im.getexif().get_ifd(0x8825)
    clean = strip_gps(im)
    exif = clean.getexif()
    assert 0x8825 not in exif and exif[272] == "Xiaomi 14"
    buf = io.BytesIO()
    clean.save(buf, "JPEG", exif=exif)
    again = Image.open(io.BytesIO(buf.getvalue())).getexif()
    assert 0x8825 not in again and not again.get_ifd(0x8825)
    assert again.get_ifd(0x8769)[36867] == "2024:09:14 16:22:00"
    assert im.getexif().get_ifd(0x8825)  # the original is untouched


def test_strip_gps_from_jpeg_bytes_does_not_reencode():
    data = (DATA / "photo_gps.jpg").read_bytes()
    out = strip_gps(data)
    im = Image.open(io.BytesIO(out))
    assert not im.getexif().get_ifd(0x8825)
    assert im.getexif().get_ifd(0x8769)[36867] == "2024:09:14 16:22:00"
    # Same compressed image data after the header segments.
    assert out[out.index(b"\xff\xda"):] == data[data.index(b"\xff\xda"):]
    plain = (DATA / "photo_exif.jpg").read_bytes()
    assert strip_gps(plain) == plain  # nothing to remove


def test_strip_gps_png_bytes():
    im = Image.open(DATA / "photo_gps.jpg")
    buf = io.BytesIO()
    im.save(buf, "PNG", exif=im.getexif())
    out = strip_gps(buf.getvalue())
    assert not Image.open(io.BytesIO(out)).getexif().get_ifd(0x8825)
