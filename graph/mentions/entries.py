"""Which curated entry a name matched in the data stands for: by the country the text ties it
to, the entries the document names in full, or a demonym before it."""
from __future__ import annotations

from spacy.tokens import Span

from ..contract import fold
from ..gazetteer import Gazetteer, Surface
from ..records import EntityType, SurfaceKind
from .context import MentionContext
from .words import POSSESSIVE


def known_with_modifier(name: str, gaz: Gazetteer) -> str | None:
    """"Afghan Taliban" is the Taliban, "Russian Foreign Ministry" is Russia's: a demonym or country
    before a curated name, where the entry belongs to that country (or to none)."""
    words = name.split()
    if len(words) < 2:
        return None
    country = gaz.demonym_country.get(fold(words[0])) or _country_named(words[0], gaz)
    if not country:
        return None
    surfaces = gaz.by_fold.get(fold(" ".join(words[1:])), ())
    for s in surfaces:
        if gaz.entries[s.entry].country == country:
            return s.entry
    for s in surfaces:
        entry = gaz.entries[s.entry]
        if s.kind == SurfaceKind.ALIAS and entry.country is None and entry.type in (EntityType.GROUP, EntityType.ORGANIZATION, EntityType.PERSON):
            return s.entry
    return None


def pick_surface(surfaces: tuple[Surface, ...], span: Span, ctx: MentionContext) -> Surface | None:
    """Among the entries a surface form may name, the one of the country the text ties it to
    ("Uzbek Ministry of Internal Affairs", "NSS of Uzbekistan"), else the one the document names in
    full, else of the country the document names most, else the one it names strongly; None when
    nothing decides ("Commonwealth": of Nations, or of Independent States?), and for a weak name
    of one country's body ("Senate", "House") in a text that names other countries but not its."""
    surface = _pick_entry(surfaces, span, ctx)
    if surface is None or surface.kind != SurfaceKind.WEAK or surface.entry in ctx.named_in_full:
        return surface
    country = ctx.gaz.entries[surface.entry].country
    if country and ctx.country_counts and country not in ctx.country_counts:
        return None
    return surface


def _pick_entry(surfaces: tuple[Surface, ...], span: Span, ctx: MentionContext) -> Surface | None:
    entries = {s.entry for s in surfaces}
    if len(entries) == 1:
        return surfaces[0]
    gaz = ctx.gaz
    country = _country_context(span, gaz)
    by_country = {gaz.entries[s.entry].country: s for s in surfaces if gaz.entries[s.entry].country}
    if country in by_country:
        return by_country[country]
    named = [s for s in surfaces if s.entry in ctx.named_in_full]
    if len({s.entry for s in named}) == 1:
        return named[0]
    for country, _ in sorted(ctx.country_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if country in by_country:
            return by_country[country]
    strong = [s for s in surfaces if s.kind != SurfaceKind.WEAK]
    return strong[0] if strong else None  # the data lists the likelier entry first ("Moscow": Russia)


def _country_context(span: Span, gaz: Gazetteer) -> str | None:
    """The country named right before a span ("Uzbek", "Uzbekistan's") or right after ("of Russia")."""
    doc = span.doc
    before = [t for t in doc[max(span.start - 3, 0) : span.start] if t.text not in POSSESSIVE and t.lower_ != "the"]
    if before:
        country = gaz.demonym_country.get(fold(before[-1].text)) or _country_named(before[-1].text, gaz)
        if country:
            return country
    after = [t for t in doc[span.end : span.end + 6] if t.text not in "()" and not t.is_upper]
    if len(after) >= 2 and after[0].lower_ == "of":
        return _country_named(after[1].text, gaz)
    return None


def _country_named(text: str, gaz: Gazetteer) -> str | None:
    for s in gaz.by_fold.get(fold(text), ()):
        if gaz.entries[s.entry].type == EntityType.COUNTRY:
            return s.entry
    return None
