"""Checks on the curated knowledge files in ``graph/data/``: they parse, their fields are
well-formed, and no two entries claim the same name unless one of them calls it weak."""
from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from graph.curated import DATA_FILES, data_dir, load_curated
from graph.gazetteer import fold, load_gazetteer
from graph.pipeline import build
from graph.records import ENTITY_TYPES, NON_ACTOR_TYPES

CURATED = load_curated()

TYPES = {"person", "group", "organization", "country", "alliance", "place"}
REQUIRED = {"id": str, "label": str, "type": str, "aliases": list, "weak_aliases": list}
QID = re.compile(r"^Q[1-9][0-9]*$")
ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
STR_LISTS = ("aliases", "weak_aliases", "demonyms", "weak_demonyms", "capital_aliases")


def _lines(name: str) -> list[tuple[int, str]]:
    """The lines of a data file, as the build reads them (no blank lines, no ``#`` comments)."""
    return list(CURATED.lines(name))


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    items = []
    for number, line in _lines("entities.jsonl"):
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - the assertion message is the point
            pytest.fail(f"entities.jsonl:{number}: not valid JSON ({exc.msg})")
        assert isinstance(item, dict), f"entities.jsonl:{number}: not a JSON object"
        item["_line"] = number
        items.append(item)
    return items


def test_types_match_the_records_module():
    from graph.records import ENTITY_TYPES

    assert set(ENTITY_TYPES) == TYPES


def test_required_fields_and_kinds(entries):
    for e in entries:
        where = f"entities.jsonl:{e['_line']}"
        for key, kind in REQUIRED.items():
            assert isinstance(e.get(key), kind), f"{where}: {key!r} missing or not a {kind.__name__}"
        assert "wikidata" in e, f"{where}: 'wikidata' missing (use null when unknown)"
        assert ID.match(e["id"]), f"{where}: id {e['id']!r} is not a lower-case slug"
        assert e["label"].strip() == e["label"] and e["label"], f"{where}: empty or padded label"
        assert e["type"] in TYPES, f"{where}: type {e['type']!r} not in {sorted(TYPES)}"
        for key in STR_LISTS:
            values = e.get(key, [])
            assert isinstance(values, list), f"{where}: {key!r} is not a list"
            for v in values:
                assert isinstance(v, str) and v.strip() == v and v, f"{where}: bad {key} value {v!r}"
        if e["type"] == "person":
            assert e.get("gender") in ("m", "f"), f"{where}: a person needs gender 'm' or 'f'"
        else:
            assert "gender" not in e, f"{where}: only persons have a gender"


def test_ids_unique(entries):
    seen: dict[str, int] = {}
    for e in entries:
        assert e["id"] not in seen, f"id {e['id']!r} on lines {seen[e['id']]} and {e['_line']}"
        seen[e["id"]] = e["_line"]


def test_wikidata_ids_well_formed_and_unique(entries):
    owner: dict[str, str] = {}
    for e in entries:
        for key in ("wikidata", "capital_wikidata"):
            qid = e.get(key)
            if qid is None:
                continue
            assert isinstance(qid, str) and QID.match(qid), f"{e['id']}: {key} {qid!r} is not a QID"
        qid = e["wikidata"]
        if qid is not None:
            assert qid not in owner, f"{qid} is on both {owner[qid]!r} and {e['id']!r}"
            owner[qid] = e["id"]


def test_sorted_by_type_then_label(entries):
    keys = [(e["type"], e["label"].casefold()) for e in entries]
    assert keys == sorted(keys), "entities.jsonl must stay sorted by type, then label"


def test_country_references_exist(entries):
    ids = {e["id"]: e for e in entries}
    for e in entries:
        if "country" in e:
            assert e["country"] in ids, f"{e['id']}: country {e['country']!r} is not an entry"
            assert ids[e["country"]]["type"] == "country", f"{e['id']}: {e['country']!r} is not a country"


def test_no_name_claimed_by_two_entries(entries):
    """A label or alias may be shared only if at least one of its owners lists it as weak."""
    claims: dict[str, dict[str, bool]] = defaultdict(dict)  # folded name -> entry id -> strong?
    for e in entries:
        for name in [e["label"], *e["aliases"]]:
            claims[fold(name)][e["id"]] = claims[fold(name)].get(e["id"], False) or name not in e["weak_aliases"]
        for name in e["weak_aliases"]:
            claims[fold(name)].setdefault(e["id"], False)
    clashes = {name: owners for name, owners in claims.items() if sum(owners.values()) > 1}
    assert not clashes, f"names held strongly by more than one entry: {clashes}"


