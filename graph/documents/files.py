"""Finding and decoding files: walk folders, gather the paths given, read and decode bytes, limits.

Folders are walked recursively in sorted order, hidden files and folders (``.name``) are skipped,
other extensions are skipped silently; a file reached twice in one call is read once. What a walk
cannot read is a problem, not skipped silently: an unreadable folder, a symbolic link that dangles
or loops, a symbolic link to a folder (not followed), a supported name that is not a regular file
(a FIFO). A byte of a file name that is not UTF-8 shows as ``\\xNN`` in ids and paths; a lone
surrogate escaped in JSON (``\\ud800``) becomes U+FFFD. A file must be UTF-8 text (a byte order
mark is allowed): empty, binary, UTF-16 and other files are problems.

>>> decode(b"Rain fell.", "a.txt")
('Rain fell.', None)
>>> decode(b"\\xff\\xfeR\\x00", "b.txt")[1].message
'not UTF-8 text (UTF-16, byte order mark at offset 0)'
>>> safe_name("caf\\udce9")
'caf\\\\xe9'
"""
from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path, PurePath
from typing import Iterable

from ..pieces import MAX_CHARS
from ..records import Problem

__all__ = ["ROW_EXTENSIONS", "SUPPORTED_EXTENSIONS", "decode", "gather", "read_text", "safe_name", "safe_text",
           "too_long"]

SUPPORTED_EXTENSIONS = (".csv", ".htm", ".html", ".jsonl", ".md", ".txt")
ROW_EXTENSIONS = (".jsonl", ".csv")  # one document per row; the other formats, one per file

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def safe_text(text: str) -> str:
    """``text`` without lone surrogates (a JSON ``\\ud800`` escape), which no UTF-8 output can
    hold: each becomes U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text) if not text.isascii() else text


def safe_name(name: str) -> str:
    """A file name as text: a byte that is not UTF-8 (which Python keeps as a lone surrogate)
    is shown as ``\\xNN``, so that two such names stay apart."""
    if name.isascii():
        return name
    return safe_text(_ESCAPED_BYTE_RE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name))


def _as_path_str(p: PurePath) -> str:
    return safe_name(p.as_posix())


def _walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Supported files under ``folder``, recursively, sorted by their path's components (so
    ``a/z.txt`` comes before ``b.txt``), hidden entries skipped, symlinked folders not followed;
    and one problem for each folder that cannot be read, each symbolic link to a folder, that is
    dangling or that loops, and each supported name that is not a regular file (a FIFO would
    block the build)."""
    found: list[Path] = []
    problems: list[tuple[tuple[str, ...], Problem]] = []

    def report(p: Path, message: str) -> None:
        problems.append((p.relative_to(folder).parts, Problem(_as_path_str(p), message)))

    def unreadable(exc: OSError) -> None:
        p = Path(exc.filename) if exc.filename else folder
        report(p, f"cannot read folder ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=False):
        for name in sorted(dirnames):
            p = Path(dirpath) / name
            if not name.startswith(".") and p.is_symlink():
                report(p, "symbolic link to a folder, not followed")
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            supported = p.suffix.lower() in SUPPORTED_EXTENSIONS
            try:
                mode = os.stat(p).st_mode
            except FileNotFoundError:
                report(p, "dangling symbolic link (its target does not exist)")
                continue
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    report(p, "symbolic link loop")
                elif supported:
                    report(p, f"cannot read ({exc.strerror or exc})")
                continue
            if not supported:
                continue
            if stat.S_ISREG(mode):
                found.append(p)
            else:
                report(p, "not a regular file (a FIFO, socket or device)")
    return sorted(found, key=lambda p: p.relative_to(folder).parts), [pr for _, pr in sorted(problems, key=lambda x: x[0])]


def decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """A file's bytes as text, or why they are not UTF-8 text (empty, binary, UTF-16)."""
    if not data.strip():
        return None, Problem(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(path, "not UTF-8 text (UTF-16, byte order mark at offset 0)")
    if b"\x00" in data:
        return None, Problem(path, "binary file, not text (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, Problem(path, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})")
    sample = text[:4096]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(8, len(sample) // 10):
        return None, Problem(path, "binary file, not text (control characters)")
    if not text.strip():
        return None, Problem(path, "empty file")
    return text, None

def too_long(length: int, max_chars: int, unit: str = "characters") -> str:
    """The problem's message for a document over ``max_chars``."""
    return f"too long ({length:,} {unit}; the limit is {max_chars:,} characters, see --max-chars)"


def gather(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The files to read, each once, as (path, path shown), in the order given (folders walked),
    and a problem for each path given that cannot be read."""
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        try:
            real = os.path.realpath(p)
        except (OSError, ValueError):
            real = str(p)
        if real not in seen:
            seen.add(real)
            files.append((p, _as_path_str(p)))

    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # type: ignore[list-item]
    for given in paths:
        try:
            p = Path(os.fsdecode(given))
            shown = _as_path_str(p)
        except (TypeError, ValueError) as e:
            problems.append(Problem(str(given), f"not a path ({e})"))
            continue
        try:
            if not p.exists():
                problems.append(Problem(shown, "symbolic link loop" if _is_link_loop(p) else
                                        "dangling symbolic link (its target does not exist)" if p.is_symlink() else
                                        "no such file or folder"))
            elif p.is_dir():
                found, walk_problems = _walk(p)
                problems.extend(walk_problems)
                if not found and not walk_problems:
                    problems.append(Problem(shown, f"folder has no supported files ({', '.join(SUPPORTED_EXTENSIONS)})"))
                for f in found:
                    add(f)
            elif p.suffix.lower() not in SUPPORTED_EXTENSIONS:
                shown_ext = p.suffix or "no extension"
                problems.append(Problem(shown, f"unsupported file type ({shown_ext}; expected one of {', '.join(SUPPORTED_EXTENSIONS)})"))
            elif not p.is_file():
                problems.append(Problem(shown, "not a regular file"))
            else:
                add(p)
        except OSError as e:
            problems.append(Problem(shown, f"cannot read ({e.strerror or e})"))
    return files, problems


def _is_link_loop(p: Path) -> bool:
    try:
        os.stat(p)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False



def read_text(p: Path, path: str, max_chars: int = MAX_CHARS) -> tuple[str | None, Problem | None]:
    """The text of the file ``p`` (shown as ``path``), or the problem that keeps it from being read.

    A file that is one document, of more than 4 × ``max_chars`` bytes, is not read at all: UTF-8
    takes at most 4 bytes a character, so it is surely too long. Rows are measured one by one."""
    try:
        if p.suffix.lower() not in ROW_EXTENSIONS:
            size = p.stat().st_size
            if size > 4 * max_chars:
                return None, Problem(path, too_long(size, max_chars, "bytes"))
        data = p.read_bytes()
    except OSError as e:
        return None, Problem(path, f"cannot read ({e.strerror or e})")
    return decode(data, path)
