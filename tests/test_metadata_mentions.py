"""The byline's author and the outlet are mentions with no place in the text (no offsets, no
sentence): through a real build, they still name the person a lone surname in the text stands
for, the "we" of the text, and make nodes of their own with only their names as aliases."""
from __future__ import annotations

import json

import graph

TEXT = ("Harbour plans\n\n"
        "The council met on Monday to discuss the harbour. Brill, who has covered the port for years, "
        "asked whether the plan was funded. We reported last week that the vote was delayed.")


def test_byline_and_outlet_mentions_without_a_place_in_the_text(tmp_path):
    row = {"id": "a1", "title": "Harbour plans", "author": "Joe Brill", "outlet": "Tolbridge Herald", "text": TEXT}
    (tmp_path / "c.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    kg = graph.build([tmp_path], jobs=1, cache=False)
    author, outlet = kg.find("Joe Brill"), kg.find("Tolbridge Herald")
    assert kg.find("Brill") == author  # the lone surname is the byline's person, named before the text
    assert kg.entity("Joe Brill")["aliases"] == ["Brill", "Joe Brill"]
    assert kg.entity("Tolbridge Herald")["aliases"] == ["Tolbridge Herald"]
    said = kg.said()
    speakers = dict(zip(said["text"], said["speaker"]))
    assert speakers == {"whether the plan was funded": author, "that the vote was delayed": outlet}
