"""The examples of docs/python.md run as written (from the repository's root, as the page says)."""

import re

from conftest import SOURCE_DIR


def test_python_examples_of_the_docs_run(monkeypatch, capsys):
    page = (SOURCE_DIR / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.DOTALL)
    assert len(blocks) >= 4
    monkeypatch.chdir(SOURCE_DIR)
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)  # noqa: S102 - our own documentation
    printed = capsys.readouterr().out
    assert "did you mean 'resolve'" in printed
