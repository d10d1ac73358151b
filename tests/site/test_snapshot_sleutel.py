"""The address of the engine's bundle and snapshot changes with everything they are made of: the engine's code
and rules (through the wheels' sha256 in the lock) and the Pyodide release (which the lock's 'info' does not
name). Otherwise a patch upgrade of Pyodide would serve a snapshot made by the old runtime, which the browser
cannot restore and silently replaces with a slow boot."""

from __future__ import annotations

from hooks import browser_runtime


def test_de_sleutel_volgt_de_pyodide_versie(monkeypatch):
    sleutel, _, _ = browser_runtime.bundle()
    monkeypatch.setattr(browser_runtime, "pyodide_version", lambda: "0.0.0-anders")
    anders, _, _ = browser_runtime.bundle()
    assert sleutel != anders


def test_de_sleutel_volgt_de_rekenkern(monkeypatch):
    sleutel, wheels, _ = browser_runtime.bundle()
    echt = browser_runtime.engine_wheel

    def gewijzigd():
        w = echt()
        return w.__class__(w.name, w.version, w.file_name, w.imports, w.depends, w.data + b"\0")

    monkeypatch.setattr(browser_runtime, "engine_wheel", gewijzigd)
    anders, _, _ = browser_runtime.bundle()
    assert sleutel != anders
