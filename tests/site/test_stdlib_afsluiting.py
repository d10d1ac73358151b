"""The reduced standard library follows every import statement of a module, at any depth of the code, and
the compiled one for a boot is compiled without docstrings (hooks/stdlib_afsluiting.py; that both archives
are complete is proven in tests/pyodide)."""

from __future__ import annotations

import marshal
import zipfile

import pytest

from hooks.stdlib_afsluiting import gecompileerd, imports_van


def test_elke_import_telt_ook_binnen_een_functie_en_relatief():
    bron = "import a.b\nfrom . import c\nfrom ..d import e\ndef f():\n    import g\n    from h import *\n"
    assert imports_van("p.q.m", bron, is_pakket=False) == {"a", "a.b", "p", "p.q", "p.q.c", "p.d", "p.d.e", "g", "h"}


def test_een_pakket_importeert_relatief_vanuit_zichzelf():
    assert imports_van("p.q", "from . import r\n", is_pakket=True) == {"p", "p.q", "p.q.r"}


def test_het_beperkte_archief_in_de_site_is_klein_en_ongecomprimeerd(built_site):
    [archief] = (p for p in built_site.glob("assets/rekenkern/*/stdlib-*.zip") if "-opstart-" not in p.name)
    with zipfile.ZipFile(archief) as z:
        namen = z.namelist()
        assert all(info.compress_type == zipfile.ZIP_STORED for info in z.infolist())
    volledig = next(built_site.glob("assets/pyodide/*/python_stdlib.zip"))
    with zipfile.ZipFile(volledig) as z:
        alle = set(z.namelist())
    assert set(namen) <= alle and len(namen) < len(alle) / 5
    # The engine's date parsing is imported lazily by the C datetime module: it must be there.
    assert "_strptime.py" in namen


def test_het_opstartarchief_is_gecompileerd_en_ongecomprimeerd_en_houdt_wat_een_start_laadt(built_site):
    [opstart] = built_site.glob("assets/rekenkern/*/stdlib-opstart-*.zip")
    volledig = next(built_site.glob("assets/pyodide/*/python_stdlib.zip"))
    with zipfile.ZipFile(volledig) as z:
        alle = set(z.namelist())
    with zipfile.ZipFile(opstart) as z:
        infos = z.infolist()
        assert all(info.compress_type == zipfile.ZIP_STORED for info in infos)
        assert all(info.filename.endswith(".pyc") for info in infos)
        # Unchecked hash-based pycs (PEP 552, flags 0b01): Python uses them without looking for a source.
        assert {int.from_bytes(z.read(info)[4:8], "little") for info in infos} == {1}
    bronnen = {info.filename.removesuffix("c") for info in infos}
    assert bronnen <= alle and len(bronnen) < len(alle) / 2
    # What a boot (its package loader too) and every kind of calculation load; not what could only come later.
    assert {"asyncio/__init__.py", "importlib/metadata/__init__.py", "tarfile.py", "tomllib/_parser.py"} <= bronnen
    assert not {"pdb.py", "pydoc.py", "doctest.py", "http/server.py"} & bronnen


def test_gecompileerd_laat_docstrings_weg_maar_houdt_asserts():
    bron = b'"""Module."""\nclass K:\n    "Klasse."\ndef f(x):\n    "Functie."\n    assert x, "nee"\n    return x\n'
    pyc = gecompileerd(bron, "/lib/python3.zip/m.py")
    code = marshal.loads(pyc[16:])
    assert code.co_filename == "/lib/python3.zip/m.py"
    ruimte: dict = {}
    exec(code, ruimte)
    assert ruimte.get("__doc__") is None and ruimte["K"].__doc__ is None and ruimte["f"].__doc__ is None
    assert ruimte["f"](3) == 3
    with pytest.raises(AssertionError, match="nee"):
        ruimte["f"](0)
