"""De berekening: van meldingsdatum, route en opties naar momenten en verantwoordelijkheid.

Deze module kent geen termijnen: elk aantal, elke eenheid en elke bron komt uit de
regeldata. Hier staat alleen hoe regels worden toegepast:

* Een regio-regel voor een moment (in deze route, op de meldingsdatum, bij deze
  opties) gaat voor; heeft de regio er geen, dan geldt de landelijke regel en staat
  ``landelijk_terugval`` aan.
* Gelden er meer regels voor hetzelfde moment, dan telt de vroegste datum
  ("wat het eerst komt", bijv. afgeronde triage of overschrijding van de termijn).
* Een niet-opgegeven datum (veiligheidsbeoordeling, overdracht, einde dienst) wordt
  aangenomen als de uiterste datum volgens de regels, maar nooit vóór een eerder en
  nooit na een later opgegeven moment.
* Verantwoordelijkheid wisselt op de momenten waaraan een regel een partij koppelt.
  Een wissel vervalt als een wissel die later in het proces hoort eerder valt
  (bijv. een terugkoppeling binnen de oppaktermijn).
"""

from __future__ import annotations

import datetime as dt

from . import regels as _regels
from .begrippen import (
    DOCUMENT_NAMEN,
    EENHEID_ENKELVOUD,
    INVOER_MOMENTEN,
    MOMENT_VOLGORDE,
    MOMENTEN,
    REGIO_NAMEN,
    REGIOS,
    ROUTES,
    datum_tekst,
    invoerketen,
)
from .fouten import AfsprakenFout, RegelbestandFout
from .invoer import lees_datum, lees_ja_nee, lees_keuze
from .kalender import EERSTE_JAAR, LAATSTE_JAAR, kalender_info, plus_termijn
from .model import Moment, Tijdlijn, Verantwoordelijkheid

_EEN_DAG = dt.timedelta(days=1)
_DATUMVELDEN = ("veiligheidsbeoordeling", "overdracht", "dienst_einde", "terugkoppeling", "start_hulp")


def tijdlijn(
    regio: str,
    route: str,
    melding: dt.date | str,
    *,
    veiligheidsbeoordeling: dt.date | str | None = None,
    overdracht: dt.date | str | None = None,
    dienst_einde: dt.date | str | None = None,
    spoed: bool = False,
    vbs: str | None = None,
    jeugdbeschermingstafel: bool = False,
    terugkoppeling: dt.date | str | None = None,
    heraanmelding: bool = False,
    start_hulp: dt.date | str | None = None,
    kalender: str = "atw",
) -> Tijdlijn:
    """Bereken de tijdlijn van één casus. Fouten: ``AfsprakenFout`` met ``veld``."""
    regio = lees_keuze(regio, "regio", REGIOS, "regio")
    route = lees_keuze(route, "route", ROUTES, "route")
    kal = kalender_info(kalender)
    datums = {"melding": _lees_invoerdatum(melding, "melding")}
    for veld, waarde in zip(
        _DATUMVELDEN, (veiligheidsbeoordeling, overdracht, dienst_einde, terugkoppeling, start_hulp)
    ):
        if waarde is not None:
            datums[veld] = _lees_invoerdatum(waarde, veld)
    opties = {
        "spoed": lees_ja_nee(spoed, "spoed"),
        "heraanmelding": lees_ja_nee(heraanmelding, "heraanmelding"),
        "jeugdbeschermingstafel": lees_ja_nee(jeugdbeschermingstafel, "jeugdbeschermingstafel"),
        "vbs": None if vbs is None else lees_keuze(vbs, "vbs", ("crisis", "regulier"), "VBS-soort"),
    }
    return _Berekening(regio, route, datums, opties, kal).uitvoeren()


