"""The type of an entity the curated data does not know, from all the evidence of its mentions.

The small model's label is one weak vote per mention. Stronger votes come from the name's shape
("Bill C-12", "Acme Inc", "Hurricane Ann", graph/data/name_shapes.tsv), a given name leading it
(graph/data/given_names.tsv), a title ("Dr Lee"), a head word ("... Ministry"), and the words around
it that the mentions stage collected (``Mention.type_votes``: "the film X", "X, who"). A cluster of
mentions across the whole corpus votes together, so a lone surname takes the type of the full name
it resolved to. When a kind that is not an actor wins (work, product, law, event), there is no node.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .contract import fold
from .gazetteer import Gazetteer
from .records import ENTITY_TYPES, NON_ACTOR_TYPES, EntityType, Mention, MentionKind, NameType, NonActorType

# What one mention's model label (a guessed Mention.label) says about the type of its entity, and how loudly.
LABEL_VOTES = {
    NameType.PERSON: ("person", 1.0),
    NameType.ORGANIZATION: ("organization", 1.0),
    NameType.GEOPOLITICAL: ("place", 1.0),
    NameType.PLACE: ("place", 1.0),
    NameType.FACILITY: ("place", 0.5),
    NameType.GROUP: ("group", 1.0),  # a people, creed or party (the model's NORP, or a head word's type)
}
SHAPE_WEIGHT = 3.5  # once per distinct name: outweighs the model's labels on it (LABEL_CAP)
# The model reads every mention of one name alike, so its labels on one name are one piece of
# evidence, not one per mention: together they weigh at most this.
LABEL_CAP = 3.0
CONTEXT_WEIGHT = 2.0  # each cue word around one mention ("the film X")
# A cue that the name is no actor ("the novel X", "X (1998)") names the kind of thing outright; it
# outweighs the model's label on a name of several words (which counts twice), but not a name
# the model reads alike in many mentions (LABEL_CAP).
NON_ACTOR_CONTEXT_WEIGHT = 2.5
GIVEN_NAME_WEIGHT = 2.0  # once per distinct name
HEAD_WORD_WEIGHT = 1.0
PLACE_LABELS = (NameType.PLACE, NameType.GEOPOLITICAL, NameType.FACILITY)


def person_like(m: Mention) -> bool:
    """A mention the evidence so far calls a person's name."""
    return m.label == NameType.PERSON or m.kind == MentionKind.BYLINE


def has_given_name(name: str, gaz: Gazetteer) -> bool:
    """"Ann Lee": two to four words led by a given name and ending in no head word."""
    words = name.split()
    if not 2 <= len(words) <= 4 or words[-1] in gaz.head_words:
        return False
    given = gaz.names.given_names
    return fold(words[0]) in given or fold(words[0].split("-")[0]) in given  # "Pierre-Simon"


def full_person_name(m: Mention, gaz: Gazetteer) -> bool:
    """A person's name of two words or more, by the model or by its given name, that no shape
    says is something else ("Hakim Mosque")."""
    return " " in m.name and (person_like(m) or has_given_name(m.name, gaz)) and gaz.names.shape_type(m.name) in (None, "person")


def _cues(m: Mention) -> tuple[EntityType | NonActorType, ...]:
    """The types the words around a mention vote for. A people or party named as a whole (the
    model's plural NORP) takes "who" as people do ("Democrats who voted"): its person cues are a
    group's, and it is no lone surname either."""
    if m.label == NameType.GROUP and EntityType.PERSON in m.type_votes:
        return tuple(EntityType.GROUP if t == EntityType.PERSON else t for t in m.type_votes)
    return m.type_votes


