"""Shared fixtures: the repository root, the Rust example binaries, one parser."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import vanban

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"


def rust_example(name: str) -> Path:
    """Path of the Rust example `name` (built by `.ci/python.sh`): $VANBAN_EXAMPLES, or
    target/release/examples, or target/debug/examples; built in debug when missing."""
    dirs = [os.environ.get("VANBAN_EXAMPLES"), ROOT / "target/release/examples", ROOT / "target/debug/examples"]
    for d in dirs:
        if d and (Path(d) / name).is_file():
            return Path(d) / name
    if shutil.which("cargo") is None:
        pytest.fail(f"the Rust example {name} is not built and cargo is not on PATH")
    subprocess.run(["cargo", "build", "--example", name], cwd=ROOT, check=True)
    return ROOT / "target/debug/examples" / name


@pytest.fixture(scope="session")
def parser() -> vanban.Parser:
    return vanban.Parser()


@pytest.fixture(scope="session")
def fixture_texts() -> list[Path]:
    files = sorted((ROOT / "fixtures").glob("*.txt"))
    assert len(files) > 10, f"only {len(files)} fixtures in {ROOT / 'fixtures'}"
    return files
