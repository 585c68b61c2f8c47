"""The closed word classes and spaCy labels the steps of finding mentions share."""
from __future__ import annotations

import re

from ..curated import packaged_words


NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
CONNECTORS = packaged_words("function_words.tsv", "connector")  # data/function_words.tsv
DETERMINERS = {"the", "a", "an"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}

# Parts of speech that cannot start a name: "Browbeating the Taliban", "Politically the Taliban".
LEADING_NON_NAME = {"VERB", "ADV", "ADP", "PRON", "SCONJ", "CCONJ", "AUX", "PART", "INTJ", "DET", "NUM"}
ORG_TYPES = {"organization", "group", "alliance"}
# A capital inside a word that names: "O'Reilly", "D\u2019Ambrosio", "McAdam", "MacLeod"
INNER_CAPITAL = re.compile(r"^(?:[A-Z][a-z]?['\u2019]|Ma?c)[A-Z]")


def is_noun(word: str, nouns: frozenset[str]) -> bool:
    """``word`` or its singular ("executives", "companies") is in ``nouns``."""
    if word in nouns:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in nouns
    return word.endswith("s") and (word[:-1] in nouns or word.endswith("es") and word[:-2] in nouns)