def vote_type(mentions: list[Mention], gaz: Gazetteer) -> str | None:
    """The type of an unknown entity from its mentions, or None when it is no actor or place.

    >>> from graph.gazetteer import load_gazetteer
    >>> m = Mention("d", 0, 9, "Bill C-12", "Bill C-12", NameType.PERSON, 0)
    >>> vote_type([m], load_gazetteer()) is None
    True
    """
    votes: Counter[str] = Counter()
    distinct = {m.name for m in mentions}
    folded = {name: fold(name) for name in distinct}
    shapes = {name: gaz.names.shape_type(name) for name in distinct}
    # A place shape whose head is also a surname ("... Lodge") yields to a leading given name.
    given = {name for name in distinct if shapes[name] in (None, "place") and has_given_name(name, gaz)}
    # A name the model reads as a place more often than as a person, which no title, given name or
    # cue makes a person's ("at Kel Amara" twice beside "Kel Amara." once): its person label is no
    # evidence of a full name.
    readings: Counter[tuple[str, bool]] = Counter(
        (folded[m.name], m.label in PLACE_LABELS) for m in mentions
        if m.guessed and m.kind == MentionKind.NER and (m.label in PLACE_LABELS or m.label == NameType.PERSON)
    )
    placed = {name for (name, place), n in readings.items() if place and n > readings[name, False]}
    # so is one the words around call a place ("the islands X, Y and Z", "X: the largest island")
    placed |= {folded[m.name] for m in mentions if EntityType.PLACE in m.type_votes and not m.title}
    person_evidence = bool(given) or "person" in shapes.values() or any(
        person_like(m) and (m.title or " " in m.name and folded[m.name] not in placed) and shapes[m.name] is None
        or "person" in _cues(m)
        or person_like(m) and " " not in m.name and folded[m.name] in gaz.names.given_names  # "Isabel", read as a person
        for m in mentions
    )
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)  # folded name -> the model's labels on it
    for m in mentions:
        if person_evidence and m.kind == MentionKind.NER and " " not in m.name and not person_like(m) and not m.name.isupper() and m.label != NameType.GROUP:
            continue  # a lone surname takes the type of the full name it resolved to (an acronym is none)
        weight = 0.5 if m.headline else 1.0
        if m.kind == MentionKind.ORG:
            if not m.guessed and m.label.value in ENTITY_TYPES:  # a head word's type (a place context's guess is none)
                votes[m.label.value] += 1.5 * weight
            else:
                votes["other"] += 1.5 * weight  # a treaty's or a summit's name ("Treaty of X")
        elif m.kind == MentionKind.BYLINE:
            votes["person"] += 0.5
        elif m.kind == MentionKind.OUTLET:
            votes["organization"] += 0.5
        elif m.label in LABEL_VOTES and (m.guessed or m.label == NameType.GROUP):
            type_, w = LABEL_VOTES[m.label]
            label_votes[folded[m.name]][type_] += w * weight
        if m.kind in (MentionKind.NER, MentionKind.ACRONYM):
            head = m.name.split()[-1] if m.name.split() else ""
            head_type = gaz.head_words.get(head)
            if head_type in ENTITY_TYPES and head[:1].isupper():
                votes[head_type] += HEAD_WORD_WEIGHT * weight
        for type_ in _cues(m):
            votes[type_] += (NON_ACTOR_CONTEXT_WEIGHT if type_ in NON_ACTOR_TYPES else CONTEXT_WEIGHT) * weight
    full = {folded[m.name] for m in mentions if m.title or " " in m.name and (person_evidence or folded[m.name] not in placed)}
    for name, labels in label_votes.items():
        if name in full:
            labels["person"] *= 2  # a full name or a title is the strongest sign of a person
        scale = min(1.0, LABEL_CAP / sum(labels.values()))
        for type_, w in labels.items():
            votes[type_] += w * scale
    # A name's shape is one piece of evidence however often the name is written.
    for name in {m.name for m in mentions if m.kind in (MentionKind.NER, MentionKind.ORG)}:
        if shapes[name]:
            votes[shapes[name]] += SHAPE_WEIGHT
        if name in given:
            votes["person"] += GIVEN_NAME_WEIGHT
    if not votes:
        return None
    if not person_evidence:
        # A lone word is a person's name only where a full name, a title or a cue says so ("Yukos").
        others = {t: v for t, v in votes.items() if t != "person"}
        if others:
            votes = Counter(others)
    winner = max(sorted(votes), key=lambda t: votes[t])
    return winner if winner in ENTITY_TYPES else None


def named_as_bodies(mentions: list[Mention]) -> set[str]:
    """The one-word names (folded) the document's own words call an organisation more often than a
    person ("Harold Quimby founded the retailer Quimby", "rivals such as computer maker Quimby"): a
    company named after its founder, which a lone "Quimby" may name as well as the man. The model's
    label is no such evidence (it calls surnames organisations all the time), nor is a place's
    context (a list of names reads as one of places); curated organisations and places of that name
    are kept apart from the person already (see :func:`graph.entities.surnames.link_curated_surnames`)."""
    votes: dict[str, int] = defaultdict(int)
    for m in mentions:
        if m.in_text and " " not in m.name and m.type_votes:
            votes[fold(m.name)] += sum(v == EntityType.ORGANIZATION for v in m.type_votes) - sum(v == EntityType.PERSON for v in m.type_votes)
    return {name for name, balance in votes.items() if balance > 0}
