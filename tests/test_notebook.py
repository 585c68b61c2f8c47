"""notebooks/explore.ipynb runs top to bottom, as an analyst would run it, and is stored clean.

The notebook runs in a real kernel (``python3``, resolved to this interpreter: ipykernel lives in
the same environment) from ``notebooks/``, so it finds ``../out/graph.json`` or builds ``../seeds``
just as it does on a fresh clone. Nothing in it needs the network.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
EXPLORE = NOTEBOOKS / "explore.ipynb"
CELL_TIMEOUT = 300  # seconds; building the seeds' graph is the slowest cell, at ~10 s


def _code_cells(nb) -> list:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(EXPLORE, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    for cell in _code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, f"stored output in: {cell.source[:60]!r}"


def test_kernel_is_this_environment():
    # "python" in a kernel spec is replaced by the running interpreter; anything else would run the
    # notebook against another environment's packages.
    argv = KernelSpecManager().get_kernel_spec("python3").argv
    assert argv[0] in {"python", "python3", f"python{sys.version_info[0]}.{sys.version_info[1]}", sys.executable}, argv


def test_notebook_runs_top_to_bottom():
    nb = nbformat.read(EXPLORE, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:  # names the cell and shows its traceback
        pytest.fail(f"the notebook failed:\n{error}", pytrace=False)
    errors = [o for cell in _code_cells(nb) for o in cell.outputs if o.output_type == "error"]
    assert errors == []
    assert all(cell.execution_count is not None for cell in _code_cells(nb))
    views = [
        o for cell in _code_cells(nb) for o in cell.outputs
        if o.output_type == "execute_result" and o.data.get("text/html", "").startswith("<iframe srcdoc=")
    ]
    assert len(views) >= 3  # the whole graph, a community, Kabulov's ego network (and who quotes whom)
    kabulov = [cell for cell in _code_cells(nb) if cell.source.startswith("kabulov.show(")]
    assert kabulov and "Zamir Kabulov" in kabulov[0].outputs[0].data["text/html"]
    plots = [o for cell in _code_cells(nb) for o in cell.outputs if "image/png" in o.get("data", {})]
    assert plots  # the timeline of an entity, drawn by pandas/matplotlib
    why = [cell for cell in _code_cells(nb) if cell.source.startswith("kg.why(")]
    assert why and "surname" in why[0].outputs[0].data["text/plain"]  # how "Kabulov" joined Zamir Kabulov
