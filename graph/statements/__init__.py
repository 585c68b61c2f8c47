"""Who said what: attributed statements and stated affiliations in one parsed document.

Public surface: :func:`extract_statements` (the stage), :func:`find_quotes` (the quotation-mark
scanner, usable on its own) and :func:`load_lexicon` (the reporting cues and speaker nouns of
``graph/data``).

The stages, one module each, in the order a document goes through them:

* :mod:`.quotes` - quotation marks and the quoted spans, paired by a forgiving scanner that never
  gives up on the rest of a document because one mark is unbalanced.
* :mod:`.cues` - the lexicon (``graph/data/reporting_verbs.tsv``, ``attribution_nouns.tsv``,
  ``speech_nouns.tsv``) and
  the tokens of a document that start one of its entries.
* :mod:`.context` - the per-document view the extractors read: offsets, mentions by token, the
  people the text names (with their surnames, genders and roles), the accepted quotes.
* :mod:`.speakers` - speaker phrases: the subject of a cue, an inverted subject ("says X"), the
  outlet that relays the words ("told TASS").
* the extractors, textacy style: small generators over the document that each yield
  :class:`~.context.Claim` candidates (an attributed span, its cue, and the tokens that name its
  speaker) for one construction -
  :func:`.direct.direct_quotations` (quoted words with their cue, or signed '"..." - Name'),
  :func:`.direct.continuations` (a quote paragraph of its own after a statement: the same
  speaker; after a change of topic, none),
  :func:`.direct.labelled_lines` (a transcript's or headline's "NAME: ...", a headline's "Lee to
  Farmers: ...", an interview's "Q: ..." and "A: ..." lines; a label names one person or body,
  never a heading run into its paragraph, "Budget Cuts Threaten Rural Clinics: ..."),
  :func:`.reported.reported_speech` ("said that ...", "promised to ...", "..., reported X"),
  :func:`.sourcing.sourcing` ("according to X", "in X's view", "In a poll published Friday, ..."),
  :func:`.nouns.noun_claims` ("Lee's claim that ...", "the charge by Lee that ...": a noun of
  ``graph/data/speech_nouns.tsv`` with its owner);
  :func:`.roles.appositive_roles` reads "X, head of Y" into affiliations.
* :mod:`.resolution` - which mention a speaker phrase names: a name (a bare surname the tagger
  missed included; of two people of one surname, the one in focus), a pronoun (the most salient
  earlier person whose gender fits - by title, pronoun or common given name - with the subject
  pronouns before it resolved in turn, so that "he" keeps his person in focus), a description
  ("the expert": the earlier person said to hold that role, else the one in focus; "the company":
  the organisation named before), "I" in an interview's answers and "you" in its questions (the
  interviewee), "I" in a letter with no byline (the person who signs it). A phrase that names no
  entity ("officials", "a source close to X") keeps its statement with no speaker; the stage
  records every phrase as written (``Statement.speaker_text``).
* :mod:`.namesakes` - who a short form names: a surname among the people named in full (namesakes
  told apart by focus and gender), an organisation's last word or its initials.
* the kinds (``StatementKind``: direct, indirect, according_to, belief, question, negated,
  evaluation) come from the cue lexicon's data, a "not" on the cue, and "whether" after "asked".
* :mod:`.stage` - the stage itself: run the extractors, keep one statement per attributed span,
  resolve the speakers in text order.
"""
from .cues import load_lexicon
from .quotes import Quote, find_quotes
from .stage import extract_statements

__all__ = ["Quote", "extract_statements", "find_quotes", "load_lexicon"]
