"""Visible text of an HTML export, one line per block element."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
          "article", "header", "footer", "dt", "dd", "hr", "ul", "ol", "blockquote", "pre"}
_CELL = {"td", "th"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            # Whitespace inside a block is layout, not content.
            self.parts.append(" ".join(data.split()) if "\n" in data else data)


def html_text(html: str) -> str:
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    return "".join(parser.parts)


def html_lines(html: str) -> list[str]:
    """Non-empty stripped lines of the visible text."""
    return [ln.strip() for ln in html_text(html).splitlines() if ln.strip()]
