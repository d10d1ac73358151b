"""The reduced standard library follows every import statement of a module, at any depth of the code
(hooks/stdlib_afsluiting.py; that the archive is complete is proven in tests/pyodide)."""

from __future__ import annotations

import zipfile

from hooks.stdlib_afsluiting import imports_van


def test_elke_import_telt_ook_binnen_een_functie_en_relatief():
    bron = "import a.b\nfrom . import c\nfrom ..d import e\ndef f():\n    import g\n    from h import *\n"
    assert imports_van("p.q.m", bron, is_pakket=False) == {"a", "a.b", "p", "p.q", "p.q.c", "p.d", "p.d.e", "g", "h"}


def test_een_pakket_importeert_relatief_vanuit_zichzelf():
    assert imports_van("p.q", "from . import r\n", is_pakket=True) == {"p", "p.q", "p.q.r"}


def test_het_beperkte_archief_in_de_site_is_klein_en_ongecomprimeerd(built_site):
    [archief] = built_site.glob("assets/rekenkern/*/stdlib-*.zip")
    with zipfile.ZipFile(archief) as z:
        namen = z.namelist()
        assert all(info.compress_type == zipfile.ZIP_STORED for info in z.infolist())
    volledig = next(built_site.glob("assets/pyodide/*/python_stdlib.zip"))
    with zipfile.ZipFile(volledig) as z:
        alle = set(z.namelist())
    assert set(namen) <= alle and len(namen) < len(alle) / 5
    # The engine's date parsing is imported lazily by the C datetime module: it must be there.
    assert "_strptime.py" in namen
