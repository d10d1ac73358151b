"""Gedeelde hulpmiddelen voor de tests van de rekenhulp (calculators/)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"

if str(REPO) not in sys.path:  # zodat de tests ook zonder installatie van het pakket draaien
    sys.path.insert(0, str(REPO))

import calculators  # noqa: E402  (na het aanvullen van sys.path)
from calculators.basis import bestanden  # noqa: E402

# De code en regelbestanden zoals ze geïmporteerd worden: in Pyodide is dat het geïnstalleerde wiel,
# niet de werkmap (die is daar niet aanwezig).
PAKKET = Path(calculators.__file__).resolve().parent
RULES = PAKKET / "rules"


def d(tekst: str) -> dt.date:
    return dt.date.fromisoformat(tekst)


def run_cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Start ``python -m calculators`` als apart proces (zoals een registratiesysteem dat zou doen)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("AFSPRAKENWIJZER_REGELS", None)
    env.pop("AFSPRAKENWIJZER_DEBUG", None)
    if env_extra:
        env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=str(REPO),
        env=env,
        timeout=60,
    )


@pytest.fixture(autouse=True)
def _standaard_regelmap():
    """Elke test begint met de regelbestanden uit het pakket."""

    bestanden.gebruik_regelmap(None)
    yield
    bestanden.gebruik_regelmap(None)
