"""One view of the law: the rule overview (``python -m calculators regels``, and the pages built from it) names
exactly the rules the timeline cites, for every region, route and moment, in the plain case and with each
option. Both ask ``recht.op_datum``; this test proves they give the same answer."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import ROUTES, tijdlijn
from calculators.basis.begrippen import OPTIES, STANDAARD_OPTIES
from calculators.recht.op_datum import beschikbaar
from calculators.recht.regios import regio_codes
from calculators.uitvoer.overzicht import maak_overzicht

OVERZICHT = maak_overzicht()["regios"]


def _scenarios(regio: str, route: str) -> list[dict]:
    """The plain case, and each option that exists in this region and route on its own."""
    uit: list[dict] = [{}]
    for optie, waarden in OPTIES.items():
        if route in beschikbaar(regio, optie).routes:
            uit += [{optie: w} for w in waarden if w != STANDAARD_OPTIES[optie]]
    return uit


def _genoemd(regio: str, route: str, moment: str, opties: dict) -> set[tuple[str, str]]:
    """The rules the overview names for a moment under these options: the variant for exactly these options,
    or the plain case where no option changes that moment."""
    m = OVERZICHT[regio]["routes"][route]["momenten"].get(moment)
    if m is None:
        return set()
    regels = m["regels"]
    for v in m["varianten"]:
        if v["opties"] == opties:
            regels = v["regels"]
    return {(r["regio"], r["code"]) for r in regels}


def _tijdlijnen(regio: str, route: str, opties: dict):
    """Cases that make each competing rule win once: nothing given; the triage long after its term; every
    date on the melding day itself."""
    melding = dt.date.fromisoformat(OVERZICHT[regio]["peildatum"])
    laat = melding + dt.timedelta(days=20)
    velden = {"overdracht": laat} | ({"dienst_einde": laat} if route != "direct" else {})
    yield tijdlijn(regio, route, melding, **opties)
    yield tijdlijn(regio, route, melding, veiligheidsbeoordeling=laat, **velden, **opties)
    yield tijdlijn(
        regio,
        route,
        melding,
        veiligheidsbeoordeling=melding,
        overdracht=melding,
        **({"dienst_einde": melding} if route != "direct" else {}),
        **opties,
    )


@pytest.mark.parametrize("regio", regio_codes())
@pytest.mark.parametrize("route", ROUTES)
def test_het_overzicht_noemt_precies_de_regels_van_de_tijdlijn(regio, route):
    for opties in _scenarios(regio, route):
        geciteerd: dict[str, set[tuple[str, str]]] = {}
        for t in _tijdlijnen(regio, route, opties):
            for m in t.momenten:
                if m.status != "berekend" or m.code == "regels-gewijzigd":
                    continue
                regel = (("landelijk" if m.landelijk_terugval else regio), m.regel)
                if regio == "landelijk":
                    regel = ("landelijk", m.regel)
                genoemd = _genoemd(regio, route, m.code, opties)
                assert regel in genoemd, (regio, route, opties, m.code, regel, genoemd)
                geciteerd.setdefault(m.code, set()).add(regel)
        # And the other way round, in the plain case: every term the overview names for a moment the timeline dates,
        # it cites in one of the cases. (With an option such as spoed one rule always comes first; the others
        # still apply, "whichever comes first", and the overview rightly names them.)
        if opties:
            continue
        for moment, regels in geciteerd.items():
            termijnen = {
                (r["regio"], r["code"]) for r in _regels(regio, route, moment, opties) if r["soort"] == "termijn"
            }
            assert termijnen == regels, (regio, route, opties, moment, termijnen, regels)


def _regels(regio: str, route: str, moment: str, opties: dict) -> list[dict]:
    m = OVERZICHT[regio]["routes"][route]["momenten"][moment]
    return next((v["regels"] for v in m["varianten"] if v["opties"] == opties), m["regels"])


def test_midden_brabant_veilig_thuis_verantwoordelijk_per_keuze():
    # The defect the one view fixes: the overview lumped the options together and said that in the dienst routes
    # "Veilig Thuis verantwoordelijk" followed the heraanmelding rule only, while the timeline (rightly) used the
    # national rules in the plain case.
    m = OVERZICHT["midden-brabant"]["routes"]["onderzoek"]["momenten"]["veilig-thuis-verantwoordelijk"]
    assert {r["code"] for r in m["regels"]} == {"veilig-thuis-na-triage", "veilig-thuis-na-overschrijding"}
    assert m["landelijk_terugval"]
    varianten = {tuple(sorted(v["opties"].items())): {r["code"] for r in v["regels"]} for v in m["varianten"]}
    assert varianten[(("heraanmelding", True),)] == {"heraanmelding-vtmb-na-zevende-weekdag"}
    assert varianten[(("spoed", True),)] == {
        "veilig-thuis-bij-spoed",
        "veilig-thuis-na-triage",
        "veilig-thuis-na-overschrijding",
    }
    # Heraanmelding with spoed: still the regional rule (000 § 5 names no exception).
    assert varianten.get((("heraanmelding", True), ("spoed", True))) is None
