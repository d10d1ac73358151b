"""The AEF criteria file and the regions' readings of them: sourced, complete, checked."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest

from calculators.basis.bestanden import lees_bestand
from calculators.basis.fouten import RegelbestandFout
from calculators.recht.aef import AEF_BESTAND, CRITERIUM_FEIT, OORDELEN, controleer_dekking, lees_aef
from calculators.recht.regios import alle_regios
from tests.conftest import ROOT, SEEDS

AEF_SEED = "003_7c227fe523a549ef.txt"
AEF_PAGINA = ROOT / "docs" / "achtergrond" / "aef-samen-werken-aan-een-veilig-thuis.md"


def normaliseer(tekst: str) -> str:
    """As the engine's quote test, and also ignoring the PDF text's hyphenation and spacing quirks."""
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = re.sub(r"[‘’“”\"'`]", "'", tekst)
    tekst = re.sub(r"\s*-\s*", "", tekst)
    tekst = re.sub(r"\)\s+", ")", tekst)  # '(wijk) teams' in the PDF text, '(wijk)teams' on the site
    return " ".join(tekst.split()).lower()


@pytest.fixture(scope="module")
def aef():
    return lees_aef()


def test_elk_citaat_staat_letterlijk_in_het_aef_rapport(aef):
    if not (SEEDS / AEF_SEED).exists():
        pytest.skip("brontekst niet aanwezig")
    rapport = normaliseer((SEEDS / AEF_SEED).read_text(encoding="utf-8"))
    citaten = [c[v] for c in aef["criteria"] for v in ("tekst", "landelijk_beeld")]
    citaten += [o["citaat"] for o in aef["onderzocht"].values()]
    citaten += [f["citaat"] for f in aef["ketenzorg"]["fase"]]
    ontbrekend = [c for c in citaten if normaliseer(c) not in rapport]
    assert not ontbrekend, ontbrekend


def test_de_korte_namen_zijn_de_koppen_van_de_bevindingen(aef):
    pagina = AEF_PAGINA.read_text(encoding="utf-8")
    for c in aef["criteria"]:
        assert f"#### {c['letter'].upper()}: {c['kort']} {{ #{c['bevindingen_anker']} }}" in pagina, c["letter"]


def test_elk_anker_bestaat_op_de_aef_pagina(aef):
    pagina = AEF_PAGINA.read_text(encoding="utf-8")
    ankers = set(re.findall(r"\{ *#([a-z0-9_-]+)", pagina)) | set(re.findall(r'id="([a-z0-9_-]+)"', pagina))
    gebruikt = [c["anker"] for c in aef["criteria"]] + [c["bevindingen_anker"] for c in aef["criteria"]]
    gebruikt += [o["anker"] for o in aef["onderzocht"].values()] + [aef["ketenzorg"]["anker"]]
    assert set(gebruikt) <= ankers, set(gebruikt) - ankers


def test_elke_regio_heeft_een_oordeel_over_elk_criterium():
    for code, regio in alle_regios().items():
        if code == "landelijk":
            continue
        nieuwste = regio.versies[-1].code
        oordelen = {
            f.code[len(CRITERIUM_FEIT) :]: f
            for f in regio.feiten
            if f.code.startswith(CRITERIUM_FEIT) and f.versie == nieuwste
        }
        assert sorted(oordelen) == list("abcdefg"), code
        for letter, feit in oordelen.items():
            assert feit.waarde in OORDELEN
            assert feit.interpretatie.startswith("Eigen lezing van de Afsprakenwijzer"), (code, letter)


def test_zuid_limburg_is_niet_door_aef_onderzocht(aef):
    assert aef["onderzocht"]["zuid-limburg"]["ja"] is False
    assert aef["onderzocht"]["midden-brabant"]["ja"] is True


DOCUMENT = '[document]\npagina = "achtergrond/aef/"\nnaam = "AEF"\nkort = "AEF"\n'


@pytest.mark.parametrize(
    "kapot, melding",
    [
        ("", "het blok [document] ontbreekt"),
        (DOCUMENT, "het blok [rapport] ontbreekt"),
        (DOCUMENT + '[rapport]\ntitel = "x"\norganisatie = "y"\n[onbekend]\n', "veld 'onbekend' is onbekend"),
        ("= =", "geen geldige TOML"),
    ],
)
def test_een_kapot_criteriabestand_geeft_een_duidelijke_melding(kapot, melding):
    with pytest.raises(RegelbestandFout, match=re.escape(melding)) as e:
        lees_aef(kapot)
    assert str(e.value).startswith("aef/criteria.toml: ")


def test_een_criterium_zonder_tekst_wordt_genoemd():
    tekst = lees_bestand(AEF_BESTAND).replace(
        'tekst = "Hoe casuïstiek met elkaar wordt geëvalueerd zodat gezamenlijk wordt geleerd."\n', ""
    )
    with pytest.raises(RegelbestandFout, match=r"criterium 'g': veld 'tekst' ontbreekt"):
        lees_aef(tekst)


def test_een_ontbrekend_oordeel_stopt_de_bouw():
    regios = alle_regios()
    zl = regios["zuid-limburg"]
    regios["zuid-limburg"] = dataclasses.replace(zl, feiten=tuple(f for f in zl.feiten if f.code != "criterium-e"))
    with pytest.raises(RegelbestandFout, match=r"zuid-limburg\.toml: er ontbreekt een \[\[feit\]\] 'criterium-e'"):
        controleer_dekking(lees_aef(), regios)
