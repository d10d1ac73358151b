"""The engine's own tests, run inside Pyodide's Python (the browser's interpreter) under Node.

This proves the wheel the site ships works on Pyodide's Python version, without a browser.
Tests that need a subprocess or the file system outside the package are marked and left out.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import IN_CI, ROOT, SEEDS

pytestmark = pytest.mark.pyodide


def load_runtime_hook():
    spec = importlib.util.spec_from_file_location("browser_runtime", ROOT / "hooks" / "browser_runtime.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the hook loads
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("start", ["opstart", "opstart-gecompileerde-stdlib", "snapshot-beperkte-stdlib"])
def test_engine_test_suite_passes_inside_pyodide(tmp_path, start):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").exists():
        if IN_CI:
            pytest.fail("node of node_modules/pyodide ontbreekt in CI (scripts/setup)")
        pytest.skip("node of node_modules/pyodide ontbreekt")
    runtime = load_runtime_hook()
    snapshot = []
    gemaakt = None
    if start != "opstart":
        # The very files the site ships (made from the engine's own wheels, see hooks/snapshot.mjs): the snapshot with
        # the reduced standard library the calculator downloads instead of the whole one, or the compiled standard
        # library a boot takes.
        content_hash, engine_wheels, _ = runtime.bundle()
        gemaakt = runtime.make_snapshot(content_hash, engine_wheels)
        assert gemaakt is not None, "geheugensnapshot kon niet worden gemaakt"
    if start == "snapshot-beperkte-stdlib":
        snapshot = [f"--snapshot={gemaakt[0] / runtime.SNAPSHOT_FILE}", f"--stdlib={gemaakt[0] / runtime.STDLIB_FILE}"]
    elif start == "opstart-gecompileerde-stdlib":
        snapshot = [
            f"--stdlib={gemaakt[0] / runtime.OPSTART_STDLIB_FILE}",
            f"--later={gemaakt[0] / runtime.STDLIB_FILE}",
        ]
    # pytest and its pure-Python dependencies; hypothesis ships a compiled core, so the
    # property tests stay CPython-only (their invariants are the same code paths).
    test_tools = ("pytest", "pluggy", "iniconfig", "packaging", "pygments")
    _, wheels, lock = runtime.bundle(extra_distributions=test_tools)
    runtime.write_bundle(tmp_path / "bundle", wheels, lock)
    result = subprocess.run(
        [
            node,
            str(ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"),
            *snapshot,
            str(tmp_path / "bundle"),
            f"{ROOT / 'tests'}:/project/tests",
            f"{ROOT / 'docs'}:/project/docs",
            f"{SEEDS}:/shared/seeds",
            "--",
            "tests/engine",
            "-q",
            "-m",
            "not subprocess",
            "-p",
            "no:hypothesispytest",
            "--ignore=tests/engine/test_eigenschappen.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert "op emscripten" in output, output[-3000:]  # really Pyodide's interpreter, not the host's
    assert result.returncode == 0, output[-6000:]
    assert " passed" in output and " failed" not in output, output[-3000:]
    if start == "snapshot-beperkte-stdlib":
        assert "Uit de geheugensnapshot: True" in output, output[:2000]
    if start == "opstart-gecompileerde-stdlib":
        assert "Opgestart uit: /lib/python3" in output, output[:2000]
    if gemaakt is not None:
        # Really that archive, and the engine took nothing from the full one (the guard's verdict).
        archief = runtime.STDLIB_FILE if start == "snapshot-beperkte-stdlib" else runtime.OPSTART_STDLIB_FILE
        gedeeld = zipfile.ZipFile(gemaakt[0] / archief).namelist()
        assert f"Beperkte standaardbibliotheek: {len(gedeeld)} bestanden" in output, output[:2000]
        assert "Door de rekenkern uit de volledige standaardbibliotheek geleend: niets" in output, output[-3000:]
    print(output.strip().splitlines()[-1])  # e.g. "170 passed, 4 skipped in 9s": shown with pytest -s
