"""Document dates: what the document says, parsed the same way on any day (graph.dates)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from graph.dates import document_date, parse_date
from graph.documents import read_documents

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@given(days)
def test_written_dates_in_every_common_form(day: dt.date) -> None:
    month = day.strftime("%B")
    for text in (f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", day.isoformat(),
                 f"{day:%a, %d %b %Y %H:%M:%S} +0000", f"{day.isoformat()}T23:59:00-05:00", f"Published {day.day} {month} {day.year}",
                 f"{day.year}/{day.month:02d}/{day.day:02d}", f"{day.year}.{day.month}.{day.day}"):
        assert parse_date(text) == day.isoformat(), text


@given(days)
def test_numeric_day_month_order_is_decided_only_when_it_can_be(day: dt.date) -> None:
    written = f"{day.day:02d}/{day.month:02d}/{day.year}"
    if day.day > 12 or day.day == day.month:
        assert parse_date(written) == day.isoformat()
    else:
        assert parse_date(written) is None  # 03/04: March or April


@given(days)
def test_a_date_without_a_year_takes_only_the_documents_year(day: dt.date) -> None:
    yearless = f"{day.strftime('%B')} {day.day}"
    if not (day.month == 2 and day.day == 29):
        assert parse_date(yearless) is None  # never today's year
        text = f"OSLO, {yearless} (Nordic Wire) - Talks began."
        assert document_date(None, text, None) is None
        url = f"https://news.example/{day.year}/{day.month:02d}/story"
        assert document_date(None, text, url) == day.isoformat()


def test_the_day_of_the_build_changes_nothing(monkeypatch) -> None:
    """dateutil fills what a text leaves out from today; here today is decades away."""
    import dateutil.parser._parser as dateutil_parser

    texts = ["March 3", "3 March 2019", "3/4/19", "Tue, 05 Mar 2019", "13/04/2019", "OSLO, June 3 (Wire) - x"]
    before = [parse_date(t) for t in texts] + [document_date(None, texts[-1], None)]

    class Later(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2091, 7, 4, tzinfo=tz)

        @classmethod
        def today(cls):
            return cls(2091, 7, 4)

    monkeypatch.setattr(dateutil_parser.datetime, "datetime", Later)
    assert [parse_date(t) for t in texts] + [document_date(None, texts[-1], None)] == before
    assert before == [None, "2019-03-03", None, "2019-03-05", "2019-04-13", None, None]


def test_relative_partial_and_two_digit_dates_are_refused() -> None:
    for text in ("yesterday", "3 days ago", "last Tuesday", "March 2019", "2019", "3/4/19", "5 March 19", "soon", ""):
        assert parse_date(text) is None, text


def test_first_source_wins_given_then_head_then_url() -> None:
    text = "Headline Here\n\nPublished 5 May 2020\n\nBody text follows here."
    url = "https://news.example/2019/01/02/story"
    assert document_date("2021-06-03", text, url) == "2021-06-03"
    assert document_date(None, text, url) == "2020-05-05"
    assert document_date(None, "Body text with no date in it.", url) == "2019-01-02"
    assert document_date("not a date", "Body text.", None) is None


def test_event_dates_in_the_body_are_not_the_documents_date() -> None:
    text = ("Floods Return\n\nThe river burst its banks on March 28, 2015, and again this spring, said officials "
            "who have watched the valley for many years.")
    assert document_date(None, text, None) is None


def test_read_documents_dates_every_kind_of_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("MOSCOW, March 3, 2019 (TASS) - Talks began in the capital.", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: T\ndate: 2020-01-02T10:00:00Z\n---\n\nThe body of the note.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        '{"id": "c1", "text": "A row with a dated URL only.", "url": "https://x.example/2018/07/09/row"}\n'
        '{"id": "c2", "text": "A row whose date is relative.", "date": "yesterday"}\n', encoding="utf-8")
    docs, problems = read_documents([tmp_path])
    assert problems == []
    assert {d.id: d.date for d in docs} == {"a": "2019-03-03", "b": "2020-01-02", "c1": "2018-07-09", "c2": None}
