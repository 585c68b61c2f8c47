"""The analyst's API: load or build a knowledge graph and explore it in Python or Jupyter.

>>> import graph
>>> kg = graph.load("out/graph.json")  # or graph.build(["seeds"])  # doctest: +SKIP
>>> kg                                             # doctest: +SKIP
<KnowledgeGraph: 113 entities, 559 relationships, 5 documents, 75 statements>
>>> kg.entity("the CSTO")["label"]                 # doctest: +SKIP
'Collective Security Treaty Organization'
>>> kg.top(5, by="pagerank")                       # doctest: +SKIP
>>> kg.ego("Zamir Kabulov").show()                 # doctest: +SKIP

Tables come back as pandas DataFrames; subgraphs (``ego``, ``filter``, ``subgraph``) as new
``KnowledgeGraph`` objects, so they can be explored, shown or saved the same way.

Measures that need an undirected graph (degree, PageRank, betweenness, communities, ego networks)
use the *projection*: one undirected link per pair of entities whose weight is the sum of the
weights of every relationship between them, of any kind and in either direction. Narrow it first
with ``filter`` (e.g. ``kg.filter(kinds="attribution").top(by="pagerank")``).

Everything here is computed on each call from ``kg.nx``; nothing is cached.
"""
from __future__ import annotations

import copy
import difflib
import html
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..communities import louvain_groups, projection
from ..contract import EDGE_KINDS, edge_weight, fold, from_data, to_data, validate
from ..export import graph_json_bytes, load_json
from ..outputs import write_atomically
from ..periods import as_day, in_period, stamp_seen
from ..pipeline.options import BuildOptions
from ..records import ENTITY_TYPES, LINK_RULE_EXPLANATIONS

if TYPE_CHECKING:  # pandas is imported when a table is asked for, so ``import graph`` stays light
    import pandas as pd

__all__ = ["KnowledgeGraph", "GraphView", "EntityNotFound", "build", "load"]

Names = str | Iterable[str]
MEASURES = ("mentions", "statements", "documents", "degree", "pagerank", "betweenness")

ENTITY_COLUMNS = ["id", "label", "type", "mentions", "statements", "documents", "aliases", "wikidata"]
TOP_COLUMNS = ["id", "label", "type", "mentions", "statements", "documents", "degree"]
NEIGHBOUR_COLUMNS = ["id", "label", "type", "kind", "direction", "weight", "documents", "evidence"]
RELATIONSHIP_COLUMNS = ["source", "source_label", "target", "target_label", "kind", "weight", "documents"]
EVIDENCE_COLUMNS = ["source", "target", "kind", "doc", "title", "sentence", "start", "end", "statement", "cue", "role", "date"]
SAID_COLUMNS = ["statement", "doc", "title", "speaker", "speaker_label", "speaker_text", "reported_by",
                "reported_by_label", "kind", "cue", "text", "mentions", "date"]
QUOTES_COLUMNS = ["speaker", "speaker_label", "speaker_text", "reported_by", "reported_by_label", "statements",
                  "documents", "example"]
COMMUNITY_COLUMNS = ["community", "size", "members", "ids"]
WHY_COLUMNS = ["alias", "rule", "doc", "title", "why"]
WHY = {rule.value: text for rule, text in LINK_RULE_EXPLANATIONS.items()}



# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------

def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Load a ``graph.json`` written by ``entity-graph build`` (or by :meth:`KnowledgeGraph.save`).

    ``path`` may also be the output folder holding ``graph.json``. A file that is not a graph.json,
    breaks the contract (:mod:`graph.contract`) or sits beside outputs of another build raises
    ``ValueError``: one line naming the file and the field.

    >>> kg = graph.load("out/graph.json")  # doctest: +SKIP
    >>> kg = graph.load("out")             # the same  # doctest: +SKIP
    """
    return KnowledgeGraph.load(path)


def build(
    paths: str | os.PathLike | Iterable[str | os.PathLike], options: BuildOptions | None = None, /, **changes: Any
) -> KnowledgeGraph:
    """Build the graph of article files and folders, as ``entity-graph build`` does (without writing).

    ``paths`` is one path or a list of them; files that could not be used are listed in
    ``kg.problems``. ``options`` is a :class:`graph.BuildOptions`, and keyword arguments change
    its fields: ``jobs`` (processes that parse, 1: this one), ``scheduler`` (a Dask scheduler's
    address, or ``"local:N"``), ``cache`` (True for the default parse cache, a folder for another,
    False for none), ``progress`` (a bar on stderr), ``model``, ``extra_entities``, ``max_chars``,
    ``corrections`` (a corrections file, JSON or YAML, or a list of corrections, applied after
    entity resolution, see :mod:`graph.corrections`; ``kg.corrections`` says how they went).

    >>> kg = graph.build(["seeds"])    # doctest: +SKIP
    >>> kg = graph.build("corpus.jsonl", jobs=2, progress=True)  # doctest: +SKIP
    >>> kg = graph.build("corpus.jsonl", graph.BuildOptions(scheduler="tcp://10.0.0.5:8786"))  # doctest: +SKIP
    >>> kg = graph.build(["seeds"], corrections=[{"action": "retype", "entity": "Yukos", "type": "organization"}])  # doctest: +SKIP
    """
    return KnowledgeGraph.build(paths, options, **changes)


class EntityNotFound(KeyError):
    """No entity has that name. ``suggestions`` holds the labels of close names, best first."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else "; no close name either"
        super().__init__(f"no entity named {name!r}{hint}")

    def __str__(self) -> str:  # KeyError's own str() would show the message in quotes
        return str(self.args[0])


