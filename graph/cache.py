"""A cache of spaCy parses, so that a rebuild parses only the documents it has not parsed before.

What is cached is the parse, not what the build finds in it: mentions and statements depend on
the curated data, which a user edits, while the parse depends only on the text and the pipeline.
An entry's key is the SHA-256 of the text and of :func:`graph.nlp.pipeline_version` (model name
and version, spaCy version, component names), so a new model or spaCy makes every entry a miss
and changing the curated data makes none.

The cache is one SQLite file, ``parses.sqlite3``, in WAL mode: a write is a transaction, so a
crash (or two builds at once) never leaves a half-written entry; readers never wait for a
writer. Values are ``Doc.to_bytes()`` without the tensor, zlib-compressed (about 11 kB for a
600-word article). Nothing here ever fails a build: an unreadable or corrupt file is moved aside
and started afresh, a corrupt entry is a miss (and is overwritten by the new parse), a table of
another layout (an older version's) is made again, a cache in a folder that cannot be written is
read without storing, and when the cache cannot be used at all the build goes on without it.
A document longer than :data:`graph.pieces.PIECE_CHARS` is cached piece by piece.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import urllib.parse
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FORMAT = "entity-graph-parse-1"  # change when the stored bytes change meaning
FILENAME = "parses.sqlite3"
BUSY_TIMEOUT_S = 10.0
_SCHEMA = "CREATE TABLE IF NOT EXISTS parses (key TEXT PRIMARY KEY, data BLOB NOT NULL, stored REAL NOT NULL)"
_COLUMNS = ["key", "data", "stored"]
_LOOKUP_BATCH = 500  # SQLite allows 999 bound variables in old builds
# What spaCy's Doc.to_dict stores the strings of, per token (the analysis last: see encode_doc)
_STRING_ATTRS = ["TAG", "LEMMA", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "NORM", "MORPH"]
_EMPTY_MORPH = "_"


def _columns(db: sqlite3.Connection) -> list[str]:
    return [row[1] for row in db.execute("PRAGMA table_info(parses)")]


def _is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is not a database or is corrupt (not: busy, read-only, full)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    message = str(exc).lower()
    return "not a database" in message or "malformed" in message


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/entity-graph``, else ``~/.cache/entity-graph``."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "entity-graph"


def parse_key(text: str, version: str) -> str:
    """The key of the parse of ``text`` by the pipeline ``version``."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{version}\0".encode())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def encode_doc(doc, text: str | None = None) -> bytes:
    """A parsed ``Doc`` as cache bytes: what ``doc.to_bytes(exclude=["tensor", "user_data"])``
    gives (``Doc.from_bytes`` reads it back), made from the parse's arrays. spaCy's own collects
    the strings to store with eight attributes of a new ``Token`` per word and looks up srsly's
    msgpack encoders (in the installed packages' metadata) on every call: twice the time, for an
    encoding that is a tenth of a worker's time beside the parse. ``text``: the document's text
    (``doc.text``, which spaCy joins token by token), when the caller has it."""
    from spacy.tokens import Doc

    strings = doc.vocab.strings
    ids = doc.to_array(_STRING_ATTRS)
    stored = {strings[h] for h in set(ids[:, :-1].ravel().tolist())}
    # spaCy stores ``str(token.morph)``: "" where the analysis is empty (its key's string is "_")
    stored.update("" if m == _EMPTY_MORPH else m for m in (strings[h] for h in set(ids[:, -1].tolist())))
    for group in doc.spans.values():
        for span in group:
            stored.add(span.label_)
            if span.kb_id in strings:
                stored.add(span.kb_id_)
            if span.id in strings:
                stored.add(span.id_)
    head = Doc._get_array_attrs()
    msg = {
        "text": doc.text if text is None else text,
        "array_head": head,
        "array_body": doc.to_array(head),
        "sentiment": doc.sentiment,
        "cats": doc.cats,
        "spans": doc.spans.to_bytes(),
        "strings": list(stored),
        "has_unknown_spaces": doc.has_unknown_spaces,
    }
    return zlib.compress(_packer().pack(msg), 1)


def _packer():
    global _PACKER
    if _PACKER is None:
        import srsly

        _PACKER = srsly.msgpack.Packer(use_bin_type=True)  # what srsly.msgpack_dumps makes anew each call
    return _PACKER


_PACKER = None


