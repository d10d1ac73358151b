"""Benchmark van de rekenkern (calculators/): tijd per tijdlijn()-aanroep en importtijd.

Geen test: het script drukt cijfers af. Doelen: minder dan 1 ms per aanroep en minder dan
150 ms importtijd in CPython.

    python benchmarks/engine.py [--aanroepen N] [--herhalingen N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DOEL_AANROEP_MS = 1.0
DOEL_IMPORT_MS = 150.0


def _gevallen():
    """Alle regio's en routes, met en zonder opgegeven datums, over verschillende jaren."""
    from calculators import ROUTES, regio_codes

    meldingen = ["2024-09-02", "2025-04-17", "2025-12-23", "2026-04-24", "2027-05-05"]
    gevallen = []
    for regio in regio_codes():
        for route in ROUTES:
            for melding in meldingen:
                gevallen.append((regio, route, melding, {}))
                gevallen.append((regio, route, melding, {"spoed": True}))
        gevallen.append(
            (
                regio,
                "onderzoek",
                "2025-06-02",
                {"veiligheidsbeoordeling": "2025-06-04", "dienst_einde": "2025-08-01", "overdracht": "2025-08-04"},
            )
        )
    return gevallen


def meet_aanroepen(aantal: int) -> tuple[float, float, int]:
    from calculators import tijdlijn

    gevallen = _gevallen()
    for regio, route, melding, kwargs in gevallen:  # opwarmen: regels laden en caches vullen
        tijdlijn(regio, route, melding, **kwargs)
    tijden = []
    n = 0
    while n < aantal:
        for regio, route, melding, kwargs in gevallen:
            t0 = time.perf_counter()
            tijdlijn(regio, route, melding, **kwargs)
            tijden.append(time.perf_counter() - t0)
            n += 1
    return statistics.mean(tijden) * 1000, statistics.quantiles(tijden, n=100)[98] * 1000, n


def _proces_ms(code: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="0")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=str(ROOT))
    return (time.perf_counter() - t0) * 1000


def meet_import(herhalingen: int) -> tuple[float, float, float, float]:
    """Koude import (nieuw proces) min een kaal proces; ook met de eerste berekening (regels laden)."""
    _proces_ms("import calculators")  # .pyc-bestanden aanmaken, zodat elke meting hetzelfde doet
    kaal = min(_proces_ms("pass") for _ in range(herhalingen))
    met_import = min(_proces_ms("import calculators") for _ in range(herhalingen))
    eerste = min(
        _proces_ms("import calculators; calculators.tijdlijn('midden-brabant', 'onderzoek', '2025-06-02')")
        for _ in range(herhalingen)
    )
    importtime = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import calculators"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    eigen = [r for r in importtime.stderr.splitlines() if r.rstrip().endswith("| calculators")]
    cumulatief = float(eigen[-1].split("|")[1]) / 1000 if eigen else float("nan")
    return met_import - kaal, eerste - kaal, cumulatief, kaal


def main() -> int:
    p = argparse.ArgumentParser(description="Benchmark van de rekenkern.")
    p.add_argument("--aanroepen", type=int, default=5000)
    p.add_argument("--herhalingen", type=int, default=7)
    args = p.parse_args()

    print(f"Python {sys.version.split()[0]} ({sys.executable})")
    gemiddeld, p99, n = meet_aanroepen(args.aanroepen)
    print(
        f"tijdlijn(): {gemiddeld:.3f} ms gemiddeld, p99 {p99:.3f} ms over {n} aanroepen "
        f"(alle regio's en routes) — doel < {DOEL_AANROEP_MS:g} ms: {'ja' if gemiddeld < DOEL_AANROEP_MS else 'NEE'}"
    )
    import_ms, eerste_ms, importtime_ms, kaal_ms = meet_import(args.herhalingen)
    print(
        f"import calculators (koud, nieuw proces min kaal proces van {kaal_ms:.1f} ms): {import_ms:.1f} ms "
        f"— doel < {DOEL_IMPORT_MS:g} ms: {'ja' if import_ms < DOEL_IMPORT_MS else 'NEE'}"
    )
    print(f"  volgens python -X importtime (cumulatief): {importtime_ms:.1f} ms")
    print(f"import + eerste tijdlijn() (inclusief regelbestanden lezen en controleren): {eerste_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
