"""A generated corpus of dated articles: each week of a few months, one article in one of the ways
a date is given (a row's field, a dateline, a "Published" line, the URL), plus articles whose date
nothing decides (no date, day/month order unknown, a relative date)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

FIRST_DAY = dt.date(2021, 3, 1)
WEEKS = 10
SPEAKERS = [("Anna Berg", "Norway", "Sweden"), ("Lars Holm", "Sweden", "Denmark"), ("Maria Lind", "Denmark", "Norway")]


def body(week: int) -> str:
    speaker, country, other = SPEAKERS[week % len(SPEAKERS)]
    return (
        f"Foreign Minister {speaker} of {country} met officials from {other} to discuss fishing rights.\n\n"
        f"\"{other} must respect the agreement,\" {speaker} said. "
        f"The talks between {country} and {other} will continue next month."
    )


def write_dated_corpus(folder: Path) -> dict[str, str | None]:
    """Write the corpus into ``folder``; returns document id -> the date it must get."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}
    rows = []
    for week in range(WEEKS):
        day = FIRST_DAY + dt.timedelta(weeks=week)
        doc_id = f"week{week:02d}"
        expected[doc_id] = day.isoformat()
        title = f"Fishing Talks Round {week + 1}"
        way = week % 4
        if way == 0:  # a row's date field, written the way feeds write it
            rows.append({"id": doc_id, "title": title, "date": day.strftime("%a, %d %b %Y 09:30:00 +0000"), "text": body(week)})
        elif way == 1:  # a dateline
            text = f"{title}\n\nOSLO, {day.strftime('%B')} {day.day}, {day.year} (Nordic Wire) - " + body(week)
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        elif way == 2:  # a "Published" line under the headline
            text = f"{title}\n\nPublished {day.day} {day.strftime('%B')} {day.year}\n\n" + body(week)
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        else:  # the URL only, and a dateline without a year that the URL's year completes
            rows.append({"id": doc_id, "title": title, "url": f"https://news.example/{day:%Y/%m/%d}/fishing-talks",
                         "text": f"OSLO, {day.strftime('%B')} {day.day} (Nordic Wire) - " + body(week)})
    undated = {
        "undated": "No date is written anywhere in this article.\n\n" + body(0),
        "ambiguous": "Fishing Talks Stall\n\nUpdated: 03/04/2021\n\n" + body(1),
        "relative": "Fishing Talks Stall Again\n\nPublished yesterday\n\n" + body(2),
    }
    for doc_id, text in undated.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        expected[doc_id] = None
    (folder / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return expected
