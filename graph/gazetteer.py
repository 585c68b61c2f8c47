"""Curated knowledge: known entities with their aliases, demonyms and capitals, and title words.

The data lives in ``graph/data/`` (``entities.jsonl``, ``titles.tsv``, ``head_words.tsv``,
``stop_names.txt``, and the name knowledge: ``given_names.tsv``, ``nicknames.tsv``,
``name_particles.txt``, ``name_suffixes.txt``, ``type_nouns.tsv``, ``name_shapes.tsv``, and the
standard short forms of ``short_names.tsv``), read by
:func:`graph.curated.load_curated`; a user extends it with files of the same form passed as
``extra_entities``, without editing Python.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .contract import fold
from .curated import CuratedData, CuratedDataError, data_lines, load_curated, packaged_words
from .records import ENTITY_TYPES, NON_ACTOR_TYPES, EntityType, NonActorType, SurfaceKind, type_of



class GazetteerError(ValueError):
    """A curated data file is malformed: the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    type: EntityType
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    capital_wikidata: str | None = None
    capital_aliases: tuple[str, ...] = ()  # other spellings of the capital ("Kiev")
    weak_demonyms: tuple[str, ...] = ()  # demonyms shared with another country ("Korean")
    country: str | None = None  # for a country's own agency with a generic name
    gender: str | None = None
    kind: str | None = None  # finer than the type: "news_agency", "newspaper", "think_tank"...

    @property
    def node_id(self) -> str:
        return self.wikidata or self.id


@dataclass(frozen=True)
class Surface:
    """One way the curated data lets a text name an entry."""

    entry: str  # entry id
    kind: SurfaceKind


@dataclass(frozen=True)
class NameKnowledge:
    """What tells the kind of an unknown name: given names and their nicknames, surname
    particles, nouns that say what a name beside them is, and name shapes (see ``graph/data``)."""

    given_names: frozenset[str] = frozenset()  # folded
    genders: dict[str, str] = field(default_factory=dict)  # folded given name -> "m" / "f"
    nicknames: dict[str, frozenset[str]] = field(default_factory=dict)  # folded name -> folded names it may be
    particles: tuple[str, ...] = ()  # lower-case, longest first; "al-" for a hyphenated prefix
    suffixes: frozenset[str] = frozenset()  # folded: "jr", "frs"
    type_nouns: dict[str, EntityType | NonActorType] = field(default_factory=dict)  # lower-case noun -> type
    shapes: tuple[tuple[re.Pattern, str], ...] = ()
    _shape_of: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)  # memo

    def same_given_name(self, a: str, b: str) -> bool:
        """Whether two folded first names may be one person's: equal, or one a nickname of the other.

        >>> load_gazetteer().names.same_given_name("bill", "william")
        True
        """
        return a == b or a in self.nicknames.get(b, ()) or b in self.nicknames.get(a, ())

    def core(self, name: str) -> list[str]:
        """A person's name without a generation or honour after it and without a territorial
        designation ("Ann Lee Jr." and "Ann Lee of Kent" -> ["Ann", "Lee"]).

        >>> load_gazetteer().names.core("Ann Lee of Kent FRS")
        ['Ann', 'Lee']
        """
        words = name.split()
        if "of" in words[1:]:
            words = words[: words.index("of", 1)]
        while len(words) > 1 and fold(words[-1]) in self.suffixes:
            words = words[:-1]
        return words

    def shape_type(self, name: str) -> str | None:
        """The type the first matching shape gives ``name``.

        >>> load_gazetteer().names.shape_type("Bill C-12")
        'law'
        """
        if name not in self._shape_of:
            self._shape_of[name] = next((type_ for pattern, type_ in self.shapes if pattern.search(name)), None)
        return self._shape_of[name]


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    titles: dict[str, str | None]  # lower-cased title -> gender
    head_words: dict[str, str]  # head word of organisation names ("Ministry") -> the type it implies
    stop_names: frozenset[str] = frozenset()  # folded words that never name an entity alone
    names: NameKnowledge = field(default_factory=lambda: NameKnowledge())
    fingerprint: str = ""
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)  # surface form -> surfaces
    abbreviations: tuple[str, ...] = ()  # the titles' words with a dot, as written ("Det.", "Lt.-Col.")
    short_names: dict[str, str] = field(default_factory=dict)  # standard short form ("KS") -> the full name it stands for

    def __post_init__(self) -> None:
        if not self.surfaces:
            self.surfaces = _index(self.entries.values())

    @cached_property
    def by_fold(self) -> dict[str, list[Surface]]:
        """Surface forms by their folded key, for names written another way than the data."""
        index: dict[str, list[Surface]] = {}
        for form, surfaces in self.surfaces.items():
            index.setdefault(fold(form), []).extend(s for s in surfaces if s not in index.get(fold(form), []))
        return index

    @cached_property
    def capitals(self) -> dict[str, Entry]:
        """City entries made from the countries' capitals, keyed by the country id."""
        out = {}
        for e in self.entries.values():
            if e.capital:
                out[e.id] = Entry(
                    id=_slug(e.capital),
                    label=e.capital,
                    type=EntityType.PLACE,
                    wikidata=e.capital_wikidata,
                )
        return out

    @cached_property
    def country_names(self) -> frozenset[str]:
        """Folded names of countries."""
        return frozenset(fold(form) for form, surfaces in self.surfaces.items() for s in surfaces
                         if s.kind == SurfaceKind.ALIAS and self.entries[s.entry].type == EntityType.COUNTRY)

    @cached_property
    def demonym_country(self) -> dict[str, str]:
        """Folded demonym -> country id."""
        return {fold(d): e.id for e in self.entries.values() for d in e.demonyms}

    @cached_property
    def titles_by_length(self) -> list[tuple[list[str], str | None]]:
        """Title phrases as word lists, longest first, for stripping from the front of names."""
        items = [(t.split(), g) for t, g in self.titles.items()]
        return sorted(items, key=lambda item: -len(item[0]))


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "entity"


