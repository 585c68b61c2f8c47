"""Fault injection, for tests only: one environment variable, one function every stage calls.

The tests make a build fail in a given place to check that it fails well: a worker process that
dies, a document whose analysis raises, a writer killed between two files of an output set.
:data:`FAULT_ENV` names the fault, as ``POINT`` or ``POINT:ARGUMENT``; each place that can fail
calls :func:`inject` with its point, and only the fault named for that point acts:

* ``exit-worker``: the process that runs a chunk of documents ends (exit status 70) as the chunk
  starts (:mod:`graph.pipeline.analyser`);
* ``fail-document:MARK``: the analysis of every document whose text contains MARK raises;
* ``temp:N``: a writer (:mod:`graph.outputs`) kills its own process (SIGKILL) just after it writes
  the N-th temporary file of an output set;
* ``rename:N``: a writer kills its own process just before the N-th rename of a set.

Unset, as it always is outside the tests, nothing happens; reading it costs one look-up per call.

>>> import os
>>> os.environ[FAULT_ENV] = "fail-document:Brask"
>>> inject("fail-document", "Teodor Brask said so.")
Traceback (most recent call last):
RuntimeError: fault injected by ENTITY_GRAPH_TEST_FAULT
>>> inject("fail-document", "Nobody said so.")
>>> inject("rename", 1)  # another point: nothing happens
>>> del os.environ[FAULT_ENV]
"""
from __future__ import annotations

import os
import signal

__all__ = ["FAULT_ENV", "inject"]

FAULT_ENV = "ENTITY_GRAPH_TEST_FAULT"


def inject(point: str, detail: str | int = "") -> None:
    """Act out the fault :data:`FAULT_ENV` names, if it is one for ``point``: ``detail`` is the
    document's text at ``fail-document``, the file's number at ``temp`` and ``rename``."""
    fault = os.environ.get(FAULT_ENV)
    if not fault:
        return
    name, _, argument = fault.partition(":")
    if name != point:
        return
    if point == "exit-worker":
        if not argument:
            os._exit(70)
    elif point == "fail-document":
        if argument and argument in str(detail):
            raise RuntimeError(f"fault injected by {FAULT_ENV}")
    elif argument == str(detail):
        os.kill(os.getpid(), signal.SIGKILL)
