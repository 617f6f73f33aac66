"""Scenarios: brink.load, brink.Scenario and brink.ScenarioError (docs/python.md).

Everything goes through the io ring: a file or YAML text is loaded as `brink validate` loads it, a dict is
written as YAML text and loaded the same way (so it is validated exactly like a file), `.set` is `--set`,
`.to_yaml` is the io dump. This module only converts between Python values and that text.
"""

import math
import os
from collections.abc import Mapping

import yaml

from . import _brink

# libyaml's parser and emitter when PyYAML has them (Debian's python3-yaml does): the same YAML, faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: The name diagnostics give a scenario built from a dict or from YAML text.
DICT_NAME = "<dict>"
TEXT_NAME = "<text>"


class ScenarioError(ValueError):
    """A scenario was rejected. `.diagnostics` lists the located messages (`file:line:column: error: ...`;
    for a dict, the path of the key stands in for line and column: `<dict>:actors.russia.resolve: error: ...`).
    """

    def __init__(self, diagnostics):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(self.diagnostics) if self.diagnostics else "the scenario was rejected")


def _key_paths(text):
    """{(line, column): dotted key path} for every key and value of YAML text (1-based, as diagnostics)."""
    places = {}

    def walk(node, path):
        dotted = ".".join(path)
        places.setdefault((node.start_mark.line + 1, node.start_mark.column + 1), dotted)
        places.setdefault((node.start_mark.line + 1, 0), dotted)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key, path + [str(key.value)])
                walk(value, path + [str(key.value)])
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, path + [str(index)])

    root = yaml.compose(text, Loader=_LOADER)
    if root is not None:
        walk(root, [])
    return places


def _texts(diagnostics, key_paths=None):
    """The diagnostics' formatted lines; with `key_paths`, a key path replaces line and column."""
    lines = []
    for diagnostic in diagnostics:
        place = None
        if key_paths is not None and diagnostic["line"] > 0:
            place = key_paths.get((diagnostic["line"], diagnostic["column"]))
            if place is None:
                place = key_paths.get((diagnostic["line"], 0))
        if place is None:
            lines.append(diagnostic["text"])
        else:
            lines.append(f"{diagnostic['file']}:{place or '(top)'}: error: {diagnostic['message']}")
    return lines


def _dict_text(data):
    try:
        return yaml.dump(dict(data), Dumper=_DUMPER, sort_keys=False, allow_unicode=True)
    except (yaml.YAMLError, TypeError, ValueError) as error:
        raise ScenarioError([f"{DICT_NAME}: error: not a scenario of plain values: {error}"]) from None


def _value_text(path, value):
    """A Python scalar as the text `--set path=value` takes."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{path}: expected a finite number, got {value!r}")
    if isinstance(value, (int, float, str)) or hasattr(value, "__index__") or hasattr(value, "__float__"):
        return str(value)
    raise ValueError(f"{path}: expected a scalar (number, string or boolean), got {type(value).__name__}")


class Scenario:
    """A loaded, validated scenario (the CLI's ScenarioSpec). Build one with brink.load()."""

    def __init__(self, spec, name):
        self._spec = spec
        self._name = name

    @property
    def name(self):
        """metadata.name."""
        return self._spec.name

    @property
    def seed(self):
        """metadata.seed: the seed of brink.run and brink.ensemble when none is given."""
        return self._spec.seed

    def set(self, path, value):
        """Sets one value as `--set path=value` does (same paths, types and ranges) and returns self; a list
        (of ids, e.g. a demand's targets) is written "[a, b]". Raises ScenarioError for an unknown path or a bad
        value; the scenario is then unchanged."""
        if isinstance(value, (list, tuple)):  # a list of ids (a demand's targets): "[usa, nato]"
            text = "[" + ", ".join(_value_text(path, item) for item in value) + "]"
        else:
            text = _value_text(path, value)
        problems = _brink.apply_override(self._spec, str(path), text)
        if problems:
            raise ScenarioError(_texts(problems))
        return self

    def validate(self):
        """Checks every rule again (ScenarioError on any problem) and returns self."""
        problems = _brink.validate(self._spec, self._name)
        if problems:
            raise ScenarioError(_texts(problems))
        return self

    def to_yaml(self):
        """The scenario as a scenario file (every key explicit); brink.load() of it gives an equal scenario."""
        return _brink.dump(self._spec)

    def to_dict(self):
        """The scenario as nested dicts and lists (the YAML of to_yaml()); brink.load() takes it back."""
        return yaml.load(self.to_yaml(), Loader=_LOADER)

    def copy(self):
        """An independent copy (set() on it leaves this one unchanged)."""
        return Scenario(self._spec.copy(), self._name)

    def __repr__(self):
        return f"<brink.Scenario {self.name!r} from {self._name}>"


def load(source=None):
    """A Scenario from a file path (str or os.PathLike), YAML text (a str with a line break), a dict, or the
    bundled default scenario when `source` is None. Raises ScenarioError with every problem found."""
    if isinstance(source, Scenario):
        return source.copy()
    key_paths = None
    if source is None:
        name = _brink.default_scenario_path()
        spec, problems = _brink.load_file(name)
    elif isinstance(source, Mapping):
        text = _dict_text(source)
        name = DICT_NAME
        spec, problems = _brink.load_text(text, name)
        if problems:
            key_paths = _key_paths(text)
    elif isinstance(source, bytes):
        name = TEXT_NAME
        spec, problems = _brink.load_text(source.decode("utf-8", errors="replace"), name)
    elif isinstance(source, str) and "\n" in source:
        name = TEXT_NAME
        spec, problems = _brink.load_text(source, name)
    elif isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        spec, problems = _brink.load_file(name)
    else:
        raise TypeError(f"brink.load: expected a path, YAML text or a dict, got {type(source).__name__}")
    if spec is None or problems:
        raise ScenarioError(_texts(problems, key_paths) or [f"{name}: error: the scenario could not be loaded"])
    if not spec.source_path and name not in (DICT_NAME, TEXT_NAME):
        spec.source_path = name
    return Scenario(spec, name)


def as_scenario(scenario):
    """`scenario` itself when it is a Scenario, else brink.load(scenario)."""
    return scenario if isinstance(scenario, Scenario) else load(scenario)
