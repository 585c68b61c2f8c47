"""The user's corrections (``--corrections FILE``): each kind applied through the command line, the
ones that match nothing reported in one line, bad files refused in one line, and the API."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.cli import main
from graph.corrections import CorrectionsError, apply_corrections, load_corrections, parse_corrections
from graph.gazetteer import slug
from graph.records import ENTITY_TYPES, AliasReason, DocumentAnalysis, Entity, LinkRule, Mention, NameType, Resolution

ENVOY = (
    "Envoy warns of failed talks\n\n"
    "Viktor Danilenko, the Russian envoy, said on Monday that the talks in Tbilisi had failed. "
    "\"We will not accept these terms,\" Danilenko told reporters.\n\n"
    "The Collective Security Treaty Organization (CSTO) held exercises near the border. "
    "Yukos Holdings said the exercises worried investors. Anatoly Voronin met Irakli Beridze in Tbilisi.\n\n"
    "\"The border is safe,\" Beridze said after the meeting.\n"
)
MARKET = (
    "Markets fall on border fears\n\n"
    "Analysts at Brightwater Capital said the market fell by three percent. "
    "\"Nobody wants to invest near a war,\" said Anna Petrova, an economist at Brightwater Capital.\n\n"
    "Petrova added that the CSTO exercises had frightened traders. Her newsletter, signed Anya Grey, warned of falling prices.\n"
)

CORRECTIONS = [
    {"action": "merge", "entities": ["Anna Petrova", "Anya Grey"]},  # a pen name no resolver could know
    {"action": "retype", "entity": "brightwater capital", "type": "organization"},
    {"action": "rename", "entity": "Yukos Holdings", "label": "Yukos"},
    {"action": "split", "alias": "Danilenko", "from": "Viktor Danilenko", "to": "Oleg Danilenko", "note": "his brother"},
    {"action": "not_entity", "name": "Tbilisi"},
    {"action": "speaker", "doc": "market", "text": "the market fell", "speaker": "Brightwater Capital"},
    {"action": "speaker", "doc": "envoy", "text": "The border is SAFE", "speaker": None},
    # matching nothing: reported, never an error
    {"action": "merge", "entities": ["Viktor Danilenko", "Nobody Known"]},
    {"action": "retype", "entity": "Atlantis", "type": "place"},
    {"action": "speaker", "doc": "envoy", "text": "words nobody said", "speaker": "Viktor Danilenko"},
    {"action": "speaker", "doc": "envoy", "text": "the exercises worried", "speaker": "Anna Petrova"},
]


def write_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "envoy.txt").write_text(ENVOY, encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    base = tmp_path_factory.mktemp("corrections")
    corpus = write_corpus(base / "corpus")
    assert main(["build", str(corpus), "--out", str(base / "before"), "--quiet"]) == 0
    fixes = base / "corrections.json"
    fixes.write_text(json.dumps({"corrections": CORRECTIONS}), encoding="utf-8")
    return base, corpus, fixes


def read(out) -> dict:
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def nodes_by_label(data: dict) -> dict[str, dict]:
    return {n["label"]: n for n in data["nodes"]}


def statement(data: dict, doc: str, start: str) -> dict:
    return next(s for s in data["graph"]["statements"] if s["doc"] == doc and s["text"].startswith(start))


def test_the_uncorrected_build_has_what_the_file_changes(corrected):
    base, _, _ = corrected
    before = nodes_by_label(read(base / "before"))
    assert {"Anna Petrova", "Anya Grey", "Tbilisi", "Yukos Holdings"} <= set(before)
    assert "Danilenko" in before["Viktor Danilenko"]["aliases"]


def test_every_kind_of_correction_applies_through_the_cli(corrected, capsys):
    base, corpus, fixes = corrected
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(base / "after"), "--corrections", str(fixes)]) == 0
    out, err = capsys.readouterr()
    data = read(base / "after")
    nodes = nodes_by_label(data)
    ids = {n["id"]: n for n in data["nodes"]}

    before = nodes_by_label(read(base / "before"))
    # merge: one Anna Petrova, with the pen name as an alias the user gave
    assert "Anya Grey" not in nodes
    petrova = nodes["Anna Petrova"]
    assert set(petrova["aliases"]) == set(before["Anna Petrova"]["aliases"]) | {"Anya Grey"}
    assert petrova["mentions"] == before["Anna Petrova"]["mentions"] + before["Anya Grey"]["mentions"]
    assert petrova["alias_reasons"]["Anya Grey"] == {"rule": "correction", "doc": None}
    assert petrova["alias_reasons"]["Anna Petrova"] == before["Anna Petrova"]["alias_reasons"]["Anna Petrova"]
    # retype and rename
    assert nodes["Brightwater Capital"]["type"] == "organization"
    assert "Yukos Holdings" not in nodes and nodes["Yukos"]["aliases"] == ["Yukos Holdings"]
    # split, into a new entity of the source's type
    assert nodes["Viktor Danilenko"]["aliases"] == ["Viktor Danilenko"] and nodes["Viktor Danilenko"]["mentions"] == 1
    assert nodes["Oleg Danilenko"]["aliases"] == ["Danilenko"] and nodes["Oleg Danilenko"]["type"] == "person"
    # not an entity: gone, with every edge it had
    tbilisi = nodes_by_label(read(base / "before"))["Tbilisi"]["id"]
    assert "Tbilisi" not in nodes and tbilisi not in ids
    assert all(tbilisi not in (e["source"], e["target"]) for e in data["edges"])
    # speakers: the new one gets the attribution and the statement count; none is none
    said = statement(data, "market", "the market fell")
    assert ids[said["speaker"]]["label"] == "Brightwater Capital"
    assert nodes["Brightwater Capital"]["statements"] == 1
    assert statement(data, "envoy", "The border is safe")["speaker"] is None
    assert nodes["Irakli Beridze"]["statements"] == 0
    # the rest of the graph is untouched
    assert len(data["graph"]["statements"]) == len(read(base / "before")["graph"]["statements"])
    assert nodes["Collective Security Treaty Organization"] == before["Collective Security Treaty Organization"]

    unmatched = [line for line in err.splitlines() if "matches nothing" in line]
    assert len(unmatched) == 4, err
    assert all(line.startswith(f"entity-graph: {fixes}: correction ") for line in unmatched)
    assert "correction 8 (merge 'Viktor Danilenko', 'Nobody Known') matches nothing: no entity named 'Nobody Known'" in err
    assert "correction 9 (retype 'Atlantis' to place) matches nothing: no entity named 'Atlantis'" in err
    assert "0 statements of 'envoy' begin 'words nobody said'" in err
    assert "'Anna Petrova' is not named in 'envoy'" in err
    assert "corrections 7 of 11 applied" in out
    # the same input and corrections give the same bytes
    assert main(["build", str(corpus), "--out", str(base / "again"), "--corrections", str(fixes), "--quiet"]) == 0
    assert (base / "again" / "graph.json").read_bytes() == (base / "after" / "graph.json").read_bytes()


def test_corrections_apply_in_order_and_later_ones_use_new_names(corrected, tmp_path):
    _, corpus, _ = corrected
    kg = graph.build(corpus, corrections=[
        {"action": "rename", "entity": "Brightwater Capital", "label": "Brightwater"},
        {"action": "retype", "entity": "Brightwater", "type": "organization"},
        {"action": "split", "alias": "Danilenko"},  # from the entity named so, into an entity of its own name
        {"action": "merge", "entities": ["Danilenko", "Viktor Danilenko"]},  # and back: the first keeps its label
    ])
    assert kg.corrections.applied == 4 and not kg.corrections.unmatched
    assert kg.entity("Brightwater")["type"] == "organization"
    kabulov = kg.entity("Viktor Danilenko")
    assert kabulov["label"] == "Danilenko" and kabulov["aliases"] == ["Danilenko", "Viktor Danilenko"]


def test_a_name_that_is_only_an_alias_loses_just_its_mentions(corrected):
    _, corpus, _ = corrected
    kg = graph.build(corpus, corrections=[{"action": "not_entity", "name": "CSTO"}])
    csto = kg.entity("Collective Security Treaty Organization")
    assert csto["aliases"] == ["Collective Security Treaty Organization"] and csto["mentions"] == 1


def test_yaml_corrections(corrected, tmp_path, capsys):
    _, corpus, _ = corrected
    fixes = tmp_path / "fixes.yaml"
    fixes.write_text(
        "# reviewed 2024-05-01\n"
        "- action: retype\n  entity: Brightwater Capital\n  type: organization\n"
        "- action: speaker\n  doc: market\n  text: the market fell by\n  speaker: null\n",
        encoding="utf-8",
    )
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--corrections", str(fixes)]) == 0
    assert "corrections 2 of 2 applied" in capsys.readouterr().out
    assert nodes_by_label(read(tmp_path / "out"))["Brightwater Capital"]["type"] == "organization"


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not valid JSON"),
    ('{"corrections": 3}', "expected a list of corrections"),
    ('[{"action": "merge", "entities": ["A"]}]', "correction 1: merge needs entities: a list of two or more names"),
    ('[{"action": "retype", "entity": "A", "type": "planet"}]', "correction 1: type 'planet' is not one of person"),
    ('[{"action": "rename", "entity": "A"}]', "correction 1: rename needs label"),
    ('[{"action": "explode", "entity": "A"}]', "correction 1: unknown action 'explode'"),
    ('[{"action": "not_entity", "name": "A", "why": "x"}]', "correction 1: unknown field(s) why for not_entity"),
    ('[{"action": "speaker", "doc": "d", "text": "...", "speaker": null}]', "correction 1: text must hold the first words"),
])
def test_a_bad_corrections_file_stops_the_build_in_one_line(corrected, tmp_path, capsys, content, problem):
    _, corpus, _ = corrected
    fixes = tmp_path / "fixes.json"
    fixes.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--corrections", str(fixes)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"entity-graph: error: {fixes}: ") and problem in err and "\n" not in err
    assert not out.exists()  # refused before anything was built or written
    with pytest.raises(CorrectionsError):
        load_corrections(fixes)


def test_a_missing_corrections_file_is_one_line(corrected, tmp_path, capsys):
    _, corpus, _ = corrected
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--corrections", str(tmp_path / "none.json")]) == 2
    assert "none.json: cannot read" in capsys.readouterr().err


def test_docstring_examples_that_run():
    import doctest

    import graph.corrections

    result = doctest.testmod(graph.corrections)
    assert result.failed == 0 and result.attempted >= 3


# --- any sequence of corrections leaves a consistent corpus (plain records, no parsing) ----------

NAMES = ["Anna Petrova", "Petrova", "Brightwater", "Tbilisi", "Yukos", "NGC"]
correction_items = st.one_of(
    st.builds(lambda a, b: {"action": "merge", "entities": [a, b]}, st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.builds(lambda a, b, to: {"action": "split", "alias": a, "from": b, **({"to": to} if to else {})},
              st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from([None, *NAMES, "Someone New"])),
    st.builds(lambda a, t: {"action": "retype", "entity": a, "type": t}, st.sampled_from(NAMES), st.sampled_from(ENTITY_TYPES)),
    st.builds(lambda a, b: {"action": "rename", "entity": a, "label": b}, st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.builds(lambda a: {"action": "not_entity", "name": a}, st.sampled_from(NAMES)),
)


def small_corpus(names_per_doc: list[list[str]]):
    """Documents whose mentions are the given names, resolved one entity per name."""
    analyses, assignments, members = [], {}, defaultdict(list)
    for n, names in enumerate(names_per_doc):
        doc = f"d{n}"
        mentions = [Mention(doc, 10 * i, 10 * i + len(name), name, name, NameType.PERSON, 0) for i, name in enumerate(names)]
        analyses.append(DocumentAnalysis(doc, mentions=mentions))
        assignments[doc] = [slug(name) for name in names]
        for m in mentions:
            members[slug(m.name)].append(m)
    entities = [Entity(slug(name), name, "person", aliases=[name], mentions=len(ms), documents=sorted({m.doc for m in ms}),
                       alias_reasons={name: AliasReason(LinkRule.NAME, ms[0].doc)})
                for name, ms in ((ms[0].name, ms) for ms in members.values())]
    return analyses, Resolution(sorted(entities, key=lambda e: e.id), assignments)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5), min_size=1, max_size=4),
       st.lists(correction_items, max_size=8))
def test_any_corrections_leave_counts_aliases_and_assignments_consistent(names_per_doc, items):
    analyses, resolution = small_corpus(names_per_doc)
    before = json.dumps([e.__dict__ for e in resolution.entities], default=str)
    fixes = parse_corrections(items)
    new_analyses, fixed, report = apply_corrections(fixes, analyses, resolution)
    assert report.total == len(items) == report.applied + len(report.unmatched)
    assert json.dumps([e.__dict__ for e in resolution.entities], default=str) == before  # the input is untouched
    entities = {e.id: e for e in fixed.entities}
    assert len(entities) == len(fixed.entities)
    assigned = defaultdict(list)
    for a in new_analyses:
        assert len(fixed.assignments[a.doc]) == len(a.mentions)
        for m, entity in zip(a.mentions, fixed.assignments[a.doc]):
            if entity is not None:
                assert entity in entities
                assigned[entity].append(m)
    for entity in entities.values():
        mentions = assigned[entity.id]
        assert entity.mentions == len(mentions) > 0
        assert entity.documents == sorted({m.doc for m in mentions})
        assert entity.aliases == sorted({m.name for m in mentions})
        assert sorted(entity.alias_reasons) == entity.aliases
        assert entity.type in ENTITY_TYPES
