"""Every file the tool writes is written here: atomically, and a build's outputs as one set.

A file is written beside its target under a temporary name and moved into place when complete,
so no reader sees half a file. A set (graph.json, graph.graphml, graph.html) is replaced in
three renames; so that a kill between them cannot leave a new graph.json beside an old page,
the renames are first recorded in a *pending* note, and whoever next takes the folder's lock
(the next build, or a save into it) finishes them. Readers check that the set is whole: each
file carries the build id (:func:`read_build_ids`).

Only one process writes into a folder at a time: the lock is ``flock`` on ``.entity-graph.lock``
there, released by the kernel when its holder exits, however it exits. Temporary files a killed
writer left behind are removed by the next one to take the lock.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .faults import inject

try:
    import fcntl
except ImportError:  # Windows: no flock; writes stay atomic, the folder is not locked
    fcntl = None

LOCK_NAME = ".entity-graph.lock"
PENDING_NAME = ".entity-graph.pending"
OUTPUT_NAMES = ("graph.json", "graph.graphml", "graph.html")
_TEMP_MARK = "entity-graph-"
# Ours and no one else's (a save may go into any folder): ".graph.json.entity-graph-k3j_x9a2.tmp".
_TEMP_NAME = re.compile(r"^\..+\." + _TEMP_MARK + r"[A-Za-z0-9_]{8}\.tmp$")
_held: set[tuple[Path, int]] = set()  # (folder, thread) that hold a folder's lock now


class OutputBusy(RuntimeError):
    """Another process is writing into the folder."""


@contextmanager
def output_lock(folder: str | os.PathLike, *, wait: bool = True) -> Iterator[Path]:
    """Hold ``folder``'s write lock (created if need be); re-entrant within one thread.

    Taking it finishes a set an interrupted writer left half-replaced and removes its
    temporary files. ``wait=False``: raise :class:`OutputBusy` at once if another process has it.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    key = (folder.resolve(), threading.get_ident())
    if key in _held or fcntl is None:
        yield folder
        return
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                raise OutputBusy(f"another entity-graph (pid {holder}) is writing to {folder}; "
                                 "wait for it to finish or choose another folder") from None
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        _held.add(key)
        try:
            _finish_interrupted(folder)
            yield folder
        finally:
            _held.discard(key)
    finally:
        os.close(fd)  # releases the lock


def write_atomically(folder: str | os.PathLike, contents: dict[str, bytes | None]) -> dict[str, Path]:
    """Write each file of ``contents`` into ``folder`` under the folder's lock, every one complete
    before any is moved into place; ``None`` removes that file as part of the same set. A failure
    before the first rename leaves the folder as it was; a kill during the renames is finished by
    the next writer. Returns the paths written."""
    folder = Path(folder)
    with output_lock(folder):
        temps: dict[str, str | None] = {}
        try:
            for name, body in contents.items():
                temps[name] = None if body is None else _write_temporary(folder, name, body)
                inject("temp", sum(t is not None for t in temps.values()))
            if len(temps) > 1:
                _write_pending(folder, temps)
        except BaseException:
            for tmp in temps.values():
                if tmp is not None:
                    (folder / tmp).unlink(missing_ok=True)
            raise
        for number, (name, tmp) in enumerate(temps.items(), 1):
            inject("rename", number)
            _apply(folder, name, tmp)
        (folder / PENDING_NAME).unlink(missing_ok=True)
        return {name: folder / name for name, tmp in temps.items() if tmp is not None}


def read_build_ids(folder: str | os.PathLike) -> dict[str, str | None]:
    """The build id each output in ``folder`` carries (None: it carries none), for the outputs
    present. Reads only the few lines of each file that hold it."""
    folder = Path(folder)
    ids: dict[str, str | None] = {}
    for name, reader in (("graph.graphml", _graphml_build_id), ("graph.html", _html_build_id)):
        path = folder / name
        if path.is_file():
            try:
                ids[name] = reader(path)
            except OSError:
                ids[name] = None
    return ids


def check_set(path: Path, build_id: str | None) -> None:
    """Raise ``ValueError`` (one line) when ``path``, a graph.json of ``build_id``, sits in a
    folder whose outputs are not one set: a replacement was interrupted, or its graph.graphml or
    graph.html belong to another build."""
    folder = path.parent
    if (folder / PENDING_NAME).exists():
        raise ValueError(f"{path}: the outputs in {folder} are half replaced (a build was interrupted); "
                         "build again to complete them")
    if path.name != "graph.json" or build_id is None:
        return  # a graph saved on its own, or written before build ids
    for name, other in read_build_ids(folder).items():
        if other != build_id:
            raise ValueError(f"{path}: build {build_id}, but {folder / name} is from "
                             f"{'build ' + other if other else 'an older build'}: a mixed set; build again")


# --------------------------------------------------------------------------------------------

def _write_temporary(folder: Path, name: str, body: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{_TEMP_MARK}", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; outputs are meant to be shared
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp).name


def _write_pending(folder: Path, temps: dict[str, str | None]) -> None:
    tmp = _write_temporary(folder, PENDING_NAME.lstrip("."), json.dumps(temps).encode("utf-8"))
    os.replace(folder / tmp, folder / PENDING_NAME)
    _fsync_folder(folder)


def _apply(folder: Path, name: str, tmp: str | None) -> None:
    if tmp is None:
        (folder / name).unlink(missing_ok=True)
    elif (folder / tmp).exists():
        os.replace(folder / tmp, folder / name)


def _finish_interrupted(folder: Path) -> None:
    """Complete the renames a killed writer recorded, then remove its temporary files."""
    pending = folder / PENDING_NAME
    if pending.exists():
        try:
            temps = json.loads(pending.read_text("utf-8"))
        except (OSError, ValueError):
            temps = {}
        if isinstance(temps, dict):
            for name, tmp in temps.items():
                if str(name) == Path(str(name)).name:  # a file of this folder, nothing else
                    _apply(folder, str(name), None if tmp is None else Path(str(tmp)).name)
        pending.unlink(missing_ok=True)
    for entry in os.scandir(folder):
        if _TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_HTML_BUILD_ID = re.compile(rb'<meta name="entity-graph-build" content="([0-9a-f]*)">')
_GRAPHML_BUILD_KEY = re.compile(rb'<key id="(d\d+)" for="graph" attr.name="build_id" attr.type="string" />')


def _html_build_id(path: Path) -> str | None:
    with open(path, "rb") as fh:
        found = _HTML_BUILD_ID.search(fh.read(4096))
    return found.group(1).decode("ascii") if found and found.group(1) else None


def _graphml_build_id(path: Path) -> str | None:
    """The graph's data come last in graph.graphml, its keys first."""
    with open(path, "rb") as fh:
        head = fh.read(16384)
        key = _GRAPHML_BUILD_KEY.search(head)
        if not key:
            return None
        fh.seek(max(0, os.fstat(fh.fileno()).st_size - 2048))
        found = re.search(rb'<data key="' + key.group(1) + rb'">([0-9a-f]+)</data>', fh.read())
    return found.group(1).decode("ascii") if found else None
