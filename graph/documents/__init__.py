"""First stage: read articles from files and folders (see :mod:`graph.documents.reader`)."""
from .reader import SUPPORTED_EXTENSIONS, clean_text, read_documents

__all__ = ["SUPPORTED_EXTENSIONS", "clean_text", "read_documents"]
