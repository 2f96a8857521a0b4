"""Masking buyer data in chat and trace text, and removing GPS from photos.

Rules (the same way the platforms show them):

* Mobile numbers (11 digits starting 13-19, optionally ``+86``/spaces/dashes):
  keep the first 3 and last 4 digits, ``13812345678`` → ``138****5678``.
  Landlines with an area code and a dash: ``0571-88886666`` → ``0571-****6666``.
* ID-card numbers (18 characters, a real birth date in positions 7-14): keep
  the first 4 and last 4, ``330106199001011234`` → ``3301**********1234``.
  Long order and tracking numbers are left alone because their "birth date" is
  not a date, or they have more digits.
* Addresses: after an administrative area ending in 区/县/旗/市 (optionally
  preceded by province and city), keep the street name (…路/街/道/巷/大道/镇/乡/村)
  and replace everything from the first house number on with ``***``:
  ``浙江省杭州市西湖区文三路123号5幢`` → ``浙江省杭州市西湖区文三路***``. Text with
  no number after the area (``杭州市西湖区很美``) is left as it is.
"""

from __future__ import annotations

import io
import re
from datetime import date

from PIL import Image

_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"

_MOBILE = re.compile(r"(?:(?<=\+86)|(?<![0-9A-Za-z]))(1[3-9]\d)([- ]?)(\d{4})([- ]?)(\d{4})"
                     + _NOT_ALNUM_AFTER)
_LANDLINE = re.compile(_NOT_ALNUM_BEFORE + r"(0\d{2,3})-(\d{3,4})(\d{4})" + _NOT_ALNUM_AFTER)
_ID18 = re.compile(_NOT_ALNUM_BEFORE + r"(\d{6})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3}[0-9Xx])"
                   + _NOT_ALNUM_AFTER)

_HAN = "\u4e00-\u9fff"
# Province/municipality (optional), city (optional), then district/county. Each
# name is short and bounded, so matching stays linear.
_AREA = re.compile(
    rf"(?:[{_HAN}]{{2,8}}?(?:省|自治区|特别行政区))?"
    rf"(?:[{_HAN}]{{2,8}}?(?:市|自治州|地区|盟))?"
    rf"[{_HAN}]{{1,8}}?(?:区|县|旗|市)")
_DETAIL_CHARS = re.compile(rf"[{_HAN}A-Za-z0-9\-－#＃()（）·]+")
_STREET_END = ("大道", "大街", "路", "街", "道", "巷", "弄", "镇", "乡", "村", "胡同", "里")
_HOUSE_MARKS = ("号", "栋", "幢", "楼", "室", "单元", "座", "层", "户", "门", "弄")


def mask_phone(text: str) -> str:
    """Mask mobile and landline numbers, keeping the first 3 (area code) and last 4 digits."""
    text = _MOBILE.sub(lambda m: f"{m[1]}{m[2]}****{m[4]}{m[5]}", text)
    return _LANDLINE.sub(lambda m: f"{m[1]}-****{m[3]}", text)


def _is_birth_date(y: str, mo: str, d: str) -> bool:
    try:
        return date(int(y), int(mo), int(d)) <= date.today()
    except ValueError:
        return False


def mask_id_card(text: str) -> str:
    """Mask 18-digit resident ID numbers (first 4 and last 4 kept)."""
    def repl(m: re.Match) -> str:
        if not _is_birth_date(m[2], m[3], m[4]):
            return m[0]
        whole = m[0]
        return whole[:4] + "*" * 10 + whole[-4:]
    return _ID18.sub(repl, text)


def mask_address(text: str) -> str:
    """Keep the area and street name of Chinese addresses, mask the house number part."""
    out: list[str] = []
    pos = 0
    for m in _AREA.finditer(text):
        if m.start() < pos:
            continue
        detail = _DETAIL_CHARS.match(text, m.end())
        if not detail:
            continue
        d = detail.group(0)
        first_digit = next((i for i, c in enumerate(d) if c.isdigit()), -1)
        if first_digit < 0 and not any(mark in d for mark in _HOUSE_MARKS[:5]):
            continue
        head = d[:first_digit] if first_digit >= 0 else d
        keep = _street_prefix(head)
        out.append(text[pos:m.end()])
        out.append(keep + "***")
        pos = detail.end()
    out.append(text[pos:])
    return "".join(out)


def _street_prefix(head: str) -> str:
    """The longest prefix of ``head`` ending in a street word (文三路, 莫干山路, 留下镇)."""
    best = 0
    for end in _STREET_END:
        i = head.rfind(end)
        if i >= 0 and i + len(end) > best:
            best = i + len(end)
    return head[:best]


def mask_all(text: str) -> str:
    """ID cards first (their digits contain phone-like runs), then phones, then addresses."""
    return mask_address(mask_phone(mask_id_card(text)))


def strip_gps(img: Image.Image | bytes) -> Image.Image | bytes:
    """Remove the GPS data from a photo's EXIF (and drop XMP, which may repeat it).

    Given a PIL image, returns a copy whose ``getexif()`` and ``info["exif"]`` carry
    no GPS; save it with ``exif=result.getexif()``. Given JPEG bytes, returns JPEG
    bytes with only the EXIF segment rewritten (pixels are not re-encoded); other
    image bytes are re-encoded in their format.
    """
    if isinstance(img, (bytes, bytearray)):
        return _strip_gps_bytes(bytes(img))
    exif = Image.Exif()
    original = img.getexif()
    if len(original):
        exif.load(original.tobytes())  # a copy: the caller's image keeps its EXIF
    exif.pop(0x8825, None)
    out = img.copy()
    out.info = {k: v for k, v in img.info.items() if k not in ("xmp", "XML:com.adobe.xmp")}
    if len(exif):
        out.info["exif"] = exif.tobytes()
    out._exif = None  # make getexif() re-read the cleaned info["exif"]
    return out


def _strip_gps_bytes(data: bytes) -> bytes:
    im = Image.open(io.BytesIO(data))
    if im.format != "JPEG":
        clean = strip_gps(im)
        assert isinstance(clean, Image.Image)  # an image in, an image out
        buf = io.BytesIO()
        clean.save(buf, im.format, exif=clean.getexif())
        return buf.getvalue()
    exif = im.getexif()
    if 0x8825 not in exif and not any(m[0] == 0xE1 and b"xmp" in m[1][:40].lower()
                                      for m in getattr(im, "applist", [])):
        return data
    exif.pop(0x8825, None)
    new_exif = b"Exif\x00\x00" + exif.tobytes() if len(exif) else b""
    return _replace_app1(data, new_exif)


def _replace_app1(data: bytes, new_exif: bytes) -> bytes:
    """Rewrite a JPEG's APP1 segments: EXIF replaced, XMP dropped, the rest kept as is."""
    out = bytearray(data[:2])  # SOI
    pos = 2
    wrote = False
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xDA, 0xD9):  # start of scan / end: copy the rest unchanged
            break
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        seg = data[pos:pos + 2 + length]
        if marker == 0xE1 and seg[4:10] == b"Exif\x00\x00":
            if new_exif and not wrote:
                out += b"\xff\xe1" + (len(new_exif) + 2).to_bytes(2, "big") + new_exif
                wrote = True
        elif marker == 0xE1 and b"http://ns.adobe.com/xap" in seg[4:40]:
            pass  # XMP may repeat the GPS position
        else:
            out += seg
        pos += 2 + length
    out += data[pos:]
    return bytes(out)
