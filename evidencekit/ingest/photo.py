"""Photos (and images of documents): capture time, size as shown, GPS, sharpness.

Facts come from the header and EXIF; sharpness from a reduced decode (JPEG DCT
scaling via ``Image.draft``), so a 12 MP photo is never fully decoded.
"""

from __future__ import annotations

import os
import warnings as _warnings
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageFilter, ImageStat

from ..domain import Finding
from ..errors import ImageDamaged, ImageTooLarge, ImageUnreadable, IngestError
from ..malformed import IMAGE_MALFORMED
from ..timeutil import to_iso
from .times import make_instant

try:  # HEIC from iPhones, only when the well-kept plugin is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC = True
except Exception:  # noqa: BLE001 - optional plugin, any import failure means "not available"
    HEIC = False

SHARPNESS_SIDE = 384  # minimum long side of the reduced copy the score is computed on
BLUR_THRESHOLD = 60.0  # below this Laplacian variance a photo is likely blurred (see tests)
SMALL_SIDE = 600  # short side, px, below which text in a photo is hard to read
MAX_FULL_DECODE_PIXELS = 40_000_000  # non-JPEG images larger than this get no sharpness

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _DATETIME = 36867, 36868, 306
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED, _OFFSET = 36881, 36882, 36880
_ORIENTATION, _MAKE, _MODEL = 274, 271, 272
_LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)


def _not_image(e: Exception | None = None) -> IngestError:
    err = ImageUnreadable()
    err.__cause__ = e
    return err


def open_image(path: Path) -> Image.Image:
    """Open lazily, turning Pillow's errors (bombs included) into :class:`IngestError`."""
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(path)
    except Image.DecompressionBombError as e:
        raise ImageTooLarge() from e
    except IMAGE_MALFORMED as e:
        raise _not_image(e) from e


def exif_of(im: Image.Image) -> Image.Exif:
    """``im.getexif()``, except for big PNGs whose EXIF would only be found after the image
    data: Pillow decodes the whole picture to look there, so they get none."""
    if im.format == "PNG" and "exif" not in im.info and im.width * im.height > 16_000_000:
        return Image.Exif()
    return im.getexif()


def photo_facts(path: Path) -> dict:
    """captured_at, width, height (as displayed), orientation, has_gps, camera, sharpness,
    format, captured_at_source."""
    im = open_image(Path(path))
    try:
        return _facts(im)
    except IngestError:
        raise
    except Image.DecompressionBombError as e:
        raise ImageTooLarge() from e
    except IMAGE_MALFORMED as e:  # corrupt EXIF or pixel data
        raise _not_image(e) from e
    finally:
        im.close()