slug = _slug


def _index(entries) -> dict[str, list[Surface]]:
    index: dict[str, list[Surface]] = {}

    def add(form: str, surface: Surface) -> None:
        form = form.strip()
        if form and surface not in index.setdefault(form, []):
            index[form].append(surface)

    for e in entries:
        add(e.label, Surface(e.id, SurfaceKind.ALIAS))
        for a in e.aliases:
            # "Russian military" describes rather than names: it counts only where it is backed.
            add(a, Surface(e.id, SurfaceKind.WEAK if _is_description(a) else SurfaceKind.ALIAS))
        for a in e.weak_aliases:
            add(a, Surface(e.id, SurfaceKind.WEAK))
        for d in e.demonyms:
            add(d, Surface(e.id, SurfaceKind.DEMONYM))
        for d in e.weak_demonyms:
            add(d, Surface(e.id, SurfaceKind.WEAK))
        for c in (e.capital, *e.capital_aliases):
            if c:
                add(c, Surface(e.id, SurfaceKind.CAPITAL))
    return index


# Lower-case words that belong inside names ("Hizb ut-Tahrir", "Ali bin Omar", "al-Qaeda"): data/function_words.tsv
NAME_PARTICLES = frozenset(packaged_words("function_words.tsv", "connector") | packaged_words("function_words.tsv", "name_particle")
                           | packaged_words("function_words.tsv", "name_inner"))


def _is_description(alias: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", alias) if w]
    return any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in words[1:])


