"""The law at a date: which rules apply to this region and route, on this date, with these options,
and where the national framework fills in (compare OpenFisca's "parameter at an instant").

This is the one place that filters rule data by date, region, route and options. The timeline, the
rule overview, the site's tables, comparison, infographic and practice pages, the source box under each
page, the CLI help and the form's fields all ask it; none selects rules itself.

Where the regional text speaks, it wins: a national rule fills in for a moment only when the region
has no rule of its own for that moment (of any kind: a term, a change of party, an 'aanname' that says
the text sets no term, or 'vervalt'). So a national exception (spoed) never enters a regional rule that
has none.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from ..basis.begrippen import INVOER_MOMENTEN, LANDELIJK, MOMENTEN, OPTIES, ROUTES, STANDAARD_OPTIES, invoerketen
from ..basis.bestanden import bij_andere_bestanden_in_geheugen, cache_sleutel
from ..basis.fouten import AfsprakenFout
from .regelbestand import AfsprakenVersie, Feit, Regel
from .regios import regio as _regio
from .regios import regio_codes


@dataclass(frozen=True)
class Toepassing:
    """A rule as it applies here: ``landelijk`` when it is the national framework filling in for a silent
    (or unavailable) regional text."""

    regel: Regel
    landelijk: bool


@dataclass(frozen=True)
class RechtOpDatum:
    regio: str
    route: str
    datum: dt.date
    opties: tuple[tuple[str, object], ...]  # every option, the defaults filled in
    versie: AfsprakenVersie | None  # the region's version on the date (None: the region has none then)
    landelijke_versie: AfsprakenVersie | None

    @property
    def optie_waarden(self) -> dict[str, object]:
        return dict(self.opties)

    @property
    def regionale_tekst(self) -> str:
        """Why the national framework fills in: the regional text is silent ('beschikbaar'), not available
        here ('niet-beschikbaar'), or there were no regional agreements ('geen')."""
        return self.versie.regionale_tekst if self.versie is not None else "geen"

    @cached_property
    def _eigen(self) -> dict[str, tuple[Regel, ...]]:
        if self.versie is None or self.versie.regionale_tekst == "geen":
            return {}
        return _geldend(self.regio, self.route, self.datum, self.opties)

    @cached_property
    def _landelijk(self) -> dict[str, tuple[Regel, ...]]:
        if self.landelijke_versie is None:
            return {}
        return _geldend(LANDELIJK, self.route, self.datum, self.opties)

    def regels(self, moment: str) -> tuple[Toepassing, ...]:
        """The rules for ``moment``: the region's own, or, where it has none, the national ones."""
        eigen = self._eigen.get(moment, ())
        if eigen or self.regio == LANDELIJK:
            return tuple(Toepassing(r, False) for r in eigen)
        return tuple(Toepassing(r, True) for r in self._landelijk.get(moment, ()))

    def spreekt_zelf(self, moment: str) -> bool:
        """Whether the regional text itself speaks about ``moment`` (the national framework does not apply)."""
        return self.regio == LANDELIJK or bool(self._eigen.get(moment))

    def regel(self, code: str | None) -> Regel | None:
        """A rule in force here, by its code (the region's first)."""
        if code is None:
            return None
        for index in (self._eigen, self._landelijk):
            for regels in index.values():
                for r in regels:
                    if r.code == code:
                        return r
        return None

    def regels_vanaf(self, code: str) -> tuple[Toepassing, ...]:
        """The rules in force here that count from moment ``code``."""
        return tuple(t for m in self.momenten() for t in self.regels(m) if t.regel.vanaf == code)

    def elders_geldend(self, moment: str) -> Regel | None:
        """A term for ``moment`` in this route, with these options, that applies on another date than this
        one: so a result can say why a moment has no date ("that rule applies from …")."""
        waarden = self.optie_waarden
        for code in dict.fromkeys((self.regio, LANDELIJK)):
            for r in _regio(code).per_moment.get(moment, ()):
                if (
                    r.soort == "termijn"
                    and self.route in r.routes
                    and r.past_bij(waarden)
                    and not r.geldt_op(self.datum)
                ):
                    return r
        return None

    def momenten(self) -> tuple[str, ...]:
        """Every moment some rule here speaks about."""
        return tuple(dict.fromkeys((*self._eigen, *self._landelijk)))

    def feiten(self) -> tuple[Feit, ...]:
        eigen = (
            ()
            if self.versie is None
            else tuple(f for f in _regio(self.regio).feiten if f.geldt_op(self.datum) and self.route in f.routes)
        )
        return eigen

    def gebruikt_invoer(self, code: str) -> bool:
        """Whether some rule in force here counts from, or changes party at, input moment ``code``."""
        if code not in invoerketen(self.route):
            return False
        return any(
            code in (r.vanaf, r.moment, r.begrenst, r.onbepaald_vanaf)
            for index in (self._eigen, self._landelijk)
            for regels in index.values()
            for r in regels
        )

    def optie_telt(self, optie: str) -> bool:
        """Whether the value this law was asked with for ``optie`` changes any rule (against the default)."""
        if self.optie_waarden.get(optie) == STANDAARD_OPTIES[optie]:
            return False
        zonder = recht_op(self.regio, self.route, self.datum, {**self.optie_waarden, optie: STANDAARD_OPTIES[optie]})
        return any(self.regels(m) != zonder.regels(m) for m in {*self.momenten(), *zonder.momenten()})


