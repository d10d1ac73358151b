"""The engine's modules form layers without cycles (calculators.LAGEN): a module imports only
modules listed before it, at the top of the file, and every module can be imported on its own."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import calculators

from .conftest import PAKKET, REPO

VOLGORDE = [module for laag in calculators.LAGEN for module in laag]
PLAATS = {module: i for i, module in enumerate(VOLGORDE)}
LAAG = {module: i for i, laag in enumerate(calculators.LAGEN) for module in laag}


def _pad(module: str):
    return PAKKET / (module.replace(".", "/") + ".py")


def _module(pad) -> str:
    return ".".join(pad.relative_to(PAKKET).with_suffix("").parts)


def _imports(module: str) -> list[tuple[str, bool]]:
    """(imported engine module, at the top of the file?) for every import in one module."""
    pad = _pad(module)
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    bovenaan = {id(n) for n in boom.body}
    pakket = module.split(".")[:-1]
    uit = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom) and knoop.level >= 1:
            basis = pakket[: len(pakket) - (knoop.level - 1)] if knoop.level > 1 else pakket
            if knoop.module:
                naam = ".".join([*basis, knoop.module])
                onder = [f"{naam}.{a.name}" for a in knoop.names if f"{naam}.{a.name}" in PLAATS]
                uit += [(x, id(knoop) in bovenaan) for x in (onder or [naam])]
            else:  # 'from . import x' / 'from .. import x': modules x of that package
                uit += [(".".join([*basis, a.name]), id(knoop) in bovenaan) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and (knoop.module or "").startswith("calculators."):
            uit.append((knoop.module.removeprefix("calculators."), id(knoop) in bovenaan))
        elif isinstance(knoop, ast.Import):
            uit += [
                (a.name.removeprefix("calculators."), id(knoop) in bovenaan)
                for a in knoop.names
                if a.name.startswith("calculators.")
            ]
    return uit


def test_elke_module_staat_in_een_laag():
    modules = {_module(p) for p in PAKKET.rglob("*.py")} - {
        _module(p) for p in PAKKET.glob("*/__init__.py")
    }  # a layer's __init__ only describes it
    assert modules == set(PLAATS), (
        f"niet in LAGEN: {sorted(modules - set(PLAATS))}; weg: {sorted(set(PLAATS) - modules)}"
    )


def test_laagpakketten_bevatten_alleen_een_beschrijving():
    for init in PAKKET.glob("*/__init__.py"):
        boom = ast.parse(init.read_text(encoding="utf-8"))
        assert all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in boom.body), init


@pytest.mark.parametrize("module", VOLGORDE)
def test_module_gebruikt_alleen_eerdere_modules(module):
    for naam, bovenaan in _imports(module):
        assert bovenaan, f"{module} importeert {naam} binnen een functie (verbergt een kring)"
        assert naam in PLAATS, f"{module} importeert {naam}, dat niet in LAGEN staat"
        assert PLAATS[naam] < PLAATS[module], (
            f"{module} (laag {LAAG[module] + 1}) importeert {naam} (laag {LAAG[naam] + 1}): alleen modules die "
            "eerder in LAGEN staan"
        )


@pytest.mark.subprocess
@pytest.mark.parametrize("module", sorted(m for m in PLAATS if m not in ("__init__", "__main__")))
def test_module_laat_zich_alleen_importeren(module):
    r = subprocess.run(
        [sys.executable, "-c", f"import calculators.{module}"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
