"""What making a mention needs to know of its document, built once per document."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..records import Document
from ..tokens import Tokens
from .titles import TitleIndex


@dataclass
class MentionContext:
    document: Document
    toks: Tokens
    gaz: Gazetteer
    headline_sents: set[int]
    not_names: set[str]
    country_counts: Counter
    english_adjectives: frozenset[str]
    titles_by_first_word: TitleIndex
    named_in_full: set[str]  # curated entries the document names by a strong alias
    title_strings: frozenset[str]  # the curated titles, lower case without dots ("vice president")
    english_words: frozenset[str] = frozenset()  # English nouns and adjectives, which portfolios are made of
    headings: set[int] = field(default_factory=set)  # tokens of headings run into their paragraphs ("Budget Cuts Threaten Rural Clinics:")
