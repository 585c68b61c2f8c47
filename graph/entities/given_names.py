"""Whether two written given names may be one person's: a typo, a nickname, a romanisation or a
short form of one name, and no middle initials or title that tell two people apart ("Ann B. Lee"
and "Ann C. Lee", "Daniel" and "Daniela", "Mr. Lee" and "Ann Lee"). Helpers of
:func:`graph.entities._link_first_name_variants` and :func:`graph.entities._link_lone_names`.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..contract import fold
from ..gazetteer import Entry, NameKnowledge
from ..records import EntityType

FIRST_NAME_BLOCK = 512  # rows of first names scored at once (a block of scores is 512 x n floats)


def alike_first_names(firsts: list[str], names: NameKnowledge | None = None) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, in order, of first names that may be one name: equal,
    one the initial of the other (when only one name has that initial), a nickname of the other,
    or one a typo of the other (:func:`_typo`; "Daniel" and "Daniela" are two). Each distinct name
    is scored once, in rapidfuzz's C loop: a common surname has thousands of mentions but far
    fewer distinct first names.

    >>> alike_first_names(["hilary", "hillary", "h", "anna"])
    [(0, 1), (0, 2), (1, 2)]
    >>> alike_first_names(["dana", "danka", "daniel", "daniela"])
    []
    >>> alike_first_names(["john", "j", "jane"])
    []
    """
    at: dict[str, list[int]] = defaultdict(list)
    for i, first in enumerate(firsts):
        at[first].append(i)
    distinct = sorted(at)
    alike: set[tuple[str, str]] = {(f, f) for f in distinct}
    for top in range(0, len(distinct), FIRST_NAME_BLOCK):
        block = distinct[top : top + FIRST_NAME_BLOCK]
        scores = process.cdist(block, distinct, scorer=fuzz.ratio, score_cutoff=80)
        alike.update((block[r], distinct[c]) for r, c in zip(*scores.nonzero()) if _typo(block[r], distinct[c], names))
    by_initial: dict[str, list[str]] = defaultdict(list)
    for first in distinct:
        by_initial[first[:1]].append(first)
    for initial in (f for f in distinct if len(f) == 1):
        full = [other for other in by_initial[initial] if len(other) > 1]
        if all((full[0], other) in alike for other in full[1:]):  # "J. Reed" is no one when there are John and Jane Reed
            alike.update((initial, other) for other in by_initial[initial])
    if names is not None:
        alike.update((fa, fb) for fa in distinct for fb in names.nicknames.get(fa, ()) if fb in at)
    pairs = set()
    for fa, fb in alike:
        pairs.update((min(i, j), max(i, j)) for i in at[fa] for j in at[fb] if i != j)
    return sorted(pairs)



def _typo(a: str, b: str, names: NameKnowledge | None = None) -> bool:
    """Whether one folded first name (already spelled alike) may be a typo of the other: two
    neighbouring letters swapped ("Kirsten"/"Kristen") or one letter doubled ("Hilary"/"Hillary");
    else, when they are not both known given names ("Mario"/"Marco" are two), one vowel inside the
    name left out ("Madeline"/"Madeleine"), or a name damaged by its encoding. A letter added at
    the end or a consonant added makes another name ("Daniel"/"Daniela", "Dana"/"Danka")."""
    if a == b or _doubled(a, b):
        return True
    if len(a) == len(b) and sorted(a) == sorted(b) and OSA.distance(a, b) == 1:
        return True
    short, long = sorted((a, b), key=len)
    if names is not None and _same_name_written_two_ways(short, long, names):
        return True
    if names is not None and _known_given(a, names) and _known_given(b, names):
        return False
    if not (a.isascii() and b.isascii()):
        return True  # "FranÃ§ois": a mis-decoded name is judged by its likeness alone
    if len(long) != len(short) + 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return long[:at] + long[at + 1 :] == short and 0 < at < len(short) and long[at] in "aeiouy"


def _same_name_written_two_ways(short: str, long: str, names: NameKnowledge) -> bool:
    """"Sara"/"Sarah": a silent "h" after a closing vowel, "Dmitri"/"Dmitry": two romanisations,
    each of one gender; "Pete"/"Peter": a short form that is no given name of its own, cut from a
    known one."""
    one_gender = len({names.genders.get(short), names.genders.get(long)} - {None}) <= 1  # "Toni" and "Tony" are two
    if long == short + "h" and short[-1:] in "aeiou" or _romanised(short) == _romanised(long):
        return one_gender
    return len(short) >= 3 and long.startswith(short) and not _known_given(short, names) and _known_given(long, names)


def _romanised(name: str) -> str:
    """What two romanisations of one given name share ("Sergei"/"Sergey", "Mikhail"/"Mihail",
    "Viktor"/"Victor")."""
    return name.replace("kh", "h").replace("y", "i").replace("c", "k")


def _known_given(name: str, names: NameKnowledge) -> bool:
    return name in names.given_names or name in names.genders


def _doubled(a: str, b: str) -> bool:
    """Whether one word is the other with one letter doubled ("Hilary"/"Hillary")."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return long[:at] + long[at + 1 :] == short and at > 0 and long[at] == long[at - 1]


def middle_initials(words: list[str]) -> str:
    """The initials of a full name's middle names, upper case: "HW" of "Ann H.W. Lee", "R" of
    "Ann Rose Lee"; particles and quoted nicknames left out."""
    out = []
    for word in words[1:-1]:
        out.extend(part[0] for part in word.split(".") if part[:1].isupper())
    return "".join(out)


def ends_with_initial(words: list[str]) -> bool:
    """Whether a name ends with an initial where its surname should stand ("Hollis T." or "[Ann
    B.] Lee" cut at the bracket): its last initial is a middle one, so it has no surname to match."""
    return len(words[-1].rstrip(".")) == 1


def conflicting_middles(middles: set[str]) -> bool:
    """Whether middle initials name two people: two that differ, neither the start of the other
    ("H" and "HW" may be one man's; "W" and "HW" are two)."""
    ordered = sorted(m for m in middles if m)
    return any(not (b.startswith(a) or a.startswith(b)) for i, a in enumerate(ordered) for b in ordered[i + 1 :])


def other_first_name(name: str, curated: str, entry: Entry | None, names: NameKnowledge) -> bool:
    """Whether a folded name spelled like a curated person's folded name differs from it in the
    first name, and not by a typo of it: "Mario Lestrade" is no misspelt "Marco Lestrade"."""
    words = entry.label.split() if entry is not None and entry.type == EntityType.PERSON else []
    surname = fold(" ".join(words[1:]))
    if len(words) < 2 or not surname or not (name.endswith(surname) and curated.endswith(surname)):
        return False
    first, other = name[: -len(surname)], curated[: -len(surname)]
    return bool(first and other) and first != other and not _typo(first, other, names)


def other_gender(gender: str | None, person: set[str] | None) -> bool:
    """Whether a title's gender ("Mr." -> "m") is not that of a person's given names."""
    return bool(gender and person and gender not in person)
