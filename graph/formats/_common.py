"""What the exports share: lists as text, rows as CSV bytes."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

LIST_SEPARATOR = "; "


def joined(values: Iterable[Any] | None, separator: str = LIST_SEPARATOR) -> str:
    """A list attribute as one text value (GEXF, GraphML and spreadsheets take no lists)."""
    return separator.join(str(v) for v in values or [])


def csv_bytes(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """RFC 4180 CSV in UTF-8: quotes where needed, ``""`` inside quotes, ``\\n`` line ends; None as
    an empty field."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([("" if v is None else v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")
