"""Where a name starts and ends: a model's entity trimmed of what is not the name, runs of
capitalised words split where two names meet, names joined across a hyphen or an epithet."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..curated import packaged_rows, packaged_words
from ..tokens import Tokens
from .words import CONNECTORS, DETERMINERS, LEADING_NON_NAME, ORG_TYPES, POSSESSIVE


REGNAL_NUMBER = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
SPACED_BREAKS = {"/", "-", "\u2013", "\u2014"}  # "Newsmax / Zogby", "Army - Navy": two names
BREAKS = {"(", ")", ":", ";", "[", "]", "\u2022", "|", ","}
# A street's kind, abbreviated or not ("Elm St", "Elm Street"): data/place_words.tsv
STREET_WORDS = frozenset(w for row in packaged_rows("place_words.tsv") if row[1] == "street" for w in (row[0], row[2].lower()))
HYPHEN_WORD_TAGS = {"VBN", "VBD", "VBG", "VB", "JJ", "JJR", "JJS", "RB"}  # "Kremlin-backed", "Lee-led"

# Lower-case words a name may hold: connectors ("Bank of the South"), "at" and "in" ("University
# of X at Y", "Mission in Kosovo", "Committee for a Fair Vote"), surname particles ("Ludwig van
# Beethoven", "Ali bin Said").
NAME_INNER_WORDS = CONNECTORS | {
    "a", "an", "at", "in", "upon", "et", "y", "e", "von", "van", "der", "den", "da", "di", "dos", "das", "des", "le",
    "les", "bin", "ibn", "ben", "abu", "zu", "und", "dei", "della",
}


def trim(
    toks: Tokens, start: int, end: int, label: str = "", head_words: dict[str, str] | None = None,
    known: set[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int]]:
    """Cut an entity span where the name ends: at line breaks, brackets, possessives and colons
    (what follows a colon is a subtitle: "SouthFront: Analysis & Intelligence"); drop words before
    the name ("Browbeating the Taliban") and punctuation at its ends; finish a name cut after "of"
    ("Chronicles of" + "Turkmenistan") and join one broken by a hyphen ("Lyakin-Frolov")."""
    text, lower, tok = toks.text, toks.lower, toks.tok
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        if text[i] == ":":
            pieces.append((piece_start, i))
            piece_start = end
            break
        if text[i] in POSSESSIVE and _is_possessive_name(toks, piece_start, i, end, label, head_words or {}, known):
            continue  # "King's College", "Democratic People's Republic of Korea"
        spaced = text[i] in SPACED_BREAKS and i > start and toks.space[i - 1] and toks.space[i]
        if "\n" in text[i] or text[i] in BREAKS or text[i] in POSSESSIVE or spaced:
            pieces.append((piece_start, i))  # the breaking token belongs to neither side
            piece_start = i + 1
        elif lower[i] == "the" and i > piece_start and lower[i - 1] not in CONNECTORS and not is_epithet(toks, i, end):
            piece_start = i + 1  # "Politically the Taliban": what comes before "the" is not the name
        elif i > start and _breaks_a_name(toks, i):
            pieces.append((piece_start, i))  # "Lee composed Rain", "Dust of Mars as Kade": two names
            piece_start = i + 1
        elif "\n" in toks.space[i]:
            pieces.append((piece_start, i + 1))
            piece_start = i + 1
    pieces.append((piece_start, end))
    out = []
    for s, e in pieces:
        while s < e and (tok[s].pos_ in LEADING_NON_NAME or tok[s].is_punct or tok[s].is_space) and not (label == "PERSON" and _is_first_name(toks, s, e)):
            s += 1
        while e > s and (tok[e - 1].is_punct or tok[e - 1].is_space or text[e - 1] in POSSESSIVE):
            e -= 1
        if e > s and lower[e - 1] in CONNECTORS:
            e = _finish_name(toks, e)
        if s < e:
            out.append(join_hyphenated(toks, s, e, label == "PERSON"))
    return out


def _is_possessive_name(
    toks: Tokens, start: int, i: int, end: int, label: str, head_words: dict[str, str], known: set[tuple[int, int]]
) -> bool:
    """A possessive inside an institution's name ("King's College", "People's Republic of Korea"):
    spaCy took the whole as one organisation or building, and it goes on to a word that says what
    it names. "Russia's Foreign Ministry" is two names: the curated data knows its owner."""
    if label not in ("ORG", "FAC") or not head_words or i + 1 >= end or not toks.name_word[i + 1]:
        return False
    if head_words.get(toks.text[end - 1]) not in ("organization", "place", "country", "group"):
        return False
    return i - start in (1, 2) and not any((s, i) in known for s in range(start, i))


def _is_first_name(toks: Tokens, i: int, end: int) -> bool:
    """"Will" in "an injured colleague, Will Pendergast": a capitalised word tagged as a verb or adverb
    inside a person's name, not where a sentence or line starts (where any word is capitalised),
    and not an inflected verb ("Copying Beethoven")."""
    tok = toks.tok[i]
    return (
        tok.pos_ in ("AUX", "VERB", "ADV", "INTJ")
        and tok.tag_ in ("MD", "VB", "VBP", "RB", "UH", "NNP")
        and tok.is_title
        and not tok.is_sent_start
        and i > 0
        and "\n" not in toks.space[i - 1]
        and i + 1 < end
        and toks.name_word[i + 1]
    )


def _breaks_a_name(toks: Tokens, i: int) -> bool:
    """A lower-case word inside a model's entity that no name holds: a verb, a noun, "as", "this"
    ("Lee composed Rain", "Winter Fair this Sat"). Not a word after a hyphen ("Wong Kwok-hing")."""
    word = toks.text[i]
    return (
        word.islower()
        and toks.is_alpha[i]
        and toks.lower[i] not in NAME_INNER_WORDS
        and not (toks.text[i - 1] in {"-", "\u2013"} and not toks.space[i - 1])
    )


def _finish_name(toks: Tokens, end: int) -> int:
    """A span that stops at a connector takes the capitalised words that follow, or gives it up."""
    j = end
    while j < len(toks) and toks.name_word[j] and "\n" not in toks.space[j - 1]:
        j += 1
    if j > end:
        return j
    while end > 0 and toks.lower[end - 1] in CONNECTORS:
        end -= 1
    return end


def join_hyphenated(toks: Tokens, start: int, end: int, person: bool = False) -> tuple[int, int]:
    """"Kurgan" + "-" + "Tyube" is one name; a chain of three or more is a list of names. A
    person's given name may go on in lower case ("Wong Kwok-hing"), but not into a verb or an
    adjective ("Lee-led")."""
    text, space = toks.text, toks.space
    if end + 1 < len(toks) and text[end] == "-" and not space[end - 1] and not space[end]:
        chain = end + 2 < len(toks) and text[end + 2] == "-" and not space[end + 1]
        after = toks.tok[end + 1]
        given = person and after.is_lower and after.is_alpha and after.tag_ not in HYPHEN_WORD_TAGS
        if (after.is_title or given) and not chain:
            return start, end + 2
    return start, end


def is_epithet(toks: Tokens, the: int, end: int) -> bool:
    """"Peter the Great", "Ivan the Terrible": a name, "the" and one capitalised word, which is
    no name of its own and is the name's end."""
    if the + 2 != end or end > len(toks) or toks.lower[the] != "the":
        return False
    word = toks.tok[the + 1]
    return (
        toks.tok[the - 1].pos_ == "PROPN"
        and toks.name_word[the - 1]
        and toks.name_word[the + 1]
        and word.ent_iob_ != "B"
        and (end == len(toks) or not toks.name_word[end])
    )


