"""A changed rule value changes every page derived from it: the table, the comparison, the infographic.

One extra build with a changed copy of the rule files (tests/macros/conftest.py): Midden-Brabant's
7 days to pick up a direct handover becomes 13, and the national triage term of 5 working days
(West-Brabant's fallback) becomes 6. No page states either number by hand, so all must follow.
"""

from __future__ import annotations

import json

from .conftest import OPPAKKEN_NIEUW, OPPAKKEN_OUD, TRIAGE_NIEUW, TRIAGE_OUD
from .helpers import INFOGRAPHIC, pagina, termijnenblok, zichtbare_tekst
from .test_vergelijking import cel, onderwerpen
from .test_vergelijking import rij as vergelijkingsrij

OPPAKKEN = "Het lokale (wijk)team pakt de casus op"
TRIAGE = "Afgerond"


def rij(blok, begint_met: str) -> str:
    """The line of the summary that starts with ``begint_met``."""
    for li in blok.select(".aw-stappen li"):
        if not li.find("li") and zichtbare_tekst(li).startswith(begint_met):
            return zichtbare_tekst(li)
    raise AssertionError(f"geen regel {begint_met!r}")


def test_de_termijnentabel_volgt_de_regel(built_site, gewijzigde_site):
    voor, na = termijnenblok(built_site, "midden-brabant"), termijnenblok(gewijzigde_site, "midden-brabant")
    assert f"{OPPAKKEN_OUD} dagen" in rij(voor, OPPAKKEN)
    assert f"{OPPAKKEN_NIEUW} dagen" in rij(na, OPPAKKEN) and f"{OPPAKKEN_OUD} dagen" not in rij(na, OPPAKKEN)
    # The national change shows in West-Brabant's fallback table.
    wb_voor, wb_na = termijnenblok(built_site, "west-brabant"), termijnenblok(gewijzigde_site, "west-brabant")
    assert f"{TRIAGE_OUD} werkdagen" in rij(wb_voor, TRIAGE)
    assert f"{TRIAGE_NIEUW} werkdagen" in rij(wb_na, TRIAGE)


def test_de_vergelijking_volgt_de_regel(built_site, gewijzigde_site):
    voor = zichtbare_tekst(cel(built_site, "Directe overdracht", "Midden-Brabant"))
    na = zichtbare_tekst(cel(gewijzigde_site, "Directe overdracht", "Midden-Brabant"))
    assert f"{OPPAKKEN_OUD} dagen" in voor and f"{OPPAKKEN_NIEUW} dagen" not in voor
    assert f"{OPPAKKEN_NIEUW} dagen" in na and f"{OPPAKKEN_OUD} dagen" not in na
    wb = vergelijkingsrij(gewijzigde_site, "Veiligheidsbeoordeling (triage)", "West-Brabant")
    assert f"{TRIAGE_NIEUW} werkdagen" in zichtbare_tekst(wb.td) and "Landelijke regel" in wb.th.get_text()
    # Zuid-Limburg has its own triage term: the national change does not touch it.
    zl = zichtbare_tekst(cel(gewijzigde_site, "Veiligheidsbeoordeling (triage)", "Zuid-Limburg"))
    assert f"{TRIAGE_OUD} werkdagen" in zl


def _stap(site, regio: str, stap: str) -> str:
    svg = pagina(site, INFOGRAPHIC).select_one(f"#infographic-{regio} svg")
    return zichtbare_tekst(svg.select_one(f'g[data-stap="{stap}"]'))


def test_de_infographic_volgt_de_regel(built_site, gewijzigde_site):
    assert f"{OPPAKKEN_OUD} dagen" in _stap(built_site, "midden-brabant", "direct")
    na = _stap(gewijzigde_site, "midden-brabant", "direct")
    assert f"{OPPAKKEN_NIEUW} dagen" in na and f"{OPPAKKEN_OUD} dagen" not in na
    # The responsibility of the team follows through the chain of terms ('na 13 dagen').
    assert f"{OPPAKKEN_NIEUW} dagen" in _stap(gewijzigde_site, "midden-brabant", "verantwoordelijk")
    # West-Brabant's triage is the national rule.
    assert f"{TRIAGE_NIEUW} werkdagen" in _stap(gewijzigde_site, "west-brabant", "veiligheidsbeoordeling")
    assert f"{TRIAGE_OUD} werkdagen" in _stap(gewijzigde_site, "zuid-limburg", "veiligheidsbeoordeling")
    # And the text version next to the figure says the same.
    tekst = zichtbare_tekst(
        pagina(gewijzigde_site, INFOGRAPHIC)
        .select_one("#infographic-midden-brabant")
        .find_next_sibling(class_="aw-infographic__tekst")
    )
    assert f"{OPPAKKEN_NIEUW} dagen" in tekst


