"""Tests of graph/documents/: reading, cleaning and metadata."""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.documents import SUPPORTED_EXTENSIONS, clean_text, read_documents
from graph.records import Document, Problem

BODY = (
    "The minister said on Tuesday that the border would stay open for trade and travel.\n\n"
    "Officials in the capital confirmed the decision after a long meeting with regional leaders."
)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def read_one(path: Path) -> Document:
    docs, problems = read_documents([path])
    assert problems == []
    assert len(docs) == 1
    return docs[0]


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------


def test_txt_headline_becomes_title_and_first_paragraph(tmp_path: Path) -> None:
    f = write(tmp_path / "story-1.txt", "Border To Stay Open, Minister Says\n\n" + BODY + "\n")
    doc = read_one(f)
    assert doc.id == "story-1"
    assert doc.path == f.as_posix()
    assert doc.title == "Border To Stay Open, Minister Says"
    assert doc.text == "Border To Stay Open, Minister Says\n\n" + BODY


def test_txt_first_line_that_is_prose_is_not_a_title(tmp_path: Path) -> None:
    lead = "Regional leaders asked for help. Will the capital become more active in the region?"
    doc = read_one(write(tmp_path / "a.txt", lead + "\n\n" + BODY))
    assert doc.title is None
    assert doc.text == lead + "\n\n" + BODY


