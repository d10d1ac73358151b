"""The rule data as the pages need it: read from the engine, never restated.

Everything here comes from ``calculators`` (the rule files in calculators/rules/) and from
calculators/rules/aef/criteria.toml (the criteria a–g of the kwaliteitskader 'Werken aan
veiligheid' as the AEF report summarises them). This module holds no deadline, no count and
no date of its own; it only selects and groups what the engine has.

Which rules apply to a moment follows the engine exactly: for every combination of the
engine's options (spoed, VBS, …) the region's own rules that fit go first, and only if there
are none the national rule applies (``calculators.regels.zoek_regels``, as ``tijdlijn`` does).
"""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from calculators.basis import bestanden

from calculators.recht import regios as _regels
from calculators.basis.begrippen import (
    DIENST_ROUTES,
    DOCUMENTEN,
    MOMENTEN,
    OPTIES,
    REGIO_NAMEN,
    REGIOS,
    ROUTES,
)
from calculators.basis.fouten import RegelbestandFout
from calculators.uitvoer.overzicht import regel_als_data

AEF_BESTAND = "aef/criteria.toml"
OORDELEN = ("ja", "deels", "nee", "onbekend")
CRITERIUM_FEIT = "criterium-"
LANDELIJK = "landelijk"

# The engine's defaults for its options (calculators.tijdlijn): no spoed, no VBS, ...
STANDAARD_OPTIES = {optie: (False if False in waarden else None) for optie, waarden in OPTIES.items()}


def _scenarios() -> list[dict]:
    """Every combination of option values the engine knows, the default first."""
    namen = list(OPTIES)
    keuzes = [[STANDAARD_OPTIES[n], *[w for w in OPTIES[n] if w != STANDAARD_OPTIES[n]]] for n in namen]
    return [dict(zip(namen, combinatie)) for combinatie in itertools.product(*keuzes)]


SCENARIOS = _scenarios()


@dataclass(frozen=True)
class Toepassing:
    """One rule as it applies to a moment in a route: the rule (as plain data), whether it is
    the national fallback, and whether it applies without any option (the usual case)."""

    regel: dict
    terugval: bool
    standaard: bool

    @property
    def sleutel(self) -> tuple:
        return (self.regel["regio"], self.regel["code"], self.regel["geldig_vanaf"], self.terugval)


@dataclass
class Regio:
    code: str
    naam: str
    bestand: str
    partijen: dict
    versies: list[dict]
    regels: list[dict]
    feiten: list[dict]
    peildatum: dt.date
    _engine: object = field(repr=False, default=None)

    @property
    def huidige_versie(self) -> dict:
        return self.versies[-1]

    def feiten_op_peildatum(self) -> list[dict]:
        return [f for f in self.feiten if geldt(f, self.peildatum)]

    def feit(self, code: str) -> dict | None:
        return next((f for f in self.feiten_op_peildatum() if f["code"] == code), None)


def _laatste_wijziging(regio) -> dt.date:
    """The reference date of a region: the latest date from which anything in its file applies
    (newest version, or a rule or fact with its own later start). Fixed, so a build is reproducible."""
    starts = [v.geldig_vanaf for v in regio.versies]
    starts += [x.geldig_vanaf for x in (*regio.regels, *regio.feiten) if x.geldig_tot is None]
    return max(starts)


def geldt(item: dict, datum: dt.date) -> bool:
    """Whether a rule, fact or version (as plain data) applies on ``datum``."""
    vanaf = dt.date.fromisoformat(item["geldig_vanaf"])
    tot = dt.date.fromisoformat(item["geldig_tot"]) if item["geldig_tot"] else None
    return vanaf <= datum and (tot is None or datum < tot)


