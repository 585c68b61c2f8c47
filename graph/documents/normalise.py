"""Cleaning, first step: characters, spaces, tags and entities, whatever the format.

* HTML tags are stripped and entities decoded, also in plain text (scrapes keep ``<u>…</u>``);
  outside HTML files only names of real HTML elements count as tags, so ``x <y and z> w`` style
  text survives. Double-escaped entities (``&amp;lt;``) are decoded until nothing is left to
  decode.
* Line endings become ``\\n``; no-break and other odd spaces become plain spaces, zero-width
  characters, soft hyphens and control characters go; runs of spaces collapse; text is NFC.

>>> normalise("Tom &amp;amp; Jerry<br>went\\u00a0 home")
'Tom & Jerry\\nwent home'
>>> normalise("x <y and z> w")
'x <y and z> w'
>>> one_line("  A  <b>bold</b>\\r\\n title ")
'A bold title'
"""
from __future__ import annotations

import html as html_lib
import re
import unicodedata

__all__ = ["BLOCK_ELEMENTS", "TAG_RE", "compare_key", "normalise", "one_line", "remove_comments", "remove_tags"]

_HTML_ELEMENTS = (
    "a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br "
    "button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir "
    "div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 "
    "head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee "
    "menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress "
    "q rp rt ruby s samp script section select small source span strike strong style sub summary sup "
    "svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr"
).split()
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav "
    "ol p pre section summary table tbody tfoot thead tr ul".split()
)
_ATTRS = r"""(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*"""
TAG_RE = re.compile(
    r"<(/?)(" + "|".join(sorted(_HTML_ELEMENTS, key=len, reverse=True)) + r")\b"
    + _ATTRS + r"\s*/?>",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_DROP_CHARS = "\u00ad\u200b\u2060\ufeff\u180e"
_CHAR_MAP = {ord(c): " " for c in _SPACE_CHARS}
_CHAR_MAP.update({ord(c): None for c in _DROP_CHARS})
_CHAR_MAP.update({0x2028: "\n", 0x2029: "\n\n", 0x0B: "\n", 0x0C: "\n", 0x85: "\n"})
# Other control characters (C0 and C1, except \n) are dropped.
_CHAR_MAP.update({c: None for c in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)) if c not in _CHAR_MAP and c != 0x0A})
_SPACES_RE = re.compile(r" {2,}")


def remove_comments(text: str) -> str:
    """``<!-- … -->`` removed, in one pass (a regex would rescan an unclosed ``<!--``)."""
    out = []
    i = 0
    while True:
        j = text.find("<!--", i)
        k = text.find("-->", j + 4) if j >= 0 else -1
        if k < 0:
            break
        out.append(text[i:j])
        i = k + 3
    out.append(text[i:])
    return "".join(out)


def remove_tags(text: str) -> str:
    """Comments and tags of real HTML elements removed; a block element leaves a blank line, ``<br>`` a line break."""
    if "<" not in text:
        return text
    if "<!--" in text:
        text = remove_comments(text)

    def repl(m: re.Match[str]) -> str:
        name = (m.group(2) or "").lower()
        if name == "br":
            return "\n"
        if name in BLOCK_ELEMENTS:
            return "\n\n"
        return ""

    return TAG_RE.sub(repl, text)


def _decode_entities(text: str) -> str:
    return _ENTITY_RE.sub(lambda m: html_lib.unescape(m.group(0)), text) if "&" in text else text


_ODD_CHARS_RE = re.compile("[" + re.escape("".join(chr(c) for c in sorted(_CHAR_MAP))) + "]")


def _normalise_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_CHARS_RE.search(text):
        text = text.translate(_CHAR_MAP)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def normalise(text: str, *, strip_tags: bool = True) -> str:
    """Characters, spaces and line ends; with ``strip_tags`` also tags and entities.

    Repeated until nothing changes, so that decoding cannot leave something decodable behind
    (``&amp;lt;u&amp;gt;`` -> ``<u>`` -> nothing): that makes cleaning idempotent. Every round
    that changes anything after the first one shortens the text, so the loop ends; a text with
    no ``<`` and no ``&`` left needs no further round (character normalisation is idempotent)."""
    text = _normalise_chars(text)
    for _ in range(1000):
        new = _decode_entities(remove_tags(text) if strip_tags else text)
        if new == text:
            break
        text = _normalise_chars(new)
        if "&" not in text and (not strip_tags or "<" not in text):
            break
    return text


def compare_key(text: str) -> str:
    """Comparison key: case-folded, whitespace collapsed."""
    return " ".join(text.split()).casefold()


def one_line(text: str | None) -> str | None:
    """``text`` normalised onto one line (a title, a field); None when nothing is left."""
    if text is None:
        return None
    text = " ".join(normalise(text).split())
    return text or None
