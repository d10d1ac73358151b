"""Toegang tot de regeldata: laden (één keer per proces), controleren en opzoeken.

De regelbestanden staan in het pakket (calculators/rules/, gelezen met
importlib.resources, zodat het ook in Pyodide werkt). Een andere regelmap kan
worden gekozen met ``gebruik_regelmap(pad)`` of de omgevingsvariabele
``AFSPRAKENWIJZER_REGELS`` (de site-bouwtest kopieert de map, wijzigt één waarde
en bouwt daarmee).
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from importlib import resources
from pathlib import Path

from .begrippen import DIENST_ROUTES, REGIOS, ROUTES
from .fouten import RegelbestandFout
from .regelbestand import Feit, Regel, RegioRegels, lees_regiotekst

OMGEVINGSVARIABELE = "AFSPRAKENWIJZER_REGELS"
ATW_LID3_BESTAND = "atw-lid3.toml"

# Momenten die het landelijk kader voor elke route moet kunnen dateren: de regio's
# vallen hierop terug, dus zonder deze regels kan geen tijdlijn worden gemaakt.
VERPLICHT_LANDELIJK: dict[str, tuple[str, ...]] = {
    "veiligheidsbeoordeling-uiterlijk": ROUTES,
    "veilig-thuis-verantwoordelijk": ROUTES,
    "overdracht-uiterlijk": ROUTES,
    "lokaal-team-verantwoordelijk": ROUTES,
    "dienst-einde-uiterlijk": DIENST_ROUTES,
}

_gekozen_map: Path | None = None
_cache: dict[tuple[str, str], object] = {}


def gebruik_regelmap(pad: str | os.PathLike | None) -> None:
    """Gebruik voortaan de regelbestanden uit ``pad`` (None = de bestanden in het pakket)."""
    global _gekozen_map
    _gekozen_map = Path(pad) if pad is not None else None
    _cache.clear()


def regelmap() -> Path | None:
    """De gekozen regelmap, of None voor de bestanden in het pakket."""
    if _gekozen_map is not None:
        return _gekozen_map
    omgeving = os.environ.get(OMGEVINGSVARIABELE)
    return Path(omgeving) if omgeving else None


def _lees_bestand(naam: str) -> str:
    map_ = regelmap()
    try:
        if map_ is None:
            return resources.files("calculators").joinpath("rules", naam).read_text(encoding="utf-8")
        return (map_ / naam).read_text(encoding="utf-8")
    except FileNotFoundError:
        waar = "het pakket" if map_ is None else str(map_)
        raise RegelbestandFout(f"{naam}: bestand niet gevonden in {waar}", bestand=naam) from None
    except UnicodeDecodeError:
        raise RegelbestandFout(f"{naam}: bestand is geen UTF-8-tekst", bestand=naam) from None


def laad_regio(pad_of_tekst: str | os.PathLike, regio: str | None = None) -> RegioRegels:
    """Lees en controleer één regiobestand, los van de cache.

    ``pad_of_tekst`` is een pad naar een .toml-bestand of de TOML-tekst zelf. Voor
    tests en de site-bouw: zo kan een gewijzigde kopie worden gecontroleerd.
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
    """De (gecontroleerde) regels van een regio; één keer per proces geladen."""
    if code not in REGIOS:
        from .fouten import AfsprakenFout

        raise AfsprakenFout(f"Onbekende regio {code!r}; kies uit: {', '.join(REGIOS)}.", veld="regio")
    sleutel = (str(regelmap()), code)
    if sleutel not in _cache:
        bestand = f"{code}.toml"
        regels = lees_regiotekst(_lees_bestand(bestand), bestand, code)
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
    """Controleer alle regelbestanden (van ``pad`` of de huidige regelmap); geeft de bestandsnamen.

    Stopt bij de eerste fout met een RegelbestandFout.
    """
    vorige = _gekozen_map
    if pad is not None:
        gebruik_regelmap(pad)
    try:
        alle_regios()
        _atw_lid3()
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
            "(wie is verantwoordelijk vanaf de melding)",
            bestand=regels.bestand,
        )


def zoek_regels(
    regels: RegioRegels, moment: str, route: str, opties: dict, peildatum: dt.date
) -> list[Regel]:
    """De regels van één regio die ``moment`` raken in deze route, op deze datum, bij deze opties."""
    return [
        r
        for r in regels.regels
        if moment in r.raakt and route in r.routes and r.geldt_op(peildatum) and r.past_bij(opties)
    ]


