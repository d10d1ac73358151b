"""Het overzicht voor de site, de herleidbaarheid van elk citaat tot de brontekst, en de ankers."""

from __future__ import annotations

import ast
import json
import re
import unicodedata

import pytest

from calculators import regels
from calculators.begrippen import DOCUMENTEN

from .conftest import PAKKET, REPO, SEEDS

SEED_BESTANDEN = {
    "midden-brabant": "000_6edbb609f1e7c152.txt",
    "west-brabant": "001_b2b274eaed505013.txt",
    "zuid-limburg": "002_2eec32b64895e5ef.txt",
    "landelijk": "004_74aa2939aed14ac6.txt",
}


def normaliseer(tekst: str) -> str:
    """Vergelijk zonder accenten, aanhalingstekens en witruimteverschillen (de OCR-tekst van 002 mist
    trema's en accenten die de site wél heeft, zoals cliëntsysteem en geïnformeerd)."""
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = re.sub(r"[‘’“”\"'`]", "'", tekst)
    return " ".join(tekst.split()).lower()


def alle_bronnen():
    for regio in regels.alle_regios().values():
        for v in regio.versies:
            yield f"{regio.code}: versie {v.code}", v.bron
        for r in regio.regels:
            yield f"{regio.code}: regel {r.code}", r.bron
        for f in regio.feiten:
            yield f"{regio.code}: feit {f.code}", f.bron


def test_elk_citaat_staat_letterlijk_in_de_brontekst():
    if not SEEDS.exists():
        pytest.skip("brontekst (../shared/seeds) niet aanwezig")
    teksten = {doc: normaliseer((SEEDS / naam).read_text(encoding="utf-8")) for doc, naam in SEED_BESTANDEN.items()}
    ontbrekend = []
    for waar, bron in alle_bronnen():
        for stuk in bron.citaat.split(" … "):
            if normaliseer(stuk) not in teksten[bron.document]:
                ontbrekend.append(f"{waar}: {stuk!r}")
    assert not ontbrekend, "\n".join(ontbrekend)


def test_elk_anker_bestaat_op_de_bronpagina():
    pagina_ankers = {}
    for doc, url in DOCUMENTEN.items():
        pad = REPO / "docs" / (url.rstrip("/") + ".md")
        if not pad.exists():
            pytest.skip(f"bronpagina {pad} (nog) niet aanwezig")
        tekst = pad.read_text(encoding="utf-8")
        pagina_ankers[doc] = set(re.findall(r"\{ *#([a-z0-9_-]+)", tekst)) | set(re.findall(r'id="([a-z0-9_-]+)"', tekst))
    ontbrekend = [f"{waar}: #{b.anker} op {b.document}" for waar, b in alle_bronnen()
                  if b.anker not in pagina_ankers[b.document]]
    assert not ontbrekend, "\n".join(ontbrekend)


def test_overzicht_bevat_elke_regel_en_is_json():
    overzicht = regels.overzicht()
    json.dumps(overzicht)
    for code, regio in regels.alle_regios().items():
        assert {r["code"] for r in overzicht["regios"][code]["regels"]} == {r.code for r in regio.regels}
    mb = overzicht["regios"]["midden-brabant"]
    oppakken = next(r for r in mb["regels"] if r["code"] == "overdracht-oppakken")
    assert (oppakken["aantal"], oppakken["eenheid"], oppakken["termijn_tekst"]) == (7, "dagen", "7 dagen na de overdracht")
    assert oppakken["bron"]["url"] == "midden-brabant/samenwerkingsafspraken/#par-4-1"


def test_overzicht_vergelijking_met_terugval_en_monitoring():
    r = regels.overzicht()["regios"]
    # West-Brabant zegt niets over monitoring: landelijk, en zo gemarkeerd.
    wb = r["west-brabant"]["routes"]["onderzoek"]
    assert wb["monitoring"]["ja"] and wb["monitoring"]["landelijk_terugval"]
    assert wb["momenten"]["monitoring-3-maanden"]["regels"][0]["regio"] == "landelijk"
    # Midden-Brabant en Zuid-Limburg: geen monitoring na directe overdracht, met eigen bron.
    for regio, paragraaf in (("midden-brabant", "4.1"), ("zuid-limburg", "5.1.5")):
        direct = r[regio]["routes"]["direct"]["monitoring"]
        assert direct["ja"] is False and direct["bron"]["paragraaf"] == paragraaf
    # Midden-Brabant: uitzondering bij Jeugdbeschermingstafel staat bij de monitoring.
    uitz = r["midden-brabant"]["routes"]["onderzoek"]["monitoring"]["uitzonderingen"]
    assert [u["als"] for u in uitz] == [{"jeugdbeschermingstafel": True}]
    # Feiten voor de vergelijking, met bron.
    criteria = next(f for f in r["midden-brabant"]["feiten"] if f["code"] == "terugkoppeling-criteria")
    assert len(criteria["waarde"]) == 4


def test_de_rekenmodule_bevat_geen_termijnen():
    """Geen getallen in de berekening: elke termijn staat in de regeldata (één bron van waarheid)."""
    for module in ("tijdlijn.py", "overzicht.py", "verzoek.py"):
        boom = ast.parse((PAKKET / module).read_text(encoding="utf-8"))
        getallen = {n.value for n in ast.walk(boom)
                    if isinstance(n, ast.Constant) and isinstance(n.value, int) and not isinstance(n.value, bool)}
        assert getallen <= {0, 1}, f"{module}: {sorted(getallen)}"


def test_elke_momentcode_staat_in_de_documentatie():
    from calculators.begrippen import MOMENTEN

    pad = REPO / "docs" / "tools" / "cli.md"
    if not pad.exists():
        pytest.skip("docs/tools/cli.md niet aanwezig")
    tekst = pad.read_text(encoding="utf-8")
    ontbrekend = [c for c in MOMENTEN if f"`{c}`" not in tekst]
    assert not ontbrekend, ontbrekend
