"""Changes of the rules in words (calculators.uitvoer.wijzigingen): per region and date what changed, for which
routes and options, why, and an example the engine computes; and two laws compared (recht.op_datum.verschillen)."""

from __future__ import annotations

from calculators.recht.op_datum import verschillen
from calculators.uitvoer.wijzigingen import wijzigingen, wijzigingen_data

from .conftest import d

WB = "west-brabant"


def test_west_brabant_2022_het_lokale_team_na_2_werkdagen_in_plaats_van_bij_de_start_van_de_hulp():
    per_datum = {w["datum"]: w for w in wijzigingen_data(WB)}
    w = per_datum["2022-04-01"]
    assert w["nieuwe_versie_begint"] and w["oude_versie"]["code"] == "richtlijnen-2017"
    team = next(o for o in w["onderdelen"] if o["moment"] == "lokaal-team-verantwoordelijk")
    assert team["geval"] == "alle routes" and team["opties"] == {}
    assert team["oud"]["tekst"] == "op de dag van de start van de hulp (hangt af van de casus)"
    assert team["nieuw"]["tekst"] == "de dag na afloop van 2 werkdagen na de overdracht"
    # Both sentences quoted, and the reason in the proposal's own words.
    assert "Voorheen was de afspraak dat" in team["oud"]["bronnen"][0]["citaat"]
    assert "De nieuwe afspraak is dat" in team["nieuw"]["bronnen"][0]["citaat"]
    assert team["redenen"][0]["citaat"].endswith("In de praktijk betekent dit dat Veilig Thuis een wachtlijst opbouwt.")
    # A directe overdracht (the first route). Melding vr 1 april 2022; triage and (given) overdracht vr 8 april
    # (5 werkdagen); 2 werkdagen after it are ma 11 and di 12 april, so the team is responsible from wo 13 april 2022.
    assert team["voorbeeld"] == (
        "Directe overdracht, de melding op vr 1 april 2022, de veiligheidsbeoordeling op vr 8 april 2022, de overdracht op vr 8 april 2022: "
        "het lokale team verantwoordelijk voor het zicht op veiligheid vanaf wo 13 april 2022, in plaats van: op de dag "
        "van de start van de hulp (hangt af van de casus)."
    )


def test_elke_versiewissel_en_landelijke_wijziging_staat_erin_en_niets_daarvoor():
    assert [w.datum for w in wijzigingen(WB)] == [d("2017-01-01"), d("2019-01-01"), d("2022-04-01")]
    assert [w.datum for w in wijzigingen("landelijk")] == [d("2019-01-01")]
    # Midden-Brabant and Zuid-Limburg have one version each: they began, nothing changed.
    assert wijzigingen("midden-brabant") == () and wijzigingen("zuid-limburg") == ()


def test_monitoring_vanaf_2019_alleen_na_een_dienst_met_een_voorbeeld():
    [w] = wijzigingen_data("landelijk")
    eerste = w["onderdelen"][0]
    assert eerste["moment"] == "monitoring-3-maanden" and eerste["geval"] == "na een dienst"
    assert eerste["oud"]["tekst"] == "geen regel" and eerste["nieuw"]["tekst"] == "3 maanden na de overdracht"
    # A dienst Onderzoek (a dienst Voorwaarden & Vervolg has no national latest end to make an example with). Melding
    # wo 2 januari 2019 (1 januari is Nieuwjaarsdag); the onderzoek starts within 5 days, ma 7 januari, so the triage
    # lies there; the dienst ends 10 weeks later, ma 18 maart, overdracht that day; 3 months later: di 18 juni 2019.
    assert eerste["voorbeeld"].startswith("Na dienst Onderzoek, de melding op wo 2 januari 2019")
    assert (
        "eerste vaste monitoringsmoment van Veilig Thuis: di 18 juni 2019, hiervoor gold geen regel."
        in eerste["voorbeeld"]
    )


def test_twee_regios_vergeleken_per_moment_en_keuze():
    anders = verschillen("landelijk", d("2024-07-01"), "midden-brabant", d("2024-07-01"))
    per = {(v.route, v.moment, v.opties): v for v in anders}
    assert [t.regel.code for t in per[("direct", "overdracht-oppakken-uiterlijk", ())].nieuw] == ["overdracht-oppakken"]
    # VBS exists only as an option: the difference is named with it.
    assert ("onderzoek", "vbs-verdeling-uiterlijk", (("vbs", "crisis"),)) in per
    # The triage term is the national one in both: no difference.
    assert not any(v.moment == "veiligheidsbeoordeling-uiterlijk" for v in anders)
    assert verschillen("midden-brabant", d("2025-01-01"), "midden-brabant", d("2025-06-01")) == ()
