"""Find the names in one parsed document (the mentions stage); see ``extract``."""
from .extract import (  # noqa: F401
    NAME_TYPES,
    NER_LABELS,
    MentionExtractor,
    _leading_titles,
    _titles_by_first_word,
    context_type_votes,
    extract_mentions,
)

__all__ = ["MentionExtractor", "extract_mentions", "context_type_votes", "NAME_TYPES", "NER_LABELS"]
