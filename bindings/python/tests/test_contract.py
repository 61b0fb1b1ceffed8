"""The dict is the Rust library's JSON, on every fixture; it validates against the JSON
Schema generated from the Rust types; the README's Python example runs."""

from __future__ import annotations

import copy
import json
import re
import subprocess

import jsonschema
import pytest

import vanban
from conftest import ROOT, rust_example


@pytest.fixture(scope="module")
def rust_json(fixture_texts):
    """`parse --format json FILE` of the Rust example, for every fixture."""
    exe = rust_example("parse")
    out = {}
    for f in fixture_texts:
        r = subprocess.run([str(exe), str(f), "--format", "json"], capture_output=True, check=True)
        out[f.name] = json.loads(r.stdout)
    return out


def test_every_fixture_equals_the_rust_json(parser, fixture_texts, rust_json):
    for f in fixture_texts:
        data = f.read_bytes()
        doc = parser.parse_bytes(data)
        assert doc == rust_json[f.name], f.name
        assert json.loads(parser.parse_bytes_json(data)) == doc, f.name
        # Key order too: the dict is the JSON object as serde writes it.
        assert list(doc) == list(rust_json[f.name]), f.name
        text = data.decode("utf-8")
        assert json.loads(parser.parse_json(text)) == parser.parse(text), f.name


def _strict(schema):
    """The schema with `additionalProperties: false` on every object with properties:
    a key the schema does not name fails validation."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node:
                node.setdefault("additionalProperties", False)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    return schema


def test_schema_is_the_checked_in_one():
    checked_in = json.loads((ROOT / "schema/document.schema.json").read_text(encoding="utf-8"))
    assert vanban.document_schema() == checked_in
    jsonschema.Draft202012Validator.check_schema(checked_in)


def test_every_fixture_validates_against_the_schema(parser, fixture_texts):
    validator = jsonschema.Draft202012Validator(_strict(vanban.document_schema()))
    for f in fixture_texts:
        errors = list(validator.iter_errors(parser.parse_bytes(f.read_bytes())))
        assert not errors, f"{f.name}: {errors[0].json_path}: {errors[0].message}"


def test_schema_catches_a_wrong_document(parser, fixture_texts):
    validator = jsonschema.Draft202012Validator(_strict(vanban.document_schema()))
    doc = parser.parse_bytes(fixture_texts[0].read_bytes())
    bad = copy.deepcopy(doc)
    bad["kind"] = "poem"
    assert not validator.is_valid(bad)
    bad = copy.deepcopy(doc)
    bad["input"]["extra"] = 1
    assert not validator.is_valid(bad)
    bad = copy.deepcopy(doc)
    bad["people"] = [{"id": 0, "name": "X"}]
    assert not validator.is_valid(bad)


def test_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "no Python example in the README's 'Use from Python' section"
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})