def test_weak_aliases_are_not_also_strong(entries):
    for e in entries:
        both = {fold(a) for a in e["aliases"]} & {fold(w) for w in e["weak_aliases"]}
        assert not both, f"{e['id']}: {sorted(both)} both strong and weak"


def test_countries_have_demonyms_and_capital(entries):
    countries = [e for e in entries if e["type"] == "country"]
    assert len(countries) >= 195
    for e in countries:
        assert e.get("demonyms") or e.get("weak_demonyms"), f"{e['id']}: no demonyms"
        assert isinstance(e.get("capital"), str) and e["capital"], f"{e['id']}: no capital"
        assert "capital_wikidata" in e, f"{e['id']}: capital_wikidata missing (null when unknown)"


def test_current_countries_do_not_share_demonyms_or_capitals(entries):
    """Historical states (USSR, Yugoslavia...) reuse a capital; they must come after the current
    state in the file so the gazetteer's first surface for "Moscow" is Russia."""
    position = {e["id"]: i for i, e in enumerate(entries)}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for e in entries:
        if e["type"] != "country":
            continue
        if e.get("historical"):
            continue
        for d in e["demonyms"]:
            assert demonyms.get(fold(d), e["id"]) == e["id"], f"demonym {d!r} on {demonyms[fold(d)]!r} and {e['id']!r}"
            demonyms[fold(d)] = e["id"]
        cap = fold(e["capital"])
        assert cap not in capitals, f"capital {e['capital']!r} on {capitals.get(cap)!r} and {e['id']!r}"
        capitals[cap] = e["id"]
    for e in entries:
        if e["type"] == "country" and e.get("historical"):
            current = capitals.get(fold(e["capital"]))
            if current:
                assert position[current] < position[e["id"]], f"{e['id']} must come after {current}"


def test_key_countries_and_bodies_are_covered(entries):
    by_id = {e["id"]: e for e in entries}
    us = by_id["united_states"]
    for alias in ("US", "U.S.", "USA", "United States of America", "America"):
        assert alias in us["aliases"]
    assert {"UK", "Britain", "Great Britain"} <= set(by_id["united_kingdom"]["aliases"])
    for needed in ("soviet_union", "kosovo", "taiwan", "palestine", "western_sahara", "nato", "csto",
                   "sco", "cis", "un", "eu", "isis", "al_qaeda", "taliban", "fsb", "cia", "tass", "reuters"):
        assert needed in by_id, needed
    counts = defaultdict(int)
    for e in entries:
        counts[e["type"]] += 1
    assert counts["alliance"] >= 50 and counts["group"] >= 70 and counts["person"] >= 40
    assert counts["organization"] >= 250


def test_titles_file():
    rows = _lines("titles.tsv")
    assert len(rows) >= 100
    seen = set()
    for number, line in rows:
        parts = line.split("\t")
        assert len(parts) in (2, 3), f"titles.tsv:{number}: needs two or three tab-separated columns"
        title, gender, role = (*parts, "")[:3]
        if role:  # the role an abbreviated title stands for ("Sen." a senator)
            assert title.endswith(".") and role.isalpha() and role.islower(), f"titles.tsv:{number}: role {role!r} of {title!r}"
        assert title and title == title.strip(), f"titles.tsv:{number}: empty or padded title"
        assert gender in ("m", "f", ""), f"titles.tsv:{number}: gender {gender!r} is not m, f or empty"
        assert title.lower() not in seen, f"titles.tsv:{number}: {title!r} listed twice"
        seen.add(title.lower())
    for needed in ("President", "Prime Minister", "Foreign Minister", "Gen.", "Mr.", "Mrs.", "Sheikh"):
        assert needed.lower() in seen, needed
    roles = {title: role for _, line in rows for title, _, role in [(*line.split("\t"), "")[:3]] if role}
    assert roles["Sen."] == "senator" and roles["Gov."] == "governor"


def test_packaged_loader_reads_the_files():
    """The gazetteer the pipeline uses accepts every line (type check, JSON, titles)."""
    gaz = load_gazetteer()
    assert gaz.entries["russia"].label == "Russia"
    assert gaz.titles.get("mrs.") == "f"
    assert gaz.surfaces["Moscow"][0].entry == "russia"


