"""First stage: read articles from files and folders, clean their text and find their metadata.

Public surface:

* :func:`read_documents` turns files and folders into :class:`~graph.records.Document` records and a
  list of :class:`~graph.records.Problem` (one line each) for everything it could not use. It never
  raises for bad input.
* :func:`clean_text` is the cleaning applied to every text, usable on its own.

Formats: ``.txt``, ``.md``, ``.html``/``.htm`` (one document per file, id = file stem) and
``.jsonl``/``.csv`` (one document per row, with a ``text`` field and optional ``id``, ``title``,
``url``, ``date``, ``outlet``, ``author``).

The modules, in the order the data flows through them; each says its own rules:

* :mod:`~graph.documents.files` finds the files (folders walked in sorted order) and decodes them;
* the formats: :mod:`~graph.documents.rows` (JSONL, CSV), :mod:`~graph.documents.markdown`,
  :mod:`~graph.documents.html_page` (plain text needs nothing of its own);
* :mod:`~graph.documents.metadata` finds bylines, datelines and copyright lines in the text;
* cleaning: :mod:`~graph.documents.normalise` (characters, tags, entities),
  :mod:`~graph.documents.boilerplate` (lines that are boilerplate by their look),
  :mod:`~graph.documents.paragraphs` (broken paragraphs, repeats inside a document),
  :mod:`~graph.documents.corpus` (lines repeated across the documents of one call);
* :mod:`~graph.documents.reader` puts them together: the title, the text's layout, ids and the
  order of problems.

>>> clean_text("Rain fell on the town.\\n\\nFollow us on Twitter")
'Rain fell on the town.'
"""
from .reader import SUPPORTED_EXTENSIONS, clean_text, read_documents

__all__ = ["SUPPORTED_EXTENSIONS", "clean_text", "read_documents"]
