"""The ``.jsonl`` and ``.csv`` formats: one document per row, with a ``text`` field and optional
``id``, ``title``, ``url``, ``date``, ``outlet``, ``author``.

CSV may be separated by ``,``, ``;``, tab or ``|`` (the one whose header has a ``text`` column); a
quote never closed, which would make the rest of the file one row, skips that row. A row whose text
is missing, not a string, empty or longer than ``max_chars`` is a problem, as is a line that is not
a JSON object; problems come in line order.

>>> rows, problems = read_rows(".jsonl", '{"text": "Rain fell.", "title": " Rain "}\\n[1]\\n', "a.jsonl")
>>> rows
[Row(line=1, where='a.jsonl:1', text='Rain fell.', fields={'id': None, 'title': 'Rain', 'url': None, 'date': None, 'outlet': None, 'author': None})]
>>> [str(p) for p in problems]
['a.jsonl:2: expected a JSON object, got list']
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from ..pieces import MAX_CHARS
from ..records import Problem
from .files import safe_text, too_long

__all__ = ["ROW_FIELDS", "Row", "read_rows"]

ROW_FIELDS = ("id", "title", "url", "date", "outlet", "author")


@dataclass
class Row:
    """One row that has a text: the line it starts on, where it is (``file:LINE``), its text and
    its :data:`ROW_FIELDS` (one line each, None when missing or not a scalar)."""

    line: int
    where: str
    text: str
    fields: dict[str, str | None]


def _row_value(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _quote_left_open(text: str, first_line: int) -> bool:
    """Whether the CSV record that starts on ``first_line`` (and runs to the end) has an odd
    number of quotation marks: a quoted field never closed."""
    lines = io.StringIO(text, newline="")
    for _ in range(first_line - 1):
        next(lines, None)
    return sum(line.count('"') for line in lines) % 2 == 1


def read_rows(kind: str, text: str, path: str, max_chars: int = MAX_CHARS) -> tuple[list[Row], list[Problem]]:
    """The rows of a ``.jsonl`` or ``.csv`` file's ``text`` (``kind`` is the extension) that have a
    usable text, in file order, and the problems of the others."""
    found: list[Row] = []
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, object]]] = []
    if kind == ".jsonl":
        for lineno, line in enumerate(text.split("\n"), start=1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(Problem(f"{path}:{lineno}", f"not valid JSON ({e.msg} at column {e.colno})"))
                continue
            except RecursionError:
                problems.append(Problem(f"{path}:{lineno}", "not valid JSON (nested too deeply)"))
                continue
            if not isinstance(obj, dict):
                problems.append(Problem(f"{path}:{lineno}", f"expected a JSON object, got {type(obj).__name__}"))
                continue
            # JSON can escape a lone surrogate (\ud800): made valid here, once for every later stage
            rows.append((lineno, {safe_text(str(k)).strip().lower(): safe_text(v) if isinstance(v, str) else v
                                  for k, v in obj.items()}))
    else:
        first_line = text.split("\n", 1)[0]
        delimiter = ","
        for d in (",", ";", "\t", "|"):
            if "text" in [c.strip().lower() for c in first_line.split(d)]:
                delimiter = d
                break
        old_limit = csv.field_size_limit()
        csv.field_size_limit(1 << 30)
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            header: list[str] | None = None
            prev_end = 0
            try:
                for row in reader:
                    start, prev_end = prev_end + 1, reader.line_num
                    if not row or not any(cell.strip() for cell in row):
                        continue
                    if header is None:
                        header = [h.strip().lower() for h in row]
                        if "text" not in header:
                            shown = ", ".join(h for h in header if h) or "none"
                            problems.append(Problem(path, f"CSV has no 'text' column (columns: {shown})"))
                            return [], problems
                        continue
                    rows.append((start, {h: v for h, v in zip(header, row) if h}))
                if rows and rows[-1][0] == start and reader.line_num > start and _quote_left_open(text, start):
                    rows.pop()  # the csv module reads an unclosed quote to the end of the file, as one field
                    problems.append(Problem(f"{path}:{start}", f"unterminated quote: lines {start}-{reader.line_num} "
                                            "would be one row"))
            except csv.Error as e:
                problems.append(Problem(f"{path}:{reader.line_num}", f"not valid CSV ({e})"))
        finally:
            csv.field_size_limit(old_limit)
    for lineno, row in rows:
        where = f"{path}:{lineno}"
        if "text" not in row:
            problems.append(Problem(where, "row has no 'text' field"))
            continue
        raw = row["text"]
        if not isinstance(raw, str):
            problems.append(Problem(where, f"'text' is not a string ({type(raw).__name__})"))
            continue
        if not raw.strip():
            problems.append(Problem(where, "empty text"))
            continue
        if len(raw) > max_chars:
            problems.append(Problem(where, too_long(len(raw), max_chars)))
            continue
        found.append(Row(lineno, where, raw, {k: _row_value(row.get(k)) for k in ROW_FIELDS}))
    # in line order: bad JSON lines and rows without text are found in two passes
    problems.sort(key=lambda pr: int(pr.path.rsplit(":", 1)[1]) if pr.path != path else 0)
    return found, problems