def test_name_knowledge_files():
    """The files that type and join unknown names parse, and say what their headers promise."""
    names = load_gazetteer().names
    assert {"william", "ann", "jim"} <= names.given_names
    assert names.same_given_name("bill", "william") and not names.same_given_name("bill", "hillary")
    assert "van" in names.particles and "al-" in names.particles
    assert names.particles == tuple(sorted(names.particles, key=lambda p: (-len(p), p)))
    allowed = set(ENTITY_TYPES) | set(NON_ACTOR_TYPES)
    assert set(names.type_nouns.values()) <= allowed and names.type_nouns["film"] == "work"
    assert {type_ for _, type_ in names.shapes} <= allowed
    assert names.shape_type("Acme Widgets Inc") == "organization"
    assert names.shape_type("Ann Lee") is None
    for path in ("given_names.tsv", "name_particles.txt", "name_suffixes.txt", "nicknames.tsv", "type_nouns.tsv"):
        lines = [line for line in (line for _, line in CURATED.lines(path))]
        assert len(lines) == len(set(lines)), f"{path}: a line is listed twice"


def test_pronoun_file():
    """Every pronoun says its person, number, gender and form, in the values its header lists."""
    rows = list(CURATED.rows("pronouns.tsv"))
    assert len({row[0] for row in rows}) == len(rows), "a pronoun is listed twice"
    for row in rows:
        assert len(row) == 5 and row[1] in ("1", "2", "3") and row[2] in ("sg", "pl", "-"), row
        assert row[3] in ("m", "f", "n", "-") and row[4] in ("subject", "object", "possessive", "reflexive"), row
    assert {row[0] for row in rows if row[3] == "f"} == {"she", "her", "hers", "herself"}


def test_speaker_word_file():
    """Every line has a class its header lists; honorifics, and only they, say a gender."""
    for row in CURATED.rows("speaker_words.tsv"):
        assert row[1] in ("outlet", "audience", "spokesperson", "anonymous", "honorific", "addressing", "issued", "joint"), row
        assert (row[2:3] in (["m"], ["f"])) == (row[1] == "honorific"), row


def test_one_fingerprint_covers_every_data_file(tmp_path):
    """Any file the build reads changes the fingerprint that decides whether a process's loaded
    matchers and lexicons are still good; the README describes every one of them."""
    readme = (data_dir() / "README.md").read_text(encoding="utf-8")
    for name in DATA_FILES:
        folder = tmp_path / name
        folder.mkdir()
        for other in DATA_FILES:
            (folder / other).write_bytes((data_dir() / other).read_bytes() + (b"\n# changed\n" if other == name else b""))
        assert load_curated(folder=folder).fingerprint != CURATED.fingerprint, name
        assert f"`{name}`" in readme, f"graph/data/README.md does not describe {name}"
    assert sorted(p.name for p in data_dir().iterdir() if p.name != "README.md") == sorted(DATA_FILES)


PLACE_CUE_SCRIPT = """
import pathlib, sys
import graph.curated
graph.curated.data_dir = lambda: pathlib.Path(sys.argv[1])  # as if the user had edited graph/data/
from graph.pipeline import build
G = build([sys.argv[2]], cache=False).graph
print(next(attrs["type"] for _, attrs in G.nodes(data=True) if attrs["label"] == "Dravenna"))
"""


def test_a_word_added_to_a_word_list_file_takes_effect(tmp_path):
    """The closed word lists the rules read (place cues, name connectors, interview words) are
    data files: a word a user adds there is used by the next build. Here "beyond" as a
    preposition of place makes an unknown name after it a place (the model takes it for a person)."""
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    for name in DATA_FILES:
        (data / name).write_bytes((data_dir() / name).read_bytes())
    with (data / "place_cues.tsv").open("a", encoding="utf-8") as f:
        f.write("beyond\tlocative\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(
        "The ferry sailed beyond Dravenna on Tuesday, the port said. Fishermen beyond Dravenna were warned. "
        "Kelvar Tosh said the sea was calm.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PLACE_CUE_SCRIPT, str(data), str(corpus)], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "place"
    G = build([corpus], cache=False).graph  # the packaged lists: no cue says it is a place
    assert next(attrs["type"] for _, attrs in G.nodes(data=True) if attrs["label"] == "Dravenna") != "place"