class GraphView:
    """An interactive view of a graph for Jupyter: the offline viewer page inside an ``<iframe>``.

    Displaying it in a notebook shows the page inline; nothing is fetched from the network.
    ``html`` is the page itself (what ``entity-graph render`` writes).

    >>> view = kg.show(title="Seeds")  # doctest: +SKIP
    >>> view                           # in Jupyter: the interactive graph  # doctest: +SKIP
    """

    def __init__(self, page: str, *, height: int = 650):
        self.html = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        # srcdoc gets the whole page, attribute-escaped. The sandbox gives the page an opaque origin
        # of its own (it cannot reach the notebook), scripts run, and Wikidata links still open.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ccc;" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            'loading="eager" title="entity graph"></iframe>'
        )

    def save(self, path: str | os.PathLike) -> Path:
        """Write the page as a standalone HTML file.

        >>> kg.show().save("out/view.html")  # doctest: +SKIP
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path.parent, {path.name: self.html.encode("utf-8")})
        return path

    def __repr__(self) -> str:
        return f"<GraphView: {len(self.html):,} characters of HTML; display it in Jupyter>"


# --------------------------------------------------------------------------------------------
# The knowledge graph
# --------------------------------------------------------------------------------------------

class KnowledgeGraph:
    """An entity graph with its documents and statements, and the questions an analyst asks of it.

    ``nx`` is the networkx ``MultiDiGraph`` (the graph.json contract: nodes are entities, edges
    keyed by kind), ``documents`` and ``statements`` are its graph-level records, ``problems``
    lists the input files a build could not use, and ``corrections`` says how a build's corrections
    went (:class:`graph.corrections.CorrectionReport`; None without corrections).

    >>> kg = graph.load("out/graph.json")  # doctest: +SKIP
    >>> kg.nx.nodes["csto"]["type"]        # doctest: +SKIP
    'alliance'
    >>> len(kg), "ISIS" in kg              # doctest: +SKIP
    (113, True)
    """

    def __init__(self, G: nx.MultiDiGraph, *, problems: list | None = None, corrections=None):
        self.nx = G
        self.problems = list(problems or [])
        self.corrections = corrections  # a build's CorrectionReport (graph.corrections), when it had corrections

    # ---- construction and output ------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike) -> KnowledgeGraph:
        """Load a graph.json (or the folder holding one); see :func:`graph.load`.

        >>> kg = KnowledgeGraph.load("out/graph.json")  # doctest: +SKIP
        """
        return cls(from_data(load_json(path)))

    @classmethod
    def build(
        cls,
        paths: str | os.PathLike | Iterable[str | os.PathLike],
        options: BuildOptions | None = None,
        /,
        **changes: Any,
    ) -> KnowledgeGraph:
        """Build from article files and folders; see :func:`graph.build`.

        >>> kg = KnowledgeGraph.build(["seeds"])  # doctest: +SKIP
        """
        from ..pipeline import build as build_graph  # spaCy is loaded only when building

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        corrections = changes.get("corrections")
        if corrections is not None and not isinstance(corrections, (str, os.PathLike)):
            changes["corrections"] = tuple(corrections)
        result = build_graph(list(paths), options, **changes)
        return cls(result.graph, problems=result.problems, corrections=result.corrections)

    @classmethod
    def from_data(cls, data: dict) -> KnowledgeGraph:
        """From a graph.json dict (networkx node-link data), checked against the contract
        (``ValueError`` naming the field when it breaks it).

        >>> kg = KnowledgeGraph.from_data(json.load(open("out/graph.json")))  # doctest: +SKIP
        """
        return cls(from_data(validate(data, "graph data")))

    def to_data(self) -> dict:
        """The graph.json dict, in the stable order ``entity-graph build`` writes.

        >>> kg.to_data()["nodes"][0]["id"]  # doctest: +SKIP
        '201st-motor-rifle-division'
        """
        return to_data(self.nx)

    def save(self, path: str | os.PathLike) -> Path:
        """Write graph.json to ``path`` (a file, or a folder to hold ``graph.json``); returns the file.

        The file is what ``entity-graph render`` and :func:`graph.load` read:

        >>> kg.ego("Zamir Kabulov").save("out/kabulov.json")  # doctest: +SKIP
        PosixPath('out/kabulov.json')
        >>> # $ entity-graph render out/kabulov.json --out out/kabulov.html
        """
        path = Path(path)
        if path.is_dir() or str(path).endswith(("/", os.sep)):
            path = path / "graph.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path.parent, {path.name: graph_json_bytes(self.to_data())})
        return path

    def show(self, *, title: str | None = None, height: int = 650) -> GraphView:
        """The interactive viewer, inline in Jupyter (offline: everything is in the page).

        >>> kg.show()                                         # doctest: +SKIP
        >>> kg.filter(types=["person", "organization"]).show(title="People and organisations")  # doctest: +SKIP
        """
        from ..viewer import render_html  # pyvis (and IPython) are imported only when showing

        return GraphView(render_html(self.to_data(), title=title, checked=True), height=height)

    # ---- the graph's records ----------------------------------------------------------------

    @property
    def documents(self) -> list[dict]:
        """The documents: ``{id, title, outlet, author, date, url, path, photographer}`` each.

        >>> kg.documents[0]["title"]  # doctest: +SKIP
        'US Sponsored ISIS Terrorists Establish Foothold in Afghanistan, ...'
        """
        return self.nx.graph.get("documents") or []

    @property
    def statements(self) -> list[dict]:
        """The statements: ``{id, doc, speaker, cue, kind, text, reported_by, mentions, start, end}``.

        >>> kg.statements[0]["speaker"]  # doctest: +SKIP
        'zamir-kabulov'
        """
        return self.nx.graph.get("statements") or []

    def __len__(self) -> int:
        return self.nx.number_of_nodes()

    def __contains__(self, name: object) -> bool:
        try:
            self.find(str(name))
        except KeyError:
            return False
        return True

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {self.nx.number_of_nodes()} entities, {self.nx.number_of_edges()} relationships, "
            f"{len(self.documents)} documents, {len(self.statements)} statements>"
        )

    # ---- finding entities -------------------------------------------------------------------

    def find(self, name: str) -> str:
        """The node id of the entity called ``name``: its id, label or any alias.

        Case, a leading "the", a possessive "'s", dots ("U.S.") and hyphens do not matter. When
        several entities share the name, the one whose label it is wins, then the most mentioned.
        Raises :class:`EntityNotFound` (a ``KeyError``) with close names as suggestions.

        >>> kg.find("the CSTO's")  # doctest: +SKIP
        'csto'
        """
        if name in self.nx:
            return name
        candidates = self._name_index().get(normalize_name(name))
        if candidates:
            return min(candidates)[-1]
        raise EntityNotFound(name, self._suggestions(name))

    def why(self, name: str) -> pd.DataFrame:
        """Why each name of the entity called ``name`` is one of its aliases: the rule that linked
        it (``rule``, see :class:`graph.records.LinkRule`), the document it was read in, and in
        words. The rows of the name asked about come first.

        >>> kg.why("Kabulov")  # doctest: +SKIP
             alias     rule    doc  title                                        why
        0  Kabulov  surname  000_…  ...  the surname of the full name in the document ...
        """
        node = self.find(name)
        reasons = self.nx.nodes[node].get("alias_reasons") or {}
        titles = self._titles()
        asked = normalize_name(name)
        rows = []
        for alias in self.nx.nodes[node].get("aliases") or []:
            reason = reasons.get(alias) or {}
            rule, doc = reason.get("rule"), reason.get("doc")
            rows.append({"alias": alias, "rule": rule, "doc": doc, "title": titles.get(doc),
                         "why": WHY.get(rule, "not recorded (a graph.json from before alias reasons)")})
        rows.sort(key=lambda r: (normalize_name(r["alias"]) != asked, r["alias"].casefold(), r["alias"]))
        return _frame(rows, WHY_COLUMNS)

    def entity(self, name: str) -> dict[str, Any]:
        """The entity called ``name`` (see :meth:`find`): its id and attributes, as a new dict.

        >>> kg.entity("ISIL")  # doctest: +SKIP
        {'id': 'Q2429253', 'label': 'Islamic State', 'type': 'group', 'aliases': ['IS', 'ISIL', ...], ...}
        """
        node = self.find(name)
        return {"id": node, **copy.deepcopy(self.nx.nodes[node])}

    def entities(self, types: Names | None = None) -> pd.DataFrame:
        """Every entity (of ``types``), most mentioned first; ``documents`` is how many name it.

        >>> kg.entities("person").head()  # doctest: +SKIP
        """
        wanted = self._check(types, ENTITY_TYPES, self._types_present(), "type")
        rows = [
            {
                "id": n,
                "label": _label(n, a),
                "type": a.get("type"),
                "mentions": a.get("mentions", 0),
                "statements": a.get("statements", 0),
                "documents": len(a.get("documents") or []),
                "aliases": list(a.get("aliases") or []),
                "wikidata": a.get("wikidata"),
            }
            for n, a in self.nx.nodes(data=True)
            if wanted is None or a.get("type") in wanted
        ]
        rows.sort(key=lambda r: (-r["mentions"], r["label"].casefold(), str(r["id"])))
        return _frame(rows, ENTITY_COLUMNS)

    # ---- relationships and evidence ----------------------------------------------------------

    def neighbours(self, name: str, *, kinds: Names | None = None, limit: int | None = None) -> pd.DataFrame:
        """The entities related to ``name``, one row per relationship, heaviest first.

        ``direction`` is ``out`` (``name`` is the source: the speaker of an attribution, the outlet
        of a reported_by, the person of an affiliation), ``in``, or ``both`` for co-mentions.
        ``evidence`` lists the supporting sentences (see :meth:`evidence` for offsets and
        documents).

        >>> kg.neighbours("Zamir Kabulov", limit=3)  # doctest: +SKIP
                    id        label     type        kind direction  weight  documents  evidence
        0  Q889  Afghanistan  country  co_mention      both       3  [...]  [ISIS militants have been ...]
        """
        node = self.find(name)
        wanted = self._check(kinds, EDGE_KINDS, self._kinds_present(), "kind")
        rows = []
        for source, target, key, attrs in self._edges_of(node):
            kind = _kind(key, attrs)
            if wanted is not None and kind not in wanted:
                continue
            other = target if source == node else source
            direction = "both" if kind == "co_mention" else ("out" if source == node else "in")
            rows.append({
                "id": other,
                "label": self._label(other),
                "type": self.nx.nodes[other].get("type"),
                "kind": kind,
                "direction": direction,
                "weight": attrs.get("weight", 1),
                "documents": list(attrs.get("documents") or []),
                "evidence": _unique(ev.get("sentence", "").strip() for ev in attrs.get("evidence") or []),
            })
        rows.sort(key=lambda r: (-r["weight"], r["label"].casefold(), r["kind"], r["direction"]))
        return _frame(rows[:limit] if limit is not None else rows, NEIGHBOUR_COLUMNS)

    neighbors = neighbours  # networkx's spelling

    def relationships(self, kinds: Names | None = None, *, min_weight: float | None = None) -> pd.DataFrame:
        """Every relationship (of ``kinds``, of at least ``min_weight``), heaviest first.

        >>> kg.relationships("attribution").head()  # doctest: +SKIP
        """
        wanted = self._check(kinds, EDGE_KINDS, self._kinds_present(), "kind")
        rows = [
            {
                "source": u,
                "source_label": self._label(u),
                "target": v,
                "target_label": self._label(v),
                "kind": _kind(k, a),
                "weight": a.get("weight", 1),
                "documents": list(a.get("documents") or []),
            }
            for u, v, k, a in self.nx.edges(keys=True, data=True)
            if (wanted is None or _kind(k, a) in wanted) and (min_weight is None or a.get("weight", 1) >= min_weight)
        ]
        rows.sort(key=lambda r: (-r["weight"], r["source_label"].casefold(), r["target_label"].casefold(), r["kind"]))
        return _frame(rows, RELATIONSHIP_COLUMNS)

    def evidence(self, name: str, other: str, *, kinds: Names | None = None) -> pd.DataFrame:
        """The evidence behind every relationship between two entities (either direction).

        One row per sentence or statement, in document order, with the document's title and the
        character offsets into its text.

        >>> kg.evidence("CSTO", "Russia")[["title", "sentence"]]  # doctest: +SKIP
        """
        a, b = self.find(name), self.find(other)
        wanted = self._check(kinds, EDGE_KINDS, self._kinds_present(), "kind")
        titles, dates = self._titles(), self._dates()
        rows = []
        for source, target, key, attrs in self._edges_of(a):
            kind = _kind(key, attrs)
            if {source, target} != {a, b} or (wanted is not None and kind not in wanted):
                continue
            for ev in attrs.get("evidence") or []:
                rows.append({
                    "source": source,
                    "target": target,
                    "kind": kind,
                    "doc": ev.get("doc"),
                    "title": titles.get(ev.get("doc")),
                    "sentence": (ev.get("sentence") or "").strip(),
                    "start": ev.get("start"),
                    "end": ev.get("end"),
                    "statement": ev.get("statement"),
                    "cue": ev.get("cue"),
                    "role": ev.get("role"),
                    "date": dates.get(ev.get("doc")),
                })
        rows.sort(key=lambda r: (str(r["doc"]), r["start"] if r["start"] is not None else -1, r["kind"]))
        return _frame(rows, EVIDENCE_COLUMNS)

    # ---- statements --------------------------------------------------------------------------

    def said(
        self,
        speaker: str | None = None,
        *,
        about: str | None = None,
        reported_by: str | None = None,
        kind: str | None = None,
        document: str | None = None,
    ) -> pd.DataFrame:
        """Who said what: one row per statement, in document order.

        Narrow it to one ``speaker``, to statements naming an entity (``about``), to those an
        outlet reported (``reported_by``), of one ``kind`` (direct, indirect, according_to, belief,
        question, negated), or to one ``document`` id. ``speaker_text`` is the speaker phrase as
        written ("officials", "Acme's spokesperson"), also where it names no entity;
        ``mentions`` holds the labels of the entities the statement names.

        >>> kg.said("Zamir Kabulov")[["text", "reported_by_label", "title"]]  # doctest: +SKIP
        >>> kg.said(about="ISIS")                                             # doctest: +SKIP
        """
        titles, dates = self._titles(), self._dates()
        rows = [self._statement_row(s, titles, dates) for s in self._statements(speaker, about, reported_by, kind, document)]
        return _frame(rows, SAID_COLUMNS)

    def quotes(self, speaker: str | None = None, *, reported_by: str | None = None) -> pd.DataFrame:
        """Who quotes whom: one row per (speaker, reporting outlet), most statements first.

        ``reported_by`` is empty where the article quotes the speaker itself, with no outlet named
        ("Kabulov said ...", not "TASS cited Kabulov as saying ..."). ``speaker_text`` lists the
        phrases that named the speaker; unnamed sources ("officials", "a source close to ...") have
        rows of their own, one per phrase, with no ``speaker``. ``documents`` lists where the
        statements are; ``example`` is the first of them.

        >>> kg.quotes().head()               # doctest: +SKIP
        >>> kg.quotes(reported_by="TASS")    # whom TASS is cited quoting  # doctest: +SKIP
        """
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for s in self._statements(speaker, None, reported_by, None, None):
            if s.get("speaker") is not None:
                groups[(s["speaker"], s.get("reported_by"))].append(s)
            elif s.get("speaker_text") and speaker is None:
                groups[(None, s.get("reported_by"), s["speaker_text"].casefold())].append(s)
        rows = [
            {
                "speaker": who,
                "speaker_label": self._label(who) if who is not None else None,
                "speaker_text": sorted({s["speaker_text"] for s in said if s.get("speaker_text")}),
                "reported_by": outlet,
                "reported_by_label": self._label(outlet) if outlet is not None else None,
                "statements": len(said),
                "documents": sorted({s.get("doc") for s in said}),
                "example": said[0].get("text"),
            }
            for (who, outlet, *_), said in groups.items()
        ]
        rows.sort(key=lambda r: (-r["statements"], r["speaker_label"] is None,
                                 (r["speaker_label"] or r["speaker_text"][0]).casefold(),
                                 r["reported_by_label"] is None, (r["reported_by_label"] or "").casefold()))
        return _frame(rows, QUOTES_COLUMNS)

    # ---- importance and structure ------------------------------------------------------------

    def top(self, n: int = 10, *, by: str = "mentions", types: Names | None = None) -> pd.DataFrame:
        """The ``n`` most important entities (of ``types``) by one measure, highest first.

        ``by``: ``mentions`` (times named), ``statements`` (times quoted), ``documents`` (how many
        name it), ``degree`` (how many distinct entities it is related to), ``pagerank`` (weighted,
        on the projection) or ``betweenness`` (how often it lies on shortest paths between others;
        unweighted, normalised). Ties go by label. PageRank and betweenness get a column of their
        own; betweenness is exact, so it takes a while on graphs of many thousand entities.

        >>> kg.top(5, by="pagerank")             # doctest: +SKIP
        >>> kg.top(5, types="person")            # the most mentioned people  # doctest: +SKIP
        """
        if by not in MEASURES:
            raise ValueError(f"by={by!r}: not a measure; use one of {', '.join(MEASURES)}")
        wanted = self._check(types, ENTITY_TYPES, self._types_present(), "type")
        table = self.entities()
        if wanted is not None:
            table = table[table["type"].isin(sorted(wanted))]
        projection = self.projection()
        table = table.assign(degree=[projection.degree(node) for node in table["id"]])
        columns = list(TOP_COLUMNS)
        if by in ("pagerank", "betweenness"):
            scores = nx.pagerank(projection, weight="weight") if by == "pagerank" else nx.betweenness_centrality(projection)
            table = table.assign(**{by: [scores[node] for node in table["id"]]})
            columns.append(by)
        table = table.assign(_key=table["label"].str.casefold())
        table = table.sort_values([by, "_key", "id"], ascending=[False, True, True], kind="stable")
        return table[columns].head(n).reset_index(drop=True)

    def projection(self) -> nx.Graph:
        """One undirected link per related pair, weighted by the sum of all their relationships.

        Built in sorted order, so every measure on it comes out the same on every run.

        >>> kg.projection().edges["Q159", "Q889"]["weight"]  # doctest: +SKIP
        37
        """
        return projection(self.nx)

    def communities(self, *, seed: int = 0, resolution: float = 1.0, min_size: int = 2) -> pd.DataFrame:
        """Communities: groups of entities more related to each other than to the rest (Louvain).

        Seeded, so the same graph always gives the same communities. One row per community of at
        least ``min_size`` entities, largest first, numbered from 0; ``members`` are labels and
        ``ids`` node ids, most mentioned first. Show one with ``kg.subgraph(row.ids).show()``.

        >>> comms = kg.communities()                       # doctest: +SKIP
        >>> kg.subgraph(comms.loc[0, "ids"]).show()         # doctest: +SKIP
        """
        ranked = louvain_groups(self.nx, seed=seed, resolution=resolution)
        rows = [
            {"community": number, "size": len(ids), "members": [self._label(i) for i in ids], "ids": ids}
            for number, ids in enumerate(ranked)
            if len(ids) >= min_size
        ]
        return _frame(rows, COMMUNITY_COLUMNS)

    # ---- subgraphs ---------------------------------------------------------------------------

    def subgraph(self, names: Iterable[str]) -> KnowledgeGraph:
        """The entities named (ids, labels or aliases) and every relationship among them.

        Statements are kept when their speaker is in the subgraph (one with no known speaker, when
        an entity it names is); documents when something kept refers to them.

        >>> kg.subgraph(["Russia", "Tajikistan", "CSTO"]).relationships()  # doctest: +SKIP
        """
        if isinstance(names, str):
            names = [names]
        nodes = {self.find(name) for name in names}
        edges = [(u, v, k, a) for u, v, k, a in self.nx.edges(keys=True, data=True) if u in nodes and v in nodes]
        return self._derive(nodes, edges)

    def ego(self, name: str, radius: int = 1, *, kinds: Names | None = None) -> KnowledgeGraph:
        """``name`` and the entities within ``radius`` relationships of it (of ``kinds``), with
        every relationship among them (of ``kinds``).

        Its statements are those of the entities in it (see :meth:`subgraph`).

        >>> kabulov = kg.ego("Zamir Kabulov")              # doctest: +SKIP
        >>> kabulov.show()                                  # doctest: +SKIP
        >>> kg.ego("Kabulov", kinds=["attribution", "reported_by"])  # doctest: +SKIP
        """
        centre = self.find(name)
        source = self.filter(kinds=kinds, keep_isolated=True) if kinds is not None else self
        around = nx.ego_graph(source.projection(), centre, radius=radius)
        return source.subgraph(around.nodes)

    def between(self, start: Any = None, end: Any = None, *, keep_isolated: bool = False) -> KnowledgeGraph:
        """The graph of a period: what the documents dated from ``start`` to ``end`` (both days
        included; None leaves that side open) say, as :meth:`filter` with their ``documents``.
        Days are ``"YYYY-MM-DD"`` strings, ``date``/``datetime`` or pandas ``Timestamp``; undated
        documents fall in no period. ``first_seen``/``last_seen`` are those within the period.

        >>> kg.between("2021-03-01", "2021-03-31")                      # doctest: +SKIP
        >>> kg.between(start="2022-01-01").quotes()                     # doctest: +SKIP
        """
        lo = as_day(start) if start is not None else None
        hi = as_day(end) if end is not None else None
        if lo and hi and lo > hi:
            raise ValueError(f"the period ends ({hi}) before it starts ({lo})")
        documents = [d.get("id") for d in self.documents if in_period(d.get("date"), lo, hi)]
        return self.filter(documents=documents, keep_isolated=keep_isolated)

    def timeline(self, name: str, freq: str = "W") -> pd.DataFrame:
        """How often an entity comes up per period: one row per period of ``freq`` (pandas'
        period aliases: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``) from its first to its last
        dated document, indexed by the period's first day, with

        - ``mentions``: its mentions in the documents of that period;
        - ``documents``: the documents naming it;
        - ``statements``: the statements it made;
        - ``about``: the statements that name it.

        Undated documents count in no period.

        >>> kg.timeline("Sergei Lavrov", freq="M").plot()               # doctest: +SKIP
        """
        import pandas as pd

        node = self.find(name)
        attrs = self.nx.nodes[node]
        date_of = self._dates()
        # A graph.json from before per-document counts: one mention per document.
        per_document = attrs.get("document_mentions") or {d: 1 for d in attrs.get("documents") or []}
        rows = [{"date": date_of.get(d), "mentions": n, "documents": 1} for d, n in per_document.items()]
        for s in self.statements:
            said, about = s.get("speaker") == node, node in (s.get("mentions") or [])
            if said or about:
                rows.append({"date": date_of.get(s.get("doc")), "statements": int(said), "about": int(about)})
        columns = ["mentions", "documents", "statements", "about"]
        frame = pd.DataFrame(rows, columns=["date", *columns]).dropna(subset=["date"])
        if frame.empty:
            return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="period"), dtype="int64")
        periods = pd.to_datetime(frame["date"]).dt.to_period(freq)
        counts = frame[columns].fillna(0).astype("int64").groupby(periods).sum()
        counts = counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq=freq), fill_value=0)
        counts.index = counts.index.to_timestamp(how="start")
        counts.index.name = "period"
        return counts

    def filter(
        self,
        *,
        types: Names | None = None,
        kinds: Names | None = None,
        min_weight: float | None = None,
        documents: Names | None = None,
        keep_isolated: bool = False,
    ) -> KnowledgeGraph:
        """A new graph with only what passes every condition given:

        - ``types``: entities of these types (and the relationships between them);
        - ``kinds``: relationships of these kinds;
        - ``documents``: what these document ids say: relationships keep only their evidence from
          them (``weight`` and ``documents`` recounted), entities only if named in them
          (``documents`` and ``statements`` recounted; ``mentions`` stays the corpus-wide count),
          statements only theirs;
        - ``min_weight``: relationships at least this heavy (after the document condition).

        Entities left with no relationship are dropped unless ``keep_isolated``. Statements and
        documents follow the entities kept, as in :meth:`subgraph`.

        >>> kg.filter(types=["person", "organization"], min_weight=2)   # doctest: +SKIP
        >>> kg.filter(kinds="attribution").show()                        # doctest: +SKIP
        >>> kg.filter(documents=["000_422e52816ebefd8b"])                # one article  # doctest: +SKIP
        """
        wanted_types = self._check(types, ENTITY_TYPES, self._types_present(), "type")
        wanted_kinds = self._check(kinds, EDGE_KINDS, self._kinds_present(), "kind")
        docs = self._check_documents(documents)
        nodes = {
            n for n, a in self.nx.nodes(data=True)
            if (wanted_types is None or a.get("type") in wanted_types)
            and (docs is None or docs & set(a.get("documents") or []))
        }
        edges = []
        for u, v, k, a in self.nx.edges(keys=True, data=True):
            if u not in nodes or v not in nodes or (wanted_kinds is not None and _kind(k, a) not in wanted_kinds):
                continue
            if docs is not None:
                a = _edge_in_documents(a, docs)
                if a is None:
                    continue
            if min_weight is None or a.get("weight", 1) >= min_weight:
                edges.append((u, v, k, a))
        if not keep_isolated:
            nodes = {n for u, v, _, _ in edges for n in (u, v)}
        return self._derive(nodes, edges, docs)

    # ---- helpers -----------------------------------------------------------------------------

    def _derive(self, nodes: set, edges: list[tuple], docs: set[str] | None = None) -> KnowledgeGraph:
        """A new graph of ``nodes`` and ``edges`` (attributes copied), with the statements and
        documents that still belong to it."""
        statements = [
            copy.deepcopy(s) for s in self.statements
            if (docs is None or s.get("doc") in docs)
            and (s.get("speaker") in nodes
                 or (s.get("speaker") is None and any(m in nodes for m in s.get("mentions") or [])))
        ]
        G = nx.MultiDiGraph()
        for n in sorted(nodes, key=str):
            attrs = copy.deepcopy(self.nx.nodes[n])
            if docs is not None:
                attrs["documents"] = [d for d in attrs.get("documents") or [] if d in docs]
                if "document_mentions" in attrs:
                    attrs["document_mentions"] = {d: n for d, n in attrs["document_mentions"].items() if d in docs}
                attrs["statements"] = sum(1 for s in statements if s.get("speaker") == n)
            G.add_node(n, **attrs)
        for u, v, k, a in sorted(edges, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
            G.add_edge(u, v, key=k, **copy.deepcopy(a))
        used = {s.get("doc") for s in statements}
        used |= {d for _, a in G.nodes(data=True) for d in a.get("documents") or []}
        used |= {d for _, _, a in G.edges(data=True) for d in a.get("documents") or []}
        G.graph = {key: copy.deepcopy(value) for key, value in self.nx.graph.items() if key not in ("documents", "statements")}
        G.graph["documents"] = [copy.deepcopy(d) for d in self.documents if d.get("id") in used]
        G.graph["statements"] = statements
        if docs is not None:
            stamp_seen(G)  # the first and last days within these documents
        return type(self)(G, problems=self.problems)

    def _statements(self, speaker, about, reported_by, kind, document) -> list[dict]:
        speaker = self.find(speaker) if speaker is not None else None
        about = self.find(about) if about is not None else None
        reported_by = self.find(reported_by) if reported_by is not None else None
        docs = self._check_documents(document)
        return sorted(
            (
                s for s in self.statements
                if (speaker is None or s.get("speaker") == speaker)
                and (about is None or about in (s.get("mentions") or []))
                and (reported_by is None or s.get("reported_by") == reported_by)
                and (kind is None or s.get("kind") == kind)
                and (docs is None or s.get("doc") in docs)
            ),
            key=lambda s: (str(s.get("doc")), s.get("start") or 0, str(s.get("id"))),
        )

    def _statement_row(self, s: dict, titles: dict, dates: dict) -> dict:
        speaker, outlet = s.get("speaker"), s.get("reported_by")
        return {
            "statement": s.get("id"),
            "doc": s.get("doc"),
            "title": titles.get(s.get("doc")),
            "speaker": speaker,
            "speaker_label": self._label(speaker) if speaker is not None else None,
            "speaker_text": s.get("speaker_text"),
            "reported_by": outlet,
            "reported_by_label": self._label(outlet) if outlet is not None else None,
            "kind": s.get("kind"),
            "cue": s.get("cue"),
            "text": s.get("text"),
            "mentions": [self._label(m) for m in s.get("mentions") or []],
            "date": dates.get(s.get("doc")),
        }

    def _edges_of(self, node) -> list[tuple]:
        out = list(self.nx.out_edges(node, keys=True, data=True))
        return out + [e for e in self.nx.in_edges(node, keys=True, data=True) if e[0] != node]

    def _label(self, node) -> str:
        if node in self.nx:
            return _label(node, self.nx.nodes[node])
        return str(node)

    def _titles(self) -> dict:
        return {d.get("id"): d.get("title") for d in self.documents}

    def _dates(self) -> dict:
        return {d.get("id"): d.get("date") for d in self.documents}

    def _by_mentions(self, nodes: Iterable) -> list:
        return sorted(nodes, key=lambda n: (-self.nx.nodes[n].get("mentions", 0), self._label(n).casefold(), str(n)))

    def _types_present(self) -> set[str]:
        return {t for _, t in self.nx.nodes(data="type") if t is not None}

    def _kinds_present(self) -> set[str]:
        return {_kind(k, a) for _, _, k, a in self.nx.edges(keys=True, data=True)}

    @staticmethod
    def _check(values: Names | None, known: Iterable[str], present: set[str], what: str) -> set[str] | None:
        """``values`` as a set (a single string is one value); a typo is an error, not an empty result."""
        if values is None:
            return None
        values = {values} if isinstance(values, str) else set(values)
        unknown = values - set(known) - present
        if unknown:
            choices = ", ".join(sorted(set(known) | present))
            raise ValueError(f"unknown {what}(s) {', '.join(sorted(map(repr, unknown)))}; use {choices}")
        return values

    def _check_documents(self, documents: Names | None) -> set[str] | None:
        if documents is None:
            return None
        documents = {documents} if isinstance(documents, str) else set(documents)
        known = {d.get("id") for d in self.documents}
        unknown = documents - known
        if unknown:
            close = difflib.get_close_matches(sorted(unknown)[0], sorted(map(str, known)), n=3)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise KeyError(f"unknown document id(s) {', '.join(sorted(map(repr, unknown)))}{hint}")
        return documents

    def _name_index(self) -> dict[str, list[tuple]]:
        """normalized name -> [(rank, -mentions, id, node)]: label before alias, then most mentioned."""
        index: dict[str, list[tuple]] = defaultdict(list)
        for node, attrs in self.nx.nodes(data=True):
            names = [(0, attrs.get("label") or str(node)), (1, str(node))]
            names += [(1, alias) for alias in attrs.get("aliases") or []]
            seen = set()
            for rank, name in names:
                key = normalize_name(name)
                if key and key not in seen:
                    seen.add(key)
                    index[key].append((rank, -attrs.get("mentions", 0), str(node), node))
        return index

    def _suggestions(self, name: str, n: int = 5) -> list[str]:
        index = self._name_index()
        query = normalize_name(name)
        close = difflib.get_close_matches(query, list(index), n=n, cutoff=0.6)
        # Names holding every word of the query ("Kabulov" -> "Zamir Kabulov"), word by word.
        words = _words(name)
        named = [(attrs.get("label") or str(node), *(attrs.get("aliases") or []))
                 for node, attrs in self.nx.nodes(data=True)]
        containing = sorted({normalize_name(n) for names in named for n in names if words and words <= _words(n)} & set(index),
                            key=lambda k: (len(k), k))
        labels: list[str] = []
        for key in close + containing:
            label = self._label(min(index[key])[-1])
            if label not in labels:
                labels.append(label)
        return labels[:n]


# --------------------------------------------------------------------------------------------
# Functions
# --------------------------------------------------------------------------------------------

def normalize_name(name: str) -> str:
    """The form names are compared in, the build's own (:func:`graph.contract.fold`): case,
    accents, a leading "the", a possessive, dots, spaces, hyphens and quotes do not count.

    >>> normalize_name("The Taliban’s")
    'taliban'
    >>> normalize_name("U.S."), normalize_name("Müller") == normalize_name("Muller")
    ('us', True)
    """
    return fold(name)


def _words(name: str) -> set[str]:
    return {w for w in map(fold, str(name).split()) if w}


def _edge_in_documents(attrs: dict, docs: set[str]) -> dict | None:
    """The edge's attributes with only the evidence from ``docs``; None when nothing is left."""
    attrs = dict(attrs)
    evidence = attrs.get("evidence")
    if evidence:
        kept = [ev for ev in evidence if ev.get("doc") in docs]
        if not kept:
            return None
        attrs["evidence"] = kept
        attrs["weight"] = edge_weight(kept)
        attrs["documents"] = sorted({ev.get("doc") for ev in kept})
        return attrs
    documents = [d for d in attrs.get("documents") or [] if d in docs]
    if not documents:
        return None
    attrs["documents"] = documents
    return attrs


def _kind(key, attrs: dict) -> str:
    return attrs.get("kind") or str(key)


def _label(node, attrs: dict) -> str:
    return str(attrs.get("label") or node)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The table, with every column of text (or nothing) as pandas' string dtype, so that a
    missing value is always NaN, never None in one column and NaN in the next."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        if frame[column].dtype == object and all(isinstance(v, str) for v in frame[column] if v is not None):
            frame[column] = frame[column].astype("str")
    return frame