def test_de_markering_volgt_het_landelijk_kader(built_site, gewijzigde_site):
    """Zuid-Limburg's own 5 werkdagen equal the national term; once the national one is 6, they differ."""
    triage = "Veiligheidsbeoordeling (triage)"
    assert "Anders dan landelijk" not in vergelijkingsrij(built_site, triage, "Zuid-Limburg").th.get_text()
    assert "Anders dan landelijk" in vergelijkingsrij(gewijzigde_site, triage, "Zuid-Limburg").th.get_text()


def test_de_gewijzigde_bouw_gebruikte_alleen_de_gewijzigde_waarden(built_site, gewijzigde_site):
    """Nothing else moved: the comparison differs from the normal build only where the values changed
    (and, derived from them, which region is marked as differing from the national framework)."""

    def zonder_markering(tabel):
        for status in tabel.select(".aw-status"):
            status.decompose()
        return zichtbare_tekst(tabel)

    voor, na = onderwerpen(built_site), onderwerpen(gewijzigde_site)
    assert list(voor) == list(na)
    triage = "Veiligheidsbeoordeling (triage)"
    for onderwerp in voor:
        oud, nieuw = zonder_markering(voor[onderwerp]), zonder_markering(na[onderwerp])
        if onderwerp == triage:
            continue  # Midden-Brabant's routes no longer read the same there: checked below
        assert (
            nieuw.replace(f"{OPPAKKEN_NIEUW} dagen", f"{OPPAKKEN_OUD} dagen").replace(
                f"{TRIAGE_NIEUW} werkdagen", f"{TRIAGE_OUD} werkdagen"
            )
            == oud
        ), onderwerp
    # Midden-Brabant's own triage term (direct) stays; after a dienst the national term moved.
    mb = zichtbare_tekst(cel(gewijzigde_site, triage, "Midden-Brabant"))
    assert f"{TRIAGE_OUD} werkdagen" in mb and f"{TRIAGE_NIEUW} werkdagen" in mb


def _rekenkern(site) -> dict:
    html = (site / "rekenhulpen" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="aw-rekenkern-config">') + len('id="aw-rekenkern-config">')
    return json.loads(html[start : html.index("</script>", start)])


def test_een_gewijzigde_regel_geeft_een_andere_snapshot(built_site, gewijzigde_site):
    """After a rule change the calculator page names another snapshot (another address, another hash),
    so a browser never restores the engine with the old rules from its cache."""
    voor, na = _rekenkern(built_site)["snapshot"], _rekenkern(gewijzigde_site)["snapshot"]
    assert voor and na
    assert voor["url"] != na["url"] and voor["sha256"] != na["sha256"]
    oud = voor["url"].split("../")[-1]
    assert (built_site / oud).is_file() and not (gewijzigde_site / oud).exists()
    assert _rekenkern(built_site)["lock"] != _rekenkern(gewijzigde_site)["lock"]  # the engine wheel too


def test_de_leesroute_volgt_de_regel(built_site, gewijzigde_site):
    """What to remember on 'Start hier' comes from the rules: the changed values show there too."""

    def stap(site, sleutel: str) -> str:
        return zichtbare_tekst(pagina(site, "start-hier.md").select_one(f'section[data-aw-stap="{sleutel}"]'))

    assert f"uiterlijk {OPPAKKEN_OUD} dagen na de overdracht" in stap(built_site, "regio")
    na = stap(gewijzigde_site, "regio")
    assert f"uiterlijk {OPPAKKEN_NIEUW} dagen na de overdracht" in na and f"{OPPAKKEN_OUD} dagen" not in na
    assert f"uiterlijk {TRIAGE_NIEUW} werkdagen na de melding" in stap(gewijzigde_site, "kader")