class Gegevens:
    """All rule data for one site build."""

    def __init__(self) -> None:
        # A fresh read per build (`mkdocs serve` rebuilds after a rule file changed): choosing the
        # same rules folder again empties the engine's cache and keeps the choice.
        bestanden.gebruik_regelmap(getattr(_regels, "_gekozen_map", None))
        self._engine = _regels.alle_regios()
        self.regios: dict[str, Regio] = {}
        partijen_landelijk = self._engine[LANDELIJK].partijen
        laatste_landelijk = _laatste_wijziging(self._engine[LANDELIJK])
        for code in REGIOS:
            r = self._engine[code]
            self.regios[code] = Regio(
                code=code,
                naam=REGIO_NAMEN[code],
                bestand=r.bestand,
                partijen={p: r.partijen.get(p) or partijen_landelijk.get(p) for p in partijen_landelijk},
                versies=[v.to_dict() for v in r.versies],
                regels=[regel_als_data(x) for x in r.regels],
                feiten=[_feit(f) for f in r.feiten],
                peildatum=max(_laatste_wijziging(r), laatste_landelijk),
                _engine=r,
            )
        self.aef = lees_aef()
        controleer_dekking(self.aef, [self.regios[c] for c in self.regios_met_afspraken])

    # --- which rules apply ------------------------------------------------------------------

    def geldend(self, regio: str, moment: str, route: str) -> list[Toepassing]:
        """The rules for ``moment`` in ``route`` on the region's reference date, over all options."""
        r = self.regios[regio]
        eigen_regels, landelijk = r._engine, self._engine[LANDELIJK]
        uit: dict[tuple, Toepassing] = {}
        for i, opties in enumerate(SCENARIOS):
            gevonden = _regels.zoek_regels(eigen_regels, moment, route, opties, r.peildatum)
            terugval = False
            if not gevonden and regio != LANDELIJK:
                gevonden = _regels.zoek_regels(landelijk, moment, route, opties, r.peildatum)
                terugval = bool(gevonden)
            for regel in gevonden:
                t = Toepassing(regel_als_data(regel), terugval, standaard=(i == 0))
                if t.sleutel not in uit or (t.standaard and not uit[t.sleutel].standaard):
                    uit[t.sleutel] = t
        return sorted(uit.values(), key=lambda t: (not t.standaard, len(t.regel["als"])))

    def standaardregels(self, regio: str, moment: str, route: str) -> list[Toepassing]:
        return [t for t in self.geldend(regio, moment, route) if t.standaard]

    def hoofdregel(self, regio: str, moment: str, route: str) -> Toepassing | None:
        """The rule that applies without options (the first if several apply together)."""
        regels = [t for t in self.standaardregels(regio, moment, route) if t.regel["soort"] != "vervalt"]
        return regels[0] if regels else None

    def vervalt(self, regio: str, moment: str, route: str) -> Toepassing | None:
        return next((t for t in self.standaardregels(regio, moment, route) if t.regel["soort"] == "vervalt"), None)

    def definitie(self, regio: str, moment: str, route: str) -> Toepassing | None:
        """The rule that dates a computed moment (for following a chain of terms)."""
        return self.hoofdregel(regio, moment, route)

    # --- the national fallbacks a region relies on -----------------------------------------

    def terugvallen(self, regio: str) -> list[tuple[Toepassing, tuple[str, ...]]]:
        """National rules that apply because the region's text is silent, with their routes."""
        if regio == LANDELIJK:
            return []
        gevonden: dict[tuple, tuple[Toepassing, list[str]]] = {}
        for moment, soort in MOMENTEN.items():
            if soort.soort != "berekend":
                continue
            for route in ROUTES:
                for t in self.geldend(regio, moment, route):
                    if t.terugval:
                        gevonden.setdefault(t.sleutel, (t, []))[1].append(route)
        return [(t, tuple(dict.fromkeys(routes))) for t, routes in gevonden.values()]

    # --- criteria a–g -----------------------------------------------------------------------

    def dekking(self, regio: str) -> dict[str, dict]:
        """letter -> the region's [[feit]] 'criterium-<letter>' on its reference date."""
        return dekking_van(self.aef, self.regios[regio])

    @property
    def regios_met_afspraken(self) -> list[str]:
        return [c for c in REGIOS if c != LANDELIJK]


def _feit(f) -> dict:
    return {
        "code": f.code,
        "versie": f.versie,
        "geldig_vanaf": f.geldig_vanaf.isoformat(),
        "geldig_tot": f.geldig_tot.isoformat() if f.geldig_tot else None,
        "omschrijving": f.omschrijving,
        "waarde": list(f.waarde) if isinstance(f.waarde, tuple) else f.waarde,
        "routes": list(f.routes),
        "interpretatie": f.interpretatie,
        "bron": f.bron.to_dict(),
    }


# --- calculators/rules/aef/criteria.toml ------------------------------------------------------------


def aef_pad() -> Path | None:
    """The file in the chosen rules folder if it has one, otherwise None (= the package's)."""
    gekozen = bestanden.regelmap()
    if gekozen is not None and (gekozen / AEF_BESTAND).is_file():
        return gekozen / AEF_BESTAND
    return None


def aef_tekst() -> str:
    pad = aef_pad()
    if pad is not None:
        return pad.read_text(encoding="utf-8")
    return resources.files("calculators").joinpath("rules", *AEF_BESTAND.split("/")).read_text(encoding="utf-8")


def _fout(tekst: str) -> RegelbestandFout:
    return RegelbestandFout(f"{AEF_BESTAND}: {tekst}", bestand=AEF_BESTAND)


def _tekstveld(data: dict, veld: str, waar: str) -> str:
    waarde = data.get(veld)
    if not isinstance(waarde, str) or not waarde.strip():
        raise _fout(f"{waar}: veld {veld!r} ontbreekt of is leeg")
    return waarde.strip()


