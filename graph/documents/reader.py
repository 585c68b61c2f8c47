"""The stages of reading put together: :func:`read_documents` and :func:`clean_text`.

Files are found and decoded (:mod:`~graph.documents.files`), read by format (rows
:mod:`~graph.documents.rows`, :mod:`~graph.documents.markdown`, :mod:`~graph.documents.html_page`,
plain text), their metadata found (:mod:`~graph.documents.metadata`), their text cleaned
(:mod:`~graph.documents.normalise`, :mod:`~graph.documents.boilerplate`,
:mod:`~graph.documents.paragraphs`, then across documents :mod:`~graph.documents.corpus`), the parts
of the page that are not the story set aside (:mod:`graph.zones`), and each becomes a
:class:`~graph.records.Document`.

Layout of ``Document.text`` (every character offset in the graph points into it): the title, when
the source shows one (a row's ``title``, ``<h1>``/``<title>``, front matter, a first ``# heading``,
or a first line that looks like a headline: 2-30 words, one sentence, no final full stop, and
not the whole text), is the first paragraph, then a blank line, then the body; paragraphs are
separated by one blank line (``\\n\\n``); a single ``\\n`` may separate lines inside a paragraph
(list items, a broken paragraph joined back). ``Document.title`` equals the first paragraph then.

Metadata: row fields (JSONL/CSV), HTML ``<meta>`` and front matter win over the text; the parts of
the page that are not the story (:mod:`graph.zones`: photo credits, a closing author bio, "READ
MORE:" promos, social-post signatures) leave the body and the people they credit fill
``Document.photographer`` and (when still empty) ``Document.author``. ``Document.date`` is ISO
``YYYY-MM-DD`` or None: the given date, else a dateline or byline date, else a date in the URL
(:mod:`graph.dates`).

Ids: a file's stem; a row's ``id``, else ``<stem>-<line>`` where ``<line>`` is the line the row
starts on, the same number as in its ``path`` ``file.jsonl:LINE``. Ids must be unique: on a clash
the first document (in reading order) keeps the id and the later one is skipped with a Problem
(suffixing would make ids depend on which files are present). A document (file or row) longer than
``max_chars`` is skipped. Problems come in a fixed order: those of the paths given, then reading
problems file by file (rows by line), then documents left empty by cleaning or with a duplicate id.
Same input, same documents and problems in the same order.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..dates import document_date
from ..pieces import MAX_CHARS
from ..records import Document, Problem
from ..zones import split_zones
from .corpus import drop_corpus_boilerplate
from .files import ROW_EXTENSIONS, SUPPORTED_EXTENSIONS, gather, read_text, safe_name, too_long
from .html_page import html_extract
from .markdown import markdown_to_text
from .metadata import Meta, looks_like_headline, text_metadata
from .normalise import compare_key, normalise, one_line
from .paragraphs import split_paragraphs, structure
from .rows import Row, read_rows

__all__ = ["SUPPORTED_EXTENSIONS", "clean_text", "read_documents"]


def clean_text(raw: str, *, html: bool = False) -> str:
    """Clean one article's text: see :mod:`graph.documents` for the rules.

    ``html=True`` reads ``raw`` as an HTML page or fragment and keeps its main text (the
    ``<article>``, else ``<main>``, else ``<body>``, without scripts, navigation, asides, forms,
    footers and hidden or sharing/related/comment blocks), one paragraph per block element.
    Returns paragraphs separated by ``\\n\\n``; ``""`` when nothing is left. Never raises on a
    ``str``; idempotent: ``clean_text(y) == y`` for ``y = clean_text(x)`` and for
    ``y = clean_text(x, html=True)``. Metadata lines (bylines) are not looked for here: that is
    :func:`read_documents`' work.

    >>> clean_text("The  port&nbsp;reopened on\\r\\n\\r\\nthe second day.\\n\\nShare this")
    'The port reopened on\\nthe second day.'
    >>> clean_text("<p>Rain.</p><nav>Home</nav><p>More rain.</p>", html=True)
    'Rain.\\n\\nMore rain.'
    """
    if html:
        raw = html_extract(raw).text
    return "\n\n".join(structure(split_paragraphs(normalise(raw))))


@dataclass
class _Candidate:
    """One document read and cleaned, before the corpus-wide cleaning and the duplicate ids."""

    id: str
    path: str
    paragraphs: list[str]
    meta: Meta
    title: str | None = None  # given by a field, <h1>/<title> or front matter


def _assemble(c: _Candidate) -> tuple[str, str | None]:
    """Text and title: the title as the first paragraph, then the body."""
    paragraphs = list(c.paragraphs)
    title = c.title
    if title:
        tkey = compare_key(title)
        for i, p in enumerate(paragraphs[:3]):
            first, _, rest = p.partition("\n")
            if compare_key(first) == tkey:
                paragraphs[i : i + 1] = [rest] if rest.strip() else []
                break
    elif paragraphs:
        first, _, rest = paragraphs[0].partition("\n")
        # a headline-like first line is the title, unless it is all the text there is
        if (looks_like_headline(first) and (not rest or len(rest) >= 2 * len(first))
                and (rest.strip() or len(paragraphs) > 1)):
            title = first
            paragraphs[0:1] = [rest] if rest.strip() else []
    if not paragraphs:
        return "", title
    body = "\n\n".join(paragraphs)
    return (f"{title}\n\n{body}" if title else body), title


def _body(text: str, *, markup: str = "text") -> tuple[list[str], Meta, str | None]:
    """Paragraphs, metadata and a title found while cleaning one text."""
    heading = None
    front = Meta()
    text = normalise(text, strip_tags=False)
    if markup == "md":
        text, front, heading = markdown_to_text(text)
    text, meta = text_metadata(text)
    front.fill(author=meta.author, outlet=meta.outlet, date=meta.date)
    if heading:
        heading = one_line(heading)
    paragraphs, zones = split_zones(structure(split_paragraphs(normalise(text))))
    front.fill(author=zones.author, photographer=", ".join(zones.photographers))
    return paragraphs, front, heading


def _read_file(p: Path, path: str, max_chars: int = MAX_CHARS) -> tuple[list[_Candidate], list[Problem]]:
    text, problem = read_text(p, path, max_chars)
    if problem:
        return [], [problem]
    assert text is not None
    kind = p.suffix.lower()
    if kind in ROW_EXTENSIONS:
        rows, problems = read_rows(kind, text, path, max_chars)
        stem = safe_name(p.stem)
        return [_row_candidate(row, stem) for row in rows], problems
    if len(text) > max_chars:
        return [], [Problem(path, too_long(len(text), max_chars))]
    if kind in (".html", ".htm"):
        try:
            page = html_extract(text)
        except ImportError as e:
            return [], [Problem(path, f"cannot read HTML without beautifulsoup4 and lxml ({e})")]
        paragraphs, meta, _ = _body(page.text)
        page.meta.fill(author=meta.author, outlet=meta.outlet, date=meta.date, photographer=meta.photographer)
        return [_Candidate(safe_name(p.stem), path, paragraphs, page.meta, title=one_line(page.meta.title))], []
    paragraphs, meta, heading = _body(text, markup="md" if kind == ".md" else "text")
    title = one_line(meta.title) or heading
    return [_Candidate(safe_name(p.stem), path, paragraphs, meta, title=title)], []


def _row_candidate(row: Row, stem: str) -> _Candidate:
    """A row's fields win over what its text shows."""
    paragraphs, meta, _ = _body(row.text)
    fields = row.fields
    given = Meta(title=one_line(fields["title"]), author=fields["author"], outlet=fields["outlet"],
                 date=fields["date"], url=fields["url"])
    given.fill(author=meta.author, outlet=meta.outlet, date=meta.date, photographer=meta.photographer)
    doc_id = fields["id"] or f"{stem}-{row.line}"
    return _Candidate(doc_id, row.where, paragraphs, given, title=given.title)