def decode_doc(data: bytes, vocab, text: str):
    """The ``Doc`` stored in ``data``, or None when the bytes are not a parse of ``text``."""
    from spacy.tokens import Doc

    try:
        doc = Doc(vocab).from_bytes(zlib.decompress(data))
    except Exception:  # noqa: BLE001 - any damage to an entry means "parse it again"
        return None
    return doc if doc.text == text else None


@dataclass
class CacheStats:
    """How the cache served one build."""

    hits: int = 0
    misses: int = 0
    errors: int = 0  # entries that could not be read or written (the build went on)
    path: str | None = None  # None: no cache was used
    read_only: bool = False  # parses were read from the cache, new ones not stored

    def add(self, other: CacheStats) -> None:
        self.hits += other.hits
        self.misses += other.misses
        self.errors += other.errors

    def __str__(self) -> str:
        if self.path is None:
            return "cache off"
        if self.errors and not (self.hits or self.misses):
            return f"cache unavailable ({self.path})"
        text = f"cache {self.hits} hit{'s' if self.hits != 1 else ''}, {self.misses} miss{'es' if self.misses != 1 else ''}"
        if self.errors:
            text += f", {self.errors} error{'s' if self.errors != 1 else ''}"
        return f"{text} ({self.path}{', read-only' if self.read_only else ''})"


class ParseCache:
    """Cached parse bytes by key. Use from one thread; every process opens its own."""

    def __init__(self, directory: str | os.PathLike | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / FILENAME
        self.errors = 0
        self.read_only = False  # the folder cannot be written: parses are read, not stored
        self._db: sqlite3.Connection | None = None
        self._open()

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _open(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
        except sqlite3.Error as exc:
            self._close_quietly()
            if _is_damage(exc):
                self._start_afresh()
            elif not self._open_read_only():  # locked by another build for too long, disk full: do without
                self.errors += 1
        except OSError:
            self._close_quietly()
            if not self._open_read_only():
                self.errors += 1

    def _open_read_only(self) -> bool:
        """A cache in a folder this user cannot write still serves its parses (new ones are not
        kept). Without its ``-shm`` file SQLite opens a WAL database only as immutable, which is
        safe here: nobody else can write the folder either."""
        if not self.path.is_file():
            return False
        uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
        for options in ("", "&immutable=1"):
            try:
                db = sqlite3.connect(uri + options, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            except sqlite3.Error:
                continue
            try:
                if _columns(db) == _COLUMNS:
                    self._db, self.read_only = db, True
                    return True
            except sqlite3.Error:
                pass
            db.close()
        return False

    def _start_afresh(self) -> None:
        """The file is not a database, or is damaged beyond what SQLite recovers from: keep it
        for a post mortem and start an empty cache."""
        self._close_quietly()
        try:
            os.replace(self.path, self.path.with_name(f"{FILENAME}.corrupt-{int(time.time())}"))
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self._db = self._connect()
        except (OSError, sqlite3.Error):
            self._close_quietly()
            self.errors += 1

    def _failed(self, exc: sqlite3.Error, count: int = 1) -> None:
        self.errors += count
        if _is_damage(exc):
            self._start_afresh()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # in WAL: atomic and consistent, only the last commits may be lost on power loss
            db.execute(_SCHEMA)
            if _columns(db) != _COLUMNS:  # a cache from an older version of this program: start it again
                db.execute("DROP TABLE parses")
                db.execute(_SCHEMA)
            db.execute("SELECT key FROM parses LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def _close_quietly(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored bytes of those ``keys`` that are stored."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        if self._db is None:
            return found
        try:
            for i in range(0, len(keys), _LOOKUP_BATCH):
                batch = keys[i : i + _LOOKUP_BATCH]
                marks = ",".join("?" * len(batch))
                for key, data in self._db.execute(f"SELECT key, data FROM parses WHERE key IN ({marks})", batch):
                    if isinstance(data, bytes):
                        found[key] = data
        except sqlite3.Error as exc:
            self._failed(exc)
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store entries, all or none (one transaction). Failing to store is not an error for the build."""
        items = [(key, data, time.time()) for key, data in items]
        if self._db is None or self.read_only or not items:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT OR REPLACE INTO parses (key, data, stored) VALUES (?, ?, ?)", items)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            self._failed(exc, len(items))

    def __len__(self) -> int:
        if self._db is None:
            return 0
        try:
            return self._db.execute("SELECT COUNT(*) FROM parses").fetchone()[0]
        except sqlite3.Error:
            return 0

    def close(self) -> None:
        self._close_quietly()

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
