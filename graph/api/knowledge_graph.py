"""The :class:`KnowledgeGraph`: load or build a graph and ask it questions; :func:`load` and
:func:`build`, the entry points. What a method computes lives in plain functions of the networkx
graph: :mod:`~graph.api.names` (finding an entity), :mod:`~graph.api.tables` (the tables),
:mod:`~graph.api.subgraphs` (narrowing the graph); this class checks the arguments and wraps
the results.
"""
from __future__ import annotations

import copy
import difflib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..communities import projection
from ..contract import EDGE_KINDS, from_data, to_data, validate
from ..export import graph_json_bytes, load_json
from ..outputs import write_atomically
from ..periods import as_day, in_period
from ..pipeline.options import BuildOptions
from ..records import ENTITY_TYPES
from . import subgraphs, tables
from .lookups import documents, kinds_present, statements, types_present
from .names import find as find_entity
from .view import GraphView

if TYPE_CHECKING:  # pandas is imported when a table is asked for, so ``import graph`` stays light
    import pandas as pd

__all__ = ["KnowledgeGraph", "build", "load"]

Names = str | Iterable[str]


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
        return documents(self.nx)

    @property
    def statements(self) -> list[dict]:
        """The statements: ``{id, doc, speaker, cue, kind, text, reported_by, mentions, start, end}``.

        >>> kg.statements[0]["speaker"]  # doctest: +SKIP
        'zamir-kabulov'
        """
        return statements(self.nx)

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
        return find_entity(self.nx, name)

    def why(self, name: str) -> pd.DataFrame:
        """Why each name of the entity called ``name`` is one of its aliases: the rule that linked
        it (``rule``, see :class:`graph.records.LinkRule`), the document it was read in, and in
        words. The rows of the name asked about come first.

        >>> kg.why("Kabulov")  # doctest: +SKIP
             alias     rule    doc  title                                        why
        0  Kabulov  surname  000_…  ...  the surname of the full name in the document ...
        """
        return tables.why(self.nx, self.find(name), name)

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
        return tables.entities(self.nx, self._check(types, ENTITY_TYPES, types_present(self.nx), "type"))

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
        return tables.neighbours(self.nx, node, self._check(kinds, EDGE_KINDS, kinds_present(self.nx), "kind"), limit)

    neighbors = neighbours  # networkx's spelling

    def relationships(self, kinds: Names | None = None, *, min_weight: float | None = None) -> pd.DataFrame:
        """Every relationship (of ``kinds``, of at least ``min_weight``), heaviest first.

        >>> kg.relationships("attribution").head()  # doctest: +SKIP
        """
        wanted = self._check(kinds, EDGE_KINDS, kinds_present(self.nx), "kind")
        return tables.relationships(self.nx, wanted, min_weight)

    def evidence(self, name: str, other: str, *, kinds: Names | None = None) -> pd.DataFrame:
        """The evidence behind every relationship between two entities (either direction).

        One row per sentence or statement, in document order, with the document's title and the
        character offsets into its text.

        >>> kg.evidence("CSTO", "Russia")[["title", "sentence"]]  # doctest: +SKIP
        """
        a, b = self.find(name), self.find(other)
        return tables.evidence(self.nx, a, b, self._check(kinds, EDGE_KINDS, kinds_present(self.nx), "kind"))

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
        question, negated, evaluation), or to one ``document`` id. ``speaker_text`` is the speaker phrase as
        written ("officials", "Acme's spokesperson"), also where it names no entity;
        ``mentions`` holds the labels of the entities the statement names.

        >>> kg.said("Zamir Kabulov")[["text", "reported_by_label", "title"]]  # doctest: +SKIP
        >>> kg.said(about="ISIS")                                             # doctest: +SKIP
        """
        return tables.said(self.nx, self._statements(speaker, about, reported_by, kind, document))

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
        return tables.quotes(self.nx, self._statements(speaker, None, reported_by, None, None), speaker)

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
        if by not in tables.MEASURES:
            raise ValueError(f"by={by!r}: not a measure; use one of {', '.join(tables.MEASURES)}")
        return tables.top(self.nx, n, by, self._check(types, ENTITY_TYPES, types_present(self.nx), "type"))

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
        return tables.communities(self.nx, seed, resolution, min_size)

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
        return self._derive(nodes, subgraphs.edges_among(self.nx, nodes))

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
        return tables.timeline(self.nx, self.find(name), freq)

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
        wanted_types = self._check(types, ENTITY_TYPES, types_present(self.nx), "type")
        wanted_kinds = self._check(kinds, EDGE_KINDS, kinds_present(self.nx), "kind")
        docs = self._check_documents(documents)
        nodes, edges = subgraphs.filtered(self.nx, types=wanted_types, kinds=wanted_kinds, min_weight=min_weight,
                                          docs=docs, keep_isolated=keep_isolated)
        return self._derive(nodes, edges, docs)

    # ---- helpers -----------------------------------------------------------------------------

    def _derive(self, nodes: set, edges: list[tuple], docs: set[str] | None = None) -> KnowledgeGraph:
        """A new graph of ``nodes`` and ``edges``, see :func:`graph.api.subgraphs.derive`."""
        return type(self)(subgraphs.derive(self.nx, nodes, edges, docs), problems=self.problems)

    def _statements(self, speaker, about, reported_by, kind, document) -> list[dict]:
        speaker = self.find(speaker) if speaker is not None else None
        about = self.find(about) if about is not None else None
        reported_by = self.find(reported_by) if reported_by is not None else None
        docs = self._check_documents(document)
        return tables.select_statements(self.nx, speaker, about, reported_by, kind, docs)

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