def _lees_invoerdatum(waarde, veld: str) -> dt.date:
    datum = lees_datum(waarde, veld)
    if not EERSTE_JAAR <= datum.year <= LAATSTE_JAAR:
        raise AfsprakenFout(
            f"De datum {datum.isoformat()} ({veld}) valt buiten het bereik van de rekenhulp: "
            f"{EERSTE_JAAR} tot en met {LAATSTE_JAAR}.",
            veld=veld,
        )
    return datum


def _invoer_gebruikt(code: str):
    return lambda r: code in (r.vanaf, r.moment)


def _optie_gebruikt(optie: str):
    return lambda r: any(k == optie for k, _ in r.als)


def _code_van_veld(veld: str) -> str:
    return veld.replace("_", "-")


class _Berekening:
    def __init__(self, regio, route, datums, opties, kalender) -> None:
        self.regio = regio
        self.route = route
        self.opties = opties
        self.kalender = kalender
        self.melding = datums["melding"]
        self.opgegeven = {_code_van_veld(k): v for k, v in datums.items()}
        self.keten = invoerketen(route)

        self.regels = _regels.regio(regio)
        self.landelijk = _regels.regio("landelijk")
        self.versie = self._versie(self.regels)
        self.landelijke_versie = self.landelijk.versie_op(self.melding)
        if self.landelijke_versie is None:
            self._versie(self.landelijk)  # geeft de foutmelding

        self._datum: dict[str, dt.date | None] = {}
        self._bezig: set[str] = set()
        self.momenten: dict[str, Moment] = {}
        self.aanname: dict[str, bool] = {}
        self.opmerkingen: list[str] = []
        self.ontbrekend: list = []  # regels met opmerking_zonder_datum waarvan het beginpunt ontbreekt
        self._vervallen_gemeld: set[str] = set()

    # --- invoer controleren ------------------------------------------------------------------

    def _versie(self, regels):
        versie = regels.versie_op(self.melding)
        if versie is not None:
            return versie
        naam = REGIO_NAMEN[regels.code]
        eerste = regels.versies[0]
        if self.melding < eerste.geldig_vanaf:
            raise AfsprakenFout(
                f"Voor een melding op {self.melding.isoformat()} zijn er geen afspraken van {naam} in de "
                f"regeldata: de eerste versie (‘{eerste.naam}’) geldt vanaf {eerste.geldig_vanaf.isoformat()}.",
                veld="melding",
            )
        raise AfsprakenFout(
            f"Voor een melding op {self.melding.isoformat()} geldt geen versie van de afspraken van {naam} "
            f"in de regeldata (geldige perioden: "
            + "; ".join(_periode_tekst(v) for v in regels.versies)
            + ").",
            veld="melding",
        )

    def _controleer_volgorde(self) -> None:
        opgegeven = [(c, self.opgegeven[c]) for c in self.keten if c in self.opgegeven]
        for i, (vroeg, d1) in enumerate(opgegeven):
            for laat, d2 in opgegeven[i + 1:]:
                if d2 < d1:
                    veld = INVOER_MOMENTEN[laat].invoerveld
                    raise AfsprakenFout(
                        f"{_hoofdletter(_invoer_naam(laat))} ({d2.isoformat()}) ligt vóór "
                        f"{_invoer_naam(vroeg)} ({d1.isoformat()}).",
                        veld=veld,
                    )

    def _controleer_opties(self) -> None:
        for code in self.opgegeven:
            if code in ("melding", "veiligheidsbeoordeling", "overdracht"):  # bestaan in elke route
                continue
            gebruikt = _invoer_gebruikt(code)
            if code not in self.keten or not self._beschikbaar(gebruikt, self.route, self.melding):
                self._niet_beschikbaar(INVOER_MOMENTEN[code].invoerveld, gebruikt)
        for optie, waarde in self.opties.items():
            if waarde in (None, False):
                continue
            gebruikt = _optie_gebruikt(optie)
            if not self._beschikbaar(gebruikt, self.route, self.melding):
                self._niet_beschikbaar(optie, gebruikt)

    def _beschikbaar(self, gebruikt, route: str, peildatum: dt.date | None, regio: str | None = None) -> list:
        """De regels (van de regio en het landelijk kader) die deze optie gebruiken in deze route."""
        regio = regio or self.regio
        bronnen = (_regels.regio(regio),) if regio == "landelijk" else (_regels.regio(regio), self.landelijk)
        return [
            r
            for bron in bronnen
            for r in bron.regels
            if route in r.routes and gebruikt(r) and (peildatum is None or r.geldt_op(peildatum))
        ]

    def _niet_beschikbaar(self, veld: str, gebruikt) -> None:
        """Foutmelding die zegt waar de optie wél kan (per regio, route en periode)."""
        plekken = []
        for code in REGIOS:
            routes = [r for r in ROUTES if self._beschikbaar(gebruikt, r, None, code)]
            if not routes:
                continue
            # Alleen een periode noemen als de optie niet in de hele looptijd van de regio bestaat.
            beperkt = {
                _periode_tekst(r)
                for route in routes
                for r in self._beschikbaar(gebruikt, route, None, code)
                if r.geldig_tot is not None or r.geldig_vanaf > _regels.regio(r.regio).versies[0].geldig_vanaf
            }
            periode = f", meldingen {' of '.join(sorted(beperkt))}" if beperkt else ""
            plekken.append(f"{code} (route {', '.join(routes)}{periode})")
        waar = "; ".join(plekken) if plekken else "nergens"
        raise AfsprakenFout(
            f"De optie {veld!r} is niet beschikbaar voor regio {self.regio!r} met route {self.route!r} "
            f"(melding {self.melding.isoformat()}). Wel beschikbaar bij: {waar}.",
            veld=veld,
        )

    # --- regels opzoeken --------------------------------------------------------------------

    def _regels_voor(self, moment: str):
        eigen = _regels.zoek_regels(self.regels, moment, self.route, self.opties, self.melding)
        if eigen or self.regio == "landelijk":
            return eigen, False
        return _regels.zoek_regels(self.landelijk, moment, self.route, self.opties, self.melding), True

    def _meld_ongeldige_periode(self, moment: str) -> None:
        """Bestaat er een regel voor dit moment die op een andere datum wel geldt? Zeg dat dan."""
        for bron in (self.regels, self.landelijk):
            for r in bron.regels:
                if moment in r.raakt and self.route in r.routes and r.past_bij(self.opties) and r.soort == "termijn":
                    if not r.geldt_op(self.melding):
                        self.opmerkingen.append(
                            f"Geen datum voor ‘{MOMENTEN[moment].naam}’: de regel ‘{r.code}’ "
                            f"({_bron_kort(r.bron)}) geldt voor meldingen {_periode_tekst(r)}, "
                            f"niet voor deze melding van {self.melding.isoformat()}."
                        )
                        return

    # --- datums ------------------------------------------------------------------------------

    def datum(self, code: str) -> dt.date | None:
        if code in self._datum:
            return self._datum[code]
        if code in self._bezig:
            raise RegelbestandFout(f"regels: kringverwijzing bij het berekenen van moment {code!r}")
        self._bezig.add(code)
        try:
            soort = MOMENTEN[code].soort
            if soort == "invoer":
                waarde = self._invoerdatum(code)
            elif soort == "gebeurtenis":
                waarde = None
            else:
                waarde = self._berekende_datum(code)
        finally:
            self._bezig.discard(code)
        self._datum[code] = waarde
        return waarde

    def _invoerdatum(self, code: str) -> dt.date | None:
        if code not in self.keten:
            return None
        if code in self.opgegeven:
            self.aanname[code] = False
            return self.opgegeven[code]
        if not INVOER_MOMENTEN[code].aannemen:
            return None
        uiterlijk_code = f"{code}-uiterlijk"
        waarde = self.datum(uiterlijk_code)
        if waarde is None:
            raise RegelbestandFout(
                f"regels: geen regel voor {uiterlijk_code!r} in route {self.route!r}; "
                f"daardoor kan {_invoer_naam(code)} niet worden aangenomen"
            )
        positie = self.keten.index(code)
        later = [self.opgegeven[c] for c in self.keten[positie + 1:] if c in self.opgegeven]
        if later and min(later) < waarde:
            waarde = min(later)
        eerder = [d for d in (self.datum(c) for c in self.keten[:positie]) if d is not None]
        if eerder and max(eerder) > waarde:
            waarde = max(eerder)
        self.aanname[code] = True
        return waarde

    def _berekende_datum(self, code: str) -> dt.date | None:
        regels, terugval = self._regels_voor(code)
        vervallen = [r for r in regels if r.soort == "vervalt"]
        if vervallen:
            r = vervallen[0]
            if r.code not in self._vervallen_gemeld:
                self._vervallen_gemeld.add(r.code)
                self.opmerkingen.append(f"{r.omschrijving} ({_bron_kort(r.bron)}).")
            return None
        if not regels:
            self._meld_ongeldige_periode(code)
            return None
        kandidaten = []
        for r in regels:
            basis = self.datum(r.vanaf)
            if basis is None:
                if r.opmerking_zonder_datum:
                    self.ontbrekend.append(r)
                continue
            d = plus_termijn(basis, r.aantal, r.eenheid, self.kalender.code)
            if r.datum == "dag-na-termijn":
                d += _EEN_DAG
            kandidaten.append((d, r))
        if not kandidaten:
            return None
        d, r = min(kandidaten, key=lambda x: x[0])  # bij gelijke datum: de eerste regel in het bestand
        self.aanname[code] = self._hangt_af_van_aanname(r.vanaf)
        self.momenten[code] = Moment(
            code=code,
            datum=d,
            omschrijving=_omschrijving(r),
            bron=r.bron,
            status="berekend",
            interpretatie=r.interpretatie,
            verantwoordelijke=r.verantwoordelijke,
            landelijk_terugval=terugval,
            regel=r.code,
            hangt_af_van_aanname=self.aanname[code],
        )
        return d

    def _hangt_af_van_aanname(self, code: str) -> bool:
        return self.aanname.get(code, False)

    # --- invoermomenten als Moment ---------------------------------------------------------

    def _invoermoment(self, code: str) -> None:
        d = self.datum(code)
        if d is None:
            return
        overgangen, terugval = self._regels_voor(code)
        overgang = next((r for r in overgangen if r.soort == "overgang"), None)
        if overgang is not None and overgang.binnen:
            grens = self.datum(overgang.binnen)
            if grens is not None and d > grens:
                raise AfsprakenFout(
                    f"{_hoofdletter(_invoer_naam(code))} ({d.isoformat()}) ligt na de uiterste datum "
                    f"{grens.isoformat()} ({_bron_kort(overgang.bron)}); deze afspraak geldt dan niet meer.",
                    veld=INVOER_MOMENTEN[code].invoerveld,
                )
        bronregel, bron_terugval = overgang, terugval
        if bronregel is None:
            bronregel, bron_terugval = self._bronregel_voor_invoer(code)
        aangenomen = self.aanname.get(code, False)
        self.momenten[code] = Moment(
            code=code,
            datum=d,
            omschrijving=MOMENTEN[code].naam,
            bron=bronregel.bron,
            status="aangenomen" if aangenomen else "opgegeven",
            interpretatie=overgang.interpretatie if overgang else None,
            verantwoordelijke=overgang.verantwoordelijke if overgang else None,
            landelijk_terugval=bron_terugval,
            regel=bronregel.code,
            hangt_af_van_aanname=aangenomen,
        )

    def _bronregel_voor_invoer(self, code: str):
        """De regel die dit invoermoment een rol geeft: de uiterste-datumregel of een regel die ervan uitgaat."""
        uiterlijk = self.momenten.get(f"{code}-uiterlijk")
        if uiterlijk is not None:
            for bron in (self.regels, self.landelijk):
                for r in bron.regels:
                    if r.code == uiterlijk.regel:
                        return r, uiterlijk.landelijk_terugval
        for bron, terugval in ((self.regels, False), (self.landelijk, self.regio != "landelijk")):
            for r in bron.regels:
                if r.vanaf == code and self.route in r.routes and r.geldt_op(self.melding):
                    return r, terugval
        raise RegelbestandFout(f"regels: geen regel gebruikt invoermoment {code!r} in route {self.route!r}")

    # --- verantwoordelijkheid ---------------------------------------------------------------

    def _verantwoordelijkheid(self) -> list[Verantwoordelijkheid]:
        wissels = sorted(
            (m for m in self.momenten.values() if m.verantwoordelijke),
            key=lambda m: MOMENT_VOLGORDE[m.code],
        )
        geldig = []
        for i, m in enumerate(wissels):
            eerder = [n for n in wissels[i + 1:] if n.datum < m.datum]
            if eerder:
                n = min(eerder, key=lambda x: x.datum)
                self.opmerkingen.append(
                    f"‘{m.omschrijving}’ op {m.datum.isoformat()} gaat niet door: "
                    f"‘{n.omschrijving}’ ligt eerder ({n.datum.isoformat()})."
                )
                del self.momenten[m.code]
                continue
            geldig.append(m)
        geldig.sort(key=lambda m: (m.datum, MOMENT_VOLGORDE[m.code]))
        if not geldig or geldig[0].datum != self.melding:
            raise RegelbestandFout("regels: niemand is verantwoordelijk vanaf de melding (regel voor 'melding')")

        intervallen = []
        for i, m in enumerate(geldig):
            tot = geldig[i + 1].datum if i + 1 < len(geldig) else None
            if tot is not None and tot <= m.datum:
                continue  # op dezelfde dag gaat de latere wissel voor
            toelichting = None
            if tot is None and self.ontbrekend:
                toelichting = " ".join(r.opmerking_zonder_datum for r in self.ontbrekend)
            regel = self._regel(m.regel)
            intervallen.append(
                Verantwoordelijkheid(
                    van=m.datum,
                    tot=tot,
                    partij=m.verantwoordelijke,
                    partij_naam=self._partij_naam(m.verantwoordelijke),
                    bron=m.bron,
                    interpretatie=regel.interpretatie if regel else None,
                    landelijk_terugval=m.landelijk_terugval,
                    toelichting=toelichting,
                )
            )
        return intervallen

    def _regel(self, code):
        for bron in (self.regels, self.landelijk):
            for r in bron.regels:
                if r.code == code:
                    return r
        return None

    def _partij_naam(self, partij: str) -> str:
        return _regels.partij_namen(self.regio).get(partij, partij)

    # --- alles samen -------------------------------------------------------------------------

    def uitvoeren(self) -> Tijdlijn:
        self._controleer_volgorde()
        self._controleer_opties()
        for code, soort in MOMENTEN.items():
            if soort.soort == "berekend":
                self.datum(code)
        for code in self.keten:
            self._invoermoment(code)
        for r in self.ontbrekend:
            self.opmerkingen.append(r.opmerking_zonder_datum)
        self._meld_overschrijdingen()
        self._meld_aannames()
        intervallen = self._verantwoordelijkheid()
        self._meld_terugval()

        momenten = sorted(self.momenten.values(), key=lambda m: (m.datum, MOMENT_VOLGORDE[m.code]))
        return Tijdlijn(
            regio=self.regio,
            route=self.route,
            afspraken_versie=self.versie,
            kalender=self.kalender,
            invoer=self._invoer(),
            momenten=tuple(momenten),
            verantwoordelijkheid=tuple(intervallen),
            opmerkingen=tuple(dict.fromkeys(self.opmerkingen)),  # dubbele weg, volgorde behouden
            landelijke_versie=self.landelijke_versie if self.regio != "landelijk" else None,
        )

    def _meld_overschrijdingen(self) -> None:
        for code, d in self.opgegeven.items():
            uiterlijk = self.momenten.get(f"{code}-uiterlijk")
            if uiterlijk is not None and d > uiterlijk.datum:
                self.opmerkingen.append(
                    f"{_hoofdletter(_invoer_naam(code))} ({d.isoformat()}) ligt na de uiterste datum "
                    f"{uiterlijk.datum.isoformat()} ({_bron_kort(uiterlijk.bron)})."
                )

    def _meld_aannames(self) -> None:
        for code in self.keten:
            if self.aanname.get(code) and code in self.momenten:
                self.opmerkingen.append(
                    f"{_hoofdletter(_invoer_naam(code))} is niet opgegeven; aangenomen is de uiterste datum "
                    f"volgens de afspraken: {datum_tekst(self.momenten[code].datum)}. Datums die daarvan "
                    "afhangen, zijn gemarkeerd als ‘berekend uit een aanname’."
                )

    def _meld_terugval(self) -> None:
        if self.regio == "landelijk":
            return
        namen = [self._regel(m.regel).omschrijving or MOMENTEN[m.code].naam
                 for m in sorted(self.momenten.values(), key=lambda m: (m.datum, MOMENT_VOLGORDE[m.code]))
                 if m.landelijk_terugval and m.status == "berekend"]
        if namen:
            self.opmerkingen.append(
                f"Waar de afspraken van {REGIO_NAMEN[self.regio]} hierover niets zeggen, volgt de rekenhulp het "
                f"landelijk kader ({self.landelijke_versie.naam}): " + "; ".join(namen) + "."
            )

    def _invoer(self) -> dict:
        uit = {"regio": self.regio, "route": self.route}
        for veld in ("melding",) + _DATUMVELDEN:
            d = self.opgegeven.get(_code_van_veld(veld))
            uit[veld] = d.isoformat() if d else None
        uit.update(self.opties)
        uit["kalender"] = self.kalender.code
        return uit


