"""The AEF criteria file (rules/aef/criteria.toml): the criteria a–g for cooperation agreements as the
AEF report summarises them, the regions AEF studied, and the phased chain of care for the infographic.

Checked with the same ``Lezer`` as every other data file. Whether a region's text covers a criterion
is not in this file but a [[feit]] 'criterium-<letter>' in the region's own file; ``controleer_dekking``
checks that every region judges every criterion.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..basis.begrippen import LANDELIJK, Json
from ..basis.bestanden import Lezer, cache_sleutel, lees_bestand, lees_toml
from .regelbestand import Document, RegioRegels, lees_document

AEF_BESTAND = "aef/criteria.toml"
AEF_DOCUMENT = "aef"
OORDELEN = ("ja", "deels", "nee", "onbekend")
CRITERIUM_FEIT = "criterium-"

_cache: dict[tuple[int, str, str, str], Json] = {}


def lees_aef(tekst: str | None = None) -> Json:
    """Read and check the AEF criteria file (the one in the rules folder in use, or ``tekst``)."""
    if tekst is None:
        sleutel = cache_sleutel(AEF_BESTAND)
        if sleutel not in _cache:
            _cache[sleutel] = _lees(lees_bestand(AEF_BESTAND))
        return _cache[sleutel]
    return _lees(tekst)


def lees_aef_document() -> Document:
    document: Document = lees_aef()["document"]
    return document


def _lees(tekst: str) -> Json:
    lezer = Lezer(AEF_BESTAND)
    data = lees_toml(tekst, AEF_BESTAND)
    lezer.onbekende_velden(data, "", ("criterium", "document", "ketenzorg", "onderzocht", "rapport"))
    document = lees_document(lezer, data, AEF_DOCUMENT)
    rapport = lezer.blok(data, "rapport")
    lezer.onbekende_velden(rapport, "rapport", ("jaar", "organisatie", "titel"))
    for veld in ("titel", "organisatie"):
        lezer.tekst(rapport, veld, "rapport")

    criteria: list[Json] = []
    for i, c in enumerate(lezer.blokken(data, "criterium", verplicht=True), 1):
        lezer.onbekende_velden(
            c, f"criterium nr. {i}", ("anker", "bevindingen_anker", "kort", "landelijk_beeld", "letter", "tekst")
        )
        letter = lezer.tekst(c, "letter", f"criterium nr. {i}")
        waar = f"criterium {letter!r}"
        if letter in [x["letter"] for x in criteria]:
            raise lezer.fout(waar, "deze letter komt dubbel voor")
        for veld in ("kort", "tekst", "anker", "bevindingen_anker", "landelijk_beeld"):
            lezer.tekst(c, veld, waar)
        criteria.append(c)

    onderzocht = {}
    for i, o in enumerate(lezer.blokken(data, "onderzocht"), 1):
        regio = lezer.code(o, f"onderzocht nr. {i}", veld="regio")
        waar = f"onderzocht {regio!r}"
        lezer.onbekende_velden(o, waar, ("anker", "citaat", "ja", "regio", "toelichting"))
        lezer.ja_nee(o, "ja", waar)
        for veld in ("toelichting", "citaat", "anker"):
            lezer.tekst(o, veld, waar)
        onderzocht[regio] = o

    keten = lezer.blok(data, "ketenzorg")
    for veld in ("naam", "herkomst", "anker"):
        lezer.tekst(keten, veld, "ketenzorg")
    for i, fase in enumerate(lezer.blokken(keten, "fase", verplicht=True), 1):
        for veld in ("naam", "label_figuur", "citaat"):
            lezer.tekst(fase, veld, f"ketenzorg.fase nr. {i}")
    return {
        "document": document,
        "rapport": rapport,
        "criteria": criteria,
        "onderzocht": onderzocht,
        "ketenzorg": keten,
    }


def controleer_dekking(aef: Json, regios: Mapping[str, RegioRegels]) -> None:
    """Every region with its own agreements judges every criterion (a [[feit]] 'criterium-<letter>' for its
    newest version, with an allowed value), and names only criteria that exist; regions AEF studied exist."""
    letters = [c["letter"] for c in aef["criteria"]]
    lezer_voor = {code: Lezer(r.bestand) for code, r in regios.items()}
    for code, r in regios.items():
        if code == LANDELIJK:
            continue
        lezer = lezer_voor[code]
        for f in r.feiten:
            if not f.code.startswith(CRITERIUM_FEIT):
                continue
            letter = f.code[len(CRITERIUM_FEIT) :]
            if letter not in letters:
                raise lezer.fout(
                    f"feit {f.code!r}",
                    f"criterium {letter!r} staat niet in {AEF_BESTAND} (daar staan: {', '.join(letters)})",
                )
            if f.waarde not in OORDELEN:
                raise lezer.fout(
                    f"feit {f.code!r}",
                    f"veld 'waarde' heeft onbekende waarde {f.waarde!r}; toegestaan: {', '.join(OORDELEN)}",
                )
        nieuwste = r.versies[-1]
        if nieuwste.regionale_tekst == "geen":
            continue
        geoordeeld = {f.code for f in r.feiten if f.versie == nieuwste.code}
        ontbreekt = [CRITERIUM_FEIT + x for x in letters if CRITERIUM_FEIT + x not in geoordeeld]
        if ontbreekt:
            raise lezer.fout(
                "",
                f"er ontbreekt een [[feit]] {', '.join(repr(x) for x in ontbreekt)} voor versie "
                f"{nieuwste.code!r}: geef voor elk criterium uit {AEF_BESTAND} een oordeel "
                f"({', '.join(OORDELEN)}) met de paragraaf van de tekst als bron",
            )
    for regio in aef["onderzocht"]:
        if regio not in regios or regio == LANDELIJK:
            raise Lezer(AEF_BESTAND).fout(
                f"onderzocht {regio!r}",
                "deze regio heeft geen regelbestand; toegestaan: " + ", ".join(c for c in regios if c != LANDELIJK),
            )
