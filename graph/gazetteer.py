"""Curated knowledge: known entities with their aliases, demonyms and capitals, and title words.

The data lives in ``graph/data/`` (``entities.jsonl``, ``titles.tsv``, ``head_words.tsv``,
``stop_names.txt``), read by :func:`graph.curated.load_curated`; a user extends it with files of
the same form passed as ``extra_entities``, without editing Python.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .curated import CuratedData, CuratedDataError, data_lines, load_curated
from .records import ENTITY_TYPES


class GazetteerError(ValueError):
    """A curated data file is malformed: the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    type: str
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
    kind: str  # alias | weak | demonym | capital


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few words again and again
def fold(text: str) -> str:
    """The key two spellings of one name share: case, accents, dots, spaces, hyphens, "the",
    possessives and quotes do not count. ("South Front" == "SouthFront", "U.S." == "US")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['\u2019]s?$", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    titles: dict[str, str | None]  # lower-cased title -> gender
    head_words: dict[str, str]  # head word of organisation names ("Ministry") -> the type it implies
    stop_names: frozenset[str] = frozenset()  # folded words that never name an entity alone
    fingerprint: str = ""
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)  # surface form -> surfaces

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
                    type="place",
                    wikidata=e.capital_wikidata,
                )
        return out

    @cached_property
    def country_names(self) -> frozenset[str]:
        """Folded names of countries."""
        return frozenset(fold(form) for form, surfaces in self.surfaces.items() for s in surfaces
                         if s.kind == "alias" and self.entries[s.entry].type == "country")

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
        add(e.label, Surface(e.id, "alias"))
        for a in e.aliases:
            # "Russian military" describes rather than names: it counts only where it is backed.
            add(a, Surface(e.id, "weak" if _is_description(a) else "alias"))
        for a in e.weak_aliases:
            add(a, Surface(e.id, "weak"))
        for d in e.demonyms:
            add(d, Surface(e.id, "demonym"))
        for d in e.weak_demonyms:
            add(d, Surface(e.id, "weak"))
        for c in (e.capital, *e.capital_aliases):
            if c:
                add(c, Surface(e.id, "capital"))
    return index


# Lower-case words that belong inside names ("Hizb ut-Tahrir", "Osama bin Laden", "al-Qaeda").
NAME_PARTICLES = {"of", "the", "and", "for", "on", "in", "de", "del", "da", "du", "des", "la", "le",
                  "al", "el", "bin", "ibn", "ut", "e", "i", "van", "von", "der", "den", "y", "at", "to", "&"}


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
        entries[item["id"]] = Entry(**values)  # a later file overrides an entry of the same id


def _read_titles(data: CuratedData) -> dict[str, str | None]:
    titles: dict[str, str | None] = {}
    for _, line in data.lines("titles.tsv"):
        title, _, gender = line.partition("\t")
        titles[title.strip().lower()] = gender.strip() or None
    return titles


def _read_head_words(data: CuratedData) -> dict[str, str]:
    words = {}
    for number, line in data.lines("head_words.tsv"):
        word, _, type_ = line.partition("\t")
        if type_.strip() not in (*ENTITY_TYPES, "none"):
            raise GazetteerError(f"{data.path('head_words.tsv')}:{number}: type {type_.strip()!r} is not one of {', '.join(ENTITY_TYPES)}")
        words[word.strip()] = type_.strip()
    return words


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
    return Gazetteer(
        entries=entries,
        titles=titles,
        head_words=head_words,
        stop_names=stop_names,
        fingerprint=data.fingerprint,
    )