def opties_volledig(opties: Mapping[str, object] | None) -> tuple[tuple[str, object], ...]:
    """Every option with its value (the default where none is given), in a fixed order."""
    opties = opties or {}
    onbekend = set(opties) - set(OPTIES)
    if onbekend:
        raise AfsprakenFout(f"Onbekende keuze {sorted(onbekend)[0]!r}.", veld=sorted(onbekend)[0])
    return tuple((o, opties.get(o, STANDAARD_OPTIES[o])) for o in OPTIES)


def recht_op(regio: str, route: str, datum: dt.date, opties: Mapping[str, object] | None = None) -> RechtOpDatum:
    """The law for ``regio`` and ``route`` on ``datum`` with these options."""
    if route not in ROUTES:
        raise AfsprakenFout(f"Onbekende route {route!r}; kies uit: {', '.join(ROUTES)}.", veld="route")
    return _recht_op(cache_sleutel("recht"), regio, route, datum, opties_volledig(opties))


@cache
def _recht_op(
    _sleutel: tuple[int, str, str, str], regio: str, route: str, datum: dt.date, opties: tuple[tuple[str, object], ...]
) -> RechtOpDatum:
    eigen, landelijk = _regio(regio), _regio(LANDELIJK)
    return RechtOpDatum(regio, route, datum, opties, eigen.versie_op(datum), landelijk.versie_op(datum))


# Every answer can be made again from the regions' cached rules: forget them all when a file held in memory
# changes, instead of keeping the answers for every version of it that was tried.
bij_andere_bestanden_in_geheugen(_recht_op.cache_clear)


def _geldend(
    regio: str, route: str, datum: dt.date, opties: tuple[tuple[str, object], ...]
) -> dict[str, tuple[Regel, ...]]:
    waarden = dict(opties)
    uit: dict[str, tuple[Regel, ...]] = {}
    for moment, regels in _regio(regio).per_moment.items():
        gekozen = tuple(r for r in regels if route in r.routes and r.geldt_op(datum) and r.past_bij(waarden))
        if gekozen:
            uit[moment] = gekozen
    return uit


# --- across dates: when the law changes, and where an option or a date field exists at all ------------------


def wijzigingsdatums(regio: str, route: str) -> dict[dt.date, bool]:
    """Every date on which the rules that can apply to this region and route change, in order:
    True where a version of the agreements (of the region or the national framework) starts or
    ends, False where only a rule inside a version does."""
    datums: dict[dt.date, bool] = {}
    for code in dict.fromkeys((regio, LANDELIJK)):
        bron = _regio(code)
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