def is_regnal_number(toks: Tokens, i: int) -> bool:
    """A Roman numeral right after a name ("Henry VIII", "Henry I"); "I" only where no verb
    follows, which would make it the speaker's "I" ("Ann Lee I think", "Ballads I called them")."""
    if i >= len(toks) or not REGNAL_NUMBER.match(toks.text[i]) or toks.space[i - 1] != " ":
        return False
    return toks.text[i] != "I" or i + 1 == len(toks) or not toks.tok[i + 1].tag_.startswith(("VB", "MD"))


def _joined_modifiers(toks: Tokens, and_: int, end: int) -> bool:
    """"Basque and Breton Studies": an adjective before "and" and a capitalised modifier and noun
    after it, inside one name (a people's adjective the curated data knows is no name's end there)."""
    return (toks.tok[and_ - 1].pos_ == "ADJ" and and_ + 2 < end and toks.name_word[and_ + 1] and toks.name_word[and_ + 2]
            and toks.space[and_ + 1] == " ")


def split_org_run(toks: Tokens, start: int, end: int, head_words: dict[str, str], known: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a run of capitalised words where two names meet: "X of the Ministry of Y" when the part
    after "of" is itself an organisation, "A and the B", and at a curated name before "and"."""
    text, lower, tok = toks.text, toks.lower, toks.tok
    while start < end and (lower[start] in DETERMINERS or tok[start].pos_ in LEADING_NON_NAME):
        start += 1
    cuts: list[tuple[int, int]] = []
    piece = start
    i = start
    while i < end:
        if lower[i] == "of" and i > piece:
            k = i + 1
            while k < end and lower[k] in DETERMINERS:
                k += 1
            left_is_org = any(word in head_words for word in text[piece:i])
            if k < end and text[k] in head_words and left_is_org and _whole_name_after_of(toks, k, end, head_words):
                cuts.append((piece, i))
                piece = k
                i = k
                continue
        if lower[i] in {"on", "in"} and i > piece and any((s, i) in known for s in range(piece, i)):
            cuts.append((piece, i))  # "Philippines on Busuanga Island": a place, then another
            piece = i + 1
        if lower[i] in {"and", "&"} and i > piece:
            left = (piece, i)
            determiner_next = i + 1 < end and lower[i + 1] in DETERMINERS
            known_before = (left in known or any((s, i) in known for s in range(piece, i))) and not _joined_modifiers(toks, i, end)
            if determiner_next or known_before or _two_names_at(toks, piece, i, end, head_words):
                cuts.append(left)
                piece = i + 1
        i += 1
    cuts.append((piece, end))
    cuts = [part for s, e in cuts for part in _split_places_at_and(toks, s, e, head_words)]
    cuts = [part for s, e in cuts for part in _split_at_phrase_roots(toks, s, e, head_words)]
    out = []
    for s, e in cuts:
        while s < e and (lower[s] in CONNECTORS or tok[s].is_punct):
            s += 1
        while e > s and (lower[e - 1] in CONNECTORS or tok[e - 1].is_punct):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def split_coordinated_places(toks: Tokens, start: int, end: int, head_words: dict[str, str], places: set[str]) -> list[tuple[int, int]]:
    """"Elm St & Oak", "Dunmore & Lakeview": two places listed with "&" or "and" that the model
    read as one organisation. A street's name before the "&" is a street corner; else one side
    must be a place the document names on its own (``places``: texts of its place entities), so
    that "Procter & Gamble" stays one. A whole that ends in a head word is one named thing
    ("44th & Elm St Station"), unless it is two streets ("Elm St & Oak Ave")."""
    text, lower = toks.text, toks.lower
    conj = [i for i in range(start + 1, end - 1) if lower[i] in ("&", "and")]
    if len(conj) != 1:
        return [(start, end)]
    i = conj[0]

    def street(k: int) -> bool:
        return lower[k].rstrip(".") in STREET_WORDS

    corner = street(i - 1) and toks.name_word[i + 1]
    if head_words.get(text[end - 1]) and not (corner and street(end - 1)):
        return [(start, end)]
    if corner or toks.span_text(start, i) in places or toks.span_text(i + 1, end) in places:
        return [(start, i), (i + 1, end)]
    return [(start, end)]


def _whole_name_after_of(toks: Tokens, k: int, end: int, head_words: dict[str, str]) -> bool:
    """The words after "of" from ``k`` to the next "and" name an organisation of their own: one
    head word ("Chair of the Senate"), one led by its head word and "of"/"for" ("X of the Ministry
    of Y"), or one ending in a head word after "the". "Office of Harbour Safety" is one name: a head
    word that only qualifies the next word leaves it the first name's."""
    m = k
    while m < end and toks.lower[m] not in ("and", "&", ","):
        m += 1
    the = toks.lower[k - 1] in DETERMINERS  # "of the Acme Council"; "Division of Student Services" is one name
    return m - k == 1 or toks.lower[k + 1] in ("of", "for") or the and toks.text[m - 1] in head_words


def coordinated(toks: Tokens, pieces: list[tuple[int, int]], head_words: dict[str, str]) -> bool:
    """Two pieces of a run are two organisations joined by "and" (see :func:`_two_names_at`)."""
    return any(
        b[0] == a[1] + 1 and toks.lower[a[1]] in ("and", "&") and _two_names_at(toks, a[0], a[1], b[1], head_words)
        for a, b in zip(pieces, pieces[1:])
    )


def _two_names_at(toks: Tokens, start: int, conj: int, end: int, head_words: dict[str, str]) -> bool:
    """"Office of Lands and Division of Water", "Acme University and Brill University": both sides
    of the "and" have a whole organisation's shape, led by its head word and "of"/"for", or of two
    words or more ending in one. "Department of Ports and Inland Waterways" is one name."""
    def led(s: int, e: int) -> bool:
        return e - s >= 3 and head_words.get(toks.text[s]) in ORG_TYPES and toks.lower[s + 1] in ("of", "for")

    def headed(s: int, e: int) -> bool:
        return e - s >= 2 and head_words.get(toks.text[e - 1]) in ORG_TYPES and toks.name_word[s]

    if led(start, conj) and led(conj + 1, end) or headed(start, conj) and headed(conj + 1, end):
        return True
    # one of each, with the same head word: "University of Lagos and Rivers State University"
    return led(start, conj) and headed(conj + 1, end) and toks.text[start] == toks.text[end - 1] or (
        headed(start, conj) and led(conj + 1, end) and toks.text[conj - 1] == toks.text[conj + 1]
    )


def _split_places_at_and(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> list[tuple[int, int]]:
    """"Murhaba and Amu-Darya": places are listed with "and", not named with it."""
    if head_words.get(toks.text[end - 1]) != "place":
        return [(start, end)]
    pieces, s = [], start
    for i in range(start, end):
        if toks.lower[i] in ("and", "&"):
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if a < b]


def _split_at_phrase_roots(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> list[tuple[int, int]]:
    """Two noun phrases side by side ("... of the Ministry of Internal Affairs Oleg Ilinykh said"):
    where the parse attaches a later part of the run outside it, that part is another name."""
    run = toks.tok[start:end]
    roots = [t for t in run if not (start <= t.head.i < end) or t.head.i == t.i]
    bounds = {max(start, min(t.left_edge.i, t.i)) for t in roots[1:]}
    for t in run:
        # "Ministry" as a modifier of "Ilinykh": the organisation's name ends where its phrase does
        # not inside the object of the name's own "of" ("Office of University Outreach")
        if t.text[:1].isupper() and t.dep_ in ("nmod", "compound") and t.i < t.head.i < end and t.right_edge.i + 1 < end \
                and not (t.head.dep_ == "pobj" and start <= t.head.head.i < end):
            if head_words.get(t.text, "place") != "place" and t.head.text not in head_words:
                bounds.add(t.right_edge.i + 1)
    # no name starts at "of": a parse that hangs "Division of X"'s "of" on an earlier noun split nothing
    bounds = sorted(b for b in bounds - {start} if toks.lower[b] not in ("of", "for"))
    if not bounds:
        return [(start, end)]
    pieces, s = [], start
    for b in bounds:
        pieces.append((s, b))
        s = b
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if a < b]


def law_named_after(toks: Tokens, start: int, end: int, shape_type) -> int:
    """Where a name after "the" ends when it is the start of a law's name: "the Ann Lee Justice in
    Housing Act" is one law, not the person "Ann Lee Justice" and an event ("Housing Act"). The
    words after the span, maybe across one inner word ("in", "for"), run on in capitals to a name
    whose shape (``shape_type``: graph/data/name_shapes.tsv) is a law's; otherwise ``end``."""
    if start == 0 or toks.lower[start - 1] != "the" or end >= len(toks) or "\n" in toks.space[end - 1]:
        return end
    j = end
    if toks.text[j] in NAME_INNER_WORDS and toks.lower[j] != "the":
        j += 1  # lower-case only: "In" or "And" would be a new sentence's word
    k = j
    while k < len(toks) and toks.name_word[k] and "\n" not in toks.space[k - 1]:
        k += 1
    if k == j or shape_type(toks.span_text(start, end)) == "law":
        return end
    return k if shape_type(toks.span_text(start, k)) == "law" else end


def runs_on(toks: Tokens, end: int, not_names: Callable[[str], bool], headed: bool = False) -> int:
    """Where an organisation's name the model cut short ends: capitalised words right after it in
    the middle of a sentence, which the model gave no entity of their own and read as proper
    nouns, are the rest of it ("Black Lives" + "Matter flags"); after a name that ends in an
    organisation's head word (``headed``), so are "of" and such words ("Acme Academy" + "of
    Dramatic Art"). Not when another capitalised word follows (whose name it would be is
    unclear), nor over a word ``not_names`` says names nobody (a role, a day: "the Acme Chairman
    said", "Acme Monday")."""
    if headed and end + 1 < len(toks) and toks.text[end] == "of" and toks.space[end - 1] == " ":
        after = runs_on(toks, end + 1, not_names)
        if after > end + 1:
            return after
    k = end
    while (
        k < len(toks) and toks.space[k - 1] == " " and toks.tok[k].ent_iob_ == "O" and toks.tok[k].pos_ == "PROPN"
        and toks.is_alpha[k] and toks.text[k].istitle() and not toks.tok[k].is_sent_start and not not_names(toks.text[k])
    ):
        k += 1
    if k == end or k < len(toks) and toks.name_word[k] and toks.space[k - 1] == " ":
        return end
    return k


ROLE_MODIFIERS = packaged_words("function_words.tsv", "role_modifier")  # data/function_words.tsv


def before_role(toks: Tokens, start: int, end: int, roles: frozenset[str], head_words: dict[str, str]) -> int:
    """Where an organisation's name ends before the role that closes it or follows it ("the Acme
    Office Acting Director, Ann Lee": the role and "Acting" are hers): when what is left holds an
    organisation's head word and a person's name (or a comma) comes after the role; not a role
    after "of" or "for" ("Center for Justice")."""
    lower = toks.lower
    k = end
    while k - start > 2 and lower[k - 1] in roles and toks.text[k - 1] not in head_words:
        k -= 1
    if k == end and not (end < len(toks) and lower[end] in roles and toks.text[end][:1].isupper()):
        return end
    while k - start > 2 and lower[k - 1] in ROLE_MODIFIERS:
        k -= 1
    if k == end or lower[k - 1] in CONNECTORS:
        return end  # "Center for Justice", "Department of Justice": the role is the body's object
    named_after = end < len(toks) and (toks.text[end] == "," or toks.name_word[end])  # the person who holds it
    return k if named_after and any(head_words.get(w) in ORG_TYPES for w in toks.text[start:k]) else end
