"""The rule data of the regions: loading (once per process and rules folder), checking, looking up.

The files are read through ``bestanden`` (the package's own files, or a folder chosen with
``gebruik_regelmap`` / ``AFSPRAKENWIJZER_REGELS``); one region file is parsed and checked
by ``regelbestand``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .begrippen import DIENST_ROUTES, REGIOS, ROUTES
from .bestanden import OMGEVINGSVARIABELE, cache_sleutel, gebruik_regelmap, gekozen_regelmap, lees_bestand, regelmap
from .fouten import AfsprakenFout, RegelbestandFout
from .invoer import toon
from .kalender import ATW_LID3_BESTAND, atw_lid3_jaren
from .regelbestand import Feit, Regel, RegioRegels, lees_regiotekst

__all__ = [
    "ATW_LID3_BESTAND", "OMGEVINGSVARIABELE", "Feit", "Regel", "RegioRegels", "alle_regios",
    "controleer_regelmap", "feiten", "gebruik_regelmap", "laad_regio", "partij_namen", "regelmap",
    "regio", "zoek_regels",
]

# Moments the national framework must be able to date for every route: the regions fall back
# on it, so without these rules no timeline can be made. (The overdracht after a direct
# handover is not among them: the framework sets no term for it, so it stays open unless given.)
VERPLICHT_LANDELIJK: dict[str, tuple[str, ...]] = {
    "veiligheidsbeoordeling-uiterlijk": ROUTES,
    "veilig-thuis-verantwoordelijk": ROUTES,
    "overdracht-uiterlijk": DIENST_ROUTES,
    "lokaal-team-verantwoordelijk": ROUTES,
    "dienst-einde-uiterlijk": DIENST_ROUTES,
}

_cache: dict[tuple, RegioRegels] = {}


def laad_regio(pad_of_tekst: str | os.PathLike, regio: str | None = None) -> RegioRegels:
    """Read and check one region file, bypassing the cache.

    ``pad_of_tekst`` is a path to a .toml file or the TOML text itself. For tests and the site
    build: a changed copy can be checked this way.
    """
    if isinstance(pad_of_tekst, os.PathLike) or (
        isinstance(pad_of_tekst, str) and "\n" not in pad_of_tekst and pad_of_tekst.endswith(".toml")
    ):
        pad = Path(pad_of_tekst)
        try:
            tekst = pad.read_text(encoding="utf-8")
        except OSError as e:
            raise RegelbestandFout(f"{pad.name}: bestand kan niet worden gelezen ({e.strerror})", pad.name) from None
        bestand = pad.name
    else:
        tekst, bestand = str(pad_of_tekst), f"{regio or 'regels'}.toml"
    regels = lees_regiotekst(tekst, bestand, regio)
    if regels.code == "landelijk":
        _controleer_landelijk(regels)
    return regels


def regio(code: str) -> RegioRegels:
    """The (checked) rules of one region; read once per process and rules folder."""
    if code not in REGIOS:
        raise AfsprakenFout(f"Onbekende regio {toon(code)}; kies uit: {', '.join(REGIOS)}.", veld="regio")
    sleutel = cache_sleutel(f"{code}.toml")
    if sleutel not in _cache:
        bestand = f"{code}.toml"
        regels = lees_regiotekst(lees_bestand(bestand), bestand, code)
        if code == "landelijk":
            _controleer_landelijk(regels)
        _cache[sleutel] = regels
    return _cache[sleutel]


def partij_namen(code: str) -> dict[str, str]:
    """How a region names each party; where its text is silent, the national name."""
    eigen, landelijk = regio(code).partijen, regio("landelijk").partijen
    return {partij: eigen.get(partij) or landelijk.get(partij) or partij for partij in {*landelijk, *eigen}}


def alle_regios() -> dict[str, RegioRegels]:
    return {code: regio(code) for code in REGIOS}


def controleer_regelmap(pad: str | os.PathLike | None = None) -> list[str]:
    """Check every rule file (of ``pad`` or the folder in use); returns the file names.

    Stops at the first error with a RegelbestandFout."""
    vorige = gekozen_regelmap()
    if pad is not None:
        gebruik_regelmap(pad)
    try:
        alle_regios()
        atw_lid3_jaren()
        return [f"{c}.toml" for c in REGIOS] + [ATW_LID3_BESTAND]
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
            "(wie is verantwoordelijk vanaf de melding, of verantwoordelijke = \"niemand\")",
            bestand=regels.bestand,
        )


def zoek_regels(
    regels: RegioRegels, moment: str, route: str, opties: dict, peildatum: dt.date
) -> list[Regel]:
    """The rules of one region that concern ``moment`` in this route, on this date, with these options."""
    return [
        r
        for r in regels.per_moment.get(moment, ())
        if route in r.routes and r.geldt_op(peildatum) and r.past_bij(opties)
    ]


def feiten(regels: RegioRegels, peildatum: dt.date) -> list[Feit]:
    return [f for f in regels.feiten if f.geldt_op(peildatum)]


def wijzigingsdatums(code: str, route: str) -> dict[dt.date, bool]:
    """Every date on which the rules that can apply to this region and route change, in order:
    True where a version of the agreements (of the region or the national framework) starts or
    ends, False where only a rule inside a version does."""
    datums: dict[dt.date, bool] = {}
    for bron in {code: regio(code), "landelijk": regio("landelijk")}.values():
        for v in bron.versies:
            for d in (v.geldig_vanaf, v.geldig_tot):
                if d is not None:
                    datums[d] = True
        for r in bron.regels:
            if route in r.routes:
                for d in (r.geldig_vanaf, r.geldig_tot):
                    if d is not None:
                        datums.setdefault(d, False)
    return dict(sorted(datums.items()))