# --- teksten ------------------------------------------------------------------------------------


def _eenheid(aantal: int, eenheid: str) -> str:
    return EENHEID_ENKELVOUD[eenheid] if aantal == 1 else eenheid


def termijn_tekst(regel) -> str:
    """Bijv. '5 werkdagen na de melding' of 'de dag na afloop van 2 werkdagen na de overdracht'."""
    vanaf = MOMENTEN[regel.vanaf]
    na = vanaf.vanaf_tekst or vanaf.naam[0].lower() + vanaf.naam[1:]
    if regel.aantal == 0:
        return f"de dag na {na}" if regel.datum == "dag-na-termijn" else f"op de dag van {na}"
    tekst = f"{regel.aantal} {_eenheid(regel.aantal, regel.eenheid)} na {na}"
    return f"de dag na afloop van {tekst}" if regel.datum == "dag-na-termijn" else tekst


def _omschrijving(regel) -> str:
    naam = regel.omschrijving or MOMENTEN[regel.moment].naam
    return f"{naam} ({termijn_tekst(regel)})"


def _bron_kort(bron) -> str:
    teken = "" if bron.paragraaf.lower().startswith("bijlage") or not bron.paragraaf[0].isdigit() else "§ "
    return f"{DOCUMENT_NAMEN[bron.document]}, {teken}{bron.paragraaf}"


def _invoer_naam(code: str) -> str:
    return {
        "melding": "de meldingsdatum",
        "veiligheidsbeoordeling": "de datum van de veiligheidsbeoordeling",
        "overdracht": "de overdrachtsdatum",
        "dienst-einde": "de einddatum van de dienst",
        "terugkoppeling": "de datum van de terugkoppeling",
        "start-hulp": "de startdatum van de hulp",
    }[code]


def _hoofdletter(tekst: str) -> str:
    return tekst[0].upper() + tekst[1:]


def _periode_tekst(item) -> str:
    if item.geldig_tot is None:
        return f"vanaf {item.geldig_vanaf.isoformat()}"
    return f"van {item.geldig_vanaf.isoformat()} tot {item.geldig_tot.isoformat()}"
