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
