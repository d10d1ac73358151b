"""The regions: one rule file each, found in the rules folder, read once per process and folder.

A region exists because its file exists: ``<code>.toml`` directly in the rules folder (the
calendar's ``atw-lid3.toml`` aside). This is the one list of regions; everything else (the
calculators, the site, the source check) asks ``regio_codes()``. The national framework is the
region ``landelijk``: every other region falls back on it where its text is silent.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from ..basis.begrippen import DIENST_ROUTES, LANDELIJK, ROUTES
from ..basis.bestanden import (
    bij_andere_bestanden_in_geheugen,
    cache_sleutel,
    gebruik_regelmap,
    gekozen_regelmap,
    lees_bestand,
    lees_regelmap_bestanden,
    verouderd,
)
from ..basis.fouten import AfsprakenFout, RegelbestandFout
from ..basis.invoer import toon
from ..kalender.werkdagen import ATW_LID3_BESTAND, atw_lid3_jaren
from .aef import AEF_BESTAND, AEF_DOCUMENT, lees_aef_document
from .regelbestand import Document, RegioRegels, lees_regiotekst

# Moments the national framework must be able to date in these routes: the regions fall back on it. (Not among
# them: the overdracht after a direct handover, and the end of a dienst Voorwaarden & Vervolg: the framework sets
# no term for them, so they stay open unless given, and the result says so.)
VERPLICHT_LANDELIJK: dict[str, tuple[str, ...]] = {
    "veiligheidsbeoordeling-uiterlijk": ROUTES,
    "veilig-thuis-verantwoordelijk": ROUTES,
    "overdracht-uiterlijk": DIENST_ROUTES,
    "lokaal-team-verantwoordelijk": ROUTES,
    "dienst-einde-uiterlijk": ("onderzoek",),
}

_cache: dict[tuple[int, str, str, str], object] = {}
T = TypeVar("T")


def _vergeet_oude_geheugens() -> None:
    for sleutel in [s for s in _cache if verouderd(s)]:
        del _cache[sleutel]


bij_andere_bestanden_in_geheugen(_vergeet_oude_geheugens)


def _gecached(naam: str, maak: Callable[[], T]) -> T:
    """What ``maak`` makes from the rules folder in use, made once per folder."""
    sleutel = cache_sleutel(naam)
    if sleutel not in _cache:
        _cache[sleutel] = maak()
    return cast(T, _cache[sleutel])


def regio_codes() -> tuple[str, ...]:
    """The codes of all regions in the rules folder: the national framework first, then by name."""

    def zoek() -> tuple[str, ...]:
        codes = [n.removesuffix(".toml") for n in lees_regelmap_bestanden() if n != ATW_LID3_BESTAND]
        if LANDELIJK not in codes:
            raise RegelbestandFout(
                f"{LANDELIJK}.toml: bestand niet gevonden; het landelijk kader is de terugval "
                "voor elke regio en moet er zijn",
                bestand=f"{LANDELIJK}.toml",
            )
        return (LANDELIJK, *sorted(c for c in codes if c != LANDELIJK))

    return _gecached("regio-codes", zoek)


def documenten() -> dict[str, Document]:
    """Every text a rule may cite: each region's own text, and the AEF report."""

    def lees() -> dict[str, Document]:
        uit = {code: regio(code).document for code in regio_codes()}
        uit[AEF_DOCUMENT] = lees_aef_document()
        return uit

    return _gecached("documenten", lees)


def document(code: str) -> Document:
    return documenten()[code]


def documentmappen() -> tuple[str, ...]:
    """The site folders of the published texts ('midden-brabant/', 'achtergrond/', ...): every page under them
    is a source text and must say where it comes from."""
    return tuple(dict.fromkeys(d.pagina.split("/", 1)[0] + "/" for d in documenten().values()))


def document_codes() -> tuple[str, ...]:
    return (*regio_codes(), AEF_DOCUMENT)


def laad_regio(pad_of_tekst: str | os.PathLike[str], regio: str | None = None) -> RegioRegels:
    """Read and check one region file, bypassing the cache: a changed copy can be checked this way.

    ``pad_of_tekst`` is a path to a .toml file or the TOML text itself (then ``regio`` names it)."""
    if isinstance(pad_of_tekst, os.PathLike) or (
        isinstance(pad_of_tekst, str) and "\n" not in pad_of_tekst and pad_of_tekst.endswith(".toml")
    ):
        pad = Path(pad_of_tekst)
        try:
            tekst = pad.read_text(encoding="utf-8")
        except OSError as e:
            raise RegelbestandFout(f"{pad.name}: bestand kan niet worden gelezen ({e.strerror})", pad.name) from None
        bestand, code = pad.name, regio or pad.stem
    else:
        code = regio or LANDELIJK
        tekst, bestand = str(pad_of_tekst), f"{code}.toml"
    regels = lees_regiotekst(tekst, bestand, code, document_codes())
    if regels.code == LANDELIJK:
        _controleer_landelijk(regels)
    return regels


def regio(code: str) -> RegioRegels:
    """The (checked) rules of one region; read once per process and rules folder."""
    if code not in regio_codes():
        raise AfsprakenFout(f"Onbekende regio {toon(code)}; kies uit: {', '.join(regio_codes())}.", veld="regio")

    def lees() -> RegioRegels:
        bestand = f"{code}.toml"
        # The region files cite each other's documents: the codes come from the file names, not the files.
        regels = lees_regiotekst(lees_bestand(bestand), bestand, code, (*regio_codes(), AEF_DOCUMENT))
        if code == LANDELIJK:
            _controleer_landelijk(regels)
        return regels

    return _gecached(f"{code}.toml", lees)


def regio_naam(code: str) -> str:
    return regio(code).naam


def partij_namen(code: str) -> dict[str, str]:
    """How a region names each party; where its file does not, the national name."""
    eigen, landelijk = regio(code).partijen, regio(LANDELIJK).partijen
    return {partij: eigen.get(partij) or landelijk.get(partij) or partij for partij in {*landelijk, *eigen}}


def alle_regios() -> dict[str, RegioRegels]:
    return {code: regio(code) for code in regio_codes()}


def controleer_regelmap(pad: str | os.PathLike[str] | None = None) -> list[str]:
    """Check every data file of the rules folder ``pad`` (or the one in use); returns the file names. Stops at
    the first error with a RegelbestandFout."""
    vorige = gekozen_regelmap()
    if pad is not None:
        gebruik_regelmap(pad)
    try:
        alle_regios()
        documenten()
        atw_lid3_jaren()
        return [f"{c}.toml" for c in regio_codes()] + [ATW_LID3_BESTAND, AEF_BESTAND]
    finally:
        if pad is not None:
            gebruik_regelmap(vorige)


def _controleer_landelijk(regels: RegioRegels) -> None:
    for moment, routes in VERPLICHT_LANDELIJK.items():
        for route in routes:
            if not any(r.soort == "termijn" and r.moment == moment and route in r.routes for r in regels.regels):
                raise RegelbestandFout(
                    f"{regels.bestand}: regels: er ontbreekt een regel voor moment {moment!r} in route {route!r}; "
                    "het landelijk kader is de terugval voor alle regio's en moet dit moment kunnen dateren",
                    bestand=regels.bestand,
                )
    if not any(r.soort == "overgang" and r.moment == "melding" for r in regels.regels):
        raise RegelbestandFout(
            f"{regels.bestand}: regels: er ontbreekt een regel van soort 'overgang' voor moment 'melding' "
            '(wie is verantwoordelijk vanaf de melding, of verantwoordelijke = "niemand")',
            bestand=regels.bestand,
        )
