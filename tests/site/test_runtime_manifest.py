"""The runtime manifest (assets/rekenhulp-bestanden.json) that deploy/controleer-hosting compares a
deployment against: it lists every file of the runtime directories, with the right size and hash."""

from __future__ import annotations

import hashlib
import json

from hooks.browser_runtime import RUNTIME_MANIFEST


def test_manifest_lists_every_runtime_file_with_size_and_sha256(built_site):
    manifest = json.loads((built_site / RUNTIME_MANIFEST).read_text(encoding="utf-8"))
    listed = {entry["pad"]: entry for entry in manifest["bestanden"]}
    runtime_dirs = [built_site / "assets" / "pyodide" / manifest["pyodide_versie"],
                    built_site / "assets" / "rekenkern" / manifest["rekenkern"]]
    # The compressed copies beside the files (hooks/comprimeren.py) are not the runtime: a server may do without.
    on_disk = {path.relative_to(built_site).as_posix() for directory in runtime_dirs
               for path in directory.rglob("*") if path.is_file() and path.suffix not in {".br", ".gz"}}
    assert len(on_disk) >= 6 and on_disk <= set(listed)
    # The calculator's own scripts are part of it too.
    assert {"assets/javascripts/rekenhulp.js", "assets/javascripts/rekenhulp-worker.js"} <= set(listed)
    # So are the rule-change page's script and the published sources it sends to the same worker.
    assert "assets/javascripts/regelwijziging.js" in listed
    assert any(path.startswith("assets/regelwijziging/bronnen-") for path in listed)
    for path, entry in listed.items():
        data = (built_site / path).read_bytes()
        assert entry["grootte"] == len(data), path
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), path


def test_manifest_names_the_runtime_the_pages_load(built_site):
    manifest = json.loads((built_site / RUNTIME_MANIFEST).read_text(encoding="utf-8"))
    paths = {entry["pad"] for entry in manifest["bestanden"]}
    version, engine = manifest["pyodide_versie"], manifest["rekenkern"]
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert f"assets/pyodide/{version}/{name}" in paths
    assert f"assets/rekenkern/{engine}/pyodide-lock.json" in paths
    calculator_page = (built_site / "rekenhulpen" / "index.html").read_text(encoding="utf-8")
    assert f"assets/rekenkern/{engine}/pyodide-lock.json" in calculator_page
    # The memory snapshot the worker restores is checked like every other runtime file.
    snapshots = [p for p in paths if p.endswith(".snapshot")]
    assert len(snapshots) == 1 and snapshots[0].startswith(f"assets/rekenkern/{engine}/")
    assert snapshots[0] in calculator_page
