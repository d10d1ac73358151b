"""The code stays as the project's checkers want it: ruff for all Python, mypy strict on the engine, and ESLint for the page scripts and
the Node scripts. Both are locked (uv.lock, package-lock.json) and run here, so ./scripts/test (and CI) fails when
they do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.subprocess


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint():
    r = _run(sys.executable, "-m", "ruff", "check", "--no-cache", ".")
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_format():
    # One layout for every Python file: a change shows what it changes, not how its author wraps lines.
    r = _run(sys.executable, "-m", "ruff", "format", "--check", "--no-cache", ".")
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_strikt_op_de_rekenkern():
    r = _run(sys.executable, "-m", "mypy", "--no-incremental")
    assert r.returncode == 0, r.stdout + r.stderr


def test_eslint():
    eslint = ROOT / "node_modules" / ".bin" / "eslint"
    assert eslint.exists(), "ESLint ontbreekt: ./scripts/setup installeert het met npm ci"
    node = shutil.which("node")
    assert node, "Node.js ontbreekt"
    r = _run(str(eslint), "--max-warnings", "0", ".")
    assert r.returncode == 0, r.stdout + r.stderr
