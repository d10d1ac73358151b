"""Oefencasussen (calculators/oefenen.py): every answer is what tijdlijn computes for the same inputs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter

import pytest

from calculators import ROUTES, tijdlijn
from calculators.basis import bestanden
from calculators.recht import regios as regels
from calculators.recht.regios import regio_codes
from calculators.uitvoer.oefenen import ROND, oefeningen

from .conftest import RULES, d, run_cli
from .test_regelbestanden import wijzig_regel

REGIOS = regio_codes()


def _antwoord_van_de_rekenkern(o: dict):
    invoer = dict(o["invoer"])
    if o["antwoord"]["soort"] == "datum":
        m = tijdlijn(o["regio"], o["route"], **invoer).moment(o["antwoord"]["code"])
        return m.datum.isoformat() if m else None
    return tijdlijn(o["regio"], o["route"], **invoer, peildatum=o["antwoord"]["peildatum"]).op_peildatum["partij"]


def _verwacht(o: dict):
    return o["antwoord"]["datum"] if o["antwoord"]["soort"] == "datum" else o["antwoord"]["partij"]


def test_elk_antwoord_is_wat_de_rekenkern_geeft():
    alle = [o.to_dict() for o in oefeningen()]
    assert alle
    for o in alle:
        assert _antwoord_van_de_rekenkern(o) == _verwacht(o), o["id"]


def test_elke_regio_en_route_en_minstens_vier_feestdagen():
    alle = oefeningen()
    per_regio = Counter(o.regio for o in alle)
    assert set(per_regio) == set(REGIOS) and min(per_regio.values()) >= 12
    assert {(o.regio, o.route) for o in alle} == {(r, route) for r in REGIOS for route in ROUTES}
    for regio in REGIOS:
        rond = {o.rond for o in alle if o.regio == regio}
        assert len(rond) >= 4 and rond <= set(ROND), (regio, rond)
    soorten = Counter(o.antwoord["soort"] for o in alle)
    assert soorten["datum"] >= 12 and soorten["partij"] >= 12
    # "Wie? — de afspraken wijzen hier niemand aan" is a question too.
    assert any(o.antwoord["soort"] == "partij" and o.antwoord["partij"] is None for o in alle)


def test_elke_casus_heeft_uitleg_bron_en_de_lezing():
    for o in oefeningen():
        assert o.uitleg and o.bron["url"] and "#" in o.bron["url"] and o.bron["label"]
        if o.antwoord["soort"] == "datum":
            regel = next(
                r
                for regio in regels.alle_regios().values()
                for r in regio.regels
                if r.code == tijdlijn(o.regio, o.route, **o.invoer).moment(o.antwoord["code"]).regel
            )
            # An answer that rests on a reading says so.
            assert o.lezing == regel.interpretatie
            if regel.eenheid == "werkdagen" and regel.aantal:
                assert "Tellen begint de dag erna" in o.uitleg
        else:
            assert {k[0] for k in o.keuzes} == {None, "veilig-thuis", "lokaal-team"}


@pytest.mark.subprocess
def test_dezelfde_casussen_bij_elke_bouw():
    # Each build is a new process, with another string-hash seed: the cases must not depend on it.
    runs = [run_cli("oefenen", "--json", env_extra={"PYTHONHASHSEED": zaad}) for zaad in ("1", "2")]
    assert all(r.returncode == 0 for r in runs), [r.stderr for r in runs]
    assert (
        json.loads(runs[0].stdout) == json.loads(runs[1].stdout) == {"oefeningen": [o.to_dict() for o in oefeningen()]}
    )


def test_een_gewijzigde_regel_verandert_de_antwoorden_die_ervan_afhangen(tmp_path):
    # Midden-Brabant § 4.1: 7 dagen om op te pakken. Met 10 dagen in een kopie van de regels moeten de
    # antwoorden die daarvan afhangen mee veranderen, en nog steeds gelijk zijn aan wat tijdlijn zegt.
    voor = {o.id: o for o in oefeningen("midden-brabant")}
    kopie = tmp_path / "regels"
    shutil.copytree(RULES, kopie)
    mb = (kopie / "midden-brabant.toml").read_text(encoding="utf-8")
    (kopie / "midden-brabant.toml").write_text(
        wijzig_regel(mb, "overdracht-oppakken", "aantal = 7", "aantal = 10"), encoding="utf-8"
    )
    bestanden.gebruik_regelmap(kopie)
    na = {o.id: o for o in oefeningen("midden-brabant")}
    for o in na.values():
        assert _antwoord_van_de_rekenkern(o.to_dict()) == _verwacht(o.to_dict()), o.id
    geraakt = [
        i
        for i, o in voor.items()
        if o.route == "direct"
        and o.antwoord.get("code") in ("overdracht-oppakken-uiterlijk", "lokaal-team-verantwoordelijk")
    ]
    assert geraakt, "de casussen van Midden-Brabant vragen naar de oppaktermijn"
    assert all(na[i].antwoord != voor[i].antwoord for i in geraakt if i in na and na[i].vraag == voor[i].vraag)


@pytest.mark.subprocess
def test_cli_oefenen_json_contract():
    r = run_cli("oefenen", "--regio", "zuid-limburg", "--json")
    assert r.returncode == 0, r.stderr
    lijst = json.loads(r.stdout)["oefeningen"]
    assert len(lijst) >= 12 and {o["regio"] for o in lijst} == {"zuid-limburg"}
    for o in lijst:
        assert {"id", "regio", "route", "invoer", "vraag", "antwoord", "uitleg", "bron"} <= set(o)
        assert set(o["invoer"]) >= {"melding", "veiligheidsbeoordeling", "overdracht"}
        a = o["antwoord"]
        assert (a["soort"] == "datum" and set(a) == {"soort", "code", "datum"}) or (
            a["soort"] == "partij" and set(a) == {"soort", "peildatum", "partij"}
        )
        d(o["invoer"]["melding"])
    tekst = run_cli("oefenen", "--regio", "zuid-limburg")
    assert tekst.returncode == 0 and "Vraag:" in tekst.stdout and "Antwoord:" in tekst.stdout
    fout = run_cli("oefenen", "--regio", "brabant")
    assert fout.returncode == 2 and "'brabant'" in fout.stderr


# --- typical mistakes: the engine works out what each gives, the page only compares ---------------------------


def test_valkuilen_zijn_wat_de_fout_geeft_en_nooit_het_juiste_antwoord():
    from calculators.kalender.werkdagen import plus_werkdagen as werkdagen_erbij
    from calculators.uitvoer.valkuilen import laatste_stap

    for o in oefeningen():
        if o.antwoord["soort"] != "datum":
            assert {v.waarde for v in o.valkuilen} == (
                {"niemand", "veilig-thuis", "lokaal-team"} - {o.antwoord["partij"] or "niemand"}
            )
            continue
        assert o.antwoord["datum"] not in {v.waarde for v in o.valkuilen}
        assert len({v.waarde for v in o.valkuilen}) == len(o.valkuilen)
        t = tijdlijn(o.regio, o.route, **o.invoer)
        stap = laatste_stap(t, o.antwoord["code"])
        soorten = {v.soort: dt.date.fromisoformat(v.waarde) for v in o.valkuilen}
        if stap is not None and stap.regel.eenheid == "werkdagen" and "kalenderdagen" in soorten:
            # Calendar days instead of werkdagen: the same number of days, weekends and feestdagen included.
            assert soorten["kalenderdagen"] == stap.basis + dt.timedelta(days=stap.regel.aantal + stap.na)
        if stap is not None and stap.regel.eenheid == "werkdagen" and "feestdag" in soorten:
            # A forgotten feestdag: counted as if only weekends do not count.
            assert soorten["feestdag"] == werkdagen_erbij(stap.basis, stap.regel.aantal, "weekend") + dt.timedelta(
                days=stap.na
            )


def test_een_vergeten_feestdag_wordt_bij_naam_genoemd():
    gevonden = [(o, v) for o in oefeningen() for v in o.valkuilen if v.soort == "feestdag"]
    assert gevonden, "de oefenvragen liggen rond feestdagen: minstens één vraag heeft deze valkuil"
    for _o, v in gevonden:
        assert any(naam in v.uitleg for naam in ROND + ("Tweede Paasdag", "Tweede Kerstdag", "Nieuwjaarsdag"))


def test_de_telling_eindigt_bij_het_antwoord():
    for o in oefeningen():
        if not o.telling:
            continue
        laatste = o.telling[-1]
        assert laatste.datum.isoformat() == o.antwoord["datum"]
        geteld = [d.telt for d in o.telling if d.telt is not None]
        assert geteld == list(range(1, len(geteld) + 1))


def test_een_eerdere_versie_van_de_afspraken_is_een_valkuil():
    # West-Brabant (001, a. Wachtlijsten): "Voorheen was de afspraak dat wanneer er … bij het lokale team een wachtlijst
    # is, Veilig Thuis verantwoordelijk blijft"; "De nieuwe afspraak is dat … het lokale team verantwoordelijk is …
    # na 2 werkdagen". Who still reads the 2017 Richtlijnen (without a waiting list: the team from the start of the
    # help, on the day of the overdracht) answers the overdracht date itself.
    vragen = [
        o
        for o in oefeningen()
        if o.regio == "west-brabant" and o.antwoord.get("code") == "lokaal-team-verantwoordelijk"
    ]
    assert vragen
    for o in vragen:
        oud = [v for v in o.valkuilen if "Richtlijnen zicht op veiligheid (2017)" in v.uitleg]
        assert len(oud) == 1 and oud[0].waarde == o.invoer["overdracht"]
        assert "gelezen met de start van de hulp op de dag van de overdracht" in oud[0].uitleg
        # The 2017 reading computed directly: the team from the start of the help, given as the overdracht date.
        t = tijdlijn("west-brabant", o.route, **o.invoer, start_hulp=o.invoer["overdracht"], regels_op=d("2017-01-01"))
        assert t.moment("lokaal-team-verantwoordelijk").datum.isoformat() == oud[0].waarde


def test_regels_op_een_dag_leest_de_hele_casus_met_die_regels():
    # Without regels_op a 2025 case uses the 2022 agreements (team 2 werkdagen after the overdracht); read with the
    # 2017 rules and no start of the help, the day depends on a fact the case does not give: no date, no version change.
    nu = tijdlijn("west-brabant", "direct", "2025-06-05", overdracht="2025-06-10")
    assert nu.moment("lokaal-team-verantwoordelijk").datum == d("2025-06-13")
    oud = tijdlijn("west-brabant", "direct", "2025-06-05", overdracht="2025-06-10", regels_op=d("2017-01-01"))
    assert oud.moment("lokaal-team-verantwoordelijk") is None
    assert [m.code for m in tijdlijn("west-brabant", "direct", "2022-03-20").momenten][-1] == "regels-gewijzigd"
    assert "regels-gewijzigd" not in [
        m.code for m in tijdlijn("west-brabant", "direct", "2022-03-20", regels_op=d("2017-01-01")).momenten
    ]
    assert [v.code for _, v in oud.versies_gebruikt] == ["richtlijnen-2017"]
