"""Assemble the single self-contained HTML file.

The template, stylesheet and script live next to this module as real files; vis-network's
stylesheet and standalone build come from the pyvis wheel. Everything is inlined, and a
Content-Security-Policy that allows only these exact scripts (by hash) and no network at all backs
up the escaping: even a payload that slipped into the markup could neither run nor phone home.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path

import orjson

from .review import review_payload

HERE = Path(__file__).resolve().parent
VIS_VERSION = "9.1.2"
PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
# Sequences that would end or confuse an inline <script>/<style> element early.
UNSAFE_IN_RAW_TEXT = re.compile(r"</(script|style)|<!--", re.IGNORECASE)
# What json_for_script_block escapes in the JSON text, and how.
SCRIPT_BLOCK_ESCAPES = (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                        ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def assemble_page(payload: dict, review: dict | None = None) -> str:
    """The page of a viewer ``payload``, with the review piece's data ``review`` (see
    :mod:`graph.viewer.review`; none: an empty one)."""
    data_json = json_for_script_block(payload)
    vis_js, vis_css = vis_network_assets()
    viewer_js, viewer_css = _asset("viewer.js"), _asset("viewer.css")
    timeline_js, timeline_css = _asset("timeline.js"), _asset("timeline.css")  # the time range slider
    review_js, review_css = _asset("review.js"), _asset("review.css")  # the review actions
    for name, text in (("vis-network.min.js", vis_js), ("viewer.js", viewer_js),
                       ("timeline.js", timeline_js), ("review.js", review_js),
                       ("vis-network.css", vis_css), ("viewer.css", viewer_css),
                       ("timeline.css", timeline_css), ("review.css", review_css)):
        if UNSAFE_IN_RAW_TEXT.search(text):
            raise ValueError(f"{name} cannot be inlined: it contains </script, </style or <!--")
    values = {
        "TITLE": html.escape(payload["title"]),
        "CSP": _content_security_policy([vis_js, viewer_js, timeline_js, review_js]),
        "VIS_CSS": vis_css,
        "VIEWER_CSS": viewer_css,
        "REVIEW_CSS": review_css,
        "DATA": data_json,
        "VIS_JS": vis_js,
        "VIEWER_JS": viewer_js,
        "TIMELINE_CSS": timeline_css,
        "TIMELINE_JS": timeline_js,
        "REVIEW_DATA": json_for_script_block(review or review_payload({})),
        "REVIEW_JS": review_js,
    }
    # One pass over the template only, so nothing inside the inlined assets is ever substituted.
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("template.html"))


def json_for_script_block(value: object) -> str:
    """JSON that can sit inside <script type="application/json"> whatever strings it holds.

    ``<`` ``>`` ``&`` become \\u escapes, so no ``</script>`` or ``<!--`` can end the block early;
    U+2028/U+2029 too, for any consumer that still treats them as line ends. The escapes are inside
    JSON strings (those characters cannot appear elsewhere in JSON), so JSON.parse returns the
    original text. Keys are sorted, so the same value always gives the same text."""
    try:
        # orjson writes the same compact, key-sorted UTF-8 JSON as json.dumps(sort_keys=True,
        # ensure_ascii=False, separators=(",", ":")) some ten times faster (the data block of a
        # big graph is tens of MB); it differs only in float exponents (1e-7, not 1e-07), and it
        # writes NaN and infinities as null where json.dumps(allow_nan=False) refused them.
        encoded = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        # What orjson refuses and json may take: integers beyond 64 bits, non-string keys, lone
        # surrogates. json then says yes or no as it always did.
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        for char, escape in SCRIPT_BLOCK_ESCAPES:
            text = text.replace(char, escape)
        return text
    # Replaced in the UTF-8 bytes: no byte of a multi-byte character equals an ASCII one, and
    # UTF-8 never matches one character's bytes inside another's.
    for char, escape in SCRIPT_BLOCK_ESCAPES:
        encoded = encoded.replace(char.encode("utf-8"), escape.encode("ascii"))
    return encoded.decode("utf-8")


def _content_security_policy(inline_scripts: list[str]) -> str:
    hashes = " ".join(f"'sha256-{_sha256(s)}'" for s in inline_scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "  # only our scripts: no inline handlers, no javascript: URLs
        "style-src 'unsafe-inline'; "  # vis-network styles its elements inline
        "img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=None)
def vis_network_assets() -> tuple[str, str]:
    """vis-network's standalone UMD build and stylesheet, as shipped in the pyvis wheel."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        return (lib / "vis-network.min.js").read_text("utf-8"), (lib / "vis-network.css").read_text("utf-8")
    except FileNotFoundError as missing:
        raise RuntimeError(f"pyvis no longer ships vis-network {VIS_VERSION} at {lib}") from missing


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (HERE / name).read_text("utf-8")
