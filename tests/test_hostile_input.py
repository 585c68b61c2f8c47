"""One file never loses the corpus: a document over spaCy's million characters, lone surrogates,
file names that are not UTF-8, odd entries in a folder, a CSV quote never closed, an old or
read-only parse cache, a build whose parent process is killed, and whole builds over random
hostile text (hypothesis)."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
import graph.cache as cache_module
from graph.cache import FILENAME
from graph.cli import main
from graph.documents import read_documents
from graph.pieces import cut_points
from graph.pipeline import build

FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan"]
LAST = ["Petrov", "Okafor", "Lindqvist", "Haddad", "Moreau", "Novak", "Tanaka", "Alvarez"]


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory) -> str:
    """A small pipeline that parses a million characters in seconds: spaCy's tokenizer, names
    tagged as proper nouns, a sentencizer in the parser's place and an entity ruler for people
    in the recogniser's."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler", name="names").add([[{"TEXT": {"IN": FIRST + LAST}}]], {"POS": "PROPN"})
    nlp.add_pipe("sentencizer", name="parser")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"TEXT": {"IN": FIRST}}, {"TEXT": {"IN": LAST}}]}])
    path = tmp_path_factory.mktemp("blank") / "pipeline"
    nlp.to_disk(path)
    return str(path)


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def problem_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("entity-graph: skipped")]


# --- 1. a document over a million characters ----------------------------------------------------


def long_text(chars: int) -> str:
    """Paragraphs of two people each, every one different; the cleaned text is this text."""
    paragraphs, size, i = [], 0, 0
    while size < chars:
        a, b = f"{FIRST[i % 8]} {LAST[i // 8 % 8]}", f"{FIRST[(i + 3) % 8]} {LAST[(i // 8 + 5) % 8]}"
        p = f"On day {i} {a} wrote to {b} about the plan number {i * 7}. Nobody else came to the meeting {i}."
        paragraphs.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(paragraphs)


def test_a_document_over_a_million_characters_builds_in_pieces_with_its_offsets(tmp_path, blank_model):
    text = long_text(1_500_000)
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    kg = graph.build([tmp_path / "long.txt"], model=blank_model, cache=tmp_path / "cache")
    rows = kg.evidence("Anna Petrov", "Dmitri Novak")  # together in every 64th paragraph
    assert len(rows) == text.count("Anna Petrov wrote to Dmitri Novak")
    assert rows["start"].max() > 1_000_000  # found in a later piece, not only in the first
    for start, end, sentence in zip(rows["start"], rows["end"], rows["sentence"]):
        assert text[start:end].strip() == sentence  # offsets shifted into the whole document's
        assert sentence.startswith("On day ")
    mentions = kg.entity("Anna Petrov")["mentions"]
    assert mentions == text.count("Anna Petrov")

    again = graph.build([tmp_path / "long.txt"], model=blank_model, cache=tmp_path / "cache")
    assert again.to_data() == kg.to_data()  # every piece from the cache, the same graph


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from("ab .!?\n\t"), max_size=400), st.integers(2, 60))
def test_pieces_cover_the_text_and_are_cut_only_at_white_space(text, limit):
    pieces = cut_points(text, limit)
    assert pieces[0][0] == 0
    assert not text[pieces[-1][1]:].strip()  # at most a separator after the last piece
    for (start, end), (next_start, _) in zip(pieces, pieces[1:]):
        assert 0 < end - start <= limit
        assert not text[end:next_start].strip()  # only white space falls between two pieces
    assert pieces[-1][1] - pieces[-1][0] <= limit


def test_a_document_over_max_chars_is_skipped_with_one_line(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_text("Words and more words. " * 90, encoding="utf-8")
    (corpus / "rows.jsonl").write_text(
        json.dumps({"id": "big", "text": "Yet more words here. " * 200}) + "\n"
        + json.dumps({"id": "small", "text": "Sergey Lavrov visited Dushanbe on Monday."}) + "\n",
        encoding="utf-8",
    )
    code, _, err = run(["build", str(corpus), "--out", str(tmp_path / "out"), "--max-chars", "1000", "--quiet"], capsys)
    assert code == 0, err
    lines = problem_lines(err)
    assert len(lines) == 2 and "Traceback" not in err
    assert "huge.txt: too long (1,980 characters; the limit is 1,000 characters" in lines[0]
    assert "rows.jsonl:1: too long" in lines[1]
    data = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["graph"]["documents"]] == ["small"]


