"""The union-find of name keys that resolution links, each link with the rule that made it."""
from __future__ import annotations

from ..contract import fold
from ..records import AliasReason, LinkRule, Mention


class UnionFind:
    """Clusters of name keys ("n:ann lee", "g:<entry>"): a curated entry stays its cluster's root
    and two curated entries are never joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: dict[str, AliasReason] = {}  # a key that joined a cluster -> the rule that joined it
        self.mention_reasons: dict[tuple[str, int], AliasReason] = {}  # (doc, index) -> the rule of a relinked mention

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent != key:
            parent = self.parent[key] = self.find(parent)
        return parent

    def union(self, a: str, b: str, rule: LinkRule = LinkRule.LINKED, doc: str | None = None) -> None:
        """One cluster of ``a`` and ``b``, linked by ``rule`` (read in ``doc``): the reason is
        kept for the root that joins the other's cluster, so each key's reason is the link that
        first brought its names in."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # A curated entry stays the root, so a cluster's entry is found at its root.
        if rb.startswith("g:") and not ra.startswith("g:"):
            ra, rb = rb, ra
        if ra.startswith("g:") and rb.startswith("g:"):
            return  # never merge two curated entities
        self.parent[rb] = ra
        self.reasons[rb] = AliasReason(rule, doc)

    def relink(self, doc_keys: list[str | None], index: int, key: str, rule: LinkRule, doc: str) -> None:
        """Point one mention of ``doc`` (``doc_keys[index]``) at ``key``, by ``rule``: a link made for
        that mention, not for every mention of its name (a lone surname is the person named before it)."""
        doc_keys[index] = key
        self.find(key)
        self.mention_reasons[(doc, index)] = AliasReason(rule, doc)


def own_key(m: Mention, k: str | None) -> bool:
    """Whether a mention still has its own name's key: not resolved within its document to what
    it names there ("Dallas" of "Hugh Dallas" is no longer the word "Dallas" for later rules)."""
    return k is not None and k == f"n:{fold(m.name)}"
