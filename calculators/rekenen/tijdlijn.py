"""The computation: from meldingsdatum, route and options to moments and periods of responsibility.

This module knows no terms and filters no rules: it asks the law at a date (``recht.op_datum``) which
rules apply, and applies them:

* If several rules date the same moment, the earliest date counts ("whichever comes first",
  e.g. completed triage or the triage term running out).
* A date the user did not give (veiligheidsbeoordeling, overdracht, einde dienst) is assumed
  (``_aanname``): where the text says what to assume (an 'aanname' rule), that; otherwise the latest
  date the rules allow, never before an earlier and never after a later given moment. Where the rules
  set no latest date, nothing is assumed: the date stays open and the result says so.
* Responsibility changes at the moments to which a rule ties a party. A change is dropped if a change
  that belongs later in the process falls earlier (e.g. a terugkoppeling within the term to pick the
  case up). Where the text names nobody, or the party depends on a fact of the case the calculator
  does not know, the period says so.

Which rules apply (versions): **every moment and every period follows the rules in force on its own
date.** A case is computed with the rules in force on the meldingsdatum; on each later date where the
rules change, the case is computed again with the rules from that date, keeping what lies before that
date. A moment 'regels-gewijzigd' marks the change, so no period stays open under rules that ended.

Every note leaves this module as a record (``Notitie``); ``woorden`` words it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..basis.begrippen import (
    INVOER_MOMENTEN,
    LANDELIJK,
    MOMENT_VOLGORDE,
    MOMENTEN,
    NIEMAND,
    ONBEPAALD,
    OPTIE_NAMEN,
    OPTIES,
    ROUTE_NAMEN,
    ROUTES,
    Json,
    invoerketen,
)
from ..basis.fouten import AfsprakenFout, RegelbestandFout
from ..basis.invoer import lees_datum, lees_ja_nee, lees_keuze, veld_naam
from ..basis.opmaak import datum_kort, hoofdletter
from ..kalender.werkdagen import EERSTE_JAAR, LAATSTE_JAAR, Kalender, kalender_info
from ..recht.op_datum import RechtOpDatum, Toepassing, beschikbaar, lezing, recht_op, regels_gewijzigd, wijzigingsdatums
from ..recht.regelbestand import AfsprakenVersie, Regel
from ..recht.regios import partij_namen, regio, regio_codes, regio_naam
from ..woorden.notities import Notitie
from ..woorden.teksten import (
    bron_kort,
    invoer_naam,
    invoer_veld_naam,
    moment_naam,
    moment_omschrijving,
    partij_naam,
    periode_tekst,
)
from .model import Moment, Tijdlijn, Verantwoordelijkheid, periode_op
from .peildatum import op_peildatum as _op_peildatum

DATUMVELDEN = ("veiligheidsbeoordeling", "overdracht", "dienst_einde", "terugkoppeling", "start_hulp")
_OVERAL = ("melding", "veiligheidsbeoordeling", "overdracht")  # input moments of every route


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
    vandaag: dt.date | None = None,
    regels_op: dt.date | None = None,
) -> Tijdlijn:
    """Compute the timeline of one case. Errors: ``AfsprakenFout`` with ``veld``.

    ``peildatum``: the day to answer "who is responsible now, until when, what comes next" for
    (``Tijdlijn.op_peildatum``); it changes nothing else in the result. ``vandaag``: the user's today
    (a melding after it gets a warning). ``regels_op``: read the whole case with the rules in force on that day
    instead of those of each moment's own day (for practice: the answer an earlier version of the agreements gives);
    the result then has one set of rules and no change of version."""
    regio = lees_keuze(regio, "regio", regio_codes(), "regio")
    route = lees_keuze(route, "route", ROUTES, "route")
    kal = kalender_info(kalender)
    datums = {"melding": _lees_invoerdatum(melding, "melding")}
    for veld, waarde in zip(
        DATUMVELDEN, (veiligheidsbeoordeling, overdracht, dienst_einde, terugkoppeling, start_hulp)
    ):
        if waarde is not None:
            datums[veld] = _lees_invoerdatum(waarde, veld)
    opties: dict[str, object] = {
        "spoed": lees_ja_nee(spoed, "spoed"),
        "heraanmelding": lees_ja_nee(heraanmelding, "heraanmelding"),
        "jeugdbeschermingstafel": lees_ja_nee(jeugdbeschermingstafel, "jeugdbeschermingstafel"),
        "vbs": None if vbs is None else lees_keuze(vbs, "vbs", tuple(str(w) for w in OPTIES["vbs"]), "VBS-soort"),
    }
    peil = None if peildatum is None else _lees_invoerdatum(peildatum, "peildatum")
    casus = _Casus(regio, route, datums["melding"], {_code(k): v for k, v in datums.items()}, opties, kal, regels_op)
    notities = _controleer(casus)
    if vandaag is not None and casus.melding > vandaag:
        notities.append(Notitie.maak("melding-in-de-toekomst", datum=casus.melding, vandaag=vandaag))
    return _samenvoegen(casus, peil, notities)


def _lees_invoerdatum(waarde: object, veld: str) -> dt.date:
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


def _volgorde(m: Moment) -> tuple[dt.date, int]:
    return (m.datum, MOMENT_VOLGORDE[m.code])


# --- the case as entered --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Casus:
    regio: str
    route: str
    melding: dt.date
    opgegeven: dict[str, dt.date]  # moment code -> date, as entered
    opties: dict[str, object]
    kalender: Kalender
    regels_op: dt.date | None = None  # one day whose rules hold for every moment (see ``tijdlijn``)

    @property
    def keten(self) -> tuple[str, ...]:
        return invoerketen(self.route)

    @property
    def partijen(self) -> dict[str, str]:
        return partij_namen(self.regio)

    def recht(self, datum: dt.date) -> RechtOpDatum:
        return recht_op(self.regio, self.route, self.regels_op or datum, self.opties)


def _controleer(c: _Casus) -> list[Notitie]:
    """Refuse what cannot be computed; return the notes about choices that change nothing here."""
    recht = c.recht(c.melding)
    for code, versie in ((c.regio, recht.versie), (LANDELIJK, recht.landelijke_versie)):
        if versie is None:
            _geen_versie(c, code)
    opgegeven = [(x, c.opgegeven[x]) for x in c.keten if x in c.opgegeven]
    for i, (vroeg, d1) in enumerate(opgegeven):
        for laat, d2 in opgegeven[i + 1 :]:
            if d2 < d1:
                raise AfsprakenFout(
                    f"{hoofdletter(invoer_veld_naam(laat))} ({datum_kort(d2)}) ligt vóór "
                    f"{invoer_veld_naam(vroeg)} ({datum_kort(d1)}).",
                    veld=INVOER_MOMENTEN[laat].invoerveld,
                )
    for code in c.opgegeven:
        if code not in _OVERAL and not recht.gebruikt_invoer(code):
            _niet_beschikbaar(c, INVOER_MOMENTEN[code].invoerveld or code)
    notities = []
    for optie, waarde in c.opties.items():
        if waarde in (None, False):
            continue
        if not beschikbaar(c.regio, optie).routes or c.route not in beschikbaar(c.regio, optie).routes:
            _niet_beschikbaar(c, optie)
        if not recht.optie_telt(optie):
            eigen = [t.regel for t in _regels_met_optie(recht, optie)]
            notities.append(
                Notitie.maak(
                    "optie-zonder-gevolg", eigen[0].bron if eigen else None, optie=optie, regio_naam=regio_naam(c.regio)
                )
            )
    return notities


def _regels_met_optie(recht: RechtOpDatum, optie: str) -> list[Toepassing]:
    """The region's own rules for the moments where the national framework has a rule for ``optie``: what the
    region rules instead."""
    landelijk = recht_op(LANDELIJK, recht.route, recht.datum, recht.optie_waarden)
    momenten = {
        t.regel.moment
        for m in landelijk.momenten()
        for t in landelijk.regels(m)
        if t.regel.moment and any(k == optie for k, _ in t.regel.als)
    }
    return [t for m in sorted(m for m in momenten if m) for t in recht.regels(m) if not t.landelijk]


def _geen_versie(c: _Casus, code: str) -> None:
    bron = regio(code)
    naam = regio_naam(code)
    eerste = bron.versies[0]
    if c.melding < eerste.geldig_vanaf:
        raise AfsprakenFout(
            f"Voor een melding op {datum_kort(c.melding)} zijn er geen afspraken van {naam} in de regeldata: de "
            f"eerste versie (‘{eerste.naam}’) geldt vanaf {datum_kort(eerste.geldig_vanaf)}.",
            veld="melding",
        )
    raise AfsprakenFout(
        f"Voor een melding op {datum_kort(c.melding)} geldt geen versie van de afspraken van {naam} in de "
        "regeldata (geldige perioden: " + "; ".join(periode_tekst(v) for v in bron.versies) + ").",
        veld="melding",
    )


def _niet_beschikbaar(c: _Casus, veld: str) -> None:
    """An error that says where the option or date does exist (per region, route and period)."""
    plekken = []
    for code in regio_codes():
        waar = beschikbaar(code, veld)
        if not waar.routes:
            continue
        eerste = regio(code).versies[0].geldig_vanaf
        # Name a period only if the option does not exist for the region's whole life.
        beperkt = sorted(
            {
                periode_tekst(t.regel)
                for t in waar.regels
                if t.regel.geldig_tot is not None or t.regel.geldig_vanaf > eerste
            }
        )
        periode = f", meldingen {' of '.join(beperkt)}" if beperkt else ""
        routenamen = " of ".join(f"‘{ROUTE_NAMEN[r]}’" for r in waar.routes)
        plekken.append(f"{regio_naam(code)} (route {routenamen}{periode})")
    raise AfsprakenFout(
        f"{hoofdletter(OPTIE_NAMEN.get(veld, veld))} hoort niet bij {regio_naam(c.regio)} met route "
        f"‘{ROUTE_NAMEN[c.route]}’ (melding {datum_kort(c.melding)}). Wel bij: {'; '.join(plekken) or 'nergens'}.",
        veld=veld,
    )


# --- one period of rules ---------------------------------------------------------------------------


@dataclass
class _Notitie:
    notitie: Notitie
    datum: dt.date | None  # the date it is about (kept if that date falls in the period's range)
    alleen_zonder: str | None = None  # only relevant if this moment is absent from the final result


@dataclass
class _Uitkomst:
    """The result of computing a case with the rules in force on one date (``regeldatum``)."""

    regeldatum: dt.date
    recht: RechtOpDatum
    datums: dict[str, tuple[dt.date, bool]]  # every dated moment -> (date, depends on an assumption)
    momenten: dict[str, Moment]
    intervallen: list[Verantwoordelijkheid]
    notities: list[_Notitie] = field(default_factory=list)
    versiegrens: bool = False  # this period starts where a version of the agreements starts or ends

    @property
    def versie(self) -> AfsprakenVersie | None:
        return self.recht.versie

    def partij_op(self, datum: dt.date) -> Verantwoordelijkheid | None:
        return periode_op(self.intervallen, datum)


class _Berekening:
    """The case computed with the rules in force on ``regeldatum``; dates before it fixed in ``vast``."""

    def __init__(
        self, casus: _Casus, regeldatum: dt.date, vast: dict[str, tuple[dt.date, bool, Moment | None]]
    ) -> None:
        self.casus = casus
        self.regeldatum = regeldatum
        self.vast = vast
        self.recht = casus.recht(regeldatum)
        self.partijen = casus.partijen

        self._datum: dict[str, dt.date | None] = {}
        self._bezig: set[str] = set()
        self.momenten: dict[str, Moment] = {}
        self.aanname: dict[str, bool] = {}
        self.notities: list[_Notitie] = []
        self.zonder_datum: list[Regel] = []  # rules whose starting moment is unknown
        self.onbekend: list[str] = []  # input moments not given, for which the rules set no latest date

    def _noteer(self, notitie: Notitie, datum: dt.date | None, alleen_zonder: str | None = None) -> None:
        self.notities.append(_Notitie(notitie, datum, alleen_zonder))

    # --- dates -----------------------------------------------------------------------------

    def datum(self, code: str) -> dt.date | None:
        if code in self._datum:
            return self._datum[code]
        if code in self._bezig:
            raise RegelbestandFout(f"regels: kringverwijzing bij het berekenen van moment {code!r}")
        self._bezig.add(code)
        waarde: dt.date | None
        try:
            if code in self.vast:  # fixed by the rules of an earlier period: what happened, happened
                waarde, self.aanname[code], moment = self.vast[code]
                if moment is not None and MOMENTEN[code].soort == "berekend":
                    self.momenten[code] = moment
            elif MOMENTEN[code].soort == "invoer":
                waarde = self._invoerdatum(code)
            elif MOMENTEN[code].soort == "berekend":
                waarde = self._berekende_datum(code)
            else:
                waarde = None
        finally:
            self._bezig.discard(code)
        self._datum[code] = waarde
        return waarde

    def _grenzen(self, code: str) -> list[tuple[str, dt.date]]:
        """The latest dates of input moment ``code``: its own term, and moments that must come after it."""
        uit = []
        if f"{code}-uiterlijk" in MOMENTEN and (d := self.datum(f"{code}-uiterlijk")) is not None:
            uit.append((f"{code}-uiterlijk", d))
        for moment in self.recht.momenten():
            if (
                any(t.regel.begrenst == code for t in self.recht.regels(moment))
                and (d := self.datum(moment)) is not None
            ):
                uit.append((moment, d))
        return uit

    def _invoerdatum(self, code: str) -> dt.date | None:
        c = self.casus
        if code not in c.keten:
            return None
        if code in c.opgegeven:
            self.aanname[code] = False
            opgegeven: dt.date = c.opgegeven[code]
            return opgegeven
        if not INVOER_MOMENTEN[code].aannemen:
            return None
        eerder_onbekend = bool(self.onbekend)  # an earlier step of the case is open: this one follows from it
        waarde, notitie = self._aanname(code)
        if waarde is None:
            self.onbekend.append(code)
            if eerder_onbekend:
                return None  # 'until the earlier step' already says why; this one adds nothing
        else:
            self.aanname[code] = True
        self._noteer(notitie, waarde)
        return waarde

    def _aanname(self, code: str) -> tuple[dt.date | None, Notitie]:
        """The assumption policy for an input moment that was not given."""
        c = self.casus
        positie = c.keten.index(code)
        later = sorted((c.opgegeven[x], x) for x in c.keten[positie + 1 :] if x in c.opgegeven)
        eerder = [(d, x) for d, x in ((self.datum(x), x) for x in c.keten[:positie]) if d is not None]
        regel = next((t.regel for t in self.recht.regels(code) if t.regel.soort == "aanname"), None)
        grenzen = [] if regel is not None else self._grenzen(code)
        if regel is not None and regel.vanaf and (d := self.datum(regel.vanaf)) is not None:
            waarde, notitie = (
                d,
                Notitie.maak("aanname", regel.bron, invoer=code, datum=d, grond="aanname-regel", ander=regel.vanaf),
            )
        elif grenzen:
            grens, uiterlijk = min(grenzen, key=lambda x: x[1])
            waarde = uiterlijk
            notitie = Notitie.maak(
                "aanname",
                self.momenten[grens].bron if grens in self.momenten else None,
                invoer=code,
                datum=waarde,
                grond="uiterste",
                begrensd_door=None if grens == f"{code}-uiterlijk" else grens,
            )
            if later and later[0][0] < waarde:
                waarde, x = later[0]
                notitie = Notitie.maak(
                    "aanname", invoer=code, datum=waarde, grond="later-opgegeven", ander=x, uiterlijk=uiterlijk
                )
        elif later:  # no term, but a later moment was given: it happened by then at the latest
            waarde, x = later[0]
            notitie = Notitie.maak("aanname", invoer=code, datum=waarde, grond="later-opgegeven", ander=x)
        else:
            return None, Notitie.maak("aanname-onmogelijk", invoer=code)
        if eerder and max(eerder)[0] > waarde:
            waarde, x = max(eerder)
            notitie = Notitie.maak("aanname", invoer=code, datum=waarde, grond="eerder-opgegeven", ander=x)
        return waarde, notitie

    def _berekende_datum(self, code: str) -> dt.date | None:
        toepassingen = self.recht.regels(code)
        vervallen = [t for t in toepassingen if t.regel.soort == "vervalt"]
        if vervallen:
            r = vervallen[0].regel
            self._noteer(
                Notitie.maak("vervalt", r.bron, omschrijving=r.omschrijving, regel=r.code, momenten=r.momenten), None
            )
            return None
        termijnen = [t for t in toepassingen if t.regel.soort == "termijn"]
        if not termijnen:
            if not toepassingen and (elders := self.recht.elders_geldend(code)) is not None:
                self._noteer(
                    Notitie.maak(
                        "regel-geldt-niet",
                        elders.bron,
                        moment=code,
                        periode=periode_tekst(elders),
                        datum=self.regeldatum,
                    ),
                    self.regeldatum,
                    alleen_zonder=code,
                )
            return None
        kandidaten = []
        for t in termijnen:
            r = t.regel
            assert r.vanaf is not None and r.aantal is not None and r.eenheid is not None  # a term (see regelbestand)
            basis = self.datum(r.vanaf)
            if basis is None:
                if r.opmerking_zonder_datum:
                    self.zonder_datum.append(r)
                continue
            kandidaten.append((r.datum_vanaf(basis, self.casus.kalender.code), t))
        if not kandidaten:
            return None
        d, t = min(kandidaten, key=lambda x: x[0])  # same date: the first rule in the file
        r = t.regel
        self.aanname[code] = self.aanname.get(r.vanaf or "", False)
        self.momenten[code] = Moment(
            code=code,
            datum=d,
            omschrijving=moment_omschrijving(code, r, self.partijen),
            bron=r.bron,
            status="berekend",
            interpretatie=r.interpretatie,
            verantwoordelijke=r.verantwoordelijke,
            landelijk_terugval=t.landelijk,
            regel=r.code,
            hangt_af_van_aanname=self.aanname[code],
        )
        return d

    # --- input moments as Moment ------------------------------------------------------------

    def _invoermoment(self, code: str) -> None:
        d = self.datum(code)
        if d is None:
            return
        toepassingen = self.recht.regels(code)
        overgang = next((t for t in toepassingen if t.regel.soort == "overgang"), None)
        if overgang is not None and overgang.regel.binnen:
            self._binnen(code, d, overgang)
        bron = overgang or self._bronregel_voor_invoer(code)
        if bron is None:  # a given date that no rule in force from regeldatum on uses any more
            if self.regeldatum == self.casus.melding:
                raise RegelbestandFout(
                    f"regels: geen regel gebruikt invoermoment {code!r} in route {self.casus.route!r}"
                )
            if d >= self.regeldatum:  # a date the earlier rules already used needs no word
                self._noteer(
                    Notitie.maak("invoer-telt-niet-meer", invoer=code, datum=d, vanaf=self.regeldatum), self.regeldatum
                )
            return
        verantwoordelijke = overgang.regel.verantwoordelijke if overgang else None
        interpretatie = overgang.regel.interpretatie if overgang else None
        onbepaald = self._onbepaald_vanaf(code)
        if verantwoordelijke is None and onbepaald is not None:
            bron, verantwoordelijke, interpretatie = onbepaald, ONBEPAALD, onbepaald.regel.interpretatie
        aangenomen = self.aanname.get(code, False)
        self.momenten[code] = Moment(
            code=code,
            datum=d,
            omschrijving=moment_naam(code, self.partijen),
            bron=bron.regel.bron,
            status="aangenomen" if aangenomen else "opgegeven",
            interpretatie=interpretatie,
            verantwoordelijke=verantwoordelijke,
            landelijk_terugval=bron.landelijk,
            regel=bron.regel.code,
            hangt_af_van_aanname=aangenomen,
        )
        if overgang is not None and overgang.regel.daarna_vervalt:
            self._vervalt_na(code, d, overgang.regel)

    def _binnen(self, code: str, d: dt.date, overgang: Toepassing) -> None:
        """A change of party that the text allows only until a deadline (the terugkoppeling within three months)."""
        assert overgang.regel.binnen is not None
        grens = self.datum(overgang.regel.binnen)
        if grens is None or d <= grens:
            return
        uiterlijk = self.momenten.get(overgang.regel.binnen)
        if uiterlijk is not None and uiterlijk.hangt_af_van_aanname:
            return  # the deadline rests on an assumed date: a warning (_na_uiterste_datum), not a refusal
        raise AfsprakenFout(
            f"{hoofdletter(invoer_veld_naam(code))} ({datum_kort(d)}) ligt na de uiterste datum {datum_kort(grens)} "
            f"({bron_kort(overgang.regel.bron)}); deze afspraak geldt dan niet meer.",
            veld=INVOER_MOMENTEN[code].invoerveld,
        )

    def _onbepaald_vanaf(self, code: str, alleen_open: bool = True) -> Toepassing | None:
        """A rule that leaves the party open from input moment ``code`` on while its own date is unknown (with
        ``alleen_open=False``: also when that date is known)."""
        for moment in self.recht.momenten():
            for t in self.recht.regels(moment):
                if t.regel.onbepaald_vanaf == code and (not alleen_open or self.datum(t.regel.vanaf or "") is None):
                    return t
        return None

    def _vervalt_na(self, code: str, d: dt.date, regel: Regel) -> None:
        weg = [m for m in regel.daarna_vervalt if m in self.momenten and self.momenten[m].datum >= d]
        for m in weg:
            del self.momenten[m]
        if weg:
            self._noteer(Notitie.maak("vervalt-na", regel.bron, invoer=code, datum=d, momenten=tuple(weg)), d)

    def _bronregel_voor_invoer(self, code: str) -> Toepassing | None:
        """The rule that gives this input moment its role: an 'aanname' for it, its latest-date rule, a rule that
        must come after it, or one counting from it."""
        for t in self.recht.regels(code):
            if t.regel.soort == "aanname":
                return t
        uiterlijk = self.momenten.get(f"{code}-uiterlijk")
        if uiterlijk is not None:
            regel = next((t for t in self.recht.regels(uiterlijk.code) if t.regel.code == uiterlijk.regel), None)
            if regel is not None:
                return regel
        onbepaald = self._onbepaald_vanaf(code, alleen_open=False)
        if onbepaald is not None:
            return onbepaald
        vanaf = self.recht.regels_vanaf(code)
        return vanaf[0] if vanaf else None

    # --- responsibility -------------------------------------------------------------------------

    def _verantwoordelijkheid(self) -> list[Verantwoordelijkheid]:
        wissels = sorted(
            (m for m in self.momenten.values() if m.verantwoordelijke), key=lambda m: MOMENT_VOLGORDE[m.code]
        )
        geldig = []
        for i, m in enumerate(wissels):
            eerder = [n for n in wissels[i + 1 :] if n.datum < m.datum]
            if eerder:
                n = min(eerder, key=lambda x: x.datum)
                self._noteer(
                    Notitie.maak(
                        "wissel-gaat-niet-door",
                        moment=m.code,
                        datum=m.datum,
                        eerder_moment=n.code,
                        eerder_datum=n.datum,
                    ),
                    m.datum,
                )
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
            binnen_een_dag = volgende is not None and volgende.datum == m.datum
            if (
                volgende is not None
                and binnen_een_dag
                and (m.verantwoordelijke in (NIEMAND, ONBEPAALD) or m.verantwoordelijke == volgende.verantwoordelijke)
            ):
                continue  # nobody for a moment, or the same party twice that day: nothing to show
            regel = self.recht.regel(m.regel)
            toelichting = None
            if m.verantwoordelijke in (NIEMAND, ONBEPAALD) and regel is not None:
                toelichting = regel.opmerking_zonder_datum if m.verantwoordelijke == ONBEPAALD else regel.omschrijving
            if volgende is not None and binnen_een_dag:
                toelichting = (
                    f"Op {datum_kort(m.datum)} zelf: vanaf {self._aanleiding(m)} tot "
                    f"{self._aanleiding(volgende)}, diezelfde dag."
                )
            elif tot is None:
                toelichting = " ".join(dict.fromkeys(filter(None, [toelichting, *self._waarom_open()]))) or None
            intervallen.append(
                Verantwoordelijkheid(
                    van=m.datum,
                    tot=tot,
                    partij=m.verantwoordelijke or NIEMAND,
                    partij_naam=partij_naam(m.verantwoordelijke, self.partijen),
                    bron=m.bron,
                    interpretatie=regel.interpretatie if regel else None,
                    landelijk_terugval=m.landelijk_terugval,
                    toelichting=toelichting,
                    binnen_een_dag=binnen_een_dag,
                )
            )
        return intervallen

    def _aanleiding(self, m: Moment) -> str:
        """What a change of responsibility happens at, in a few words: 'de overdracht'."""
        regel = self.recht.regel(m.regel)
        code = m.code if MOMENTEN[m.code].soort == "invoer" else (regel.vanaf if regel and regel.aantal == 0 else None)
        if code and MOMENTEN[code].vanaf_tekst:
            return invoer_naam(code, self.partijen)
        return f"‘{m.omschrijving}’"

    def _waarom_open(self) -> list[str]:
        uit = [
            r.opmerking_zonder_datum for r in self.zonder_datum if r.opmerking_zonder_datum and not r.onbepaald_vanaf
        ]
        for code in self.onbekend[:1]:  # the first open step; the later ones wait for it
            uit.append(
                f"Tot {invoer_naam(code, self.partijen)}: {invoer_veld_naam(code)} is niet opgegeven en de "
                "afspraken stellen er geen termijn voor."
            )
        return uit

    # --- all together ---------------------------------------------------------------------------

    def uitvoeren(self) -> _Uitkomst:
        for code, soort in MOMENTEN.items():
            if soort.soort == "berekend":
                self.datum(code)
        for code in self.casus.keten:
            self._invoermoment(code)
        for r in dict.fromkeys(self.zonder_datum):
            self._noteer(
                Notitie.maak("zonder-datum", r.bron, tekst=r.opmerking_zonder_datum, regel=r.code),
                None,
                alleen_zonder=None if r.onbepaald_vanaf else r.moment,
            )
        intervallen = self._verantwoordelijkheid()
        datums = {code: (d, self.aanname.get(code, False)) for code, d in self._datum.items() if d is not None}
        return _Uitkomst(self.regeldatum, self.recht, datums, dict(self.momenten), intervallen, list(self.notities))


# --- periods of rules joined into one timeline ---------------------------------------------------------


def _verschilt(oud: _Uitkomst, nieuw: _Uitkomst, vanaf: dt.date) -> bool:
    """Whether computing with the newer rules changes anything from ``vanaf`` on."""

    def momenten(u: _Uitkomst) -> list[tuple[str, dt.date, str, str]]:
        return sorted((m.code, m.datum, m.regel or "", m.status) for m in u.momenten.values() if m.datum >= vanaf)

    def perioden(u: _Uitkomst) -> list[tuple[dt.date, dt.date | None, str, bool]]:
        return [
            (max(v.van, vanaf), v.tot, v.partij, v.binnen_een_dag)
            for v in u.intervallen
            if v.tot is None or v.tot > vanaf or (v.binnen_een_dag and v.van >= vanaf)
        ]

    return momenten(oud) != momenten(nieuw) or perioden(oud) != perioden(nieuw)


def _knip(intervallen: Iterable[Verantwoordelijkheid], van: dt.date, tot: dt.date | None) -> list[Verantwoordelijkheid]:
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
    if nieuw.versie is not None and (vorige.versie is None or nieuw.versie.code != vorige.versie.code):
        oud = f"‘{vorige.versie.naam}’ gelden niet meer; " if vorige.versie is not None else ""
        omschrijving = f"Andere afspraken van kracht: {oud}vanaf deze dag gelden ‘{nieuw.versie.naam}’"
        bron = nieuw.versie.bron
    else:
        gewijzigd = regels_gewijzigd(casus.regio, casus.route, datum, casus.opties)
        regel = gewijzigd[0].regel if gewijzigd else None
        omschrijving = "Andere regels van kracht" + (
            f": {regel.omschrijving or moment_naam(regel.raakt[0], casus.partijen)} ({periode_tekst(regel)})"
            if regel
            else ""
        )
        if regel is not None:
            bron = regel.bron
        else:  # a change of rules is a change of some rule, or of a version
            assert nieuw.recht.landelijke_versie is not None
            bron = nieuw.recht.landelijke_versie.bron
    voor, na = vorige.partij_op(datum), nieuw.partij_op(datum)
    wissel = na.partij if na is not None and (nieuw.versiegrens or voor is None or voor.partij != na.partij) else None
    return Moment(
        code="regels-gewijzigd",
        datum=datum,
        omschrijving=omschrijving,
        bron=bron,
        status="berekend",
        interpretatie=lezing(casus.regio, "lopende-casus"),
        verantwoordelijke=wissel,
    )


def _perioden_van_regels(casus: _Casus) -> list[_Uitkomst]:
    # The rules on the meldingsdatum, then every later date on which a version of the agreements starts or
    # ends (responsibility never stays open under agreements that have ended), and every date on which a
    # single rule changes while the case still has moments ahead or the change makes a difference for it.
    perioden = [_Berekening(casus, casus.melding, {}).uitvoeren()]
    for grens, nieuwe_versie in wijzigingsdatums(casus.regio, casus.route).items():
        if grens <= casus.melding or casus.regels_op is not None:
            continue
        vorige = perioden[-1]
        vast = {
            code: (d, aanname, vorige.momenten.get(code)) for code, (d, aanname) in vorige.datums.items() if d < grens
        }
        nieuw = replace(_Berekening(casus, grens, vast).uitvoeren(), versiegrens=nieuwe_versie)
        loopt_nog = any(m.datum >= grens for m in vorige.momenten.values())
        if nieuwe_versie or loopt_nog or _verschilt(vorige, nieuw, grens):
            perioden.append(nieuw)
    return perioden


def _samenvoegen(casus: _Casus, peildatum: dt.date | None, vooraf: list[Notitie]) -> Tijdlijn:
    perioden = _perioden_van_regels(casus)
    eerste = perioden[0].versie
    assert eerste is not None  # refused before (_controleer) when the region has no version on the melding
    momenten: list[Moment] = []
    intervallen: list[Verantwoordelijkheid] = []
    notities: list[_Notitie] = []
    regionale_tekst: dict[str, str] = {}  # moment code -> why the national rules filled in for it
    for i, p in enumerate(perioden):
        van = p.regeldatum
        tot = perioden[i + 1].regeldatum if i + 1 < len(perioden) else None

        def binnen(d: dt.date | None, van: dt.date = van, tot: dt.date | None = tot) -> bool:
            return d is None or (d >= van and (tot is None or d < tot))

        for m in p.momenten.values():
            if binnen(m.datum):
                momenten.append(m)
                regionale_tekst.setdefault(m.code, p.recht.regionale_tekst)
        if i:
            momenten.append(_wijziging_moment(perioden[i - 1], p, van, casus))
        intervallen += _knip(p.intervallen, van, tot)
        notities += [
            n
            for n in p.notities
            if binnen(n.datum) and not (n.notitie.code == "aanname-onmogelijk" and tot is not None)
        ]
    momenten.sort(key=_volgorde)
    codes = {m.code for m in momenten}
    lijst = list(vooraf)
    lijst += [n.notitie for n in notities if n.alleen_zonder is None or n.alleen_zonder not in codes]
    lijst += _na_uiterste_datum(casus, momenten)
    lijst += _landelijk_vult_aan(casus, momenten, regionale_tekst)
    momenten_t = tuple(momenten)
    intervallen_t = tuple(_aaneen(intervallen, perioden))
    per_code = {m.code: m for m in momenten}
    achter = {m.code: a for m in momenten if (a := _aanname_achter(casus, per_code, m.code)) is not None}
    return Tijdlijn(
        regio=casus.regio,
        route=casus.route,
        afspraken_versie=eerste,
        kalender=casus.kalender,
        invoer=_invoer(casus),
        momenten=momenten_t,
        verantwoordelijkheid=intervallen_t,
        partijen=casus.partijen,
        notities=tuple(dict.fromkeys(lijst)),
        landelijke_versie=perioden[0].recht.landelijke_versie if casus.regio != LANDELIJK else None,
        versies_gebruikt=_versies_gebruikt(perioden),
        aanname_achter=achter,
        op_peildatum=None
        if peildatum is None
        else _op_peildatum(
            peildatum, casus.melding, momenten_t, intervallen_t, casus.kalender.code, casus.partijen, achter
        ),
    )


def _aaneen(intervallen: list[Verantwoordelijkheid], perioden: list[_Uitkomst]) -> list[Verantwoordelijkheid]:
    """Join the parts of one party's period that a change of rules cut in two: the moment 'regels-gewijzigd'
    already marks the change, and a reader asking "until when?" wants the real end. A period that starts
    because other agreements start says so."""
    grenzen = {p.regeldatum: p for p in perioden[1:]}
    uit: list[Verantwoordelijkheid] = []
    for v in intervallen:
        if (
            uit
            and not v.binnen_een_dag
            and not uit[-1].binnen_een_dag
            and uit[-1].tot == v.van
            and uit[-1].partij == v.partij
        ):
            vorige = uit[-1]
            uit[-1] = replace(vorige, tot=v.tot, toelichting=v.toelichting if v.tot is None else vorige.toelichting)
            continue
        p = grenzen.get(v.van)
        if p is not None and uit and not v.binnen_een_dag:
            uitleg = (
                f"Vanaf {datum_kort(v.van)} gelden ‘{p.versie.naam}’ (zie het moment ‘Andere afspraken van kracht’)."
                if p.versiegrens and p.versie is not None
                else f"Vanaf {datum_kort(v.van)} gelden andere regels (zie het moment ‘Andere regels van kracht’)."
            )
            v = replace(v, toelichting=uitleg + (f" {v.toelichting}" if v.toelichting else ""))
        uit.append(v)
    return uit


def _versies_gebruikt(perioden: list[_Uitkomst]) -> tuple[tuple[dt.date, AfsprakenVersie], ...]:
    uit: list[tuple[dt.date, AfsprakenVersie]] = []
    for p in perioden:
        if p.versie is not None and (not uit or uit[-1][1].code != p.versie.code):
            uit.append((p.regeldatum, p.versie))
    return tuple(uit)


def _na_uiterste_datum(casus: _Casus, momenten: list[Moment]) -> list[Notitie]:
    """A given date after a latest date: its own term, or a moment it must precede (``begrenst``)."""
    per_code = {m.code: m for m in momenten}
    uit = []
    for code, d in casus.opgegeven.items():
        recht = casus.recht(d)
        grenzen = [f"{code}-uiterlijk"] + [
            m for m in recht.momenten() if any(t.regel.begrenst == code for t in recht.regels(m))
        ]
        for grens in grenzen:
            uiterlijk = per_code.get(grens)
            if uiterlijk is not None and d > uiterlijk.datum:
                uit.append(
                    Notitie.maak(
                        "na-uiterste-datum",
                        uiterlijk.bron,
                        invoer=code,
                        datum=d,
                        grens=grens,
                        uiterlijk=uiterlijk.datum,
                        aanname=_aanname_achter(casus, per_code, grens),
                    )
                )
    return uit


def _aanname_achter(casus: _Casus, per_code: dict[str, Moment], code: str) -> str | None:
    """The assumed input date a computed moment rests on (following its rules back), or None."""
    m = per_code.get(code)
    while m is not None and m.hangt_af_van_aanname:
        if m.status == "aangenomen":
            return m.code
        regel = casus.recht(m.datum).regel(m.regel) or casus.recht(casus.melding).regel(m.regel)
        m = per_code.get(regel.vanaf) if regel is not None and regel.vanaf else None
    return None


def _landelijk_vult_aan(casus: _Casus, momenten: list[Moment], regionale_tekst: dict[str, str]) -> list[Notitie]:
    if casus.regio == LANDELIJK:
        return []
    # Per reason, per national source: the Kwaliteitskader sets the triage, the AEF report the monitoring.
    per_reden: dict[str, dict[str, list[str]]] = {}
    for m in momenten:
        if m.landelijk_terugval and m.status == "berekend":
            documenten = per_reden.setdefault(regionale_tekst.get(m.code, "beschikbaar"), {})
            documenten.setdefault(m.bron.document, []).append(m.code)
    return [
        Notitie.maak(
            "landelijk-vult-aan",
            regio=casus.regio,
            regio_naam=regio_naam(casus.regio),
            regionale_tekst=reden,
            per_document=tuple((doc, tuple(dict.fromkeys(codes))) for doc, codes in documenten.items()),
        )
        for reden, documenten in per_reden.items()
    ]


def _invoer(casus: _Casus) -> Json:
    uit: Json = {"regio": casus.regio, "route": casus.route}
    for veld in ("melding",) + DATUMVELDEN:
        d = casus.opgegeven.get(_code(veld))
        uit[veld] = d.isoformat() if d else None
    uit.update(casus.opties)
    uit["kalender"] = casus.kalender.code
    return uit
