"""The curated data files of ``graph/data/``, read in one place with one fingerprint.

Every stage that uses curated knowledge (the gazetteer's entities, titles, head words and stop
names; the statements' reporting verbs and attribution nouns) takes its lines from
:func:`load_curated`, so that :attr:`CuratedData.fingerprint` changes whenever any file a build
reads changes. ``graph/data/README.md`` describes the files.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path

# The files of graph/data/ that a build reads.
DATA_FILES = ("entities.jsonl", "titles.tsv", "head_words.tsv", "stop_names.txt", "reporting_verbs.tsv", "attribution_nouns.tsv",
              "given_names.tsv", "nicknames.tsv", "name_particles.txt", "name_suffixes.txt", "type_nouns.tsv",
              "name_shapes.tsv", "credit_words.txt", "interview_words.txt", "place_cues.tsv", "function_words.tsv",
              "control_verbs.txt", "pronouns.tsv", "speaker_words.tsv", "place_words.tsv", "heading_words.txt",
              "short_names.tsv", "epoch_nouns.txt", "speech_nouns.tsv", "speaking_words.txt", "accordance_nouns.tsv")


class CuratedDataError(ValueError):
    """A curated data file cannot be read or is malformed: the message names the file (and line)."""


def data_dir() -> Path:
    """The packaged ``graph/data`` folder."""
    return Path(str(resources.files("graph") / "data"))


@dataclass(frozen=True)
class CuratedData:
    """The text of each data file (by its name in ``graph/data/``) and of the user's extra entity
    files (by path), and a fingerprint of all of them."""

    folder: Path
    texts: dict[str, str]
    extra_entities: tuple[tuple[Path, str], ...]
    fingerprint: str

    def lines(self, name: str) -> Iterator[tuple[int, str]]:
        """``(line number, line)`` of the data file ``name``, without blank lines and ``#`` comments.

        >>> data = load_curated()
        >>> next(line for _, line in data.lines("titles.tsv") if line.startswith("Mrs"))
        'Mrs\\tf'
        """
        yield from data_lines(self.texts[name])

    def rows(self, name: str) -> Iterator[list[str]]:
        """The tab-separated fields of each line of ``name``, stripped."""
        for _, line in self.lines(name):
            yield [part.strip() for part in line.split("\t")]

    def path(self, name: str) -> Path:
        return self.folder / name


def data_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a data file's ``text``, without blank lines and ``#`` comments."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _read(path: Path, digest) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CuratedDataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    digest.update(path.name.encode() + b"\0" + raw + b"\0")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CuratedDataError(f"{path}: not UTF-8 text") from None


def load_curated(extra_entities: Sequence[str | PathLike] = (), folder: str | PathLike | None = None) -> CuratedData:
    """Read the data files of ``folder`` (default: the packaged ``graph/data``) and the user's
    ``extra_entities`` JSONL files (read anew on each call: a user may have edited them).

    >>> len(load_curated().fingerprint)
    16
    """
    base = Path(folder) if folder is not None else data_dir()
    digest = hashlib.sha256()
    texts = {name: _read(base / name, digest) for name in DATA_FILES}
    extra_entities = tuple((Path(p), _read(Path(p), digest)) for p in extra_entities)
    return CuratedData(base, texts, extra_entities, digest.hexdigest()[:16])


def packaged_words(name: str, kind: str | None = None) -> set[str]:
    """The words (first column) of the packaged data file ``name``; with ``kind``, those whose
    second column is ``kind``. For the closed word lists a module reads once, when imported.

    >>> sorted(packaged_words("place_cues.tsv", "route_of_a_word"))
    ['from', 'to']
    """
    return {cols[0] for cols in packaged_rows(name) if kind is None or cols[1:2] == [kind]}


def packaged_rows(name: str) -> list[list[str]]:
    """The tab-separated fields, stripped, of each line of the packaged data file ``name``. For
    the closed word lists of several columns a module reads once, when imported.

    >>> next(row for row in packaged_rows("pronouns.tsv") if row[0] == "she")
    ['she', '3', 'sg', 'f', 'subject']
    """
    path = data_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CuratedDataError(f"{path}: cannot read ({exc})") from None
    return [[part.strip() for part in line.split("\t")] for _, line in data_lines(text)]
