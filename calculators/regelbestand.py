"""Eén regelbestand (TOML) lezen en controleren.

Beleidsmedewerkers houden deze bestanden bij, dus elke fout stopt met een
Nederlandse melding die het bestand en het veld noemt, bijvoorbeeld:
"midden-brabant.toml: regel 'overdracht-oppakken': veld 'eenheid' heeft onbekende
waarde 'dagen2'; toegestaan: dagen, maanden, weken, werkdagen".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from .begrippen import (
    DATUM_SOORTEN,
    DOCUMENTEN,
    EENHEDEN,
    INVOER_MOMENTEN,
    MOMENTEN,
    NIEMAND,
    OPTIES,
    PARTIJEN,
    REGIOS,
    ROUTES,
    invoerketen,
)
from .bestanden import lees_toml
from .fouten import RegelbestandFout
from .model import AfsprakenVersie, Bron

_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ANKER = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
_SOORTEN = ("overgang", "termijn", "vervalt")


@dataclass(frozen=True)
class Regel:
    """Eén regelwaarde met geldigheid en bron (OpenFisca-stijl).

    soort:
      'termijn'  - ``moment`` = ``vanaf`` + ``aantal`` ``eenheid`` (``datum``: einde-termijn of dag-na-termijn);
                   ``wettelijk = true``: een termijn uit een wet of AMvB, die de Algemene termijnenwet verlengt
      'overgang' - op invoermoment ``moment`` wordt ``verantwoordelijke`` verantwoordelijk
                   (``verantwoordelijke = "niemand"``: de tekst wijst vanaf dan niemand aan)
      'vervalt'  - de ``momenten`` komen niet voor (bijv. geen monitoring na inbreng Jeugdbeschermingstafel)
    """

    code: str
    soort: str
    regio: str
    versie: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    bron: Bron
    moment: str | None = None
    momenten: tuple[str, ...] = ()
    aantal: int | None = None
    eenheid: str | None = None
    vanaf: str | None = None
    datum: str = "einde-termijn"
    verantwoordelijke: str | None = None
    routes: tuple[str, ...] = ROUTES
    als: tuple[tuple[str, object], ...] = ()
    binnen: str | None = None
    omschrijving: str | None = None
    interpretatie: str | None = None
    opmerking_zonder_datum: str | None = None
    wettelijk: bool = False

    def geldt_op(self, datum: dt.date) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum < self.geldig_tot)

    def past_bij(self, opties: dict) -> bool:
        return all(opties.get(k) == v for k, v in self.als)

    @cached_property
    def raakt(self) -> tuple[str, ...]:
        return self.momenten if self.soort == "vervalt" else (self.moment,)


@dataclass(frozen=True)
class Feit:
    """Een niet-datumgegeven voor de vergelijkingspagina (criteria, werkwijzen), met bron."""

    code: str
    regio: str
    versie: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    omschrijving: str
    waarde: object
    bron: Bron
    routes: tuple[str, ...] = ROUTES
    interpretatie: str | None = None

    def geldt_op(self, datum: dt.date) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum < self.geldig_tot)


@dataclass(frozen=True)
class RegioRegels:
    code: str
    naam: str
    bestand: str
    partijen: dict
    versies: tuple[AfsprakenVersie, ...]
    regels: tuple[Regel, ...]
    feiten: tuple[Feit, ...]

    @cached_property
    def per_moment(self) -> dict[str, tuple[Regel, ...]]:
        """The rules by each moment they concern, in file order: a calculation looks them up dozens of times."""
        index: dict[str, list[Regel]] = {}
        for r in self.regels:
            for moment in r.raakt:
                index.setdefault(moment, []).append(r)
        return {moment: tuple(regels) for moment, regels in index.items()}

    def versie_op(self, datum: dt.date) -> AfsprakenVersie | None:
        for v in self.versies:
            if v.geldt_op(datum):
                return v
        return None


class _Lezer:
    """Houdt de bestandsnaam bij zodat elke foutmelding ermee begint."""

    def __init__(self, bestand: str) -> None:
        self.bestand = bestand

    def fout(self, waar: str, tekst: str) -> RegelbestandFout:
        plek = f"{self.bestand}: {waar}: " if waar else f"{self.bestand}: "
        return RegelbestandFout(plek + tekst, bestand=self.bestand)

    def tabel(self, data: object, waar: str) -> dict:
        if not isinstance(data, dict):
            raise self.fout(waar, "moet een tabel zijn (velden met naam = waarde)")
        return data

    def onbekende_velden(self, data: dict, waar: str, toegestaan: tuple[str, ...]) -> None:
        for sleutel in data:
            if sleutel not in toegestaan:
                raise self.fout(
                    waar, f"veld {sleutel!r} is onbekend; toegestaan: {', '.join(sorted(toegestaan))}"
                )

    def verplicht(self, data: dict, veld: str, waar: str) -> object:
        if veld not in data:
            raise self.fout(waar, f"veld {veld!r} ontbreekt")
        return data[veld]

    def tekst(self, data: dict, veld: str, waar: str, verplicht: bool = True) -> str | None:
        if veld not in data:
            if verplicht:
                raise self.fout(waar, f"veld {veld!r} ontbreekt")
            return None
        waarde = data[veld]
        if not isinstance(waarde, str) or not waarde.strip():
            raise self.fout(waar, f"veld {veld!r} moet een niet-lege tekst zijn, niet {waarde!r}")
        return waarde.strip()

    def keuze(self, data: dict, veld: str, waar: str, toegestaan, verplicht: bool = True) -> str | None:
        waarde = self.tekst(data, veld, waar, verplicht)
        if waarde is None:
            return None
        if waarde not in toegestaan:
            raise self.fout(
                waar, f"veld {veld!r} heeft onbekende waarde {waarde!r}; toegestaan: {', '.join(sorted(toegestaan))}"
            )
        return waarde

    def datum(self, data: dict, veld: str, waar: str, verplicht: bool = True) -> dt.date | None:
        if veld not in data:
            if verplicht:
                raise self.fout(waar, f"veld {veld!r} ontbreekt")
            return None
        waarde = data[veld]
        if isinstance(waarde, dt.datetime):
            raise self.fout(waar, f"veld {veld!r} moet een datum zonder tijd zijn (JJJJ-MM-DD)")
        if isinstance(waarde, dt.date):
            return waarde
        if isinstance(waarde, str):
            try:
                return dt.date.fromisoformat(waarde.strip())
            except ValueError:
                pass
        raise self.fout(waar, f"veld {veld!r} moet een datum zijn (JJJJ-MM-DD), niet {waarde!r}")

    def lijst(self, data: dict, veld: str, waar: str, toegestaan=None) -> tuple[str, ...] | None:
        if veld not in data:
            return None
        waarde = data[veld]
        if not isinstance(waarde, list) or not waarde or not all(isinstance(x, str) for x in waarde):
            raise self.fout(waar, f"veld {veld!r} moet een niet-lege lijst met teksten zijn")
        if toegestaan is not None:
            for x in waarde:
                if x not in toegestaan:
                    raise self.fout(
                        waar,
                        f"veld {veld!r} bevat onbekende waarde {x!r}; toegestaan: {', '.join(sorted(toegestaan))}",
                    )
        if len(set(waarde)) != len(waarde):
            raise self.fout(waar, f"veld {veld!r} noemt een waarde dubbel")
        return tuple(waarde)

    def code(self, data: dict, waar: str) -> str:
        code = self.tekst(data, "code", waar)
        if not _CODE.match(code):
            raise self.fout(waar, f"veld 'code' {code!r} mag alleen kleine letters, cijfers en streepjes bevatten")
        return code

    def bron(self, data: dict, waar: str) -> Bron:
        if "bron" not in data:
            raise self.fout(waar, "veld 'bron' ontbreekt: elke regel moet een bron hebben")
        b = self.tabel(data["bron"], f"{waar}: bron")
        w = f"{waar}: bron"
        self.onbekende_velden(b, w, ("anker", "citaat", "document", "herkomst", "paragraaf"))
        document = self.keuze(b, "document", w, tuple(DOCUMENTEN))
        anker = self.tekst(b, "anker", w)
        if not _ANKER.match(anker):
            raise self.fout(w, f"veld 'anker' {anker!r} mag alleen kleine letters, cijfers en streepjes bevatten")
        return Bron(
            document=document,
            paragraaf=self.tekst(b, "paragraaf", w),
            citaat=self.tekst(b, "citaat", w),
            anker=anker,
            herkomst=self.tekst(b, "herkomst", w, verplicht=False),
        )


def lees_regiotekst(tekst: str, bestand: str, verwachte_regio: str | None = None) -> RegioRegels:
    """Lees en controleer de TOML-tekst van één regiobestand."""
    lezer = _Lezer(bestand)
    data = lees_toml(tekst, bestand)

    lezer.onbekende_velden(data, "", ("feit", "naam", "partijen", "regel", "regio", "versie"))
    regio = lezer.keuze(data, "regio", "", REGIOS)
    if verwachte_regio is not None and regio != verwachte_regio:
        raise lezer.fout("", f"veld 'regio' is {regio!r}, maar dit bestand hoort bij {verwachte_regio!r}")
    naam = lezer.tekst(data, "naam", "")

    partijen = {}
    if "partijen" in data:
        p = lezer.tabel(data["partijen"], "partijen")
        lezer.onbekende_velden(p, "partijen", PARTIJEN)
        partijen = {k: lezer.tekst(p, k, "partijen") for k in p}

    versies = _lees_versies(lezer, data)
    versie_per_code = {v.code: v for v in versies}

    ruwe_regels = data.get("regel", [])
    if not isinstance(ruwe_regels, list):
        raise lezer.fout("", "'regel' moet een lijst van [[regel]]-blokken zijn")
    regels = tuple(_lees_regel(lezer, r, i, regio, versie_per_code) for i, r in enumerate(ruwe_regels, 1))

    ruwe_feiten = data.get("feit", [])
    if not isinstance(ruwe_feiten, list):
        raise lezer.fout("", "'feit' moet een lijst van [[feit]]-blokken zijn")
    feiten = tuple(_lees_feit(lezer, f, i, regio, versie_per_code) for i, f in enumerate(ruwe_feiten, 1))

    _controleer_overlap(lezer, "regel", regels)
    _controleer_overlap(lezer, "feit", feiten)
    _controleer_kringen(lezer, regels)
    return RegioRegels(regio, naam, bestand, partijen, versies, regels, feiten)


def _lees_versies(lezer: _Lezer, data: dict) -> tuple[AfsprakenVersie, ...]:
    ruw = data.get("versie")
    if not isinstance(ruw, list) or not ruw:
        raise lezer.fout("", "er moet ten minste één [[versie]]-blok zijn")
    versies = []
    for i, v in enumerate(ruw, 1):
        waar = f"versie nr. {i}"
        v = lezer.tabel(v, waar)
        code = lezer.code(v, waar)
        waar = f"versie {code!r}"
        lezer.onbekende_velden(v, waar, ("bron", "code", "document", "geldig_tot", "geldig_vanaf", "naam",
                                         "toelichting"))
        vanaf = lezer.datum(v, "geldig_vanaf", waar)
        tot = lezer.datum(v, "geldig_tot", waar, verplicht=False)
        if tot is not None and tot <= vanaf:
            raise lezer.fout(waar, f"veld 'geldig_tot' ({tot}) moet na 'geldig_vanaf' ({vanaf}) liggen")
        versies.append(
            AfsprakenVersie(
                code=code,
                naam=lezer.tekst(v, "naam", waar),
                document=lezer.tekst(v, "document", waar),
                geldig_vanaf=vanaf,
                geldig_tot=tot,
                toelichting=lezer.tekst(v, "toelichting", waar, verplicht=False),
                bron=lezer.bron(v, waar),
            )
        )
    codes = [v.code for v in versies]
    for c in codes:
        if codes.count(c) > 1:
            raise lezer.fout(f"versie {c!r}", "veld 'code' komt dubbel voor")
    versies.sort(key=lambda v: v.geldig_vanaf)
    if overlap := _eerste_overlap(versies):
        a, b = overlap
        raise lezer.fout(
            f"versie {b.code!r}",
            f"geldigheid overlapt met versie {a.code!r} ({_periode(a.geldig_vanaf, a.geldig_tot)}); "
            f"geef versie {a.code!r} een 'geldig_tot' van uiterlijk {b.geldig_vanaf}",
        )
    return tuple(versies)


_REGEL_VELDEN = (
    "aantal", "als", "binnen", "bron", "code", "datum", "eenheid", "geldig_tot", "geldig_vanaf", "interpretatie",
    "moment", "momenten", "omschrijving", "opmerking_zonder_datum", "routes", "soort", "vanaf",
    "verantwoordelijke", "versie", "wettelijk",
)


def _lees_geldigheid(lezer, data, waar, versie_per_code):
    if "versie" in data:
        versie = lezer.keuze(data, "versie", waar, tuple(versie_per_code))
    elif len(versie_per_code) == 1:
        versie = next(iter(versie_per_code))
    else:
        raise lezer.fout(
            waar, f"veld 'versie' ontbreekt (dit bestand heeft meer versies: {', '.join(versie_per_code)})"
        )
    v = versie_per_code[versie]
    vanaf = lezer.datum(data, "geldig_vanaf", waar, verplicht=False) or v.geldig_vanaf
    tot = lezer.datum(data, "geldig_tot", waar, verplicht=False) or v.geldig_tot
    if vanaf < v.geldig_vanaf or (v.geldig_tot is not None and (tot is None or tot > v.geldig_tot)):
        raise lezer.fout(
            waar,
            f"geldigheid {_periode(vanaf, tot)} valt buiten versie {versie!r} ({_periode(v.geldig_vanaf, v.geldig_tot)})",
        )
    if tot is not None and tot <= vanaf:
        raise lezer.fout(waar, f"veld 'geldig_tot' ({tot}) moet na 'geldig_vanaf' ({vanaf}) liggen")
    return versie, vanaf, tot


def _lees_regel(lezer: _Lezer, data: object, nr: int, regio: str, versie_per_code: dict) -> Regel:
    data = lezer.tabel(data, f"regel nr. {nr}")
    code = lezer.code(data, f"regel nr. {nr}")
    waar = f"regel {code!r}"
    lezer.onbekende_velden(data, waar, _REGEL_VELDEN)
    soort = lezer.keuze(data, "soort", waar, _SOORTEN, verplicht=False) or "termijn"
    versie, vanaf, tot = _lees_geldigheid(lezer, data, waar, versie_per_code)
    routes = lezer.lijst(data, "routes", waar, ROUTES) or ROUTES
    als = _lees_als(lezer, data, waar)
    velden = dict(
        code=code, soort=soort, regio=regio, versie=versie, geldig_vanaf=vanaf, geldig_tot=tot,
        bron=lezer.bron(data, waar), routes=routes, als=als,
        omschrijving=lezer.tekst(data, "omschrijving", waar, verplicht=False),
        interpretatie=lezer.tekst(data, "interpretatie", waar, verplicht=False),
        opmerking_zonder_datum=lezer.tekst(data, "opmerking_zonder_datum", waar, verplicht=False),
        verantwoordelijke=lezer.keuze(data, "verantwoordelijke", waar,
                                      PARTIJEN + ((NIEMAND,) if soort == "overgang" else ()), verplicht=False),
    )
    berekend = tuple(c for c, m in MOMENTEN.items() if m.soort == "berekend")
    niet_bij_soort = {
        "termijn": ("momenten", "binnen"),
        "overgang": ("aantal", "eenheid", "vanaf", "datum", "momenten", "opmerking_zonder_datum", "wettelijk"),
        "vervalt": ("aantal", "eenheid", "vanaf", "datum", "moment", "verantwoordelijke", "binnen",
                    "opmerking_zonder_datum", "wettelijk"),
    }[soort]
    for veld in niet_bij_soort:
        if veld in data:
            raise lezer.fout(waar, f"veld {veld!r} hoort niet bij een regel van soort {soort!r}")

    if soort == "termijn":
        velden["moment"] = lezer.keuze(data, "moment", waar, berekend)
        velden["vanaf"] = lezer.keuze(data, "vanaf", waar, tuple(MOMENTEN))
        velden["eenheid"] = lezer.keuze(data, "eenheid", waar, EENHEDEN)
        aantal = lezer.verplicht(data, "aantal", waar)
        if not isinstance(aantal, int) or isinstance(aantal, bool) or aantal < 0:
            raise lezer.fout(waar, f"veld 'aantal' moet een geheel getal van 0 of meer zijn, niet {aantal!r}")
        velden["aantal"] = aantal
        velden["datum"] = lezer.keuze(data, "datum", waar, DATUM_SOORTEN, verplicht=False) or "einde-termijn"
        wettelijk = data.get("wettelijk", False)
        if not isinstance(wettelijk, bool):
            raise lezer.fout(waar, f"veld 'wettelijk' moet true of false zijn, niet {wettelijk!r}")
        velden["wettelijk"] = wettelijk
        if velden["vanaf"] == velden["moment"]:
            raise lezer.fout(waar, "veld 'vanaf' mag niet hetzelfde moment zijn als 'moment'")
        vanaf_moment = velden["vanaf"]
        if vanaf_moment in INVOER_MOMENTEN:
            for route in routes:
                if vanaf_moment not in invoerketen(route):
                    raise lezer.fout(waar, f"veld 'vanaf' {vanaf_moment!r} bestaat niet in route {route!r}")
    elif soort == "overgang":
        velden["moment"] = lezer.keuze(data, "moment", waar, tuple(INVOER_MOMENTEN))
        if velden["verantwoordelijke"] is None:
            raise lezer.fout(waar, "veld 'verantwoordelijke' ontbreekt")
        velden["binnen"] = lezer.keuze(data, "binnen", waar, berekend, verplicht=False)
        for route in routes:
            if velden["moment"] not in invoerketen(route):
                raise lezer.fout(waar, f"veld 'moment' {velden['moment']!r} bestaat niet in route {route!r}")
    else:
        velden["momenten"] = lezer.lijst(data, "momenten", waar, berekend)
        if velden["momenten"] is None:
            raise lezer.fout(waar, "veld 'momenten' ontbreekt")
        if velden["omschrijving"] is None:
            raise lezer.fout(waar, "veld 'omschrijving' ontbreekt (zeg wat er vervalt)")
    return Regel(**velden)


def _lees_als(lezer: _Lezer, data: dict, waar: str) -> tuple[tuple[str, object], ...]:
    if "als" not in data:
        return ()
    als = lezer.tabel(data["als"], f"{waar}: als")
    lezer.onbekende_velden(als, f"{waar}: als", tuple(OPTIES))
    for sleutel, waarde in als.items():
        toegestaan = OPTIES[sleutel]
        if waarde not in toegestaan or type(waarde) is not type(toegestaan[0]):
            namen = ", ".join("true" if t is True else "false" if t is False else str(t) for t in toegestaan)
            raise lezer.fout(f"{waar}: als", f"veld {sleutel!r} heeft onbekende waarde {waarde!r}; toegestaan: {namen}")
    return tuple(sorted(als.items()))


def _lees_feit(lezer: _Lezer, data: object, nr: int, regio: str, versie_per_code: dict) -> Feit:
    data = lezer.tabel(data, f"feit nr. {nr}")
    code = lezer.code(data, f"feit nr. {nr}")
    waar = f"feit {code!r}"
    lezer.onbekende_velden(
        data, waar, ("bron", "code", "geldig_tot", "geldig_vanaf", "interpretatie", "omschrijving", "routes",
                     "versie", "waarde")
    )
    versie, vanaf, tot = _lees_geldigheid(lezer, data, waar, versie_per_code)
    waarde = lezer.verplicht(data, "waarde", waar)
    goed = isinstance(waarde, (bool, int, str)) or (
        isinstance(waarde, list) and waarde and all(isinstance(x, str) for x in waarde)
    )
    if not goed:
        raise lezer.fout(waar, "veld 'waarde' moet ja/nee, een getal, een tekst of een lijst met teksten zijn")
    return Feit(
        code=code, regio=regio, versie=versie, geldig_vanaf=vanaf, geldig_tot=tot,
        omschrijving=lezer.tekst(data, "omschrijving", waar),
        waarde=tuple(waarde) if isinstance(waarde, list) else waarde,
        bron=lezer.bron(data, waar),
        routes=lezer.lijst(data, "routes", waar, ROUTES) or ROUTES,
        interpretatie=lezer.tekst(data, "interpretatie", waar, verplicht=False),
    )


def _controleer_overlap(lezer: _Lezer, soort: str, items) -> None:
    """Twee waarden met dezelfde code mogen niet tegelijk gelden (wel na elkaar)."""
    per_code: dict[str, list] = {}
    for item in items:
        per_code.setdefault(item.code, []).append(item)
    for code, lijst in per_code.items():
        if overlap := _eerste_overlap(sorted(lijst, key=lambda x: x.geldig_vanaf)):
            a, b = overlap
            raise lezer.fout(
                f"{soort} {code!r}",
                f"geldigheid overlapt: {_periode(a.geldig_vanaf, a.geldig_tot)} en "
                f"{_periode(b.geldig_vanaf, b.geldig_tot)}; dezelfde code mag maar één waarde tegelijk hebben",
            )


def _eerste_overlap(gesorteerd: list):
    """The first pair (in order of geldig_vanaf) whose validity periods overlap, or None."""
    for a, b in zip(gesorteerd, gesorteerd[1:]):
        if a.geldig_tot is None or a.geldig_tot > b.geldig_vanaf:
            return a, b
    return None


def _controleer_kringen(lezer: _Lezer, regels: tuple[Regel, ...]) -> None:
    """Een termijn mag (via andere termijnen) niet van zichzelf afhangen."""
    volgt_uit: dict[str, set[str]] = {}
    for r in regels:
        if r.soort == "termijn":
            volgt_uit.setdefault(r.moment, set()).add(r.vanaf)

    def bezoek(moment: str, pad: tuple[str, ...]) -> None:
        if moment in pad:
            kring = " -> ".join(pad[pad.index(moment):] + (moment,))
            raise lezer.fout("regels", f"kringverwijzing in 'vanaf': {kring}")
        for volgende in volgt_uit.get(moment, ()):
            bezoek(volgende, pad + (moment,))

    for moment in volgt_uit:
        bezoek(moment, ())


def _periode(vanaf: dt.date, tot: dt.date | None) -> str:
    return f"{vanaf} tot {tot}" if tot is not None else f"vanaf {vanaf}"
