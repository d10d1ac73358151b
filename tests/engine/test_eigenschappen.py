"""Eigenschappen die voor elke invoer moeten gelden (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import (
    NIEMAND,
    PARTIJEN,
    ROUTES,
    AfsprakenFout,
    is_werkdag,
    niet_werkdagen,
    plus_werkdagen,
    tijdlijn,
    werkdagen_tussen,
)
from calculators.basis.begrippen import MOMENT_VOLGORDE, ONBEPAALD
from calculators.recht import regios as regels
from calculators.recht.regios import regio_codes
from calculators.woorden.teksten import bron_url

REGIOS = regio_codes()

EEN_DAG = dt.timedelta(days=1)
KALENDERS = ["atw", "weekend"]
# Ruim binnen 2015-2035, zodat ook de langste termijnen binnen het kalenderbereik blijven.
datums = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 9, 1))
lid3_datums = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2028, 10, 31))
INSTELLINGEN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@INSTELLINGEN
@given(datums, st.integers(min_value=0, max_value=60), st.sampled_from(KALENDERS))
def test_plus_werkdagen_landt_op_een_werkdag_en_telt_terug(begin, n, kalender):
    eind = plus_werkdagen(begin, n, kalender)
    assert werkdagen_tussen(begin, eind, kalender) == n
    if n > 0:
        assert is_werkdag(eind, kalender)
        # minimaal: de dag ervoor telt één werkdag minder
        assert werkdagen_tussen(begin, eind - EEN_DAG, kalender) == n - 1
        # elke overgeslagen dag is echt geen werkdag, en elke dag ertussen is ofwel werkdag ofwel overgeslagen
        overgeslagen = {x.datum for x in niet_werkdagen(begin, eind, kalender)}
        assert all(not is_werkdag(x, kalender) for x in overgeslagen)
        assert (eind - begin).days == n + len(overgeslagen)


@INSTELLINGEN
@given(lid3_datums, st.integers(min_value=1, max_value=30))
def test_lid3_kalender_telt_nooit_minder_dagen_dan_atw(begin, n):
    assert plus_werkdagen(begin, n, "atw-lid3") >= plus_werkdagen(begin, n, "atw")
    assert is_werkdag(plus_werkdagen(begin, n, "atw-lid3"), "atw")


def _eerste_geldige(regio: str) -> dt.date:
    return regels.regio(regio).versies[0].geldig_vanaf


@st.composite
def casussen(draw):
    regio = draw(st.sampled_from(REGIOS))
    route = draw(st.sampled_from(ROUTES))
    melding = draw(
        st.dates(min_value=max(_eerste_geldige(regio), dt.date(2016, 7, 1)), max_value=dt.date(2035, 12, 31))
    )
    kwargs = {"spoed": draw(st.booleans())}
    # Opgegeven datums in procesvolgorde, elk met een willekeurige afstand tot de vorige.
    huidig = melding
    volgorde = ["veiligheidsbeoordeling"] + (["dienst_einde"] if route != "direct" else []) + ["overdracht"]
    for veld in volgorde:
        huidig = huidig + dt.timedelta(days=draw(st.integers(min_value=0, max_value=90)))
        if draw(st.booleans()):
            kwargs[veld] = huidig
    if regio == "midden-brabant":
        if route == "direct" and "overdracht" in kwargs and draw(st.booleans()):
            kwargs["terugkoppeling"] = kwargs["overdracht"] + dt.timedelta(days=draw(st.integers(0, 85)))
        if route != "direct":
            kwargs["vbs"] = draw(st.sampled_from([None, "crisis", "regulier"]))
            kwargs["jeugdbeschermingstafel"] = draw(st.booleans())
            kwargs["heraanmelding"] = draw(st.booleans())  # stap 4 hoort bij de monitoring na een dienst (000 § 5)
    if regio == "west-brabant" and dt.date(2017, 1, 1) <= melding < dt.date(2022, 4, 1) and draw(st.booleans()):
        laatste = max([melding] + [v for v in kwargs.values() if isinstance(v, dt.date)])
        kwargs["start_hulp"] = laatste + dt.timedelta(days=draw(st.integers(0, 200)))
    kwargs = {k: v for k, v in kwargs.items() if not isinstance(v, dt.date) or v.year <= 2035}
    return regio, route, melding, kwargs


# The words by which a quote names a party: a period names a party only with a sentence that names it.
NOEMT = {
    "veilig-thuis": ("veilig thuis", "vtmb"),
    "lokaal-team": ("lokale", "lokaal", "door de gemeente is aangewezen"),
}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(casussen())
def test_tijdlijn_invarianten(casus):
    regio, route, melding, kwargs = casus
    try:
        t = tijdlijn(regio, route, melding, **kwargs)
    except AfsprakenFout as e:
        # De strategie maakt alleen geldige, oplopende datums binnen het bereik; geweigerd mag alleen een
        # terugkoppeling na de uiterste datum, en alleen als die uit een opgegeven overdracht volgt (een uiterste
        # datum uit een aangenomen overdracht geeft een waarschuwing, geen weigering).
        assert e.veld == "terugkoppeling" and "overdracht" in kwargs, str(e)
        return

    intervallen = t.verantwoordelijkheid
    # Begint op de meldingsdatum, sluit aan, overlapt niet, geen lege intervallen (behalve een periode binnen
    # één dag, die zichtbaar blijft), laatste is open.
    assert intervallen[0].van == melding
    for a, b in zip(intervallen, intervallen[1:]):
        assert a.tot == b.van
        assert a.tot > a.van or (a.binnen_een_dag and a.tot == a.van and a.partij != NIEMAND)
    assert intervallen[-1].tot is None
    assert all((v.partij in PARTIJEN or v.partij in (NIEMAND, ONBEPAALD)) and v.partij_naam for v in intervallen)
    # Voor elke dag vanaf de melding is er precies één verantwoordelijke (hele dagen).
    for dag in (melding, melding + dt.timedelta(days=10), melding + dt.timedelta(days=400)):
        assert sum(v.bevat(dag) for v in intervallen) == 1
    assert all(not v.bevat(melding - EEN_DAG) for v in intervallen)

    # Geen partij zonder een bronzin die haar noemt; waar niemand is aangewezen, zegt de JSON null.
    for v in intervallen:
        citaat = v.bron.citaat.lower()
        if v.partij in (NIEMAND, ONBEPAALD):
            assert v.to_dict()["partij"] is None and v.to_dict()["aanwijzing"] == v.partij
            assert "veilig thuis" in citaat and v.toelichting
        else:
            assert any(woord in citaat for woord in NOEMT[v.partij]), (v.partij, v.bron.citaat)
    # Nooit open onder afspraken die geëindigd zijn: een open periode loopt onder de laatste versie, en die is
    # zelf open. (Een periode van één partij die over een versiegrens loopt, is één periode; het moment
    # 'regels-gewijzigd' markeert de grens.)
    versies = list(t.versies_gebruikt)
    for v in intervallen:
        geldend = [versie for vanaf, versie in versies if vanaf <= v.van][-1]
        assert geldend.geldig_tot is None or v.van < geldend.geldig_tot
    if intervallen[-1].tot is None and versies[-1][1].geldig_tot is not None:
        raise AssertionError((intervallen[-1], versies[-1][1].code))
    for vanaf, _versie in versies[1:]:
        assert any(m.code == "regels-gewijzigd" and m.datum == vanaf for m in t.momenten)
    # Geen partij wordt opnieuw verantwoordelijk na haar eigen overdracht, behalve door een terugkoppeling.
    overdracht = t.moment("overdracht")
    if overdracht is not None:
        for v in intervallen:
            if v.partij == "veilig-thuis" and v.van > overdracht.datum:
                assert t.moment("terugkoppeling") is not None and t.moment("terugkoppeling").datum == v.van

    # Momenten op datum, daarna in procesvolgorde; codes uniek; elk moment met bron en status.
    sleutels = [(m.datum, MOMENT_VOLGORDE[m.code]) for m in t.momenten]
    assert sleutels == sorted(sleutels)
    # Codes are unique, except 'regels-gewijzigd' (once for every date on which other rules apply).
    codes = [m.code for m in t.momenten if m.code != "regels-gewijzigd"]
    assert len(set(codes)) == len(codes)
    assert all(m.datum >= melding for m in t.momenten)
    assert all(m.status in {"opgegeven", "aangenomen", "berekend"} for m in t.momenten)
    assert all(m.bron.citaat and bron_url(m.bron) for m in t.momenten)
    # Opgegeven datums komen ongewijzigd terug (of de uitkomst zegt dat de afspraken er niet meer mee rekenen).
    for veld, waarde in kwargs.items():
        if isinstance(waarde, dt.date):
            m = t.moment(veld.replace("_", "-"))
            assert (m is not None and m.datum == waarde and m.status == "opgegeven") or any(
                n["invoer"] == veld.replace("_", "-") for n in t.notities_met("invoer-telt-niet-meer")
            )
    # Elke overgang van verantwoordelijkheid is een moment in de tijdlijn.
    wissels = {(m.datum, m.verantwoordelijke) for m in t.momenten if m.verantwoordelijke}
    for v in intervallen:
        assert (v.van, v.partij) in wissels
    # JSON-contract is altijd serialiseerbaar.
    json.dumps(t.to_dict())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(casussen(), st.integers(min_value=0, max_value=500))
def test_de_kop_noemt_precies_de_aannames_waarop_hij_rust(casus, dagen):
    """Whatever the case and the day: the headline's condition names only dates that were assumed (with the date
    that was assumed), and with every date given the headline rests on nothing."""
    regio, route, melding, kwargs = casus
    peildatum = min(melding + dt.timedelta(days=dagen), dt.date(2035, 12, 31))
    try:
        t = tijdlijn(regio, route, melding, peildatum=peildatum, **kwargs).to_dict()
    except AfsprakenFout:
        return  # refused input is covered by test_tijdlijn_invarianten
    p = t["op_peildatum"]
    aangenomen = {a["code"]: a["datum"] for a in t["aannames"] if a["datum"]}
    assert all(aangenomen.get(a["invoer"]) == a["datum"] for a in p["hangt_af_van"]), (p["hangt_af_van"], aangenomen)
    assert (p["voorwaarde_tekst"] is None) == (p["hangt_af_van"] == [])
    if p["voorwaarde_tekst"]:
        assert p["voorwaarde_tekst"].startswith("Als ") and all(
            a["datum_tekst"] in p["voorwaarde_tekst"] for a in p["hangt_af_van"]
        )
    if not aangenomen:
        assert p["hangt_af_van"] == []
