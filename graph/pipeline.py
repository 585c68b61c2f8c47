"""The build, stage by stage: read documents -> NLP -> mentions -> statements -> resolve entities
-> assemble the graph. Export and rendering are the caller's (see ``graph.cli``)."""
from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike

import networkx as nx

from .assemble import build_graph
from .documents import read_documents
from .entities import resolve
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import MentionExtractor
from .nlp import load_pipeline
from .records import Document, DocumentAnalysis, Problem
from .statements import extract_statements


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


class NoDocuments(RuntimeError):
    """Nothing usable was read; ``problems`` says why, file by file."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Timer:
    timings: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - since
        return now


def build(
    paths: Iterable[str | PathLike],
    *,
    model: str | None = None,
    extra_entities: Sequence[str | PathLike] = (),
) -> BuildResult:
    """Read the files and folders in ``paths`` and build their entity graph."""
    timer = Timer()
    t = time.perf_counter()
    documents, problems = read_documents(paths)
    t = timer.add("read", t)
    if not documents:
        raise NoDocuments("no usable documents", problems)
    result = build_documents(documents, model=model, extra_entities=extra_entities, timer=timer)
    result.problems = problems + result.problems
    return result


def build_documents(
    documents: Sequence[Document],
    *,
    model: str | None = None,
    extra_entities: Sequence[str | PathLike] = (),
    gazetteer: Gazetteer | None = None,
    timer: Timer | None = None,
) -> BuildResult:
    """Build the graph of documents already read."""
    timer = timer or Timer()
    t = time.perf_counter()
    gazetteer = gazetteer or load_gazetteer(extra_entities)
    nlp = load_pipeline(model)
    extractor = MentionExtractor(gazetteer, nlp)
    t = timer.add("setup", t)
    analyses = []
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents)):
        t = timer.add("nlp", t)
        analyses.append(analyse(document, doc, extractor, timer))
        t = time.perf_counter()
    resolution = resolve(analyses, gazetteer)
    t = timer.add("entities", t)
    G = build_graph(documents, analyses, resolution)
    timer.add("assemble", t)
    return BuildResult(graph=G, documents=list(documents), timings=timer.timings)


def analyse(document: Document, doc, extractor: MentionExtractor, timer: Timer | None = None) -> DocumentAnalysis:
    """The per-document stages on a parsed document: mentions, then statements."""
    timer = timer or Timer()
    t = time.perf_counter()
    sentences, mentions, acronyms = extractor(document, doc)
    t = timer.add("entities", t)
    statements, affiliations = extract_statements(document, doc, mentions)
    timer.add("statements", t)
    return DocumentAnalysis(
        doc=document.id,
        sentences=sentences,
        mentions=mentions,
        acronyms=acronyms,
        statements=statements,
        affiliations=affiliations,
    )