def lees_aef(tekst: str | None = None) -> dict:
    """Read and check the AEF criteria file; every error names the block and the field."""
    try:
        data = tomllib.loads(aef_tekst() if tekst is None else tekst)
    except tomllib.TOMLDecodeError as e:
        raise _fout(f"geen geldige TOML: {e}") from None
    for sleutel in data:
        if sleutel not in ("criterium", "ketenzorg", "onderzocht", "rapport"):
            raise _fout(f"blok {sleutel!r} is onbekend; toegestaan: criterium, ketenzorg, onderzocht, rapport")
    rapport = data.get("rapport")
    if not isinstance(rapport, dict):
        raise _fout("het blok [rapport] ontbreekt")
    for veld in ("titel", "organisatie", "pagina"):
        _tekstveld(rapport, veld, "rapport")

    criteria = data.get("criterium")
    if not isinstance(criteria, list) or not criteria:
        raise _fout("er moet ten minste één [[criterium]]-blok zijn")
    letters = []
    for i, c in enumerate(criteria, 1):
        waar = f"criterium nr. {i}"
        if not isinstance(c, dict):
            raise _fout(f"{waar}: moet een tabel zijn")
        for veld in c:
            if veld not in ("anker", "bevindingen_anker", "kort", "landelijk_beeld", "letter", "tekst"):
                raise _fout(f"{waar}: veld {veld!r} is onbekend; toegestaan: anker, bevindingen_anker, kort, "
                            "landelijk_beeld, letter, tekst")
        letter = _tekstveld(c, "letter", waar)
        waar = f"criterium {letter!r}"
        if letter in letters:
            raise _fout(f"{waar}: deze letter komt dubbel voor")
        letters.append(letter)
        for veld in ("kort", "tekst", "anker", "bevindingen_anker", "landelijk_beeld"):
            _tekstveld(c, veld, waar)

    onderzocht = {}
    for i, o in enumerate(data.get("onderzocht", []), 1):
        waar = f"onderzocht nr. {i}"
        regio = _tekstveld(o, "regio", waar)
        if regio not in REGIOS or regio == LANDELIJK:
            raise _fout(f"{waar}: veld 'regio' heeft onbekende waarde {regio!r}; toegestaan: "
                        f"{', '.join(r for r in REGIOS if r != LANDELIJK)}")
        if not isinstance(o.get("ja"), bool):
            raise _fout(f"onderzocht {regio!r}: veld 'ja' moet true of false zijn")
        for veld in ("toelichting", "citaat", "anker"):
            _tekstveld(o, veld, f"onderzocht {regio!r}")
        onderzocht[regio] = o

    keten = data.get("ketenzorg")
    if not isinstance(keten, dict) or not isinstance(keten.get("fase"), list) or not keten["fase"]:
        raise _fout("het blok [ketenzorg] met ten minste één [[ketenzorg.fase]] ontbreekt")
    for veld in ("naam", "herkomst", "anker"):
        _tekstveld(keten, veld, "ketenzorg")
    for i, fase in enumerate(keten["fase"], 1):
        for veld in ("naam", "label_figuur", "citaat"):
            _tekstveld(fase, veld, f"ketenzorg.fase nr. {i}")
    return {"rapport": rapport, "criteria": criteria, "onderzocht": onderzocht, "ketenzorg": keten}


def dekking_van(aef: dict, r: Regio) -> dict[str, dict | None]:
    return {c["letter"]: r.feit(CRITERIUM_FEIT + c["letter"]) for c in aef["criteria"]}


def controleer_dekking(aef: dict, regios: list[Regio]) -> None:
    """Every region with its own agreement judges every criterion, with an allowed value."""
    letters = [c["letter"] for c in aef["criteria"]]
    for r in regios:
        for f in r.feiten:
            if f["code"].startswith(CRITERIUM_FEIT):
                letter = f["code"][len(CRITERIUM_FEIT):]
                if letter not in letters:
                    raise RegelbestandFout(
                        f"{r.bestand}: feit {f['code']!r}: criterium {letter!r} staat niet in {AEF_BESTAND} "
                        f"(daar staan: {', '.join(letters)})", bestand=r.bestand)
                if f["waarde"] not in OORDELEN:
                    raise RegelbestandFout(
                        f"{r.bestand}: feit {f['code']!r}: veld 'waarde' heeft onbekende waarde {f['waarde']!r}; "
                        f"toegestaan: {', '.join(OORDELEN)}", bestand=r.bestand)
        ontbreekt = [letter for letter, feit in dekking_van(aef, r).items() if feit is None]
        if ontbreekt:
            versie = r.huidige_versie["code"]
            raise RegelbestandFout(
                f"{r.bestand}: er ontbreekt een [[feit]] {', '.join(repr(CRITERIUM_FEIT + x) for x in ontbreekt)} "
                f"voor versie {versie!r}: geef voor elk criterium uit {AEF_BESTAND} een oordeel "
                f"({', '.join(OORDELEN)}) met de paragraaf van de tekst als bron", bestand=r.bestand)


def document_pagina(document: str) -> str:
    """'midden-brabant' -> 'midden-brabant/samenwerkingsafspraken.md'."""
    return DOCUMENTEN[document].rstrip("/") + ".md"


__all__ = ["DIENST_ROUTES", "Gegevens", "OORDELEN", "Toepassing", "document_pagina", "lees_aef"]