def photo_facts_many(paths: list[Path], workers: int | None = None) -> list[dict | IngestError]:
    """``photo_facts`` of many files on a thread pool (Pillow decodes without the GIL).

    Returns, in order, each file's facts or the :class:`IngestError` it raised.
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(p: Path) -> dict | IngestError:
        try:
            return photo_facts(p)
        except IngestError as e:
            return e

    workers = workers or min(8, os.cpu_count() or 1)
    if workers <= 1 or len(paths) < 2:
        return [one(Path(p)) for p in paths]
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, [Path(p) for p in paths]))


def _facts(im: Image.Image) -> dict:
    fmt = im.format or ""
    exif = exif_of(im)
    try:
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001 - a broken sub-IFD only loses the capture time
        sub = {}
    try:
        has_gps = bool(exif.get_ifd(_GPS_IFD)) or _GPS_IFD in exif
    except Exception:  # noqa: BLE001
        has_gps = _GPS_IFD in exif
    orientation = exif.get(_ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    w, h = im.size
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    captured, source = None, ""
    for tag, off_tag, name in ((_DATETIME_ORIGINAL, _OFFSET_ORIGINAL, "exif_original"),
                               (_DATETIME_DIGITIZED, _OFFSET_DIGITIZED, "exif_digitized")):
        captured = _exif_time(sub.get(tag), sub.get(off_tag) or sub.get(_OFFSET))
        if captured:
            source = name
            break
    if captured is None:
        captured = _exif_time(exif.get(_DATETIME), sub.get(_OFFSET))
        source = "exif_datetime" if captured else ""
    make = _clean(exif.get(_MAKE))
    model = _clean(exif.get(_MODEL))
    camera = model if make and model.lower().startswith(make.lower()) else \
        " ".join(p for p in (make, model) if p)
    return {
        "format": fmt,
        "width": w,
        "height": h,
        "orientation": orientation,
        "captured_at": to_iso(captured),
        "captured_at_source": source,
        "has_gps": has_gps,
        "camera": camera,
        "sharpness": sharpness(im),
        "frames": getattr(im, "n_frames", 1),
    }


def _clean(v) -> str:
    if isinstance(v, bytes):
        v = v.decode("latin-1", errors="replace")
    return str(v).strip("\x00 ").strip() if v is not None else ""


def _exif_time(value, offset) -> datetime | None:
    """EXIF ``2024:09:17 11:45:01`` with an optional ``+08:00``; CST when no offset."""
    text = _clean(value)
    if len(text) < 19 or text.startswith("0000"):
        return None
    try:
        y, mo, d = int(text[0:4]), int(text[5:7]), int(text[8:10])
        hh, mi, ss = int(text[11:13]), int(text[14:16]), int(text[17:19])
    except ValueError:
        return None
    off = _clean(offset)
    return make_instant(y, mo, d, hh, mi, ss,
                        off if len(off) == 6 and off[0] in "+-" and off[3] == ":" else None)


def sharpness(im: Image.Image) -> float | None:
    """Variance of the Laplacian on a copy 384-768 px wide: low means blurred.

    Raises :class:`IngestError` when the pixel data is damaged (e.g. truncated).
    """
    if im.format != "JPEG" and im.width * im.height > MAX_FULL_DECODE_PIXELS:
        return None
    try:
        if im.format == "JPEG":
            scale = max(im.width, im.height) / SHARPNESS_SIDE
            im.draft("L", (max(1, int(im.width / scale)), max(1, int(im.height / scale))))
        im.load()
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise ImageDamaged() from e
    try:
        small = im if im.mode == "L" else im.convert("L")
        if max(small.size) > SHARPNESS_SIDE * 2:
            factor = max(1, int(max(small.size) / SHARPNESS_SIDE))
            small = small.reduce(factor)
        if min(small.size) < 3:
            return None
        w, h = small.size
        # Pillow leaves the 1-px border unfiltered; crop it so it does not count as edges.
        edges = small.filter(_LAPLACIAN).crop((1, 1, w - 1, h - 1))
        return round(ImageStat.Stat(edges).var[0], 1)
    except (OSError, ValueError) as e:  # unusual modes (e.g. 16-bit) simply get no score
        del e
        return None


def photo_warnings(facts: dict) -> list[Finding]:
    warnings = []
    if not facts.get("captured_at"):
        warnings.append(Finding("photo_no_capture_time", "照片没有拍摄时间（EXIF），无法证明何时拍摄",
                                "The photo has no capture time (EXIF); it cannot show when it "
                                "was taken"))
    w, h = facts.get("width") or 0, facts.get("height") or 0
    if min(w, h) < SMALL_SIDE:
        warnings.append(Finding("photo_too_small", f"图片太小（{w}×{h}），细节可能看不清",
                                f"The image is very small ({w}×{h}); details may be unreadable"))
    s = facts.get("sharpness")
    if s is not None and s < BLUR_THRESHOLD:
        warnings.append(Finding("photo_blurred", "照片可能模糊，平台要求证据清晰可辨",
                                "The photo looks blurred; platforms require clear evidence"))
    return warnings
