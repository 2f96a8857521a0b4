"""What third-party readers raise on malformed input, declared once.

pypdf and Pillow walk untrusted bytes and fail in many ways besides their own exception
classes (a /MediaBox that is a NullObject gives ValueError, a broken xref KeyError or
IndexError, a cyclic object RecursionError…). Code that reads a PDF or an image catches these
tuples, never ``Exception``: a bug of ours (a NameError, an AttributeError on our own
objects…) is not a malformed file. Converting to an :mod:`evidencekit.errors` class, when the
failure must reach the user, happens at the same place.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from PIL import UnidentifiedImageError
from pypdf.errors import PyPdfError

# RuntimeError covers RecursionError and NotImplementedError (unsupported filters).
PDF_MALFORMED: tuple[type[Exception], ...] = (
    PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError,
    RuntimeError, OSError, zlib.error, struct.error)

IMAGE_MALFORMED: tuple[type[Exception], ...] = (
    UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, TypeError, KeyError,
    IndexError, struct.error, ZeroDivisionError)


def xlsx_malformed() -> tuple[type[Exception], ...]:
    """What openpyxl raises on a damaged workbook (imported on demand: openpyxl is slow to load
    and only spreadsheets need it). XML parse errors are SyntaxErrors."""
    from openpyxl.utils.exceptions import InvalidFileException
    return (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError,
            AttributeError, OSError, SyntaxError, EOFError)
