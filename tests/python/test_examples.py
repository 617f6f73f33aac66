"""examples/notebook_sweep.py runs headless and writes a PNG."""

import os
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR


def test_notebook_sweep_writes_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    png = tmp_path / "p_war.png"
    environment = dict(os.environ, MPLBACKEND="Agg", MPLCONFIGDIR=str(tmp_path / "mpl"))
    subprocess.run([sys.executable, str(SOURCE_DIR / "examples" / "notebook_sweep.py"), "--out", str(png),
                    "--runs", "3", "--levels", "2"], check=True, env=environment, capture_output=True)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # axes, three lines and their bands; a blank figure is far smaller


def test_the_notebook_parses_and_its_cells_run(tmp_path):
    # The notebook form of the example (Debian's python3-nbformat reads it; no Jupyter kernel is needed to
    # run its code cells here, in order, with few runs).
    nbformat = pytest.importorskip("nbformat")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    notebook = nbformat.read(str(SOURCE_DIR / "examples" / "notebook_sweep.ipynb"), as_version=4)
    nbformat.validate(notebook)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert code[0].startswith("RUNS = 200")
    png = tmp_path / "p_war.png"
    namespace = {}
    exec(f"RUNS = 3\nLEVELS = 2\nSEED = 2022\nOUT = {str(png)!r}", namespace)
    for source in code[1:]:
        exec(compile(source, "notebook_sweep.ipynb", "exec"), namespace)
    assert len(namespace["points"]) == 2 * 3
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
