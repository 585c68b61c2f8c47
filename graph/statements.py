"""Who said what: attributed statements in one parsed document (filled in by the attribution work)."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import Affiliation, Document, Mention, Statement


def extract_statements(document: Document, doc: Doc, mentions: list[Mention]) -> tuple[list[Statement], list[Affiliation]]:
    """Statements and stated affiliations of one document."""
    return [], []
