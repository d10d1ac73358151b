"""The guard of the run from the reduced standard library notices what the engine takes from the full one,
and only that (tests/pyodide/stdlib_wacht.py; the run itself is in test_engine_in_pyodide.py)."""

from __future__ import annotations

import sys
import types
import zipfile

import pytest

from tests.pyodide.stdlib_wacht import installeer


@pytest.fixture
def archieven(tmp_path):
    """A 'reduced' and a 'full' archive: the full one holds two modules and a submodule of a package that
    the reduced one holds."""
    beperkt, volledig = tmp_path / "beperkt.zip", tmp_path / "volledig.zip"
    with zipfile.ZipFile(beperkt, "w") as z:
        z.writestr("wachtpakket/__init__.py", "")
    with zipfile.ZipFile(volledig, "w") as z:
        z.writestr("wachtpakket/__init__.py", "")
        z.writestr("wachtpakket/diep.py", "WAARDE = 3\n")
        z.writestr("wacht_leen_a.py", "WAARDE = 1\n")
        z.writestr("wacht_leen_b.py", "WAARDE = 2\n")
    sys.path.insert(0, str(beperkt))
    import wachtpakket  # noqa: F401  loaded from the reduced archive, as a restored package would be

    pad_voor, meta_voor = list(sys.path), list(sys.meta_path)
    yield str(beperkt), str(volledig)
    sys.path[:] = [p for p in pad_voor if p != str(beperkt)]
    sys.meta_path[:] = meta_voor
    for naam in ("wachtpakket", "wachtpakket.diep", "wacht_leen_a", "wacht_leen_b", "nepkern", "neptest"):
        sys.modules.pop(naam, None)


def _module(naam: str, bron: str) -> types.ModuleType:
    module = types.ModuleType(naam)
    exec(compile(bron, f"/elders/{naam}.py", "exec"), module.__dict__)
    sys.modules[naam] = module
    return module


def test_wat_de_rekenkern_uit_de_volledige_bibliotheek_haalt_staat_op_de_lijst(archieven):
    beperkt, volledig = archieven
    wacht = installeer(volledig, beperkt, {"nepkern"})
    kern = _module("nepkern", "def reken():\n    import wacht_leen_a\n    import wachtpakket.diep\n    return 1\n")
    assert kern.reken() == 1
    assert [naam for naam, _ in wacht.geleend] == ["wacht_leen_a", "wachtpakket.diep"]
    assert "nepkern (/elders/nepkern.py:2)" in wacht.geleend[0][1]


def test_wat_een_test_uit_de_volledige_bibliotheek_haalt_mag(archieven):
    beperkt, volledig = archieven
    wacht = installeer(volledig, beperkt, {"nepkern"})
    test = _module("neptest", "def gebruik():\n    import wacht_leen_b\n    return wacht_leen_b.WAARDE\n")
    assert test.gebruik() == 2
    assert wacht.geleend == []
