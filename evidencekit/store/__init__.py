"""The library: an SQLite database plus a content-addressed blob store."""

from .library import Library, default_library_dir

__all__ = ["Library", "default_library_dir"]