@dataclass(frozen=True)
class Beschikbaar:
    """Where a choice of the form (an option or an optional date) means something: the rules that use it,
    per route, and the periods (of the rules) in which it applies."""

    veld: str
    regels: tuple[Toepassing, ...]

    @property
    def routes(self) -> tuple[str, ...]:
        return tuple(r for r in ROUTES if any(r in t.regel.routes for t in self.regels))


def _gebruikers(code: str, route: str, veld: str) -> tuple[Toepassing, ...]:
    """The rules of ``code`` (and, for a region, the national ones) in ``route`` that use form field ``veld``."""
    moment = veld.replace("_", "-")
    uit = []
    for bron in dict.fromkeys((code, LANDELIJK)):
        for r in _regio(bron).regels:
            if route not in r.routes:
                continue
            if veld in OPTIES:
                gebruikt = any(k == veld for k, _ in r.als)
            else:
                gebruikt = moment in invoerketen(route) and moment in (r.vanaf, r.moment)
            if gebruikt:
                uit.append(Toepassing(r, bron == LANDELIJK and code != LANDELIJK))
    return tuple(uit)


def beschikbaar(code: str, veld: str) -> Beschikbaar:
    """Where field ``veld`` (an option, or an optional input date) is used in region ``code``."""
    return Beschikbaar(veld, tuple(t for route in ROUTES for t in _gebruikers(code, route, veld)))


def regio_routes_met(veld: str) -> dict[str, tuple[str, ...]]:
    """Per region, the routes in which field ``veld`` means something (regions without any are left out)."""
    uit = {}
    for code in regio_codes():
        routes = beschikbaar(code, veld).routes
        if routes:
            uit[code] = routes
    return uit


OPTIONELE_DATUMS: tuple[str, ...] = tuple(
    m.invoerveld for m in INVOER_MOMENTEN.values() if m.invoerveld not in (None, "melding")
)


def regels_gewijzigd(
    regio: str, route: str, datum: dt.date, opties: Mapping[str, object] | None = None
) -> tuple[Toepassing, ...]:
    """The rules that start on ``datum`` (or, if none does, that end the day before): what changes then."""
    nu, gisteren = recht_op(regio, route, datum, opties), recht_op(regio, route, datum - dt.timedelta(days=1), opties)
    nieuw = [t for m in nu.momenten() for t in nu.regels(m) if t not in gisteren.regels(m)]
    oud = [t for m in gisteren.momenten() for t in gisteren.regels(m) if t not in nu.regels(m)]
    return tuple(dict.fromkeys(nieuw or oud))


def _scenarios() -> tuple[dict[str, object], ...]:
    namen = list(OPTIES)
    keuzes = [[STANDAARD_OPTIES[n], *[w for w in OPTIES[n] if w != STANDAARD_OPTIES[n]]] for n in namen]
    return tuple(dict(zip(namen, combinatie)) for combinatie in itertools.product(*keuzes))


# Every combination of option values, the plain case (all defaults) first.
OPTIE_SCENARIOS: tuple[dict[str, object], ...] = _scenarios()


@dataclass(frozen=True)
class Geval:
    """The rules for one moment under one combination of options; ``opties`` names only what differs from the
    plain case (empty for the plain case itself)."""

    opties: tuple[tuple[str, object], ...]
    regels: tuple[Toepassing, ...]

    @property
    def standaard(self) -> bool:
        return not self.opties


def gevallen(regio: str, route: str, datum: dt.date, moment: str) -> tuple[Geval, ...]:
    """The rules for ``moment`` on ``datum``: the plain case, then each option combination that changes
    them (the smallest combination that does), each once."""
    uit: list[Geval] = []
    gezien: set[tuple[tuple[str, str, dt.date, bool], ...]] = set()
    for opties in sorted(OPTIE_SCENARIOS, key=lambda o: sum(o[k] != STANDAARD_OPTIES[k] for k in o)):
        regels = recht_op(regio, route, datum, opties).regels(moment)
        sleutel = tuple((t.regel.regio, t.regel.code, t.regel.geldig_vanaf, t.landelijk) for t in regels)
        if sleutel in gezien or (not regels and not uit):
            gezien.add(sleutel)
            continue
        gezien.add(sleutel)
        afwijkend = tuple((k, v) for k, v in opties.items() if v != STANDAARD_OPTIES[k])
        uit.append(Geval(afwijkend, regels))
    return tuple(uit)


