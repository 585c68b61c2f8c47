from __future__ import annotations

import re

from ..curated import packaged_rows, packaged_words
from ..records import NameType, NounClass

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
MODALS = {"could", "might", "may", "should", "must", "can", "would", "ought", "shall"}
SALUTATIONS = packaged_words("function_words.tsv", "salutation")  # "Dear Oskar:" opens a letter
LINE_LABELS = packaged_words("function_words.tsv", "line_label")  # "Editor's note:", "Related:" name no speaker
UNREALIZED = packaged_words("function_words.tsv", "unrealized")  # "plans to say", "urged him to say"
CONNECTIVES = packaged_words("function_words.tsv", "connective")  # "In fact,", "However,": the writer's link
# data/pronouns.tsv: word, person, number, gender, form
_PRONOUNS = packaged_rows("pronouns.tsv")
MALE_PRONOUNS = {w for w, _, _, gender, _ in _PRONOUNS if gender == "m"}
FEMALE_PRONOUNS = {w for w, _, _, gender, _ in _PRONOUNS if gender == "f"}
SUBJECT_PRONOUNS = {w for w, _, _, gender, form in _PRONOUNS if gender in ("m", "f") and form == "subject"}
FIRST_SINGULAR = {w for w, person, number, _, _ in _PRONOUNS if (person, number) == ("1", "sg")}
FIRST_PLURAL = {w for w, person, number, _, _ in _PRONOUNS if (person, number) == ("1", "pl")}
SECOND_PERSON = {w for w, person, _, _, _ in _PRONOUNS if person == "2"}
PLURAL_PRONOUNS = {w for w, person, number, _, form in _PRONOUNS if (person, number) == ("3", "pl") and form != "reflexive"}
RELATIVE = {"who", "whom", "that", "which", "whose"}
RELATIVE_OR_DEICTIC = RELATIVE | {"it", "this", "these", "those"}
WH_RELATIVES = RELATIVE - {"that"}  # a relative clause's own word, never a complementizer
INDEFINITE_DETS = {"a", "an", "some", "several", "many", "numerous", "few", "other", "various", "one", "two",
                   "three", "unnamed", "anonymous", "any", "most", "all", "certain", "more"}
SUBORDINATORS = {"if", "when", "because", "as", "while", "after", "before", "since", "unless", "although",
                 "though", "whereas", "once", "until", "so"}
COMPLEMENTIZERS = {"that", "whether", "if"}
# the subordinators of a clause of time, cause or concession: never the words a cue reports
ADVERBIAL_MARKS = {"when", "because", "while", "after", "before", "since", "unless", "although", "though", "whereas", "once", "until"}
CONTRASTS = {"while", "whereas", "although", "though"}  # "A said X, while B said Y": a claim of its own
# nouns whose that-clause says what they are, not what someone said ("the fact that ...")
CONTENT_NOUNS = {"fact", "idea", "notion", "way", "time", "moment", "extent"}
DEGREE_WORDS = {"so", "such"}  # "so many lies that ...", "such a mess that ...": the clause is a result
QUESTION_WORDS = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
HONORIFICS = {row[0]: row[2] for row in packaged_rows("speaker_words.tsv") if row[1] == "honorific"}  # title -> gender
SPEAKER_LABELS = {NameType.PERSON, NameType.ORGANIZATION, NameType.GEOPOLITICAL, NameType.COUNTRY, NameType.GROUP, NameType.ALLIANCE}
PERSON_LABELS = {NameType.PERSON}
ORGANISATION_LABELS = {NameType.ORGANIZATION, NameType.GROUP, NameType.ALLIANCE}
PLACE_LABELS = {NameType.PLACE, NameType.FACILITY}
COUNTRY_LABELS = {NameType.GEOPOLITICAL, NameType.COUNTRY}
OUTLET_WORDS = packaged_words("speaker_words.tsv", "outlet")  # data/speaker_words.tsv, as the four below
# The curated data's kinds of organisation that publish.
MEDIA_KINDS = {"news_agency", "newspaper", "broadcaster", "online", "magazine"}
AUDIENCE_WORDS = packaged_words("speaker_words.tsv", "audience")
VIEW_PREPS = {"in", "from", "to"}
# people a text leaves unnamed on purpose: never given to a person named near them
ANONYMOUS_NOUNS = packaged_words("speaker_words.tsv", "anonymous")
SPOKESPEOPLE = packaged_words("speaker_words.tsv", "spokesperson")
AGE_NOUN = re.compile(r"^\d+-year-old$")
EXPERT, OFFICIAL, PRESS, PERSON_NOUN = NounClass.EXPERT, NounClass.OFFICIAL, NounClass.PRESS, NounClass.PERSON
PEOPLE_CLASSES = {EXPERT, OFFICIAL, PRESS, PERSON_NOUN, NounClass.STANDING}
ROLE_PREPS = {"of", "at", "under", "with", "from", "within", "for"}
SENTENCE_END = {".", "!", "?"}
DASHES = {"\u2015", "\u2014", "\u2013", "-", "--"}
# Noun endings of agents ("protester", "senator", "economist", "resident") and of abstractions
# ("deployment", "evidence", "tension"): an unknown noun that is no agent speaks only through a
# verb of saying ("the report says"), never through one of thinking or revealing.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "eer", "man", "woman")
ABSTRACT_SUFFIXES = ("ment", "ness", "ity", "ence", "ance", "ion", "ism", "ure", "ing", "ship", "hood")
REFLEXIVES = {w for w, _, _, _, form in _PRONOUNS if form == "reflexive"}
# cues whose object is whom the words are addressed to, never who says them ("told the Ledger")
ADDRESSING = packaged_words("speaker_words.tsv", "addressing")
# documents their authors issue ("In a statement, the firm thanked its staff": the firm's words)
ISSUED_DOCUMENTS = packaged_words("speaker_words.tsv", "issued")
