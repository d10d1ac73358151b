"""The computation: from meldingsdatum, route and options to moments and responsibility.

This module knows no terms: every amount, unit and source comes from the rule data. It only
says how rules are applied:

* A rule of the region for a moment (in this route, with these options) comes first; if the
  region has none, the national rule applies and ``landelijk_terugval`` is set.
* If several rules date the same moment, the earliest date counts ("whichever comes first",
  e.g. completed triage or the triage term running out).
* A date the user did not give (veiligheidsbeoordeling, overdracht, einde dienst) is assumed
  to be the latest date the rules allow, never before an earlier and never after a later given
  moment. Where the rules set no latest date, nothing is assumed: the date stays open and the
  result says so.
* Responsibility changes at the moments to which a rule ties a party. A change is dropped if
  a change that belongs later in the process falls earlier (e.g. a terugkoppeling within the
  term to pick the case up). Where the text names nobody, the period says so (``NIEMAND``).

Which rules apply (versions): **every moment and every period follows the rules in force on
its own date.** A case is computed with the rules in force on the meldingsdatum; on each later
date where the rules change (a version or rule of the region or of the national framework
starts or ends), the case is computed again with the rules from that date, keeping what lies
before that date. What lies before the date comes from the old rules, what lies from that date
on from the new ones, and a moment 'regels-gewijzigd' marks the change. So no period stays
open under rules that have ended.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from . import regels as _regels
from .begrippen import (
    INVOER_MOMENTEN,
    MOMENT_VOLGORDE,
    MOMENTEN,
    NIEMAND,
    OPTIE_NAMEN,
    REGIO_NAMEN,
    REGIOS,
    ROUTE_NAMEN,
    ROUTES,
    DOCUMENT_NAMEN,
    datum_kort,
    invoerketen,
)
from .fouten import AfsprakenFout, RegelbestandFout
from .invoer import lees_datum, lees_ja_nee, lees_keuze, veld_naam
from .kalender import EERSTE_JAAR, LAATSTE_JAAR, atw_verlengd, kalender_info, plus_termijn
from .model import Aanname, Moment, Tijdlijn, Verantwoordelijkheid
from .peildatum import op_peildatum as _op_peildatum
from .teksten import bron_kort, hoofdletter, moment_naam, periode_tekst, termijn_tekst

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
    peildatum: dt.date | str | None = None,
) -> Tijdlijn:
    """Compute the timeline of one case. Errors: ``AfsprakenFout`` with ``veld``.

    ``peildatum``: the day to answer "who is responsible now, until when, what comes next" for
    (``Tijdlijn.op_peildatum``); it changes nothing else in the result."""
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
    peil = None if peildatum is None else _lees_invoerdatum(peildatum, "peildatum")
    casus = _Casus(regio, route, datums["melding"], {_code(k): v for k, v in datums.items()}, opties, kal)
    casus.controleer()
    return _samenvoegen(casus, peil)


def _lees_invoerdatum(waarde, veld: str) -> dt.date:
    datum = lees_datum(waarde, veld)
    if not EERSTE_JAAR <= datum.year <= LAATSTE_JAAR:
        raise AfsprakenFout(
            f"{hoofdletter(veld_naam(veld))} ({datum_kort(datum)}) valt buiten het bereik van de rekenhulp: "
            f"de jaren {EERSTE_JAAR} tot en met {LAATSTE_JAAR}.",
            veld=veld,
        )
    return datum


def _code(veld: str) -> str:
    return veld.replace("_", "-")


def _invoer_naam(code: str) -> str:
    return veld_naam(INVOER_MOMENTEN[code].invoerveld)


def _kort_veld(code: str) -> str:
    """'overdracht' for 'de overdrachtsdatum' (the field, as a short summary names it)."""
    return {"veiligheidsbeoordeling": "veiligheidsbeoordeling", "overdracht": "overdracht",
            "dienst-einde": "einde van de dienst"}.get(code, _invoer_naam(code))


def _volgorde(m: Moment) -> tuple:
    return (m.datum, MOMENT_VOLGORDE[m.code])


# --- the case as entered ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Casus:
    regio: str
    route: str
    melding: dt.date
    opgegeven: dict  # moment code -> date, as entered
    opties: dict
    kalender: object

    @property
    def keten(self) -> tuple[str, ...]:
        return invoerketen(self.route)

    @property
    def partijen(self) -> dict[str, str]:
        return _regels.partij_namen(self.regio)

    def controleer(self) -> None:
        self._versie_bij_melding()
        self._controleer_volgorde()
        self._controleer_opties()

    def _versie_bij_melding(self) -> None:
        for bron in (_regels.regio(self.regio), _regels.regio("landelijk")):
            if bron.versie_op(self.melding) is not None:
                continue
            naam = REGIO_NAMEN[bron.code]
            eerste = bron.versies[0]
            if self.melding < eerste.geldig_vanaf:
                raise AfsprakenFout(
                    f"Voor een melding op {datum_kort(self.melding)} zijn er geen afspraken van {naam} in de "
                    f"regeldata: de eerste versie (‘{eerste.naam}’) geldt vanaf {datum_kort(eerste.geldig_vanaf)}.",
                    veld="melding",
                )
            raise AfsprakenFout(
                f"Voor een melding op {datum_kort(self.melding)} geldt geen versie van de afspraken van {naam} "
                "in de regeldata (geldige perioden: " + "; ".join(periode_tekst(v) for v in bron.versies) + ").",
                veld="melding",
            )

    def _controleer_volgorde(self) -> None:
        opgegeven = [(c, self.opgegeven[c]) for c in self.keten if c in self.opgegeven]
        for i, (vroeg, d1) in enumerate(opgegeven):
            for laat, d2 in opgegeven[i + 1:]:
                if d2 < d1:
                    raise AfsprakenFout(
                        f"{hoofdletter(_invoer_naam(laat))} ({datum_kort(d2)}) ligt vóór "
                        f"{_invoer_naam(vroeg)} ({datum_kort(d1)}).",
                        veld=INVOER_MOMENTEN[laat].invoerveld,
                    )

    def _controleer_opties(self) -> None:
        for code in self.opgegeven:
            if code in ("melding", "veiligheidsbeoordeling", "overdracht"):  # exist in every route
                continue
            gebruikt = _invoer_gebruikt(code)
            if code not in self.keten or not self._regels_met(gebruikt, self.route, self.melding):
                self._niet_beschikbaar(INVOER_MOMENTEN[code].invoerveld, gebruikt)
        for optie, waarde in self.opties.items():
            if waarde in (None, False):
                continue
            gebruikt = _optie_gebruikt(optie)
            if not self._regels_met(gebruikt, self.route, self.melding):
                self._niet_beschikbaar(optie, gebruikt)

    def _regels_met(self, gebruikt, route: str, peildatum: dt.date | None, regio: str | None = None) -> list:
        """The rules (of the region and the national framework) that use this option in this route."""
        regio = regio or self.regio
        bronnen = (_regels.regio(regio),) if regio == "landelijk" else (_regels.regio(regio), _regels.regio("landelijk"))
        return [
            r
            for bron in bronnen
            for r in bron.regels
            if route in r.routes and gebruikt(r) and (peildatum is None or r.geldt_op(peildatum))
        ]

    def _niet_beschikbaar(self, veld: str, gebruikt) -> None:
        """An error that says where the option does exist (per region, route and period)."""
        plekken = []
        for code in REGIOS:
            routes = [r for r in ROUTES if self._regels_met(gebruikt, r, None, code)]
            if not routes:
                continue
            # Name a period only if the option does not exist for the region's whole life.
            beperkt = {
                periode_tekst(r)
                for route in routes
                for r in self._regels_met(gebruikt, route, None, code)
                if r.geldig_tot is not None or r.geldig_vanaf > _regels.regio(r.regio).versies[0].geldig_vanaf
            }
            periode = f", meldingen {' of '.join(sorted(beperkt))}" if beperkt else ""
            routenamen = " of ".join(f"‘{ROUTE_NAMEN[r]}’" for r in routes)
            plekken.append(f"{REGIO_NAMEN[code]} (route {routenamen}{periode})")
        waar = "; ".join(plekken) if plekken else "nergens"
        raise AfsprakenFout(
            f"{hoofdletter(OPTIE_NAMEN.get(veld, veld))} hoort niet bij {REGIO_NAMEN[self.regio]} met route "
            f"‘{ROUTE_NAMEN[self.route]}’ (melding {datum_kort(self.melding)}). Wel bij: {waar}.",
            veld=veld,
        )


def _invoer_gebruikt(code: str):
    return lambda r: code in (r.vanaf, r.moment)


def _optie_gebruikt(optie: str):
    return lambda r: any(k == optie for k, _ in r.als)


# --- one period of rules ---------------------------------------------------------------------------


@dataclass
class _Opmerking:
    tekst: str
    datum: dt.date | None  # the date it is about (kept if that date falls in the period's range)
    alleen_zonder: str | None = None  # only relevant if this moment is absent from the final result


@dataclass
class _Uitkomst:
    """The result of computing a case with the rules in force on one date (``regeldatum``)."""

    regeldatum: dt.date
    versie: object | None  # the region's version on regeldatum (None: the region has none then)
    landelijke_versie: object
    datums: dict[str, tuple[dt.date, bool]]  # every dated moment -> (date, depends on an assumption)
    momenten: dict[str, Moment]
    intervallen: list[Verantwoordelijkheid]
    aannames: list[Aanname]
    opmerkingen: list[_Opmerking] = field(default_factory=list)
    versiegrens: bool = False  # this period starts where a version of the agreements starts or ends

    def partij_op(self, datum: dt.date) -> Verantwoordelijkheid | None:
        return next((v for v in self.intervallen if v.bevat(datum)), None)


class _Berekening:
    def __init__(self, casus: _Casus, regeldatum: dt.date, vast: dict[str, tuple[dt.date, bool, Moment | None]]) -> None:
        self.casus = casus
        self.regeldatum = regeldatum
        self.vast = vast
        self.regels = _regels.regio(casus.regio)
        self.landelijk = _regels.regio("landelijk")
        self.versie = self.regels.versie_op(regeldatum)
        self.landelijke_versie = self.landelijk.versie_op(regeldatum)
        self.partijen = casus.partijen

        self._datum: dict[str, dt.date | None] = {}
        self._bezig: set[str] = set()
        self.momenten: dict[str, Moment] = {}
        self.aanname: dict[str, bool] = {}
        self.aannames: list[Aanname] = []
        self.opmerkingen: list[_Opmerking] = []
        self.ontbrekend: list = []  # rules with opmerking_zonder_datum whose starting moment is unknown
        self.onbekend: list[str] = []  # input moments not given, for which the rules set no latest date
        self._vervallen_gemeld: set[str] = set()

    # --- which rules ------------------------------------------------------------------------

    def _regels_voor(self, moment: str):
        c = self.casus
        eigen = []
        if self.versie is not None:  # a region without a version on this date is silent
            eigen = _regels.zoek_regels(self.regels, moment, c.route, c.opties, self.regeldatum)
        if eigen or c.regio == "landelijk":
            return eigen, False
        return _regels.zoek_regels(self.landelijk, moment, c.route, c.opties, self.regeldatum), True

    def _regel(self, code):
        for bron in (self.regels, self.landelijk):
            for r in bron.regels:
                if r.code == code and r.geldt_op(self.regeldatum):
                    return r
        return None

    def _meld_ongeldige_periode(self, moment: str) -> None:
        """Is there a rule for this moment that applies on another date? Then say so."""
        c = self.casus
        for bron in (self.regels, self.landelijk):
            for r in bron.per_moment.get(moment, ()):
                if c.route in r.routes and r.past_bij(c.opties) and r.soort == "termijn":
                    if not r.geldt_op(self.regeldatum):
                        self.opmerkingen.append(_Opmerking(
                            f"Geen datum voor ‘{moment_naam(moment, self.partijen)}’: die regel "
                            f"({bron_kort(r.bron)}) geldt {periode_tekst(r)}, niet op {datum_kort(self.regeldatum)}.",
                            self.regeldatum, alleen_zonder=moment))
                        return

    # --- dates -----------------------------------------------------------------------------

    def datum(self, code: str) -> dt.date | None:
        if code in self._datum:
            return self._datum[code]
        if code in self._bezig:
            raise RegelbestandFout(f"regels: kringverwijzing bij het berekenen van moment {code!r}")
        self._bezig.add(code)
        try:
            if code in self.vast:  # fixed by the rules of an earlier period: what happened, happened
                waarde, self.aanname[code], moment = self.vast[code]
                if moment is not None and MOMENTEN[code].soort == "berekend":
                    self.momenten[code] = moment
            else:
                soort = MOMENTEN[code].soort
                if soort == "invoer":
                    waarde = self._invoerdatum(code)
                elif soort == "berekend":
                    waarde = self._berekende_datum(code)
                else:
                    waarde = None
        finally:
            self._bezig.discard(code)
        self._datum[code] = waarde
        return waarde

    def _invoerdatum(self, code: str) -> dt.date | None:
        c = self.casus
        if code not in c.keten:
            return None
        if code in c.opgegeven:
            self.aanname[code] = False
            return c.opgegeven[code]
        if not INVOER_MOMENTEN[code].aannemen:
            return None
        uiterlijk = self.datum(f"{code}-uiterlijk")
        positie = c.keten.index(code)
        later = [(c.opgegeven[x], x) for x in c.keten[positie + 1:] if x in c.opgegeven]
        eerder = [(d, x) for d, x in ((self.datum(x), x) for x in c.keten[:positie]) if d is not None]
        naam = _invoer_naam(code)
        if uiterlijk is None:
            if later:  # no term, but a later moment was given: it happened by then at the latest
                waarde, x = min(later)
                tekst = (f"{hoofdletter(naam)} is niet opgegeven en de afspraken stellen er geen termijn voor; "
                         f"aangenomen is {datum_kort(waarde)}, de datum van {_invoer_naam(x)}.")
            else:
                self.onbekend.append(code)
                self.aannames.append(Aanname(code, None, (
                    f"{hoofdletter(naam)} is niet opgegeven en de afspraken stellen er geen termijn voor. "
                    f"Vul {naam} in om te zien wat daarna gebeurt."),
                    f"{hoofdletter(_kort_veld(code))} niet opgegeven; de afspraken stellen er geen termijn voor"))
                return None
        else:
            waarde = uiterlijk
            tekst = f"{hoofdletter(naam)} is niet opgegeven; aangenomen is de uiterste datum volgens de afspraken: {datum_kort(waarde)}."
            if later and min(later)[0] < waarde:
                waarde, x = min(later)
                tekst = (f"{hoofdletter(naam)} is niet opgegeven; aangenomen is {datum_kort(waarde)}, de datum van "
                         f"{_invoer_naam(x)} (de uiterste datum volgens de afspraken, {datum_kort(uiterlijk)}, ligt later).")
        if eerder and max(eerder)[0] > waarde:
            waarde, x = max(eerder)
            tekst = (f"{hoofdletter(naam)} is niet opgegeven; aangenomen is {datum_kort(waarde)}, de datum van "
                     f"{_invoer_naam(x)}: eerder kan het niet.")
        self.aanname[code] = True
        self.aannames.append(Aanname(code, waarde, tekst + " Datums die daarvan afhangen, zijn gemarkeerd als "
                                                           "‘berekend uit een aanname’.",
                                     f"{hoofdletter(_kort_veld(code))} niet opgegeven: aangenomen {datum_kort(waarde)}"))
        return waarde

    def _berekende_datum(self, code: str) -> dt.date | None:
        regels, terugval = self._regels_voor(code)
        vervallen = [r for r in regels if r.soort == "vervalt"]
        if vervallen:
            r = vervallen[0]
            if r.code not in self._vervallen_gemeld:
                self._vervallen_gemeld.add(r.code)
                self.opmerkingen.append(_Opmerking(f"{r.omschrijving} ({bron_kort(r.bron)}).", None))
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
            d = plus_termijn(basis, r.aantal, r.eenheid, self.casus.kalender.code)
            if r.wettelijk:
                d = atw_verlengd(basis, d, self.casus.kalender.code)
            if r.datum == "dag-na-termijn":
                d += _EEN_DAG
            kandidaten.append((d, r))
        if not kandidaten:
            return None
        d, r = min(kandidaten, key=lambda x: x[0])  # same date: the first rule in the file
        self.aanname[code] = self.aanname.get(r.vanaf, False)
        self.momenten[code] = Moment(
            code=code,
            datum=d,
            omschrijving=f"{r.omschrijving or moment_naam(code, self.partijen)} ({termijn_tekst(r, self.partijen)})",
            bron=r.bron,
            status="berekend",
            interpretatie=r.interpretatie,
            verantwoordelijke=r.verantwoordelijke,
            landelijk_terugval=terugval,
            regel=r.code,
            hangt_af_van_aanname=self.aanname[code],
        )
        return d

    # --- input moments as Moment ------------------------------------------------------------

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
                    f"{hoofdletter(_invoer_naam(code))} ({datum_kort(d)}) ligt na de uiterste datum "
                    f"{datum_kort(grens)} ({bron_kort(overgang.bron)}); deze afspraak geldt dan niet meer.",
                    veld=INVOER_MOMENTEN[code].invoerveld,
                )
        bronregel, bron_terugval = overgang, terugval
        if bronregel is None:
            bronregel, bron_terugval = self._bronregel_voor_invoer(code)
        if bronregel is None:  # a given date that no rule in force from regeldatum on uses any more
            if self.regeldatum == self.casus.melding:
                raise RegelbestandFout(f"regels: geen regel gebruikt invoermoment {code!r} in route {self.casus.route!r}")
            self.opmerkingen.append(_Opmerking(
                f"{hoofdletter(_invoer_naam(code))} ({datum_kort(d)}) speelt vanaf {datum_kort(self.regeldatum)} geen "
                "rol meer: de afspraken die dan gelden, rekenen er niet mee.", self.regeldatum))
            return
        aangenomen = self.aanname.get(code, False)
        self.momenten[code] = Moment(
            code=code,
            datum=d,
            omschrijving=moment_naam(code, self.partijen),
            bron=bronregel.bron,
            status="aangenomen" if aangenomen else "opgegeven",
            interpretatie=overgang.interpretatie if overgang else None,
            verantwoordelijke=overgang.verantwoordelijke if overgang else None,
            landelijk_terugval=bron_terugval,
            regel=bronregel.code,
            hangt_af_van_aanname=aangenomen,
        )

    def _bronregel_voor_invoer(self, code: str):
        """The rule that gives this input moment its role: its latest-date rule, or one counting from it."""
        uiterlijk = self.momenten.get(f"{code}-uiterlijk")
        if uiterlijk is not None:
            regel = self._regel(uiterlijk.regel)
            if regel is not None:
                return regel, uiterlijk.landelijk_terugval
        c = self.casus
        for bron, terugval in ((self.regels, False), (self.landelijk, c.regio != "landelijk")):
            for r in bron.regels:
                if r.vanaf == code and c.route in r.routes and r.geldt_op(self.regeldatum):
                    return r, terugval
        return None, False

    # --- responsibility -------------------------------------------------------------------------

    def _verantwoordelijkheid(self) -> list[Verantwoordelijkheid]:
        wissels = sorted((m for m in self.momenten.values() if m.verantwoordelijke), key=lambda m: MOMENT_VOLGORDE[m.code])
        geldig = []
        for i, m in enumerate(wissels):
            eerder = [n for n in wissels[i + 1:] if n.datum < m.datum]
            if eerder:
                n = min(eerder, key=lambda x: x.datum)
                self.opmerkingen.append(_Opmerking(
                    f"‘{m.omschrijving}’ op {datum_kort(m.datum)} gaat niet door: ‘{n.omschrijving}’ ligt eerder "
                    f"({datum_kort(n.datum)}).", m.datum))
                del self.momenten[m.code]
                continue
            geldig.append(m)
        geldig.sort(key=_volgorde)
        if not geldig or geldig[0].datum != self.casus.melding:
            raise RegelbestandFout("regels: niemand is verantwoordelijk vanaf de melding (regel voor 'melding')")

        intervallen: list[Verantwoordelijkheid] = []
        for i, m in enumerate(geldig):
            volgende = geldig[i + 1] if i + 1 < len(geldig) else None
            tot = volgende.datum if volgende else None
            binnen_een_dag = tot is not None and tot == m.datum
            if binnen_een_dag and (m.verantwoordelijke == NIEMAND or m.verantwoordelijke == volgende.verantwoordelijke):
                continue  # nobody for a moment, or the same party twice that day: nothing to show
            regel = self._regel(m.regel)
            toelichting = None
            if m.verantwoordelijke == NIEMAND and regel is not None:
                toelichting = regel.omschrijving
            if binnen_een_dag:
                toelichting = (f"Op {datum_kort(m.datum)} zelf: vanaf {self._aanleiding(m)} tot "
                               f"{self._aanleiding(volgende)}, diezelfde dag.")
            elif tot is None:
                toelichting = " ".join(filter(None, [toelichting, *self._waarom_open()])) or None
            intervallen.append(Verantwoordelijkheid(
                van=m.datum,
                tot=tot,
                partij=m.verantwoordelijke,
                partij_naam=self.partijen.get(m.verantwoordelijke, m.verantwoordelijke),
                bron=m.bron,
                interpretatie=regel.interpretatie if regel else None,
                landelijk_terugval=m.landelijk_terugval,
                toelichting=toelichting,
                binnen_een_dag=binnen_een_dag,
            ))
        return intervallen

    def _aanleiding(self, m: Moment) -> str:
        """What a change of responsibility happens at, in a few words: 'de overdracht'."""
        regel = self._regel(m.regel)
        code = m.code if MOMENTEN[m.code].soort == "invoer" else (regel.vanaf if regel and regel.aantal == 0 else None)
        if code and MOMENTEN[code].vanaf_tekst:
            return MOMENTEN[code].vanaf_tekst
        return f"‘{m.omschrijving}’"

    def _waarom_open(self) -> list[str]:
        uit = [r.opmerking_zonder_datum for r in self.ontbrekend]
        for code in self.onbekend:
            uit.append(f"Tot {MOMENTEN[code].vanaf_tekst}: {_invoer_naam(code)} is niet opgegeven en de afspraken "
                       "stellen er geen termijn voor.")
        return list(dict.fromkeys(uit))

    # --- all together ---------------------------------------------------------------------------

    def uitvoeren(self) -> _Uitkomst:
        for code, soort in MOMENTEN.items():
            if soort.soort == "berekend":
                self.datum(code)
        for code in self.casus.keten:
            self._invoermoment(code)
        for r in self.ontbrekend:
            if r.moment not in self.momenten:
                self.opmerkingen.append(_Opmerking(r.opmerking_zonder_datum, None, alleen_zonder=r.moment))
        intervallen = self._verantwoordelijkheid()
        datums = {code: (d, self.aanname.get(code, False)) for code, d in self._datum.items() if d is not None}
        return _Uitkomst(self.regeldatum, self.versie, self.landelijke_versie, datums, dict(self.momenten),
                         intervallen, list(self.aannames), list(self.opmerkingen))


# --- periods of rules joined into one timeline ---------------------------------------------------------


def _verschilt(oud: _Uitkomst, nieuw: _Uitkomst, vanaf: dt.date) -> bool:
    """Whether computing with the newer rules changes anything from ``vanaf`` on."""
    def momenten(u):
        return sorted((m.code, m.datum, m.regel, m.status) for m in u.momenten.values() if m.datum >= vanaf)

    def perioden(u):
        return [(max(v.van, vanaf), v.tot, v.partij, v.binnen_een_dag) for v in u.intervallen
                if v.tot is None or v.tot > vanaf or (v.binnen_een_dag and v.van >= vanaf)]

    return momenten(oud) != momenten(nieuw) or perioden(oud) != perioden(nieuw)


def _knip(intervallen, van: dt.date, tot: dt.date | None) -> list[Verantwoordelijkheid]:
    """The parts of the periods within [van, tot)."""
    uit = []
    for v in intervallen:
        if v.binnen_een_dag:
            if v.van >= van and (tot is None or v.van < tot):
                uit.append(v)
            continue
        begin = max(v.van, van)
        eind = v.tot if tot is None else (tot if v.tot is None else min(v.tot, tot))
        if eind is not None and eind <= begin:
            continue
        uit.append(replace(v, van=begin, tot=eind))
    return uit


def _wijziging_moment(vorige: _Uitkomst, nieuw: _Uitkomst, datum: dt.date, casus: _Casus) -> Moment:
    """The moment 'regels-gewijzigd': which rules apply from this date, with their source."""
    lezing = ("De tekst zegt niet wat er gebeurt met een casus die al loopt. Gelezen als: vanaf deze datum "
              "gelden de nieuwe afspraken ook voor deze casus; wat daarvóór lag, blijft volgens de oude.")
    if nieuw.versie is not None and (vorige.versie is None or nieuw.versie.code != vorige.versie.code):
        oud = f"‘{vorige.versie.naam}’ gelden niet meer; " if vorige.versie is not None else ""
        omschrijving = f"Andere afspraken van kracht: {oud}vanaf deze dag gelden ‘{nieuw.versie.naam}’"
        bron = nieuw.versie.bron
    else:
        regel = next((r for bron_ in (_regels.regio(casus.regio), _regels.regio("landelijk")) for r in bron_.regels
                      if casus.route in r.routes and datum in (r.geldig_vanaf, r.geldig_tot)), None)
        omschrijving = "Andere regels van kracht" + (f": {regel.omschrijving or moment_naam(regel.moment or regel.momenten[0], casus.partijen)}"
                                                     f" ({periode_tekst(regel)})" if regel else "")
        bron = regel.bron if regel else nieuw.landelijke_versie.bron
    voor, na = vorige.partij_op(datum), nieuw.partij_op(datum)
    wissel = na.partij if na is not None and (nieuw.versiegrens or voor is None or voor.partij != na.partij) else None
    return Moment(code="regels-gewijzigd", datum=datum, omschrijving=omschrijving, bron=bron, status="berekend",
                  interpretatie=lezing, verantwoordelijke=wissel)


def _samenvoegen(casus: _Casus, peildatum: dt.date | None) -> Tijdlijn:
    # The periods: the rules on the meldingsdatum, then every later date on which a version of the
    # agreements starts or ends (responsibility never stays open under agreements that have ended),
    # and every date on which a single rule changes while the case still has moments ahead or the
    # change makes a difference for it.
    perioden = [_Berekening(casus, casus.melding, {}).uitvoeren()]
    for grens, nieuwe_versie in _regels.wijzigingsdatums(casus.regio, casus.route).items():
        if grens <= casus.melding:
            continue
        vorige = perioden[-1]
        vast = {code: (d, aanname, vorige.momenten.get(code))
                for code, (d, aanname) in vorige.datums.items() if d < grens}
        nieuw = replace(_Berekening(casus, grens, vast).uitvoeren(), versiegrens=nieuwe_versie)
        loopt_nog = any(m.datum >= grens for m in vorige.momenten.values())
        if nieuwe_versie or loopt_nog or _verschilt(vorige, nieuw, grens):
            perioden.append(nieuw)

    momenten: list[Moment] = []
    intervallen: list[Verantwoordelijkheid] = []
    aannames: list[Aanname] = []
    opmerkingen: list[_Opmerking] = []
    for i, p in enumerate(perioden):
        van = p.regeldatum
        tot = perioden[i + 1].regeldatum if i + 1 < len(perioden) else None

        def binnen(d, van=van, tot=tot):
            return d is None or (d >= van and (tot is None or d < tot))

        momenten += [m for m in p.momenten.values() if binnen(m.datum)]
        if i:
            momenten.append(_wijziging_moment(perioden[i - 1], p, van, casus))
        intervallen += _knip(p.intervallen, van, tot)
        aannames += [a for a in p.aannames if (a.datum is None and tot is None) or (a.datum and binnen(a.datum))]
        opmerkingen += [o for o in p.opmerkingen if binnen(o.datum)]
    momenten.sort(key=_volgorde)
    intervallen = _aaneen(intervallen, perioden, casus)
    codes = {m.code for m in momenten}
    teksten = [o.tekst for o in opmerkingen if o.alleen_zonder is None or o.alleen_zonder not in codes]
    teksten += [a.tekst for a in aannames if a.datum is not None]
    teksten += _overschrijdingen(casus, momenten)
    teksten += _terugval(casus, momenten)

    momenten_t = tuple(momenten)
    intervallen_t = tuple(intervallen)
    return Tijdlijn(
        regio=casus.regio,
        route=casus.route,
        afspraken_versie=perioden[0].versie,
        kalender=casus.kalender,
        invoer=_invoer(casus),
        momenten=momenten_t,
        verantwoordelijkheid=intervallen_t,
        opmerkingen=tuple(dict.fromkeys(teksten)),
        landelijke_versie=perioden[0].landelijke_versie if casus.regio != "landelijk" else None,
        aannames=tuple(aannames),
        versies_gebruikt=_versies_gebruikt(perioden),
        op_peildatum=None if peildatum is None else _op_peildatum(
            peildatum, casus.melding, momenten_t, intervallen_t, casus.kalender.code),
    )


def _aaneen(intervallen: list[Verantwoordelijkheid], perioden, casus: _Casus) -> list[Verantwoordelijkheid]:
    """Join the parts of a period that a change of a single rule cut in two; at the start of another
    version of the agreements the period is split (its basis changes there) and says so."""
    grenzen = {p.regeldatum: p for p in perioden[1:]}
    uit: list[Verantwoordelijkheid] = []
    for v in intervallen:
        if uit and v.van in grenzen and not v.binnen_een_dag and not uit[-1].binnen_een_dag:
            vorige = uit[-1]
            if vorige.partij == v.partij and (v.partij == NIEMAND or not grenzen[v.van].versiegrens):
                uit[-1] = replace(vorige, tot=v.tot, toelichting=v.toelichting if v.tot is None else vorige.toelichting)
                continue
            p = grenzen[v.van]
            if p.versiegrens:
                naam = p.versie.naam if p.versie is not None else "alleen de landelijke regels"
                uitleg = (f"Vanaf {datum_kort(v.van)} gelden ‘{naam}’; daarvóór golden andere afspraken "
                          "(zie het moment ‘Andere afspraken van kracht’).")
            else:
                uitleg = f"Vanaf {datum_kort(v.van)} gelden andere regels (zie het moment ‘Andere regels van kracht’)."
            v = replace(v, toelichting=uitleg + (f" {v.toelichting}" if v.toelichting else ""))
        uit.append(v)
    return uit


def _versies_gebruikt(perioden) -> tuple:
    uit = []
    for p in perioden:
        if p.versie is not None and (not uit or uit[-1][1].code != p.versie.code):
            uit.append((p.regeldatum, p.versie))
    return tuple(uit)


def _overschrijdingen(casus: _Casus, momenten: list[Moment]) -> list[str]:
    per_code = {m.code: m for m in momenten}
    uit = []
    for code, d in casus.opgegeven.items():
        uiterlijk = per_code.get(f"{code}-uiterlijk")
        if uiterlijk is not None and d > uiterlijk.datum:
            uit.append(f"{hoofdletter(_invoer_naam(code))} ({datum_kort(d)}) ligt na de uiterste datum "
                       f"{datum_kort(uiterlijk.datum)} ({bron_kort(uiterlijk.bron)}).")
    return uit


def _terugval(casus: _Casus, momenten: list[Moment]) -> list[str]:
    if casus.regio == "landelijk":
        return []
    # Per national source: the Kwaliteitskader sets the triage, the AEF report (Handelingsprotocol) the
    # monitoring; a computed moment's description ends with its term in brackets, which is left off here.
    per_document: dict[str, list[str]] = {}
    for m in momenten:
        if m.landelijk_terugval and m.status == "berekend":
            per_document.setdefault(m.bron.document, []).append(m.omschrijving.rsplit(" (", 1)[0])
    if not per_document:
        return []
    delen = [f"{DOCUMENT_NAMEN[document]}: " + ", ".join(dict.fromkeys(namen)) for document, namen in per_document.items()]
    return [f"Waar de afspraken van {REGIO_NAMEN[casus.regio]} hierover niets zeggen, volgt de rekenhulp de "
            f"landelijke regels. " + ". ".join(delen) + "."]


def _invoer(casus: _Casus) -> dict:
    uit = {"regio": casus.regio, "route": casus.route}
    for veld in ("melding",) + _DATUMVELDEN:
        d = casus.opgegeven.get(_code(veld))
        uit[veld] = d.isoformat() if d else None
    uit.update(casus.opties)
    uit["kalender"] = casus.kalender.code
    return uit
