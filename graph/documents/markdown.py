"""The ``.md`` format: front matter (``title:``, ``author:``, ``date:``, ``url:``,
``outlet:``/``source:``), heading marks, links, images and emphasis.

>>> text, meta, heading = markdown_to_text("---\\ntitle: Dry summer\\n---\\n# Dry summer\\nA [long](http://x.org) *hot* spell.")
>>> text, meta.title, heading
('Dry summer\\nA long hot spell.', 'Dry summer', 'Dry summer')
"""
from __future__ import annotations

import re

from .metadata import Meta

__all__ = ["markdown_to_text"]

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE_RE = re.compile(r"^(?:[-=*_]\s*){3,}$")
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REFDEF_RE = re.compile(r"^\[[^\]]+\]:\s+\S+.*$")
_MD_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|`([^`]+)`")
_FRONT_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date", "url": "url",
               "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet"}


def markdown_to_text(text: str) -> tuple[str, Meta, str | None]:
    """Front matter, heading marks, links, images and emphasis; returns the text, the front
    matter's metadata and the first heading when the document opens with one."""
    meta = Meta()
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    if start < len(lines) and lines[start] == "---":
        for end in range(start + 1, min(len(lines), start + 60)):
            if lines[end] in ("---", "..."):
                for line in lines[start + 1 : end]:
                    k, sep, v = line.partition(":")
                    v = v.strip().strip("\"'")
                    if sep and k.strip().lower() in _FRONT_KEYS and v:
                        meta.fill(**{_FRONT_KEYS[k.strip().lower()]: v})
                lines = lines[:start] + lines[end + 1 :]
                break
    out = []
    heading = None
    first = True
    for line in lines:
        if _MD_RULE_RE.match(line) or _MD_REFDEF_RE.match(line):
            if out and out[-1] and set(line.replace(" ", "")) <= {"=", "-"} and first is False and heading is None and len([x for x in out if x]) == 1:
                heading = out[-1]  # setext heading under the first line
            out.append("")
            continue
        h = _MD_HEADING_RE.match(line)
        if h:
            line = h.group(1)
            if first:
                heading = line
        line = re.sub(r"^>\s?", "", line)
        line = _MD_IMAGE_RE.sub("", line)
        line = _MD_LINK_RE.sub(r"\1", line)
        line = _MD_EMPH_RE.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", line)
        if line.strip():
            first = False
        out.append(line.strip())
    return "\n".join(out), meta, heading
