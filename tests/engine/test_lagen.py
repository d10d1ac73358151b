"""The engine's modules form layers without cycles (calculators.LAGEN): a module imports only
modules of lower layers, at the top of the file, and every module can be imported on its own."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import calculators

from .conftest import PAKKET, REPO

LAAG = {module: i for i, laag in enumerate(calculators.LAGEN) for module in laag}


def _imports(pad) -> list[tuple[str, bool]]:
    """(imported engine module, at the top of the file?) for every import in one file."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    bovenaan = set(id(n) for n in boom.body)
    uit = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom) and knoop.level == 1:
            namen = [knoop.module] if knoop.module else [a.name for a in knoop.names]
            uit += [(naam.split(".")[0], id(knoop) in bovenaan) for naam in namen]
        elif isinstance(knoop, ast.ImportFrom) and (knoop.module or "").startswith("calculators."):
            uit.append((knoop.module.split(".")[1], id(knoop) in bovenaan))
        elif isinstance(knoop, ast.Import):
            uit += [(a.name.split(".")[1], id(knoop) in bovenaan) for a in knoop.names if a.name.startswith("calculators.")]
    return uit


def test_elke_module_staat_in_een_laag():
    modules = {p.stem for p in PAKKET.glob("*.py")}
    assert modules == set(LAAG), f"niet in LAGEN: {sorted(modules - set(LAAG))}; weg: {sorted(set(LAAG) - modules)}"


@pytest.mark.parametrize("module", sorted(LAAG))
def test_module_gebruikt_alleen_lagere_lagen(module):
    for naam, bovenaan in _imports(PAKKET / f"{module}.py"):
        assert bovenaan, f"{module} importeert {naam} binnen een functie (verbergt een kring)"
        assert LAAG[naam] < LAAG[module], (
            f"{module} (laag {LAAG[module] + 1}) importeert {naam} (laag {LAAG[naam] + 1}): alleen lagere lagen")


@pytest.mark.subprocess
@pytest.mark.parametrize("module", sorted(m for m in LAAG if m not in ("__init__", "__main__")))
def test_module_laat_zich_alleen_importeren(module):
    r = subprocess.run([sys.executable, "-c", f"import calculators.{module}"], cwd=REPO, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
