"""The ``.html``/``.htm`` format: an HTML page's main text and its metadata.

The main text is the ``<article>`` (the longest), else ``<main>``, else ``<body>``, without scripts,
navigation, asides, forms, footers, page-level headers, hidden elements and blocks whose class/id
says share/social/related/comments/ads (unless such a block holds most of the article); one
paragraph per block element. Metadata: ``<meta name="author">``, ``article:author``,
``og:site_name``, ``article:published_time``, ``<link rel="canonical">``/``og:url``; title from the
first ``<h1>`` of the article, else ``og:title``, else ``<title>``.

>>> page = html_extract('<html><head><meta property="og:site_name" content="The Courier"></head>'
...                     '<body><nav>Home</nav><article><h1>Rain</h1><p>It rained.</p>'
...                     '<div class="share">Share</div></article></body></html>')
>>> page.text, page.meta.title, page.meta.outlet
('Rain\\n\\nIt rained.', 'Rain', 'The Courier')
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from .metadata import Meta
from .normalise import BLOCK_ELEMENTS, compare_key, remove_comments, remove_tags

__all__ = ["HtmlPage", "html_extract"]

_PARA = "\ue000"  # private-use sentinels for block and line breaks while reading HTML
_LINE = "\ue001"
_JUNK_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "aside", "form",
              "button", "select", "input", "textarea", "object", "embed", "footer", "dialog"]
_JUNK_CLASS_RE = re.compile(
    r"^(?:share|sharing|social|newsletter|subscribe|subscription|related|recommended|comments?|cookies?|"
    r"promo|advert|advertisement|ads?|sidebar|breadcrumbs?|popup|modal|donate|donation|paywall)$"
)


_JUNK_TAG_SET = frozenset(_JUNK_TAGS)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CLASS_SPLIT_RE = re.compile(r"[-_\s]+")


@dataclass
class HtmlPage:
    """A page's main text (paragraphs separated by blank lines) and its metadata."""

    text: str
    meta: Meta = field(default_factory=Meta)


def html_extract(raw: str) -> HtmlPage:
    """Main text and metadata of an HTML page, with BeautifulSoup over lxml (linear on broken or
    deeply nested markup, where the stdlib parser can go quadratic). Imported here so that the
    rest of the package works without them; a missing one raises ImportError."""
    import lxml  # noqa: F401  (bs4 would otherwise fail with FeatureNotFound, caught below)
    from bs4 import BeautifulSoup, CData, Comment, Declaration, Doctype, ProcessingInstruction, Tag

    raw = raw.replace(_PARA, "").replace(_LINE, "")
    # comments go first, in one pass: the stdlib parser rescans an unclosed "<!--" (quadratic)
    raw = remove_comments(raw).replace("<!--", "&lt;!--")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "looks like a filename/URL" on short input
            soup = BeautifulSoup(raw, "lxml")
    except Exception:  # the parser gave up: read it as text with tags
        return HtmlPage(remove_tags(raw))
    meta = Meta()
    # one pass over the elements instead of a find() per question
    metas: dict[tuple[str, str], str] = {}
    first: dict[str, Tag] = {}
    articles: list[Tag] = []
    h1s: list[Tag] = []
    for tag in soup.find_all(True):
        name = tag.name
        if name == "meta":
            value = tag.get("content")
            if isinstance(value, str) and value.strip():
                for attr in ("name", "property", "itemprop"):
                    key = tag.get(attr)
                    if isinstance(key, str):
                        metas.setdefault((attr, key.strip().lower()), " ".join(value.split()))
        elif name == "link" and "canonical" in (tag.get("rel") or []):
            first.setdefault("canonical", tag)
        elif name == "article" and len(articles) < 50:
            articles.append(tag)
        elif name == "h1" and len(h1s) < 20:
            h1s.append(tag)
        elif name in ("main", "title") or (tag.get("role") == "main" and "role=main" not in first):
            first.setdefault(name if name in ("main", "title") else "role=main", tag)

    def content(**attrs: str) -> str | None:
        ((attr, key),) = attrs.items()
        return metas.get((attr, key))

    author = content(name="author") or content(property="article:author")
    if author and re.match(r"https?://", author):
        author = None
    meta.fill(
        author=author,
        outlet=content(property="og:site_name"),
        date=content(property="article:published_time") or content(itemprop="datepublished")
        or content(name="date") or content(name="pubdate"),
    )
    href = first["canonical"].get("href") if "canonical" in first else None
    meta.fill(url=href.strip() if isinstance(href, str) and href.strip() else None)
    meta.fill(url=content(property="og:url"))

    # the longest article (max keeps the first on a tie), else <main>, else the body
    root = max(articles, key=lambda a: len(a.get_text())) if articles else None
    root = root or first.get("main") or first.get("role=main") or soup.body or soup
    page_level = root is soup.body or root is soup
    root_len = len(root.get_text()) or 1
    # the article's first <h1>; on a page without <article>/<main>, not the site's logo in <header>/<nav>
    in_root = set(map(id, root.find_all("h1", limit=20))) if root is not soup else set(map(id, h1s))
    h1 = next((h for h in h1s if id(h) in in_root
               and not any(p.name in ("header", "nav", "aside", "footer") for p in h.parents)), None)
    h1_text = " ".join(h1.get_text(" ").split()) if h1 else ""
    guard_checks = 0

    def is_junk(tag: Tag) -> bool:
        nonlocal guard_checks
        if tag.name in _JUNK_TAG_SET or (page_level and tag.name == "header"):
            return True
        style = tag.get("style")
        if tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or (
                isinstance(style, str) and _HIDDEN_STYLE_RE.search(style)):
            return True
        classes = tag.get("class") or []
        names = [*(classes if isinstance(classes, list) else [classes]), str(tag.get("id") or "")]
        if not any(_JUNK_CLASS_RE.match(t) for n in names for t in _CLASS_SPLIT_RE.split(n.lower()) if t):
            return False
        # never throw away most of the article because of a class name
        guard_checks += 1
        return guard_checks > 100 or len(tag.get_text()) <= root_len / 2

    # one iterative walk (deep pages must not recurse or rescan subtrees)
    pieces: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            pieces.append(_PARA)
        elif isinstance(node, Tag):
            if node.name == "br":
                pieces.append(_LINE)
                continue
            if node is not root and is_junk(node):
                continue
            if node.name in BLOCK_ELEMENTS:
                pieces.append(_PARA)
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, str) and not isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction, CData)):
            pieces.append(str(node))
    text = re.sub(r"\s+", " ", "".join(pieces))
    text = re.sub(rf"\s*{_PARA}[\s{_PARA}{_LINE}]*", "\n\n", text)
    text = re.sub(rf"\s*{_LINE}\s*", "\n", text)
    title_tag = first.get("title")
    title = h1_text or content(property="og:title") or (" ".join(title_tag.get_text(" ").split()) if title_tag else "")
    if title and not h1_text and meta.outlet:
        parts = re.split(r"\s+[|\-–—:]\s+", title)
        if len(parts) > 1 and compare_key(parts[-1]) == compare_key(meta.outlet):
            title = title[: title.rfind(parts[-1])].rstrip(" |-–—:")
        elif len(parts) > 1 and compare_key(parts[0]) == compare_key(meta.outlet):
            title = title[len(parts[0]):].lstrip(" |-–—:")
    meta.title = title or None
    return HtmlPage(text.strip(), meta)
