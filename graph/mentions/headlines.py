"""Headlines and all-caps lines, where capitals say nothing about names, and the names inside a
title-case line: the model's span there runs on into the verbs and function words the line
capitalises ("Senator Blasts Ann Lee Over Tax Plan", "Lee Says He Will Run")."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from ..tokens import Tokens

# Opening quotes and dashes after which a capital says nothing about a name.
_OPENERS = frozenset({'"', "\u201c", "'", "\u2018", "(", "[", "-", "\u2013", "\u2014", ":", ";"})


def is_shouting(text: str) -> bool:
    """An all-caps line (the text of a sentence)."""
    letters = list(filter(str.isalpha, text))
    return len(letters) > 8 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def is_title_case(toks: Tokens, sent: Span, verb_form: Callable[[str], bool] | None = None) -> bool:
    """A line written in Title Case whatever its final punctuation: most of its words capitalised,
    the function words among them ("Over", "To", "He", "Will"), which running text writes in lower
    case. Names alone ("Ann Lee met Bo Reed in Paris") capitalise no function word, and a list
    of titles ("Ann Lee, The Long Road") one amid lower-case words."""
    words = [i for i in range(sent.start + 1, sent.end) if toks.is_alpha[i]]
    if len(words) < 4:
        return False
    if verb_form is not None and _capitalised_verb(toks, words, verb_form):
        return True
    capitals = sum(toks.name_word[i] for i in words)
    if capitals < 0.75 * len(words):
        return False  # running text, told from the plain lists before any token is read
    function = [i for i in words if toks.tok[i].is_stop]
    function_capitals = sum(toks.tok[i].is_title for i in function)  # not "ABOUT" in a half-shouted line
    if not function_capitals or function_capitals < 0.6 * len(function):
        return False
    # one capitalised function word is enough in a line of capitals only ("Ann Lee Wins Over Critics"),
    # ("Ann Lee, The Long Road" lists a work)
    if function_capitals == 1:
        return capitals == len(words) and "," not in toks.text[sent.start:sent.end]
    return True


def _capitalised_verb(toks: Tokens, words: list[int], verb_form: Callable[[str], bool]) -> bool:
    """A headline that writes its short function words in lower case ("Ann Lee Joins a Panel on
    Taxes"): its long words capitalised, an inflected verb among them."""
    long = [i for i in words if len(toks.text[i]) > 3]
    return len(long) >= 4 and sum(toks.text[i][:1].isupper() for i in long) >= 0.75 * len(long) \
        and any(toks.tok[i].is_title and verb_form(toks.lower[i]) for i in long)


def is_headline(toks: Tokens, sent: Span, text: str, shouting: bool, first: bool = False,
                verb_form: Callable[[str], bool] | None = None) -> bool:
    """A title-case or all-caps line (``text`` is the sentence's, ``shouting`` whether it is
    all caps): spaCy's capitalisation cues mean nothing there. A line that lists things ("Ann Lee,
    The Long Road"; "Terminal 2: Delta, Frontier") or writes a lower-case word of its own is not
    one, unless it opens the text (``first``), where titles live. ``verb_form`` tells an
    inflected verb, which a title opening the text capitalises too (in running text, names and
    places alone make a line mostly capitals)."""
    if shouting or is_title_case(toks, sent, verb_form if first else None):
        return True
    span = slice(sent.start, sent.end)
    words = [(word, tok) for word, alpha, tok in zip(toks.text[span], toks.is_alpha[span], toks.tok[span]) if alpha and len(word) > 3]
    if len(words) < 4:
        return False
    if sum(word[0].isupper() for word, _ in words) / len(words) < 0.75 or text.rstrip().endswith((".", "?", "!", "\u201d", '"')):
        return False
    if first:
        return True
    return "," not in text and not any(word.islower() and len(word) > 4 and not tok.is_stop for word, tok in words)


class HeadlineNames:
    """Where a person's name is inside a title-case line, built once per process from the
    lemmatizer's dictionary (``verbs``: verb lemmas; ``exceptions``: irregular forms to lemmas;
    ``words``: English nouns and adjectives)."""

    def __init__(self, verbs: frozenset[str], exceptions: dict[str, str], words: frozenset[str], given_names: frozenset[str]) -> None:
        self.verbs = verbs
        self.exceptions = exceptions
        self.words = words
        self.given_names = given_names

    def is_verb_form(self, lower: str) -> bool:
        """An inflected verb ("says", "slams", "worked", "said", "auctioning"): a headline's verb,
        which a name's word seldom is (the bare form is: "Will", "Bill", "Grant")."""
        verbs = self.verbs
        if self.exceptions.get(lower) in verbs:
            return True
        if lower.endswith("ed") and (lower[:-2] in verbs or lower[:-1] in verbs):
            return True
        if lower.endswith("ing") and len(lower) > 5:
            stem = lower[:-3]
            return stem in verbs or stem + "e" in verbs or stem[-1] == stem[-2] and stem[:-1] in verbs
        if lower.endswith("s") and not lower.endswith("ss"):
            return lower[:-1] in verbs or lower.endswith("es") and lower[:-2] in verbs or lower.endswith("ies") and lower[:-3] + "y" in verbs
        return False

    def pieces(self, toks: Tokens, start: int, end: int, body_names: set[str]) -> list[tuple[int, int]]:
        """The names inside the model's span ``start:end`` of a title-case line: split where the
        line capitalises a function word or an inflected verb ("Ben Ames Slams Jo Lee" gives "Ben
        Ames" and "Jo Lee"), unless the body writes that word as a name (``body_names``: the
        words capitalised inside its sentences), and each piece cut to the words that name: the
        ones the body writes as names, given names, and words that are no common English word
        ("Jo Lee Tax Plan" gives "Jo Lee"). Of a span cut so, a piece of common words only is no
        name ("Over Tax Plan"), but for the first, where the model saw the name begin (the
        dictionary knows some famous surnames). A span the line does not cut is left as it is."""
        out, piece = [], start
        for i in range(start, end + 1):
            if i < end and not self._splits(toks, i, body_names):
                continue
            if (piece, i) == (start, end):
                if self._leading_verb(toks, start, end, body_names):
                    return [(start + 1, end)]  # "Lawmakers Rip Ann Lee As ...": the name the body writes, without the verb
                return [(start, end)]  # nothing cut: the span as the model read it (a lone "Fisher")
            naming = [j for j in range(piece, i) if self._names(toks, j, body_names)]
            if naming:
                out.append((naming[0], naming[-1] + 1))
            elif piece == start < i:
                out.append((start, i))  # where the model saw a name begin ("Okafor Says ...")
            piece = i + 1
        return out

    def _leading_verb(self, toks: Tokens, start: int, end: int, body_names: set[str]) -> bool:
        """The span opens with a headline's bare verb ("Rip", "Slam") before a name the body writes
        in full: a verb the body never capitalises, no given name, the rest all names of the body."""
        word, lower = toks.text[start], toks.lower[start]
        if end - start < 3 or word in body_names or lower in self.given_names or lower not in self.verbs:
            return False
        return all(toks.text[j] in body_names for j in range(start + 1, end))

    def _splits(self, toks: Tokens, i: int, body_names: set[str]) -> bool:
        word, lower = toks.text[i], toks.lower[i]
        if not word[:1].isupper():
            return False
        if toks.tok[i].is_stop:  # "Over", "He"; but "Will" the body names
            return not (lower in self.given_names and word in body_names)
        return word not in body_names and self.is_verb_form(lower)

    def _names(self, toks: Tokens, i: int, body_names: set[str]) -> bool:
        word, lower = toks.text[i], toks.lower[i]
        if not toks.name_word[i]:
            return False  # "3", "-": no word of a name
        if word in body_names or lower in self.given_names:
            return True
        common = lower in self.words or lower.endswith("s") and lower[:-1] in self.words or lower in self.verbs or self.is_verb_form(lower)
        return not common


def body_name_words(toks: Tokens, headline_sents: set[int], headings: frozenset[int] | set[int] = frozenset()) -> set[str]:
    """The capitalised words of the document's running text, but for a sentence's first word
    and a word after a quote or dash, and the words of ``headings`` (tokens of lines that
    capitalise every word): the words the body itself writes as names."""
    out = set()
    for i, (word, is_name) in enumerate(zip(toks.text, toks.name_word)):
        if is_name and toks.sentence[i] not in headline_sents and i != toks.sent_start[toks.sentence[i]] and toks.text[i - 1] not in _OPENERS \
                and i not in headings:
            out.add(word)
    return out


_HEADING_TOKENS = 12  # a heading run into its paragraph is a short line ("Budget Cuts Threaten Rural Clinics:")
_HEADING_MARKS = frozenset({".", "-", "'", "\u2019", "&", "'s", "\u2019s"})  # inside a name: "St.", "Al-", "Lee's"


def heading_runs(toks: Tokens, headline_sents: set[int], names: HeadlineNames) -> list[tuple[int, int, list[int]]]:
    """Where a line opens with a title-case run of words ended by a colon, in a sentence that
    goes on ("Budget Cuts Threaten Rural Clinics: several clinics ..."): a section's heading run
    into its paragraph, when a word inside it (not its first or last: "Ann Fields:") is a
    capitalised inflected verb. Each as (start, colon, the verbs' tokens); :func:`run_in_headings`
    keeps those whose verbs the body never writes capitalised ("Black Lives Matter:" is a name)."""
    out = []
    for colon in toks.lower_positions((":",)):
        start = colon
        while start > 0 and colon - start < _HEADING_TOKENS and "\n" not in toks.text[start - 1] and "\n" not in toks.space[start - 1]:
            start -= 1
        if start == colon or start > 0 and "\n" not in toks.text[start - 1] and "\n" not in toks.space[start - 1]:
            continue  # not the opening of a line
        if toks.sentence[start] in headline_sents:
            continue  # a title-case line already, read as one
        words = [k for k in range(start, colon) if toks.is_alpha[k]]
        if len(words) < 3 or any(not toks.is_alpha[k] and toks.text[k] not in _HEADING_MARKS and not toks.text[k].isdigit() for k in range(start, colon)):
            continue
        if any(len(toks.text[k]) > 3 and not toks.text[k][:1].isupper() for k in words):
            continue  # a lower-case word of its own: running text ("Asked about it, Lee said:")
        verbs = [k for k in words[1:-1] if toks.text[k][:1].isupper() and names.is_verb_form(toks.lower[k])]
        if verbs:
            out.append((start, colon, verbs))
    return out


def run_in_headings(toks: Tokens, headline_sents: set[int], names: HeadlineNames) -> tuple[set[int], set[str] | None]:
    """The tokens of the headings run into their paragraphs (:func:`heading_runs`) whose verbs the
    body never writes capitalised, and the body's name words when they had to be read."""
    runs = heading_runs(toks, headline_sents, names)
    if not runs:
        return set(), None
    inside = {t for start, colon, _ in runs for t in range(start, colon)}
    body = body_name_words(toks, headline_sents, inside)
    return {t for start, colon, verbs in runs if any(toks.text[v] not in body for v in verbs) for t in range(start, colon)}, body