def read_documents(
    paths: Iterable[str | os.PathLike[str]], *, max_chars: int = MAX_CHARS
) -> tuple[list[Document], list[Problem]]:
    """Read, clean and describe the articles in ``paths`` (files and folders).

    Returns the documents in reading order (paths in the order given, folders walked in sorted
    order, rows in file order) and one :class:`Problem` per unusable input: missing path, empty
    folder, unsupported named file, empty/binary/non-UTF-8 file, bad JSONL line, row without
    text, CSV without a ``text`` column, text left empty by cleaning, duplicate id, a document
    (file or row) of more than ``max_chars`` characters. Never raises for bad input. See the
    package docstring for cleaning, metadata and ids.
    """
    files, problems = gather(paths)
    candidates: list[_Candidate] = []
    for p, shown in files:
        try:
            found, probs = _read_file(p, shown, max_chars)
        except RecursionError:
            found, probs = [], [Problem(shown, "cannot read (nested too deeply)")]
        candidates.extend(found)
        problems.extend(probs)

    unique: list[_Candidate] = []
    owner: dict[str, str] = {}
    for c in candidates:
        if not c.paragraphs:
            problems.append(Problem(c.path, "no text left after removing boilerplate"))
            continue
        if c.id in owner:
            problems.append(Problem(c.path, f"duplicate id {c.id!r} (already used by {owner[c.id]}); skipped"))
            continue
        owner[c.id] = c.path
        unique.append(c)

    for c, paragraphs in zip(unique, drop_corpus_boilerplate([c.paragraphs for c in unique])):
        c.paragraphs = paragraphs

    documents = []
    for c in unique:
        text, title = _assemble(c)
        if not text or (title and text == title):
            problems.append(Problem(c.path, "no text left after removing boilerplate"))
            continue
        m = c.meta
        documents.append(Document(id=c.id, text=text, title=title, outlet=m.outlet, author=m.author,
                                  date=document_date(m.date, text, m.url), url=m.url, path=c.path,
                                  photographer=m.photographer))
    return documents, problems
