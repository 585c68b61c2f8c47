"""The data of the viewer's review piece (review.js): why each alias joined its entity, and what
the review actions need to write a corrections file (see :mod:`graph.corrections`).

It has a data block of its own (``<script type="application/json" id="review-data">``), so the
review script never parses the graph's (much bigger) block again.
"""
from __future__ import annotations

import hashlib

from ..records import ENTITY_TYPES, LINK_RULE_EXPLANATIONS

STATEMENT_WORDS = 30  # of each statement, shown in its speaker's panel (a correction names it by the first 12)


def review_payload(data: dict) -> dict:
    """The review data of graph.json ``data``: the reasons of each node's aliases, the first words
    of each statement (by id: evidence names its statement so) and the statements of each speaker.

    ``key`` names the browser storage of the analyst's corrections: it depends on the documents
    only, so the list survives a rebuild of the same corpus (with or without the corrections).

    >>> review_payload({"nodes": [{"id": "k", "label": "Zamir Kabulov", "alias_reasons":
    ...     {"Kabulov": {"rule": "surname", "doc": "d1"}}}], "graph": {"documents": [{"id": "d1", "title": "T"}]}})["reasons"]
    {'k': [['Kabulov', 'surname', 'd1']]}
    """
    graph = data.get("graph") or {}
    documents = sorted(str(d.get("id")) for d in graph.get("documents") or [])
    titles = {str(d.get("id")): d.get("title") for d in graph.get("documents") or []}
    reasons: dict[str, list[list]] = {}
    cited: set[str] = set()
    for node in data.get("nodes") or []:
        rows = []
        for alias, reason in sorted((node.get("alias_reasons") or {}).items()):
            if isinstance(reason, dict) and reason.get("rule"):
                doc = reason.get("doc")
                rows.append([str(alias), str(reason["rule"]), None if doc is None else str(doc)])
                if doc is not None:
                    cited.add(str(doc))
        if rows:
            reasons[str(node["id"])] = rows
    statements: dict[str, list[str]] = {}  # id -> [doc, its first words]
    said: dict[str, list[str]] = {}  # speaker ("": none named) -> the ids of its statements, in document order
    for st in sorted(graph.get("statements") or [], key=lambda s: (str(s.get("doc")), s.get("start") or 0, str(s.get("id")))):
        if st.get("id") is None or not isinstance(st.get("text"), str):
            continue
        words = st["text"].split()
        shown = " ".join(words[:STATEMENT_WORDS]) + (" …" if len(words) > STATEMENT_WORDS else "")
        statements[str(st["id"])] = [str(st.get("doc")), shown]
        cited.add(str(st.get("doc")))
        said.setdefault("" if st.get("speaker") is None else str(st["speaker"]), []).append(str(st["id"]))
    return {
        "key": "entity-graph-review:" + hashlib.sha256("\n".join(documents).encode("utf-8")).hexdigest()[:16],
        "reasons": reasons,
        "statements": statements,
        "said": said,
        "rules": {rule.value: text for rule, text in LINK_RULE_EXPLANATIONS.items()},
        "titles": {d: titles[d] for d in sorted(cited) if titles.get(d)},
        "names": {str(n["id"]): str(n.get("label") or n["id"]) for n in sorted(data.get("nodes") or [], key=lambda n: str(n["id"]))},
        "types": list(ENTITY_TYPES),
    }