def test_txt_headline_on_the_line_before_the_body_is_split_off(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", "Border Stays Open\n" + BODY))
    assert doc.title == "Border Stays Open"
    assert doc.text.startswith("Border Stays Open\n\nThe minister said")


def test_md_front_matter_heading_and_inline_markup(tmp_path: Path) -> None:
    md = (
        "---\ntitle: \"Front Matter Title\"\nauthor: Jane Roe\ndate: 2023-01-02\nsource: Example Times\n---\n\n"
        "# Heading Of The Piece\n\nSome **bold** words and a [link text](http://example.org/x) here.\n\n"
        "![a picture](pic.png)\n\nA final *short* paragraph.\n"
    )
    doc = read_one(write(tmp_path / "piece.md", md))
    assert (doc.title, doc.author, doc.date, doc.outlet) == ("Front Matter Title", "Jane Roe", "2023-01-02", "Example Times")
    assert doc.text == (
        "Front Matter Title\n\nHeading Of The Piece\n\nSome bold words and a link text here.\n\nA final short paragraph."
    )


def test_md_heading_is_the_title_without_front_matter(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "piece.md", "## Talks Resume In Geneva ##\n\n" + BODY))
    assert doc.title == "Talks Resume In Geneva"
    assert doc.text == "Talks Resume In Geneva\n\n" + BODY


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Bridge Reopens After Repairs | The Daily Planet</title>
<meta name="author" content="Lois Lane">
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://planet.example/bridge">
<script>var x = "<p>script text</p>";</script><style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World news section</a></nav></header>
<article>
<h1>Bridge Reopens After Repairs</h1>
<p>Metropolis &mdash; The mayor said on <b>Monday</b> that the&nbsp;bridge would reopen.</p>
<p>Engineers finished the <a href="/x">last inspection</a> on Sunday.<br>Traffic resumes at noon.</p>
<div class="social-share">Share on Facebook Share on Twitter</div>
<aside>Sidebar promotion text</aside>
<p hidden>Hidden paragraph text.</p>
<!-- a comment -->
</article>
<footer>Copyright © 2024 The Daily Planet. Footer links.</footer>
</body></html>
"""


def test_html_main_text_title_and_meta(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "bridge.html", HTML_PAGE))
    assert doc.id == "bridge"
    assert doc.title == "Bridge Reopens After Repairs"
    assert doc.text == (
        "Bridge Reopens After Repairs\n\n"
        "Metropolis — The mayor said on Monday that the bridge would reopen.\n\n"
        "Engineers finished the last inspection on Sunday.\nTraffic resumes at noon."
    )
    assert (doc.author, doc.outlet, doc.date, doc.url) == (
        "Lois Lane", "The Daily Planet", "2024-03-05", "https://planet.example/bridge")


def test_htm_title_tag_without_h1_loses_the_site_name(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Floods Hit The Valley - Valley Post</title>"
        "<meta property='og:site_name' content='Valley Post'></head>"
        "<body><main><p>Rivers rose overnight across the valley, officials said.</p></main></body></html>"
    )
    doc = read_one(write(tmp_path / "floods.htm", page))
    assert doc.title == "Floods Hit The Valley"
    assert doc.text == "Floods Hit The Valley\n\nRivers rose overnight across the valley, officials said."
    assert doc.outlet == "Valley Post"


def test_html_byline_in_the_page_gives_the_author(tmp_path: Path) -> None:
    page = "<html><body><article><h1>Talks Resume</h1><p class='byline'>By Anna Petrova</p><p>Delegations met again on Monday in the city.</p></article></body></html>"
    doc = read_one(write(tmp_path / "talks.html", page))
    assert doc.author == "Anna Petrova"
    assert "Anna Petrova" not in doc.text
    assert doc.text == "Talks Resume\n\nDelegations met again on Monday in the city."


def test_jsonl_rows_fields_ids_and_paths(tmp_path: Path) -> None:
    rows = [
        {"id": "a1", "title": "First Title", "text": "Body of the first row.", "url": "http://x/1",
         "date": "2020-05-01", "outlet": "Wire", "author": "Ann Smith", "category": "ignored"},
        {"text": "Second body, no id.", "id": 7},
        {"text": "Third body without an id field."},
    ]
    f = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    docs, problems = read_documents([f])
    assert problems == []
    assert [d.id for d in docs] == ["a1", "7", "feed-3"]
    assert [d.path for d in docs] == [f"{f.as_posix()}:1", f"{f.as_posix()}:2", f"{f.as_posix()}:3"]
    first = docs[0]
    assert first.text == "First Title\n\nBody of the first row."
    assert (first.title, first.url, first.date, first.outlet, first.author) == (
        "First Title", "http://x/1", "2020-05-01", "Wire", "Ann Smith")
    assert docs[1].text == "Second body, no id." and docs[1].title is None


def test_row_title_is_not_doubled_when_the_text_starts_with_it(tmp_path: Path) -> None:
    row = {"id": "b", "title": "Ad sales boost Time Warner profit",
           "text": "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%."}
    doc = read_one(write(tmp_path / "bbc.jsonl", json.dumps(row)))
    assert doc.text == row["text"]
    assert doc.title == row["title"]


def test_csv_rows_with_quoted_newlines_and_fallback_ids(tmp_path: Path) -> None:
    csv_text = (
        "id,Title,text,author\n"
        'r1,Row One Title,"First paragraph, with a comma.\n\nSecond paragraph.",Ann Smith\n'
        '\n'
        ',,"Row without id or title.",\n'
    )
    f = write(tmp_path / "table.csv", csv_text)
    docs, problems = read_documents([f])
    assert problems == []
    assert [(d.id, d.path) for d in docs] == [("r1", f"{f.as_posix()}:2"), ("table-6", f"{f.as_posix()}:6")]
    assert docs[0].text == "Row One Title\n\nFirst paragraph, with a comma.\n\nSecond paragraph."
    assert docs[0].author == "Ann Smith"
    assert docs[1].text == "Row without id or title." and docs[1].title is None


def test_csv_with_semicolons(tmp_path: Path) -> None:
    f = write(tmp_path / "semi.csv", "id;text\nx1;Body with, commas, inside.\n")
    assert read_one(f).text == "Body with, commas, inside."


def test_folder_walk_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second file body text.")
    write(tmp_path / "a.txt", "First file body text.")
    write(tmp_path / "sub" / "c.md", "Nested file body text.")
    write(tmp_path / "notes.pdf", b"%PDF-1.4 binary")
    write(tmp_path / ".hidden" / "h.txt", "Hidden folder body text.")
    write(tmp_path / ".h.txt", "Hidden file body text.")
    docs, problems = read_documents([tmp_path])
    assert problems == []
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[2].path == (tmp_path / "sub" / "c.md").as_posix()


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    f = write(tmp_path / "one.txt", "Only body text here.")
    docs, problems = read_documents(str(f))  # type: ignore[arg-type]
    assert [d.id for d in docs] == ["one"] and problems == []


def test_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    f = write(tmp_path / "one.txt", "Only body text here.")
    docs, problems = read_documents([tmp_path, f])
    assert [d.id for d in docs] == ["one"] and problems == []


def test_duplicate_ids_keep_the_first_and_say_so(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", "The first story body.")
    write(tmp_path / "b" / "story.txt", "The second story body.")
    write(tmp_path / "rows.jsonl", json.dumps({"id": "story", "text": "A row body."}))
    docs, problems = read_documents([tmp_path])
    assert [(d.id, d.text) for d in docs] == [("story", "The first story body.")]
    first = (tmp_path / "a" / "story.txt").as_posix()
    assert messages(problems) == [
        f"{(tmp_path / 'b' / 'story.txt').as_posix()}: duplicate id 'story' (already used by {first}); skipped",
        f"{(tmp_path / 'rows.jsonl').as_posix()}:1: duplicate id 'story' (already used by {first}); skipped",
    ]


def test_reading_is_deterministic(tmp_path: Path) -> None:
    for i in range(6):
        write(tmp_path / f"d{i}" / f"n{5 - i}.txt", f"Story number {i} about the border.\n\nSubscribe now\n\n" + BODY)
    first = read_documents([tmp_path])
    second = read_documents([tmp_path])
    assert first == second
    assert [d.id for d in first[0]] == ["n5", "n4", "n3", "n2", "n1", "n0"]


# --------------------------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------------------------


def test_tags_and_entities_are_removed_also_in_plain_text() -> None:
    raw = "The <u>Foreign Ministry</u> said <b>Ankara</b> &amp; Moscow agreed &quot;in principle&quot;.<br>Talks follow."
    assert clean_text(raw) == 'The Foreign Ministry said Ankara & Moscow agreed "in principle".\nTalks follow.'


def test_text_that_only_looks_like_markup_survives() -> None:
    raw = "Prices rose 3 < 5 percent, and x <y and z> held, said AT&T and R&D staff."
    assert clean_text(raw) == raw


def test_double_escaped_entities_are_decoded() -> None:
    assert clean_text("Tom &amp;amp; Jerry &amp;lt;u&amp;gt;ran&amp;lt;/u&amp;gt;") == "Tom & Jerry ran"


def test_spaces_line_endings_and_nfc() -> None:
    raw = "Nikita\u00a0Mendkovich said\u202f\u2009it\u200b is\r\nfine.\r\n\r\n\r\n\r\nCafe\u0301 owners\tagreed.\x07"
    out = clean_text(raw)
    assert out == "Nikita Mendkovich said it is\nfine.\n\nCafé owners agreed."
    assert unicodedata.is_normalized("NFC", out)


def test_clean_text_html_fragment() -> None:
    raw = "<div><p>First <i>para</i>.</p><script>bad()</script><p>Second para.</p></div>"
    assert clean_text(raw, html=True) == "First para.\n\nSecond para."


CONTENT = "The talks in Dushanbe ended on Friday without an agreement on the border."

BOILERPLATE_LINES = {
    "amounts": ["0 $", "2,500 $", "$ 5,000", "€ 25", "100 EUR"],
    "donation": ["Do you like this content? Consider helping us!", "Please consider supporting our work.",
                 "Donate now"],
    "disclaimer": ["Disclaimer: The contents of this article are of sole responsibility of the author(s). "
                   "The Centre will not be responsible for any inaccurate or incorrect statement in this article."],
    "copyright": ["Copyright © Sami Karimi, Global Research, 2017", "© 2024 Example News", "All rights reserved.",
                  "The original source of this article is Global Research"],
    "fair_use": ["www.example.org contains copyrighted material the use of which has not always been specifically "
                 "authorized by the copyright owner. We are making such material available under the provisions "
                 "of \"fair use\" in an effort to advance a better understanding."],
    "media_inquiries": ["For media inquiries: [email\u00a0protected]", "For media inquiries: press@example.org"],
    "comment_on_facebook": ["Comment on Global Research Articles on our Facebook page"],
    "become_member": ["Become a Member of Global Research"],
    "share": ["Share this", "Share this article", "Share on Facebook"],
    "follow": ["Follow us on Telegram", "Follow us"],
    "subscribe": ["Subscribe", "Subscribe to our newsletter"],
    "read_more": ["Read more", "Read more: Floods hit the valley again"],
    "tags": ["Tags: Russia, Afghanistan, ISIS",
             "Region: Middle East & North Africa, Russia and FSU Theme: Terrorism In-depth Report: AFGHANISTAN",
             "Categories: World"],
    "navigation": ["All news", "Advertisement", "Back to top"],
    "email_url_only": ["[email protected]", "editor@example.org", "https://example.org/story/1", "www.example.org"],
    "opinion_disclaimer": ["TASS may not share the opinions of its contributors",
                           "The views expressed in this article are solely those of the author."],
    "articles_by": ["Articles by: South Front"],
}


@pytest.mark.parametrize(
    "line", [pytest.param(line, id=f"{family}-{i}") for family, lines in BOILERPLATE_LINES.items() for i, line in enumerate(lines)]
)
def test_boilerplate_line_is_removed_and_content_kept(line: str) -> None:
    assert clean_text(f"{CONTENT}\n\n{line}\n\nThe next round is planned for May in Tashkent.") == (
        f"{CONTENT}\n\nThe next round is planned for May in Tashkent.")
    # also as one line inside a paragraph
    assert clean_text(f"{line}\n{CONTENT}") == CONTENT


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices fell sharply on Monday.",
        "Subscribers to the service rose by a third.",
        "Copyright law in the union is about to change, the minister said.",
        "Follow the money, the investigator told the committee.",
        "Read more books, the minister urged, because reading matters for every child in this country and beyond.",
        "Home ministers from five countries met in Vienna.",
        "The region: a place of long-standing confrontation.",
        "Tagged bags were found at the airport.",
        "Payments reached 2,500 $ per family, the agency said.",
        "The government does not share the views of the opposition on the budget, he said.",
        "Contact with the convoy was lost near the border.",
    ],
)
def test_real_sentences_resembling_boilerplate_survive(sentence: str) -> None:
    assert clean_text(f"{CONTENT}\n\n{sentence}") == f"{CONTENT}\n\n{sentence}"


def test_repeated_paragraph_counts_once() -> None:
    title = "US Plans To Use ISIS In Afghanistan In New Round Of Standoff"
    raw = f"{title}\n\n\n{title}\n\n{CONTENT}\n\nOther text follows here.\n\n{CONTENT}"
    assert clean_text(raw) == f"{title}\n\n{CONTENT}\n\nOther text follows here."


def test_repeated_long_sentence_at_paragraph_start_keeps_the_rest() -> None:
    s1 = "Central Asia is a place of long-standing geopolitical confrontation."
    s2 = "Now it turns into an active phase to destroy the peace in the region."
    summary = f"{s1} {s2} Summary ends here."
    full = f"{s1} {s2} The situation is worsening in five countries. More detail follows."
    assert clean_text(f"{summary}\n\n{full}") == (
        f"{summary}\n\nThe situation is worsening in five countries. More detail follows.")


def test_repeated_sentence_in_mid_paragraph_is_kept() -> None:
    s1 = "Central Asia is a place of long-standing geopolitical confrontation."
    raw = f"{s1} One.\n\nThe expert repeated it. {s1}"
    assert clean_text(raw) == raw


def test_short_repeats_and_dialogue_survive() -> None:
    raw = '"Yes," he said.\n\nThe reporter asked again.\n\n"Yes," he said.\n\nNo.\n\nThe talks went on.\n\nNo.'
    assert clean_text(raw) == raw


def test_paragraph_broken_mid_sentence_is_joined() -> None:
    raw = "His remarks show the bases which are primarily\n\naimed at Russia, the envoy said.\n\nNext paragraph."
    assert clean_text(raw) == "His remarks show the bases which are primarily\naimed at Russia, the envoy said.\n\nNext paragraph."


def test_all_boilerplate_cleans_to_empty() -> None:
    assert clean_text("Share this\n\n2,500 $\n\nAll news\n\n<u></u>\u00a0\n") == ""


# --------------------------------------------------------------------------------------------
# Repetition across a corpus
# --------------------------------------------------------------------------------------------


def _corpus(tmp_path: Path, n: int, extra: dict[int, str], common: str | None = None) -> list[Document]:
    for i in range(n):
        body = f"Story {i} reports that talks number {i} ended in city {i}.\n\nDetails of meeting {i} were not released."
        if common is not None and i < 3:
            body += f"\n\n{common}"
        body += extra.get(i, "")
        write(tmp_path / f"doc{i:02d}.txt", body)
    docs, problems = read_documents([tmp_path])
    assert problems == []
    return docs


def test_line_recurring_in_many_documents_is_boilerplate(tmp_path: Path) -> None:
    docs = _corpus(tmp_path, 5, {}, common="Independent journalism needs your support today")
    assert all("Independent journalism" not in d.text for d in docs)
    assert all(f"talks number {i}" in d.text for i, d in enumerate(docs))


def test_line_in_two_documents_only_stays(tmp_path: Path) -> None:
    extra = {0: "\n\nIndependent journalism needs your support today", 1: "\n\nIndependent journalism needs your support today"}
    docs = _corpus(tmp_path, 5, extra)
    assert sum("Independent journalism" in d.text for d in docs) == 2


def test_line_in_under_a_fifth_of_a_large_corpus_stays(tmp_path: Path) -> None:
    docs = _corpus(tmp_path, 20, {}, common="Independent journalism needs your support today")
    assert sum("Independent journalism" in d.text for d in docs) == 3


def test_quotes_and_short_dialogue_recurring_across_documents_stay(tmp_path: Path) -> None:
    quote = '"We will not accept any foreign troops on our soil," the president said.'
    extra = {i: f"\n\n{quote}\n\nThank you.\n\n— Why now?" for i in range(4)}
    docs = _corpus(tmp_path, 5, extra)
    assert sum(quote in d.text for d in docs) == 4
    assert sum("\n\nThank you." in d.text for d in docs) == 4
    assert sum("— Why now?" in d.text for d in docs) == 4


def test_syndicated_copies_of_one_article_keep_their_text(tmp_path: Path) -> None:
    article = "Wire Story About The Summit\n\n" + BODY + "\n\nA third paragraph of the wire story with details."
    for i in range(3):
        write(tmp_path / f"copy{i}.txt", article)
    write(tmp_path / "other.txt", "A different article about something else entirely.")
    docs, problems = read_documents([tmp_path])
    assert problems == []
    assert [d.text for d in docs[:3]] == [article] * 3


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------


def test_plain_byline(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", "Talks Resume In Geneva\n\nBy Sami Karimi\n\n" + BODY))
    assert doc.author == "Sami Karimi"
    assert doc.text == "Talks Resume In Geneva\n\n" + BODY


def test_marked_up_byline_with_outlet_date_and_tags(tmp_path: Path) -> None:
    byline = ("By <u>Sami Karimi</u> Global Research, April 26, 2017 Region: <u>Middle East & North Africa</u>, "
              "<u>Russia</u> Theme: <u>Terrorism</u> In-depth Report: <u>AFGHANISTAN</u>")
    doc = read_one(write(tmp_path / "a.txt", "\n\nThe ISIS Expansion Is Pointed at Russia\n\n" + byline + "\n\n" + BODY))
    assert (doc.author, doc.outlet, doc.date) == ("Sami Karimi", "Global Research", "2017-04-26")
    assert doc.text == "The ISIS Expansion Is Pointed at Russia\n\n" + BODY


def test_byline_with_comma_outlet(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", "By Anna Petrova, Reuters\n\n" + BODY))
    assert (doc.author, doc.outlet) == ("Anna Petrova", "Reuters")
    assert doc.text == BODY


def test_sentence_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    line = "By Friday Night, the protesters had left the square."
    doc = read_one(write(tmp_path / "a.txt", line + "\n\n" + BODY))
    assert doc.author is None
    assert doc.text == line + "\n\n" + BODY


def test_articles_by_line(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", BODY + "\n\nArticles by: South Front\n\nDisclaimer: not ours."))
    assert doc.author == "South Front"
    assert doc.text == BODY


def test_upper_case_surname_line(tmp_path: Path) -> None:
    raw = ("All news\n\nRussia helps Tajikistan resist militants\n\nALEXANDROVA Lyudmila\u00a0\n"
           "Islamic State groups make no secret of their intention\n\n" + BODY)
    doc = read_one(write(tmp_path / "a.txt", raw))
    assert doc.author == "Lyudmila Alexandrova"
    assert doc.title == "Russia helps Tajikistan resist militants"
    assert doc.text == ("Russia helps Tajikistan resist militants\n\n"
                        "Islamic State groups make no secret of their intention\n\n" + BODY)


def test_section_heading_in_capitals_is_not_an_author(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", "Title Of The Story Here\n\nBREAKING News\n\n" + BODY))
    assert doc.author is None
    assert "BREAKING News" in doc.text


def test_tass_dateline_gives_outlet_and_stays_in_text(tmp_path: Path) -> None:
    first = "MOSCOW, April 8. /TASS/. The situation in Afghanistan poses a threat to Russia's security."
    doc = read_one(write(tmp_path / "a.txt", first + "\n\n" + BODY + "\n\nTASS\u00a0may not share the opinions of its contributors"))
    assert doc.outlet == "TASS"
    assert doc.text == first + "\n\n" + BODY


def test_parenthesised_dateline(tmp_path: Path) -> None:
    first = "LONDON, June 3, 2021 (Reuters) - Britain said on Thursday it would send more ships."
    doc = read_one(write(tmp_path / "a.txt", first + "\n\n" + BODY))
    assert (doc.outlet, doc.date) == ("Reuters", "2021-06-03")
    assert doc.text.startswith(first)


def test_capitals_line_in_brackets_is_not_a_dateline(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", BODY + "\n\nTOO FAST TOO FURIOUS (DIGITAL BRIDGES)"))
    assert doc.outlet is None


def test_copyright_line_gives_outlet_and_author(tmp_path: Path) -> None:
    raw = BODY + "\n\nThe original source of this article is Global Research Copyright © <u>Sami Karimi</u>, Global Research, 2017"
    doc = read_one(write(tmp_path / "a.txt", raw))
    assert (doc.outlet, doc.author) == ("Global Research", "Sami Karimi")
    assert doc.text == BODY


def test_disclaimer_names_the_outlet(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", BODY + "\n\nTASS may not share the opinions of its contributors"))
    assert doc.outlet == "TASS"
    assert doc.text == BODY


def test_row_fields_win_over_the_text(tmp_path: Path) -> None:
    row = {"text": "By Sami Karimi, Global Research\n\nMOSCOW, April 8. /TASS/. Body text.", "author": "Field Author",
           "outlet": "Field Outlet"}
    doc = read_one(write(tmp_path / "r.jsonl", json.dumps(row)))
    assert (doc.author, doc.outlet) == ("Field Author", "Field Outlet")
    row2 = {"text": "By Sami Karimi, Global Research\n\nBody text here."}
    doc2 = read_one(write(tmp_path / "s.jsonl", json.dumps(row2)))
    assert (doc2.author, doc2.outlet, doc2.text) == ("Sami Karimi", "Global Research", "Body text here.")


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    docs, problems = read_documents([tmp_path / "nope.txt"])
    assert docs == [] and messages(problems) == [f"{(tmp_path / 'nope.txt').as_posix()}: no such file or folder"]


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    f = write(tmp_path / "e.txt", content)
    assert read_documents([f]) == ([], [Problem(f.as_posix(), "empty file")])


def test_binary_file(tmp_path: Path) -> None:
    f = write(tmp_path / "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert read_documents([f]) == ([], [Problem(f.as_posix(), "binary file, not text (contains NUL bytes)")])


def test_not_utf8(tmp_path: Path) -> None:
    f = write(tmp_path / "latin.txt", "Caf\u00e9 owners agreed.".encode("latin-1"))
    assert read_documents([f]) == ([], [Problem(f.as_posix(), "not UTF-8 text (byte 0xe9 at offset 3)")])


def test_utf16_is_not_utf8(tmp_path: Path) -> None:
    f = write(tmp_path / "wide.txt", "Body text.".encode("utf-16"))
    assert read_documents([f]) == ([], [Problem(f.as_posix(), "not UTF-8 text (UTF-16, byte order mark at offset 0)")])


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    f = write(tmp_path / "bom.txt", "\ufeffBody with a byte order mark.".encode("utf-8"))
    assert read_one(f).text == "Body with a byte order mark."


def test_empty_folder_and_folder_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "other" / "x.pdf", b"%PDF")
    docs, problems = read_documents([tmp_path / "empty", tmp_path / "other"])
    assert docs == []
    assert [p.path for p in problems] == [(tmp_path / "empty").as_posix(), (tmp_path / "other").as_posix()]
    assert all(p.message.startswith("folder has no supported files") for p in problems)


def test_named_file_with_unsupported_extension(tmp_path: Path) -> None:
    f = write(tmp_path / "report.pdf", b"%PDF")
    docs, problems = read_documents([f])
    assert docs == [] and len(problems) == 1
    assert problems[0].path == f.as_posix() and problems[0].message.startswith("unsupported file type (.pdf;")


def test_file_empty_after_cleaning(tmp_path: Path) -> None:
    f = write(tmp_path / "junk.txt", "Share this\n\n2,500 $\n\nSubscribe\n")
    assert read_documents([f]) == ([], [Problem(f.as_posix(), "no text left after removing boilerplate")])


def test_bad_jsonl_lines_are_reported_and_good_rows_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "First good row."}),
        "{bad json",
        json.dumps({"title": "no text field"}),
        json.dumps({"text": "   "}),
        "[1, 2]",
        "",
        json.dumps({"id": "ok2", "text": "Second good row."}),
        json.dumps({"text": 42}),
    ]
    f = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    docs, problems = read_documents([f])
    assert [d.id for d in docs] == ["ok1", "ok2"]
    p = f.as_posix()
    assert messages(problems) == [
        f"{p}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{p}:3: row has no 'text' field",
        f"{p}:4: empty text",
        f"{p}:5: expected a JSON object, got list",
        f"{p}:8: 'text' is not a string (int)",
    ]


def test_csv_without_text_column(tmp_path: Path) -> None:
    f = write(tmp_path / "t.csv", "id,body\n1,Some body\n")
    assert read_documents([f]) == ([], [Problem(f.as_posix(), "CSV has no 'text' column (columns: id, body)")])


def test_csv_row_with_empty_text(tmp_path: Path) -> None:
    f = write(tmp_path / "t.csv", "id,text\n1,\n2,Good body.\n")
    docs, problems = read_documents([f])
    assert [d.id for d in docs] == ["2"]
    assert messages(problems) == [f"{f.as_posix()}:2: empty text"]


def test_row_left_empty_by_cleaning(tmp_path: Path) -> None:
    f = write(tmp_path / "r.jsonl", json.dumps({"id": "x", "text": "Share this\n\nSubscribe"}))
    assert read_documents([f]) == ([], [Problem(f"{f.as_posix()}:1", "no text left after removing boilerplate")])


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["The", "minister", "said", "Moscow", "U.S.", "talks", "border", "ISIS", "2,500", "$", "Share", "this",
     "Subscribe", "Read", "more", "By", "Sami", "Karimi", "All", "news", "Region:", "Theme:", "Copyright", "©",
     "\"", "“", "”", ".", ",", "?", "!", "—", "-", "<u>", "</u>", "<b>", "</b>", "&amp;", "&quot;", "&lt;", "&gt;",
     "&#163;", "\u00a0", "\u202f", "\u200b", "\t", " ", " ", " ", "\n", "\n", "\n\n", "\r\n", "e\u0301", "Ω", "é",
     "a", "x", "it", "is", "not", "was", "and"]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=120).map("".join),
    st.lists(st.sampled_from(["Central Asia is a place of long-standing geopolitical confrontation.",
                              "Now it turns into an active phase.", "Share this", "2,500 $", "\n", "\n\n", " ",
                              "they met", "Yes.", "<!--", "-->", "<p>", "&amp;", "primarily", "aimed"]),
             max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_clean_text_is_idempotent_and_never_raises(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once
    assert "\n\n\n" not in once and once == once.strip()
    assert "\u00a0" not in once and "\r" not in once
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_clean_text_html_never_raises_and_result_is_stable(raw: str) -> None:
    once = clean_text(raw, html=True)
    assert clean_text(once) == once


_INLINE = {"<u>": "", "</u>": "", "<b>": "", "</b>": "", "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">",
           "&#163;": "£", "\u200b": ""}


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=150))
def test_every_output_line_occurs_in_the_input(pieces: list[str]) -> None:
    reference = unicodedata.normalize("NFC", "".join(_INLINE.get(p, p) for p in pieces))
    flat = " ".join(reference.split())
    for line in clean_text("".join(pieces)).split("\n"):
        assert " ".join(line.split()) in flat


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200), st.sampled_from(SUPPORTED_EXTENSIONS))
def test_read_documents_never_raises_on_arbitrary_bytes(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"x{ext}"
        f.write_bytes(data)
        docs, problems = read_documents([f])
        for doc in docs:
            assert doc.text and doc.text == doc.text.strip()
            if doc.title:
                assert doc.text.startswith(doc.title + "\n\n")
        for p in problems:
            assert "\n" not in str(p) and p.path.startswith(f.as_posix())


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6))
def test_documents_start_with_their_title(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "rows.jsonl"
        f.write_text("\n".join(json.dumps({"title": t[:40], "text": t}) for t in texts), encoding="utf-8")
        docs, _ = read_documents([f])
        for doc in docs:
            if doc.title:
                assert doc.text.startswith(doc.title + "\n\n") and "\n" not in doc.title


# --------------------------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_articles() -> None:
    docs, problems = read_documents([SEEDS])
    assert problems == [] and len(docs) == 5
    text = "\n".join(d.text for d in docs)
    for gone in ["2,500 $", "Do you like this content", "Disclaimer", "fair use", "For media inquiries",
                 "may not share the opinions", "Region:", "All news", "Articles by", "Copyright",
                 "Become a Member", "Facebook page", "protected]"]:
        assert gone not in text, gone
    for doc in docs:
        paragraphs = [p for p in doc.text.split("\n\n") if len(p.split()) >= 8]
        assert len(paragraphs) == len(set(paragraphs)), doc.id
    by_id = {d.id[:3]: d for d in docs}
    assert by_id["001"].text.count("US Plans To Use ISIS") == 1
    assert (by_id["003"].author, by_id["003"].outlet, by_id["003"].date) == ("Sami Karimi", "Global Research", "2017-04-26")
    assert (by_id["004"].author, by_id["004"].outlet) == ("Lyudmila Alexandrova", "TASS")
    assert by_id["004"].text.count("MOSCOW, April 8. /TASS/.") == 1
    assert by_id["000"].author == "South Front"
    # real sentences survive, including the rest of a paragraph opening with repeated sentences
    assert "The situation is worsening in Turkmenistan" in by_id["000"].text
    assert "Meanwhile, in Afghanistan the US peace talks with the Taliban have all but collapsed." in by_id["001"].text
    assert re.search(r"primarily\naimed to Russia", by_id["003"].text)


def test_a_lone_unpunctuated_line_is_body_not_title(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "short.txt", "Second row body without a full stop\n"))
    assert doc.title is None and doc.text == "Second row body without a full stop"


def test_row_title_is_one_line_and_cleaned(tmp_path: Path) -> None:
    row = {"title": "Talks\n resume <b>in</b>\u00a0Geneva", "text": "Delegations met again on Monday."}
    doc = read_one(write(tmp_path / "r.jsonl", json.dumps(row)))
    assert doc.title == "Talks resume in Geneva"
    assert doc.text == "Talks resume in Geneva\n\nDelegations met again on Monday."


@pytest.mark.parametrize(
    "raw",
    ["<!--" * 20000, "1 " * 50000 + "x", "<a " + "x " * 50000, "&" * 100000, ". " * 50000,
     "A long sentence of ten words goes here for this test. " * 3000, "para\n\n" * 30000,
     "<a href='" * 10000, "<div>" * 10000 + "deep text"],
    ids=["unclosed-comments", "numbers", "open-tag", "ampersands", "dots", "repeats", "broken-paragraphs",
         "open-quotes", "deep-html"],
)
def test_cleaning_stays_linear_on_pathological_input(raw: str) -> None:
    import time

    start = time.perf_counter()
    clean_text(raw)
    clean_text(raw, html=True)
    assert time.perf_counter() - start < 3.0


def test_things_that_are_not_paths_are_problems() -> None:
    docs, problems = read_documents([None])  # type: ignore[list-item]
    assert docs == [] and len(problems) == 1 and problems[0].message.startswith("not a path")


def test_seed_output_lines_all_come_from_the_input() -> None:
    docs, _ = read_documents([SEEDS])
    for doc in docs:
        raw = Path(doc.path).read_text(encoding="utf-8")  # type: ignore[arg-type]
        flat = " ".join(re.sub(r"</?u>", "", raw).replace("\u00a0", " ").split())
        for line in doc.text.split("\n"):
            assert " ".join(line.split()) in flat, (doc.id, line)


def test_html_without_its_parser_installed_is_a_problem_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "lxml", None)  # "import lxml" now raises ImportError
    f = write(tmp_path / "p.html", HTML_PAGE)
    docs, problems = read_documents([f])
    assert docs == [] and len(problems) == 1
    assert problems[0].message.startswith("cannot read HTML without beautifulsoup4 and lxml")
    assert read_one(write(tmp_path / "t.txt", "Plain text still works."))
