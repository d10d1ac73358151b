"""The page Oefenen: every practice case of the engine, with the answer tijdlijn gives.

The answers are checked against tijdlijn itself, not against calculators.uitvoer.oefenen (which made them),
in the normal build and in the build with changed rules (tests/macros/conftest.py).
"""

from __future__ import annotations

import json

from calculators import tijdlijn
from calculators.basis import bestanden
from calculators.recht.regios import regio_codes
from calculators.uitvoer.oefenen import oefeningen

from .conftest import OPPAKKEN_NIEUW
from .helpers import pagina, zichtbare_tekst

REGIOS = regio_codes()

OEFENEN = "oefenen.md"


def vragen(site) -> dict:
    return {
        form["id"].removeprefix("aw-oefen-"): form for form in pagina(site, OEFENEN).select("form[data-aw-oefen-vraag]")
    }


def tijdlijn_zegt(o) -> str:
    """The right answer as the page writes it, straight from tijdlijn for the case's inputs."""
    if o.antwoord["soort"] == "datum":
        return tijdlijn(o.regio, o.route, **o.invoer).moment(o.antwoord["code"]).datum.isoformat()
    partij = tijdlijn(o.regio, o.route, **o.invoer, peildatum=o.antwoord["peildatum"]).op_peildatum["partij"]
    return partij or "niemand"


def test_elke_casus_staat_op_de_pagina_met_het_antwoord_van_tijdlijn(built_site, standaard_regelmap):
    op_pagina = vragen(built_site)
    alle = oefeningen()
    assert set(op_pagina) == {o.id for o in alle}
    for o in alle:
        form = op_pagina[o.id]
        assert form["data-aw-juist"] == tijdlijn_zegt(o), o.id
        uitleg = zichtbare_tekst(form.select_one("details[data-aw-oefen-uitleg]"))
        if o.antwoord["soort"] == "datum":
            assert f"Het juiste antwoord: {o.antwoord_tekst}." in uitleg
            # Every typical wrong answer is in the page, and none is the right one.
            valkuilen = json.loads(form["data-aw-valkuilen"])
            assert [v["waarde"] for v in valkuilen] == [v.waarde for v in o.valkuilen]
            assert o.antwoord["datum"] not in {v["waarde"] for v in valkuilen}
            if o.telling:
                rijen = form.select("table.aw-oefen-kalender tbody tr")
                assert len(rijen) == len(o.telling) and "het antwoord" in zichtbare_tekst(rijen[-1])
            assert form.select_one("input[type=date][name=antwoord]")
        else:
            keuzes = {i["value"] for i in form.select("input[type=radio][name=antwoord]")}
            assert keuzes == {"niemand", "veilig-thuis", "lokaal-team"}
        assert o.bron["citaat"] in uitleg and o.bron["label"] in uitleg
        assert form.select_one(f'details a[href$="{o.bron["url"]}"]'), o.id
        # The question has a visible name: a label for a date, a legend for a choice.
        assert (form.legend or form.label).get_text(strip=True).endswith(o.vraagzin)


def test_elke_regio_heeft_een_eigen_deel_met_een_antwoordenblad(built_site):
    html = pagina(built_site, OEFENEN)
    delen = html.select("section[data-aw-oefen-regio]")
    assert [d["data-aw-oefen-regio"] for d in delen][-1] == "landelijk" and {
        d["data-aw-oefen-regio"] for d in delen
    } == set(REGIOS)
    for deel in delen:
        regio = deel["data-aw-oefen-regio"]
        blad = deel.select_one(".aw-oefen-antwoordenblad")
        assert len(blad.select("li")) == len(deel.select("form[data-aw-oefen-vraag]")) == len(oefeningen(regio))


def test_de_oefenpagina_volgt_een_gewijzigde_regel(built_site, gewijzigde_site, gewijzigde_regels, standaard_regelmap):
    voor, na = vragen(built_site), vragen(gewijzigde_site)
    bestanden.gebruik_regelmap(gewijzigde_regels)
    nieuw = {o.id: o for o in oefeningen()}
    for code, o in nieuw.items():
        assert na[code]["data-aw-juist"] == tijdlijn_zegt(o), code
    # Midden-Brabant's cases ask for the pick-up deadline of a direct handover; with 13 days instead
    # of 7 that answer moves, and the explanation counts 13 days.
    geraakt = [
        code
        for code, o in nieuw.items()
        if o.regio == "midden-brabant"
        and o.route == "direct"
        and o.antwoord.get("code") == "overdracht-oppakken-uiterlijk"
    ]
    assert geraakt
    for code in geraakt:
        if zichtbare_tekst(voor[code].label) == zichtbare_tekst(na[code].label):
            assert voor[code]["data-aw-juist"] != na[code]["data-aw-juist"]
        assert f"{OPPAKKEN_NIEUW} dagen" in zichtbare_tekst(na[code].select_one("details"))
