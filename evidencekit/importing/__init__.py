"""Cases in bulk: importing the after-sale list a merchant backend exports (issue 14)."""

from ..errors import ImportListError
from .columns import Mapping, load_mapping
from .run import ImportReport, RowResult, import_list

__all__ = ["ImportListError", "ImportReport", "Mapping", "RowResult", "import_list", "load_mapping"]
