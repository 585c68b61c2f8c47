"""The titles that lead a person's name ("Field Marshal", "President") and where they start."""
from __future__ import annotations

from ..contract import fold
from ..gazetteer import Gazetteer
from ..tokens import Tokens
from .words import POSSESSIVE


# Title phrases by their first word: the words without dots, the title, its gender.
TitleIndex = dict[str, list[tuple[list[str], str, str | None]]]


def titles_by_first_word(gaz: Gazetteer) -> TitleIndex:
    """Title phrases as words without dots, with the title and its gender, by their first word,
    longest first (the order of ``gaz.titles_by_length``): at a word of a name, only the titles
    that start with it can match."""
    index: TitleIndex = {}
    for title, gender in gaz.titles_by_length:
        words = [w.rstrip(".") for w in title]
        index.setdefault(words[0], []).append((words, " ".join(title), gender))
    return index


def leading_titles(
    toks: Tokens, start: int, end: int, gaz: Gazetteer, titles_by_first_word: TitleIndex
) -> tuple[int, str | None, str | None]:
    """How many tokens of titles (and a demonym before them) lead a name: "Field Marshal Khalifa
    Haftar", "Russian Deputy Interior Minister Igor Zubov", "President Putin"."""
    words = [word.rstrip(".") for word in toks.lower[start:end]]
    i = 0
    role = gender = None
    while i < len(words) - 1:
        for title, name, title_gender in titles_by_first_word.get(words[i], ()):
            n = len(title)
            if i + n < len(words) and words[i : i + n] == title and words[i + n] not in POSSESSIVE:
                role = role or name
                gender = gender or title_gender
                i += n
                break
        else:
            if role is not None and words[i] == "-" and i + 2 < len(words):
                i += 1  # "Major-General": titles joined by a hyphen
                continue
            if role is None and fold(words[i]) in gaz.demonym_country and i + 2 < len(words):
                i += 1  # "Russian" before a title
                continue
            break
    if role is None:
        return 0, None, None
    return i, role, gender


def title_start(toks: Tokens, start: int, title_strings: frozenset[str]) -> int:
    """Where the title written right before a name begins: "Vice President" in "Vice President
    Ann Lee" (the longest title of up to four tokens on the name's line), or ``start``."""
    for k in range(min(4, start), 0, -1):
        if any("\n" in toks.space[i] for i in range(start - k, start)):
            continue
        words = toks.doc_text[toks.idx[start - k] : toks.end_char(start)].lower().replace(".", "")
        if words in title_strings or words.replace("-", " ") in title_strings:  # "Major-General"
            return start - k
    return start


def is_title_modifier(toks: Tokens, start: int, end: int, gaz: Gazetteer) -> bool:
    """"Interior" in "Deputy Interior Minister": a word that qualifies a title, not a name."""
    if end - start != 1 or end >= len(toks):
        return False
    return toks.lower[end] in gaz.titles