def test_max_chars_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        main(["build", "x", "--max-chars", "lots"])
    assert "not a number of characters" in capsys.readouterr().err


# --- 2 and 3. lone surrogates, file names that are not UTF-8 --------------------------------------


def test_lone_surrogates_in_jsonl_fields_are_replaced_when_read(tmp_path, capsys):
    # json.dumps writes the lone surrogate as the escape \ud800, as a hostile file would
    row = {"id": "a\ud800b", "author": "Jane \ud800 Doe", "title": "T\udfff",
           "text": "Sergey Lavrov visited Dushanbe\ud800 on Monday. Lavrov met Emomali Rahmon."}
    (tmp_path / "rows.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(["build", str(tmp_path / "rows.jsonl"), "--out", str(out), "--quiet"], capsys)
    assert code == 0, err
    raw = (out / "graph.json").read_bytes()
    data = json.loads(raw.decode("utf-8"))  # strict UTF-8: no surrogate made it through
    (document,) = data["graph"]["documents"]
    assert document["id"] == "a\ufffdb" and document["author"] == "Jane \ufffd Doe"
    assert {n["label"] for n in data["nodes"]} >= {"Sergei Lavrov", "Dushanbe"}
    assert (out / "graph.graphml").read_bytes().decode("utf-8")
    assert "\ufffd" in (out / "graph.html").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes as a name")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9-news.txt"), "wb") as f:
        f.write(b"Sergey Lavrov visited Dushanbe on Monday.\n")
    code, _, err = run(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet"], capsys)
    assert code == 0, err
    data = json.loads((tmp_path / "out" / "graph.json").read_bytes().decode("utf-8"))
    (document,) = data["graph"]["documents"]
    assert document["id"] == "caf\\xe9-news" and document["path"].endswith("/caf\\xe9-news.txt")


# --- 6. killing the parent of a --jobs 2 build ---------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree from /proc")
def test_workers_exit_when_the_parent_of_the_build_is_killed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"{i}.txt").write_text(long_text(20_000).replace("On day", f"In week {i} on day"), encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(corpus), "--jobs", "2", "--no-cache", "--quiet", "--out", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.2)
            workers = _children(parent.pid)
        assert len(workers) == 2, "the build did not start two workers"
        time.sleep(1.0)  # let them start working
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 20
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "workers outlived the build's process"
    finally:
        if parent.poll() is None:
            parent.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)


# --- 8. one line per problem, folder walks, CSV quotes, the cache --------------------------------


def test_every_problem_is_one_line_whatever_the_name_or_header(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "two\nlines.txt").write_text("", encoding="utf-8")
    (corpus / "header.csv").write_text('"body\nx",id\nhello,1\n', encoding="utf-8")
    (corpus / "good.txt").write_text("Sergey Lavrov visited Dushanbe on Monday.", encoding="utf-8")
    code, _, err = run(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet"], capsys)
    assert code == 0
    assert sorted(err.splitlines()) == sorted([
        f"entity-graph: skipped {corpus}/header.csv: CSV has no 'text' column (columns: body\\nx, id)",
        f"entity-graph: skipped {corpus}/two\\nlines.txt: empty file",
    ])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symbolic links and FIFOs")
def test_a_folder_walk_reports_what_it_cannot_read(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "inside.txt").write_text("Sergey Lavrov visited Dushanbe.", encoding="utf-8")
    (corpus / "good.txt").write_text("Sergey Lavrov visited Dushanbe on Monday.", encoding="utf-8")
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "loop-a").symlink_to(corpus / "loop-b")
    (corpus / "loop-b").symlink_to(corpus / "loop-a")
    (corpus / "back-up").symlink_to(corpus)  # a folder that holds itself
    os.mkfifo(corpus / "pipe.txt")  # reading it would wait forever
    (corpus / "notes.odt").write_bytes(b"not ours")  # another kind of file: skipped silently

    scandir = os.scandir

    def unreadable_locked(path="."):  # root reads any folder: make one unreadable all the same
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", unreadable_locked)
    documents, problems = read_documents([corpus])
    assert [d.id for d in documents] == ["good"]
    assert [str(p).replace(f"{corpus}/", "") for p in problems] == [
        "back-up: symbolic link to a folder, not followed",
        "dangling.txt: dangling symbolic link (its target does not exist)",
        "locked: cannot read folder (Permission denied)",
        "loop-a: symbolic link loop",
        "loop-b: symbolic link loop",
        "pipe.txt: not a regular file (a FIFO, socket or device)",
    ]


