"""Find the names in one parsed document (the mentions stage), module by step:

candidates.py (the candidate record; curated names and spaCy's entities; the longest
non-overlapping ones), organisations.py, acronyms.py and bibliography.py (the other sources),
boundaries.py and titles.py (where a name starts and ends), type_cues.py, common_words.py and
headlines.py (what a name is, and what is none), entries.py (which curated entry it names),
extract.py (``MentionExtractor`` and ``extract_mentions``, which put them together).
"""
from .extract import NAME_TYPES, MentionExtractor, extract_mentions
from .titles import leading_titles, titles_by_first_word
from .type_cues import context_type_votes
from .words import NER_LABELS

# The names these had when the stage was one module (tests import them).
_leading_titles = leading_titles
_titles_by_first_word = titles_by_first_word

__all__ = [
    "MentionExtractor", "extract_mentions", "context_type_votes", "leading_titles", "titles_by_first_word",
    "NAME_TYPES", "NER_LABELS",
]