def feiten(regels: RegioRegels, peildatum: dt.date) -> list[Feit]:
    return [f for f in regels.feiten if f.geldt_op(peildatum)]


# --- Atw art. 3 lid 3: per jaar bij besluit gelijkgestelde dagen -------------------------------


def _atw_lid3() -> dict:
    sleutel = (str(regelmap()), ATW_LID3_BESTAND)
    if sleutel not in _cache:
        _cache[sleutel] = _lees_atw_lid3(_lees_bestand(ATW_LID3_BESTAND))
    return _cache[sleutel]


def _lees_atw_lid3(tekst: str) -> dict:
    naam = ATW_LID3_BESTAND

    def fout(tekst_: str) -> RegelbestandFout:
        return RegelbestandFout(f"{naam}: {tekst_}", bestand=naam)

    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        raise fout(f"geen geldige TOML: {e}") from None
    besluiten = data.get("besluit")
    if not isinstance(besluiten, list) or not besluiten:
        raise fout("er moet ten minste één [[besluit]]-blok zijn")
    per_jaar: dict[int, dict[dt.date, tuple[str, str]]] = {}
    for i, b in enumerate(besluiten, 1):
        if not isinstance(b, dict):
            raise fout(f"besluit nr. {i}: moet een tabel zijn")
        for veld in b:
            if veld not in ("bron", "dagen", "jaren", "titel"):
                raise fout(f"besluit nr. {i}: veld {veld!r} is onbekend; toegestaan: bron, dagen, jaren, titel")
        titel = b.get("titel")
        if not isinstance(titel, str) or not titel.strip():
            raise fout(f"besluit nr. {i}: veld 'titel' ontbreekt (de titel van het besluit is de bron)")
        if not isinstance(b.get("bron"), str) or not b["bron"].strip():
            raise fout(f"besluit nr. {i}: veld 'bron' ontbreekt")
        jaren = b.get("jaren")
        if not isinstance(jaren, list) or not jaren or not all(isinstance(j, int) for j in jaren):
            raise fout(f"besluit nr. {i}: veld 'jaren' moet een lijst met jaartallen zijn (de jaren die het dekt)")
        for j in jaren:
            if j in per_jaar:
                raise fout(f"besluit nr. {i}: jaar {j} komt al in een ander besluit voor")
            per_jaar[j] = {}
        dagen = b.get("dagen")
        if not isinstance(dagen, list):
            raise fout(f"besluit nr. {i}: veld 'dagen' ontbreekt")
        for d in dagen:
            if not isinstance(d, dict) or not isinstance(d.get("datum"), dt.date) or isinstance(
                d.get("datum"), dt.datetime
            ):
                raise fout(f"besluit nr. {i}: elke dag moet een 'datum' (JJJJ-MM-DD) hebben")
            if not isinstance(d.get("naam"), str) or not d["naam"].strip():
                raise fout(f"besluit nr. {i}: dag {d['datum']}: veld 'naam' ontbreekt")
            if d["datum"].year not in jaren:
                raise fout(f"besluit nr. {i}: dag {d['datum']} valt niet in de jaren {jaren} van dit besluit")
            per_jaar[d["datum"].year][d["datum"]] = (
                f"{d['naam']} (gelijkgesteld)",
                f"Atw art. 3 lid 3: {titel.strip()}",
            )
    return per_jaar


def atw_lid3_jaren() -> tuple[int, ...]:
    return tuple(sorted(_atw_lid3()))


def atw_lid3_dagen(jaar: int) -> dict[dt.date, tuple[str, str]]:
    """De bij besluit gelijkgestelde dagen van ``jaar``; fout als het jaar niet gedekt is.

    Een niet-gedekt jaar stil als 'geen extra dagen' behandelen zou een uitkomst
    geven die er zekerder uitziet dan hij is; daarom een duidelijke fout.
    """
    per_jaar = _atw_lid3()
    if jaar not in per_jaar:
        from .fouten import AfsprakenFout

        jaren = sorted(per_jaar)
        raise AfsprakenFout(
            f"Kalender 'atw-lid3': voor {jaar} staan geen besluiten (Atw art. 3 lid 3) in de regeldata; "
            f"gedekt zijn {jaren[0]} tot en met {jaren[-1]}. Kies kalender 'atw' of 'weekend'.",
            veld="kalender",
        )
    return per_jaar[jaar]


def overzicht(peildatum: dt.date | None = None) -> dict:
    """Alle regelwaarden per regio als gewone data (voor de MkDocs-macro's)."""
    from .overzicht import maak_overzicht

    return maak_overzicht(peildatum)