def test_an_unterminated_csv_quote_does_not_swallow_the_rest_of_the_file(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        'id,text\n1,Sergey Lavrov visited Dushanbe.\n2,"Emomali Rahmon met Lavrov.\n3,Wang Yi went to Kabul.\n4,More text.\n',
        encoding="utf-8",
    )
    documents, problems = read_documents([path])
    assert [d.id for d in documents] == ["1"]
    assert [str(p) for p in problems] == [f"{path}:3: unterminated quote: lines 3-5 would be one row"]
    # quotation marks inside a field that is closed are no problem
    path.write_text('id,text\n1,"He said ""no"" twice.\nThen left."\n2,Plain.\n', encoding="utf-8")
    documents, problems = read_documents([path])
    assert [d.id for d in documents] == ["1", "2"] and not problems


ARTICLES = {"a.txt": "Sergey Lavrov visited Dushanbe on Monday.", "b.txt": "Wang Yi met Lavrov in Beijing."}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_cache_of_an_older_layout_is_made_again(tmp_path):
    corpus = write_articles(tmp_path / "corpus")
    cache = tmp_path / "cache"
    cache.mkdir()
    with sqlite3.connect(cache / FILENAME) as db:
        db.execute("CREATE TABLE parses (key TEXT PRIMARY KEY, value BLOB)")
    first = build([corpus], cache=cache)
    assert (first.cache.errors, first.cache.misses) == (0, 2)
    second = build([corpus], cache=cache)
    assert (second.cache.errors, second.cache.hits, second.cache.misses) == (0, 2, 0)


def test_a_cache_that_cannot_be_written_is_still_read(tmp_path, monkeypatch):
    corpus = write_articles(tmp_path / "corpus")
    cache = tmp_path / "cache"
    full = build([corpus], cache=cache)
    assert full.cache.misses == 2
    (corpus / "c.txt").write_text("Emomali Rahmon spoke in Dushanbe.", encoding="utf-8")

    connect = sqlite3.connect

    def read_only_folder(database, *args, uri=False, **kwargs):  # root writes anywhere: refuse writing here
        if not (uri and "mode=ro" in str(database)):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return connect(database, *args, uri=uri, **kwargs)

    monkeypatch.setattr(cache_module.sqlite3, "connect", read_only_folder)
    result = build([corpus], cache=cache)
    assert (result.cache.hits, result.cache.misses, result.cache.errors) == (2, 1, 0)
    assert str(result.cache).endswith(", read-only)")
    monkeypatch.undo()
    assert build([corpus], cache=cache).cache.misses == 1  # the new parse was not stored


# --- whole builds over hostile text ------------------------------------------------------------

HOSTILE = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=["Cs"]), max_size=8),  # any character (a file holds no surrogate)
        st.sampled_from(list("\"'“”„«»‘’「」\n\t\r\x00\x0b\x1b\u200b\u200e\u200f\u202a\u202e\u2066\u2069\ufeff")),
        st.sampled_from(["Sergey Lavrov", " said ", "Dushanbe", "Russia", "the CSTO", ". ", "\n\n", "Mr ", "(CSTO)"]),
        st.sampled_from(["x" * 5_000, "Lavrov" * 800, "الرئيس " * 50, "ﷺ" * 300]),  # very long tokens, RTL runs
    ),
    min_size=1,
    max_size=40,
).map("".join)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(HOSTILE, min_size=1, max_size=3))
def test_builds_of_hostile_text_never_crash_and_rebuild_to_the_same_bytes(tmp_path_factory, texts):
    base = tmp_path_factory.mktemp("fuzz")
    corpus = base / "corpus"
    corpus.mkdir()
    for i, text in enumerate(texts):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    (corpus / "rows.jsonl").write_text(json.dumps({"id": texts[0][:40], "author": texts[-1][:40], "text": texts[-1]}) + "\n",
                                       encoding="utf-8")
    outputs = []
    for out in ("a", "b"):
        code = main(["build", str(corpus), "--out", str(base / out), "--quiet", "--cache-dir", str(base / "cache")])
        assert code in (0, 1)  # 1: nothing usable was read, said in one line
        outputs.append({p.name: p.read_bytes() for p in sorted((base / out).glob("*"))} if code == 0 else None)
    assert outputs[0] == outputs[1]
