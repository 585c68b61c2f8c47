from __future__ import annotations

import re

from ..records import NameType, NounClass

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
MODALS = {"could", "might", "may", "should", "must", "can", "would", "ought", "shall"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
SUBJECT_PRONOUNS = {"he", "she"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
RELATIVE = {"who", "whom", "that", "which", "whose"}
RELATIVE_OR_DEICTIC = RELATIVE | {"it", "this", "these", "those"}
INDEFINITE_DETS = {"a", "an", "some", "several", "many", "numerous", "few", "other", "various", "one", "two",
                   "three", "unnamed", "anonymous", "any", "most", "all", "certain", "more"}
SUBORDINATORS = {"if", "when", "because", "as", "while", "after", "before", "since", "unless", "although",
                 "though", "whereas", "once", "until", "so"}
COMPLEMENTIZERS = {"that", "whether", "if"}
QUESTION_WORDS = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "madam": "f", "madame": "f", "lady": "f", "dame": "f", "mme": "f", "mme.": "f"}
SPEAKER_LABELS = {NameType.PERSON, NameType.ORGANIZATION, NameType.GEOPOLITICAL, NameType.COUNTRY, NameType.GROUP, NameType.ALLIANCE}
PERSON_LABELS = {NameType.PERSON}
ORGANISATION_LABELS = {NameType.ORGANIZATION, NameType.GROUP, NameType.ALLIANCE}
PLACE_LABELS = {NameType.PLACE, NameType.FACILITY}
COUNTRY_LABELS = {NameType.GEOPOLITICAL, NameType.COUNTRY}
OUTLET_WORDS = {"news", "agency", "times", "post", "press", "radio", "tv", "television", "daily", "gazette",
                "journal", "herald", "tribune", "telegraph", "broadcasting", "media", "chronicle", "chronicles",
                "observer", "guardian", "independent", "express", "mail", "mirror", "review", "bulletin", "wire",
                "channel", "network"}
# The curated data's kinds of organisation that publish.
MEDIA_KINDS = {"news_agency", "newspaper", "broadcaster", "online", "magazine"}
AUDIENCE_WORDS = {"council", "assembly", "parliament", "congress", "committee", "commission", "court",
                  "ministry", "government", "senate", "duma", "conference", "summit", "forum", "meeting",
                  "commons", "lords", "house", "session", "hearing", "rally", "audience", "crowd", "delegate",
                  "reporter", "journalist", "lawmaker", "mp", "student", "supporter", "congregation"}
VIEW_PREPS = {"in", "from", "to"}
# people a text leaves unnamed on purpose: never given to a person named near them
ANONYMOUS_NOUNS = {"source", "insider", "informant", "whistleblower"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "representative", "mouthpiece"}
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
REFLEXIVES = {"itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"}
# cues whose object is whom the words are addressed to, never who says them ("told the Ledger")
ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "brief", "advise", "ask", "warn"})
