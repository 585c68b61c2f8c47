"""The build's progress bar: documents done, then the corpus-level stages by name."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..cache import CacheStats

PROGRESS_DELAY_S = 2.0  # a bar appears only for builds longer than this


class Progress:
    """A tqdm bar over documents on stderr. It shows only once the build has run for ``delay``
    seconds (default :data:`PROGRESS_DELAY_S`), and then names the corpus-level stages that follow
    the documents. Disabled, it does nothing."""

    def __init__(self, total: int | None = None, *, enabled: bool = True, delay: float | None = None, file=None) -> None:
        self.total = total
        self._bar = None
        self._shown_after = time.monotonic() + (PROGRESS_DELAY_S if delay is None else delay)
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                unit="doc",
                desc="parsing",
                file=file or sys.stderr,
                delay=PROGRESS_DELAY_S if delay is None else delay,
                dynamic_ncols=True,
                mininterval=0.5,
            )

    @property
    def enabled(self) -> bool:
        return self._bar is not None

    def reset(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.total = total

    def update(self, n: int, stats: CacheStats | None = None) -> None:
        if self._bar is not None:
            if stats is not None and stats.hits:
                self._bar.set_postfix_str(f"{stats.hits} cached", refresh=False)
            self._bar.update(n)

    def stage(self, name: str) -> None:
        """Name what the build does now (the bar stays full while the corpus-level stages run)."""
        if self._bar is not None:
            self._bar.set_description_str(name, refresh=False)
            if time.monotonic() >= self._shown_after:  # tqdm would show a bar now, ignoring its delay
                self._bar.refresh()

    def close(self, finished: bool = True) -> None:
        if self._bar is not None:
            if finished and time.monotonic() >= self._shown_after:
                self._bar.set_description_str("done", refresh=False)
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(finished=exc_type is None)


@contextmanager
def progress_bar(enabled: bool, total: int | None = None) -> Iterator[Progress]:
    """A :class:`Progress` that the caller can go on naming stages on after the build (export)."""
    bar = Progress(total, enabled=enabled)
    try:
        yield bar
    except BaseException:
        bar.close(finished=False)
        raise
    bar.close()


__all__ = ["Progress", "progress_bar"]
