"""Our statements against textacy's quote extractor, scored by the same scorer.

Builds the graph of a folder of articles (default: the seeds), then runs textacy's
``direct_quotations`` over the same articles, paragraph by paragraph (it raises on a paragraph
with an odd number of quotation marks; that paragraph is skipped and counted), maps each textacy
speaker to a node of our graph by alias (whole phrase, then its proper-noun words, then a
surname), writes a second graph.json whose statements are textacy's, and scores both with
``score.py``. Prints one row per system:

    system      stmts  recall  precision  f1  detected  speaker_acc  reported_by  pronoun  nominal
    ours          ...
    textacy       ...

Needs ``textacy==0.13.0`` (``pip install textacy==0.13.0``) in the same environment.

Usage:  .venv/bin/python bench/textacy_quotes.py [--docs seeds] [--out /tmp/textacy-bench]
                                                 [--score ../shared/eval/score.py] [--gold GOLD.json]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.documents import read_documents  # noqa: E402
from graph.export import dumps_json, to_data  # noqa: E402
from graph.nlp import load_pipeline  # noqa: E402
from graph.pipeline import build_documents  # noqa: E402

PARAGRAPH = re.compile(r"\n\s*\n")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}


def norm(name: str) -> str:
    """The scorer's name normalisation: case, possessives, dots, "the" and spaces do not count."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    s = re.sub(r"'s?$", "", s.strip()).replace(".", "")
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


def alias_index(data: dict) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Full-name index and surname index of the graph's nodes."""
    full: dict[str, str] = {}
    last: dict[str, set[str]] = {}
    for node in data["nodes"]:
        names = [node.get("label") or node["id"], *(node.get("aliases") or [])]
        for name in names:
            key = norm(str(name))
            if key:
                full.setdefault(key, node["id"])
        if node.get("type") == "person":
            for name in names:
                words = norm(str(name)).split()
                if words:
                    last.setdefault(words[-1], set()).add(node["id"])
    return full, last


def map_speaker(tokens, full: dict[str, str], last: dict[str, set[str]]) -> str | None:
    """A node for textacy's speaker tokens, or None (pronouns, descriptions, unknown names)."""
    text = " ".join(t.text for t in tokens)
    if norm(text) in full:
        return full[norm(text)]
    proper = [t for t in tokens if t.pos_ == "PROPN"]
    if proper:
        phrase = norm(" ".join(t.text for t in proper))
        if phrase in full:
            return full[phrase]
        for t in proper:
            if norm(t.text) in full:
                return full[norm(t.text)]
        people = last.get(norm(proper[-1].text), set())
        if len(people) == 1:
            return next(iter(people))
    return None


def textacy_statements(documents, nlp, full, last) -> tuple[list[dict], dict[str, int]]:
    from textacy.extract.triples import direct_quotations

    out: list[dict] = []
    stats = {"paragraphs": 0, "failed": 0, "quotes": 0}
    for document in documents:
        pos = 0
        pieces = []
        for m in PARAGRAPH.finditer(document.text):
            pieces.append((pos, document.text[pos : m.start()]))
            pos = m.end()
        pieces.append((pos, document.text[pos:]))
        texts = [(offset, text) for offset, text in pieces if text.strip()]
        n = 0
        for (offset, _), doc in zip(texts, nlp.pipe(text for _, text in texts)):
            stats["paragraphs"] += 1
            try:
                triples = list(direct_quotations(doc))
            except Exception:  # textacy raises on an unclosed quotation mark: the paragraph is lost
                stats["failed"] += 1
                continue
            for speaker, cue, content in triples:
                stats["quotes"] += 1
                n += 1
                inner = content.text.strip("\"'\u201c\u201d\u2018\u2019 ")
                start = offset + content.start_char
                out.append(
                    {
                        "id": f"{document.id}#t{n}",
                        "doc": document.id,
                        "speaker": map_speaker(speaker, full, last),
                        "cue": " ".join(t.text for t in cue),
                        "kind": "direct",
                        "text": inner,
                        "reported_by": None,
                        "mentions": [],
                        "start": start,
                        "end": offset + content.end_char,
                        "resolution": "pronoun" if speaker and speaker[0].lower_ in PRONOUNS else "name",
                    }
                )
    return out, stats


def score(score_py: Path, graph_json: Path, gold: Path | None, docs: Path) -> dict:
    cmd = [sys.executable, str(score_py), str(graph_json), "--json", "--docs", str(docs)]
    if gold is not None:
        cmd += ["--gold", str(gold)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=ROOT / "seeds", help="folder of articles (default: seeds)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/textacy-bench"))
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--gold", type=Path, default=None, help="gold annotation (default: the scorer's)")
    args = ap.parse_args(argv)

    documents, problems = read_documents([args.docs])
    result = build_documents(documents)
    ours = to_data(result.graph)
    full, last = alias_index(ours)
    nlp = load_pipeline()
    theirs_statements, stats = textacy_statements(documents, nlp, full, last)
    theirs = dict(ours)
    theirs["graph"] = dict(ours.get("graph", {}))
    theirs["graph"]["statements"] = theirs_statements

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, data in (("ours", ours), ("textacy", theirs)):
        path = args.out / f"{name}.graph.json"
        path.write_text(dumps_json(data), encoding="utf-8")
        rows.append((name, score(args.score, path, args.gold, args.docs)))

    cols = [("stmts", "system_statements"), ("recall", "attribution_recall"), ("precision", "attribution_precision"),
            ("f1", "attribution_f1"), ("detected", "attribution_detected"), ("speaker_acc", "speaker_accuracy"),
            ("reported_by", "reported_by_accuracy")]
    header = f"{'system':10}" + "".join(f"{c:>12}" for c, _ in cols) + f"  {'by_resolution'}"
    print(header)
    for name, fig in rows:
        cells = "".join(f"{str(fig.get(k, '-') if fig.get(k) is not None else '-'):>12}" for _, k in cols)
        print(f"{name:10}{cells}  {fig.get('by_resolution')}")
    print(f"\ntextacy: {stats['paragraphs']} paragraphs, {stats['failed']} skipped on unbalanced quotation marks, "
          f"{stats['quotes']} quotes; gold: {rows[0][1].get('gold_attributions')} attributions; graphs in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