def waar_gedateerd(moment: str) -> tuple[tuple[str, str], ...]:
    """The (region, route) pairs in which some rule of the region itself dates ``moment``."""
    return tuple(
        (code, route)
        for code in regio_codes()
        for route in ROUTES
        if any(r.soort == "termijn" and route in r.routes for r in _regio(code).per_moment.get(moment, ()))
    )


def lezing(regio: str, code: str) -> str | None:
    """A reading of the texts that belongs to no single rule ([lezingen] in the rule file): the region's own, or
    else the national framework's."""
    return _regio(regio).lezingen.get(code) or _regio(LANDELIJK).lezingen.get(code)


def feiten_op(regio: str, datum: dt.date) -> tuple[Feit, ...]:
    """The region's own facts (criteria, ways of working) that apply on ``datum``, for every route."""
    return tuple(f for f in _regio(regio).feiten if f.geldt_op(datum))


def regel_op(regio: str, code: str, datum: dt.date) -> Regel | None:
    """The region's own rule ``code`` as it applies on ``datum`` (a code can have values one after another)."""
    return next((r for r in _regio(regio).regels if r.code == code and r.geldt_op(datum)), None)


def versie_op(regio: str, datum: dt.date) -> AfsprakenVersie | None:
    """The version of the region's agreements in force on ``datum``."""
    return _regio(regio).versie_op(datum)


# --- two laws side by side: two dates of one region (what a new version changed), or two regions ------------------


def inhoud(regel: Regel) -> tuple[object, ...]:
    """What a rule says, without where it is written (code, validity, source, reading): rules with the same content
    give the same dates and the same party."""
    return (
        regel.soort,
        regel.moment,
        regel.momenten,
        regel.aantal,
        regel.eenheid,
        regel.vanaf,
        regel.datum,
        regel.verantwoordelijke,
        regel.binnen,
        regel.daarna_vervalt,
        regel.begrenst,
        regel.onbepaald_vanaf,
        regel.wettelijk,
    )


def _inhouden(toepassingen: tuple[Toepassing, ...]) -> tuple[str, ...]:
    return tuple(sorted(repr(inhoud(t.regel)) for t in toepassingen))


@dataclass(frozen=True)
class Verschil:
    """The rules for one moment in one route that differ between two laws (``oud`` on the first, ``nieuw`` on the
    second); ``opties`` names the options of the case in which they differ (empty: the plain case)."""

    route: str
    moment: str
    opties: tuple[tuple[str, object], ...]
    oud: tuple[Toepassing, ...]
    nieuw: tuple[Toepassing, ...]


def verschillen(
    regio_a: str, datum_a: dt.date, regio_b: str, datum_b: dt.date, momenten: tuple[str, ...] | None = None
) -> tuple[Verschil, ...]:
    """Where the law of ``regio_a`` on ``datum_a`` and that of ``regio_b`` on ``datum_b`` say something else, per route
    and moment: in the plain case, and in each option case that changes otherwise than the plain case does."""
    uit: list[Verschil] = []
    for route in ROUTES:
        a, b = recht_op(regio_a, route, datum_a), recht_op(regio_b, route, datum_b)
        for moment in momenten or tuple(MOMENTEN):
            gewoon = (_inhouden(a.regels(moment)), _inhouden(b.regels(moment)))
            gevonden = {
                g.opties
                for code, datum in ((regio_a, datum_a), (regio_b, datum_b))
                for g in gevallen(code, route, datum, moment)
            }
            for opties in sorted(gevonden | {()}, key=lambda o: (len(o), repr(o))):
                oud = recht_op(regio_a, route, datum_a, dict(opties)).regels(moment)
                nieuw = recht_op(regio_b, route, datum_b, dict(opties)).regels(moment)
                paar = (_inhouden(oud), _inhouden(nieuw))
                if paar[0] != paar[1] and (not opties or paar != gewoon):
                    uit.append(Verschil(route, moment, opties, oud, nieuw))
    return tuple(uit)