def _read_entries(path: Path, text: str, entries: dict[str, Entry]) -> None:
    for number, line in data_lines(text):
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not item.get("id") or not item.get("label"):
            raise GazetteerError(f"{where}: an entry needs an 'id' and a 'label'")
        if item.get("type") not in ENTITY_TYPES:
            raise GazetteerError(f"{where}: type {item.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
        known = {f for f in Entry.__dataclass_fields__}
        values = {k: v for k, v in item.items() if k in known}
        for key in ("aliases", "weak_aliases", "demonyms", "capital_aliases", "weak_demonyms"):
            values[key] = tuple(values.get(key) or ())
        values["type"] = EntityType(values["type"])
        entries[item["id"]] = Entry(**values)  # a later file overrides an entry of the same id


def _read_titles(data: CuratedData) -> dict[str, str | None]:
    titles: dict[str, str | None] = {}
    for _, line in data.lines("titles.tsv"):
        title, _, rest = line.partition("\t")
        gender = rest.partition("\t")[0]  # the third column, an abbreviation's role, is the statements stage's
        titles[title.strip().lower()] = gender.strip() or None
    return titles


def _read_abbreviations(data: CuratedData) -> tuple[str, ...]:
    """The words of titles.tsv's titles that hold a dot ("Det.", "Lt." and "Col." of "Lt. Col."),
    as written: the tokenizer is to keep each one a token (see :func:`graph.nlp.add_abbreviations`)."""
    words = {word for _, line in data.lines("titles.tsv") for word in line.partition("\t")[0].split() if "." in word}
    return tuple(sorted(words))


def _read_head_words(data: CuratedData) -> dict[str, str]:
    words = {}
    for number, line in data.lines("head_words.tsv"):
        word, _, type_ = line.partition("\t")
        if type_.strip() not in (*ENTITY_TYPES, *NON_ACTOR_TYPES, "none"):
            kinds = ", ".join((*ENTITY_TYPES, *NON_ACTOR_TYPES, "none"))
            raise GazetteerError(f"{data.path('head_words.tsv')}:{number}: type {type_.strip()!r} is not one of {kinds}")
        words[word.strip()] = type_.strip()
    return words


def _read_short_names(data: CuratedData) -> dict[str, str]:
    path = data.path("short_names.tsv")
    found: dict[str, str] = {}
    for number, cols in _data_lines(data, "short_names.tsv"):
        if len(cols) != 3 or not cols[0].isupper():
            raise GazetteerError(f"{path}:{number}: expected a short form in capitals, a tab, a full name, a tab and a kind")
        found[cols[0]] = cols[1]
    return found


def _data_lines(data: CuratedData, name: str) -> list[tuple[int, list[str]]]:
    """The numbered non-comment lines of a curated text file, split at tabs."""
    return [(n, [c.strip() for c in line.split("\t")]) for n, line in data.lines(name)]


def _read_name_knowledge(data: CuratedData) -> NameKnowledge:
    given_rows = _data_lines(data, "given_names.tsv")
    given = frozenset(fold(cols[0]) for _, cols in given_rows if cols[2:3] != ["word"])
    nicknames: dict[str, set[str]] = {}
    for _, cols in _data_lines(data, "nicknames.tsv"):
        short, full = fold(cols[0]), fold(cols[-1])
        nicknames.setdefault(short, set()).add(full)
        nicknames.setdefault(full, set()).add(short)
    particles = sorted((cols[0].lower() for _, cols in _data_lines(data, "name_particles.txt")), key=lambda p: (-len(p), p))
    kinds = (*ENTITY_TYPES, *NON_ACTOR_TYPES)
    nouns: dict[str, EntityType | NonActorType] = {}
    path = data.path("type_nouns.tsv")
    for number, cols in _data_lines(data, "type_nouns.tsv"):
        if len(cols) != 2 or cols[1] not in kinds:
            raise GazetteerError(f"{path}:{number}: expected a noun, a tab and one of {', '.join(kinds)}")
        nouns[cols[0].lower()] = type_of(cols[1])
    shapes = []
    path = data.path("name_shapes.tsv")
    for number, cols in _data_lines(data, "name_shapes.tsv"):
        if len(cols) != 2 or cols[1] not in kinds:
            raise GazetteerError(f"{path}:{number}: expected a pattern, a tab and one of {', '.join(kinds)}")
        try:
            shapes.append((re.compile(cols[0]), cols[1]))
        except re.error as exc:
            raise GazetteerError(f"{path}:{number}: not a regular expression ({exc})") from None
    return NameKnowledge(
        given_names=given,
        genders={fold(cols[0]): cols[1] for _, cols in given_rows if cols[1:2] in (["m"], ["f"])},
        nicknames={k: frozenset(v) for k, v in nicknames.items()},
        particles=tuple(particles),
        suffixes=frozenset(fold(cols[0]) for _, cols in _data_lines(data, "name_suffixes.txt")),
        type_nouns=nouns,
        shapes=tuple(shapes),
    )


def load_gazetteer(extra_entities: list[str | Path] | tuple = ()) -> Gazetteer:
    """Load the packaged curated data plus the user's ``extra_entities`` JSONL files.

    >>> gaz = load_gazetteer()
    >>> gaz.entries["russia"].label
    'Russia'
    """
    try:
        data = load_curated(extra_entities)
    except CuratedDataError as exc:
        raise GazetteerError(str(exc)) from None
    entries: dict[str, Entry] = {}
    for path, text in [(data.path("entities.jsonl"), data.texts["entities.jsonl"]), *data.extra_entities]:
        _read_entries(path, text, entries)
    titles = _read_titles(data)
    head_words = _read_head_words(data)
    stop_names = frozenset(fold(line.strip()) for _, line in data.lines("stop_names.txt"))
    names = _read_name_knowledge(data)
    return Gazetteer(
        entries=entries,
        titles=titles,
        head_words=head_words,
        stop_names=stop_names,
        names=names,
        fingerprint=data.fingerprint,
        abbreviations=_read_abbreviations(data),
        short_names=_read_short_names(data),
    )
