"""A content page as the blocks of plain text that the analysis reads."""

from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from .analysis import Report, analyse

# Each of these starts a new block: a list item or a heading is a unit of its own,
# even without a full stop.
_BLOCK_TAGS = frozenset(
    {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "blockquote"}
)


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        self._current.append(data)

    def flush(self):
        block = " ".join("".join(self._current).split())
        if block:
            self.blocks.append(block)
        self._current = []


def html_blocks(html: str) -> list[str]:
    """The paragraphs, list items and headings of rich text, as plain text."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks


@dataclass(frozen=True)
class PageText:
    headings: list[str]  # the title and section headings
    running_text: list[str]  # the intro, paragraphs and list items
    known: list[str]  # names the page gives itself: its title, "ook bekend als"


def page_text(page) -> PageText:
    """The text of a condition or info page (SectionsMixin), as stored in this instance."""
    headings = [page.title]
    running_text = [unescape(line) for line in (page.intro or "").splitlines() if line.strip()]
    for block in page.sections or []:
        if block.block_type != "section":
            continue
        headings.append(block.value["heading"])
        running_text.extend(html_blocks(block.value["body"].source))
    known = [page.title, *getattr(page, "alternate_names", [])]
    return PageText(headings=headings, running_text=running_text, known=known)


def analyse_page(page) -> Report:
    text = page_text(page)
    return analyse(text.running_text, headings=text.headings, known=text.known)
