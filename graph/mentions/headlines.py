"""Headlines and all-caps lines, where capitals say nothing about names."""
from __future__ import annotations

from spacy.tokens import Span

from ..tokens import Tokens


def is_shouting(text: str) -> bool:
    """An all-caps line (the text of a sentence)."""
    letters = list(filter(str.isalpha, text))
    return len(letters) > 8 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def is_headline(toks: Tokens, sent: Span, text: str, shouting: bool, first: bool = False) -> bool:
    """A title-case or all-caps line (``text`` is the sentence's, ``shouting`` whether it is
    all caps): spaCy's capitalisation cues mean nothing there. A line that lists things ("Ann Lee,
    The Long Road"; "Terminal 2: Delta, Frontier") or writes a lower-case word of its own is not
    one, unless it opens the text (``first``), where titles live."""
    if shouting:
        return True
    span = slice(sent.start, sent.end)
    words = [(word, tok) for word, alpha, tok in zip(toks.text[span], toks.is_alpha[span], toks.tok[span]) if alpha and len(word) > 3]
    if len(words) < 4:
        return False
    if sum(word[0].isupper() for word, _ in words) / len(words) < 0.75 or text.rstrip().endswith((".", "?", "!", "\u201d", '"')):
        return False
    if first:
        return True
    return "," not in text and not any(word.islower() and len(word) > 4 and not tok.is_stop for word, tok in words)
