"""Cleaning, second step: lines that are boilerplate by their own look, in general rules, no list of
known sentences.

Donation widgets and amount-only lines (``2,500 $``), "Do you like this content?",
``Disclaimer:``, copyright lines, "contains copyrighted material … fair use", "For media
inquiries", "Comment on … Facebook page", "Become a Member of …", "Share this", "Follow us",
"Subscribe", "Read more", tag/category lines (``Tags:``, ``Region: … Theme:``), navigation lines
("All news"), e-mail/URL-only lines, "X may not share the opinions of its contributors" and "views
expressed are those of the author" disclaimers. Patterns for widget phrases only fire on short
lines, so a long sentence that merely starts with "Subscribe" stays.

>>> is_boilerplate("Share this article")
True
>>> is_boilerplate("Subscribe to our newsletter")
True
>>> is_boilerplate("Subscribe, the minister told farmers, and the state will pay half of the cost of every new tractor")
False
"""
from __future__ import annotations

import re

__all__ = ["LABELS", "SHORT_LINE_WORDS", "is_boilerplate"]

SHORT_LINE_WORDS = 12  # widget phrases ("Subscribe", "Share this") only on lines this short

_CURRENCY = r"(?:[$€£¥₽₴]|usd|eur|gbp|rub|uah|dollars?|euros?)"
_AMOUNT = r"\d[\d.,']*(?: [\d.,']+)*"
LABELS = r"(?:tags?|topics?|categor(?:y|ies)|filed under|keywords|region|theme|in-depth report|related topics|sections?)"

# Whatever the length of the line; all anchored at the line's start.
_BOILERPLATE_START = re.compile(
    "|".join(
        [
            rf"{_CURRENCY}\s*{_AMOUNT}$",  # amount-only lines of donation widgets
            rf"{_AMOUNT}\s*{_CURRENCY}$",
            r"disclaimer\s*[:.\-–—]",
            r"(?:copyright\s*)?(?:©|\(c\)\s*(?:19|20)\d\d)",
            r"copyright\s+(?:(?:19|20)\d\d|by\b)",
            r"the original source of this article is\b",
            r"for (?:media|press) (?:inquiries|enquiries|contacts?)\b",
            r"articles? by\s*:",
            rf"{LABELS}\s*:",
            r"(?:(?:e-?mail|contact|web(?:site)?|url)\s*:\s*)?"
            r"(?:\[\s*email\s*protected\s*\]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)$",
        ]
    ),
    re.IGNORECASE,
)
_TWO_LABELS = re.compile(rf"\b{LABELS}\s*:.*\b{LABELS}\s*:", re.IGNORECASE)  # "Region: … Theme: …"
# Whole-sentence disclaimers, on lines of up to 40 words.
_DISCLAIMER = re.compile(
    r"\b(?:may|does|do) not (?:necessarily )?(?:share|reflect|represent) the (?:opinions?|views?|positions?)\b"
    r".{0,60}\b(?:contributors?|authors?|columnists?|writers?|bloggers?|guests?|editorial (?:board|policy|position))\b"
    r"|\b(?:views|opinions) expressed\b.*\b(?:are|is) (?:solely )?(?:those|that|the responsibility) of\b",
    re.IGNORECASE,
)
# Widget phrases, only on lines of up to SHORT_LINE_WORDS words: they can open a real sentence.
_BOILERPLATE_SHORT = re.compile(
    "|".join(
        [
            r"do you (?:like|enjoy|value|appreciate) (?:this|our) (?:content|article|work|journalism|reporting)\b",
            r"(?:please )?consider (?:helping|supporting|donating)\b",
            r"(?:please )?(?:donate|support us|support our work|make a donation)\b",
            r"become an? (?:member|patron|supporter|subscriber|sponsor)\b",
            r"comment on\b.*\b(?:facebook|twitter|telegram|vk|page|forum)\b",
            r"share(?: this| on| via| with (?:friends|your)|\s*:|$)",
            r"follow us\b",
            r"follow (?:\S+ ){0,3}on (?:twitter|facebook|telegram|instagram|youtube|x|vk)\b",
            r"subscribe\b",
            r"sign up (?:for|to) (?:our|the) (?:\S+ )?(?:newsletter|digest|updates)\b",
            r"read (?:more|also|next|the full (?:story|article))\b",
            r"(?:see also|related(?: articles| stories| posts| news| coverage)?|more on this (?:story|topic)|recommended(?: for you)?)\s*:?$",
            r"related\s*:",
            r"(?:all (?:news|articles|stories)|home|menu|back to top|print(?: this)?(?: article| page)?|"
            r"advertisement|sponsored(?: content)?|skip to (?:main )?content)$",
            r"click here\b",
        ]
    ),
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """Whether one cleaned line is boilerplate by its own look (no context, so cleaning stays
    idempotent)."""
    if not line:
        return False
    if _BOILERPLATE_START.match(line):
        return True
    low = line.lower()
    if "fair use" in low and "copyrighted material" in low:
        return True
    if low.count(":") >= 2 and _TWO_LABELS.search(line):
        return True
    words = line.count(" ") + 1
    if words > 40:
        return False
    if "rights reserved" in low or ((" not " in low or "expressed" in low) and _DISCLAIMER.search(line)):
        return True
    return words <= SHORT_LINE_WORDS and _BOILERPLATE_SHORT.match(line) is not None
