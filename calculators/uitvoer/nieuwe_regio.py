"""A new region, without guesswork: its rule file and the skeleton of its page, made and checked in one step
(``python -m calculators nieuwe-regio``).

The rule file is the one place where a region is registered: the engine finds regions in the rules folder, and the
site (the menu, the comparison, the matrix, the calculators) follows from it. The skeleton is valid from the start:
one version, the parties, a judgement 'onbekend' for every criterion a–g of the AEF file, and every quote pointing at
the one placeholder sentence of the new page, so ``controleer`` passes now and fails on that placeholder as soon as
the real text is in place: the maintainer then replaces the quotes by sentences of the text. Until the file has a
[[regel]], the calculators compute the region with the national framework, and say so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..basis.fouten import AfsprakenFout
from ..basis.invoer import toon
from ..recht.aef import CRITERIUM_FEIT, controleer_dekking, lees_aef
from ..recht.controle import bronnen_van, brontekst, controleer_bron
from ..recht.regios import alle_regios, regio, regio_codes
from ..recht.wijziging import in_geheugen

_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The one sentence of the skeleton page: every quote of the skeleton rule file points at it.
PLAATSHOUDER = (
    "Deze pagina is nog leeg: zet hier de tekst van de samenwerkingsafspraken, woordelijk, met een anker per paragraaf."
)
ANKER = "par-1"


@dataclass(frozen=True)
class NieuweRegio:
    """The two files of a new region: where they go and what they say."""

    code: str
    regelbestand: Path
    regeltekst: str
    pagina: Path
    paginatekst: str


def _toml(tekst: str) -> str:
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'


def maak(code: str, naam: str, geldig_vanaf: dt.date, regels: Path, docs: Path) -> NieuweRegio:
    """The rule file and the page skeleton of region ``code`` (not written yet)."""
    if not _CODE.match(code):
        raise AfsprakenFout(
            f"De code {toon(code)} mag alleen kleine letters, cijfers en streepjes bevatten, zoals 'noord-holland'.",
            veld="code",
        )
    if code in regio_codes():
        raise AfsprakenFout(f"De regio {code!r} bestaat al (calculators/rules/{code}.toml).", veld="code")
    naam = " ".join(naam.split())
    if not naam:
        raise AfsprakenFout("Geef de naam van de regio, zoals 'Noord-Holland'.", veld="naam")
    titel = f"Samenwerkingsafspraken Veilig Thuis {naam} en lokale teams"
    bron = f'document = "{code}"\nparagraaf = "1"\ncitaat = {_toml(PLAATSHOUDER)}\nanker = "{ANKER}"\n'
    criteria = "".join(
        f'\n[[feit]]\ncode = "{CRITERIUM_FEIT}{c["letter"]}"\nomschrijving = {_toml("Criterium " + c["letter"] + ": " + c["kort"])}\n'
        f'waarde = "onbekend"\ninterpretatie = "Nog te beoordelen: lees de tekst en kies ja, deels, nee of onbekend, met de '
        f'paragraaf die het criterium dekt als bron."\n[feit.bron]\n{bron}'
        for c in lees_aef()["criteria"]
    )
    regeltekst = f"""# {naam}: {titel}.
# Gemaakt met `python -m calculators nieuwe-regio`. Vul aan zoals docs/beheer/regio-toevoegen.md beschrijft;
# de velden staan bij 'Regelbestanden' in docs/tools/cli.md en bovenaan landelijk.toml.
# Zolang hier geen [[regel]] staat, rekent de rekenhulp voor {naam} met het landelijk kader en zegt dat.
# Elk citaat wijst nu naar de ene zin van de lege pagina: vervang ze door zinnen uit de echte tekst.

regio = "{code}"
naam = {_toml(naam)}

# De gepubliceerde tekst van dit bestand: de pagina op de site, de volledige naam en de korte naam naast een paragraaf.
[document]
pagina = "{code}/samenwerkingsafspraken/"
naam = {_toml(titel)}
kort = {_toml(naam)}

[partijen]
veilig-thuis = {_toml("Veilig Thuis " + naam)}
lokaal-team = "het lokale team"

[[versie]]
code = "afspraken-{geldig_vanaf.year}"
naam = {_toml(titel)}
document = {_toml(titel + " (nog in te vullen: de precieze titel en datum van de tekst)")}
geldig_vanaf = {geldig_vanaf.isoformat()}
toelichting = "Nog in te vullen: vanaf wanneer deze afspraken gelden en waar de tekst dat zegt."
[versie.bron]
{bron}
# --- Regels ([[regel]]): per termijn één blok, zie docs/beheer/regio-toevoegen.md ------------------------

# --- Kwaliteitskader 'Werken aan veiligheid': criteria a–g (eigen lezing, zie midden-brabant.toml) ------------
{criteria}"""
    paginatekst = f"""---
title: "{naam} — samenwerkingsafspraken"
description: De samenwerkingsafspraken tussen Veilig Thuis {naam} en de lokale teams.
regio: {code}
bron:
  titel: "{titel}"
  organisatie: "nog in te vullen"
  datum: "nog in te vullen"
  versie: "nog in te vullen"
  bronbestand: "nog in te vullen"
---

# {titel}

{{{{ termijnen_in_een_oogopslag("{code}") }}}}

## 1 Inleiding {{ #{ANKER} }}

{PLAATSHOUDER}
"""
    return NieuweRegio(
        code, regels / f"{code}.toml", regeltekst, docs / code / "samenwerkingsafspraken.md", paginatekst
    )


def controleer(nieuw: NieuweRegio) -> list[str]:
    """What ``controleer`` says about the new region, with its file in the rules folder (held in memory until it is
    written): its rule file, the criteria a–g, and every quote and anchor against its page. Empty when all is well."""
    with in_geheugen(nieuw.code, nieuw.regeltekst):
        controleer_dekking(lees_aef(), alle_regios())
        tekst, ankers = brontekst(nieuw.paginatekst)
        return [
            p
            for waar, bron in bronnen_van(regio(nieuw.code))
            for p in controleer_bron(waar, bron, tekst, ankers, nieuw.pagina.name)
        ]


def schrijf(nieuw: NieuweRegio) -> None:
    """Write both files; refuses to overwrite a file that is there."""
    for pad in (nieuw.regelbestand, nieuw.pagina):
        if pad.exists():
            raise AfsprakenFout(f"{pad} bestaat al; er is niets geschreven.", veld="code")
    nieuw.pagina.parent.mkdir(parents=True, exist_ok=True)
    nieuw.regelbestand.write_text(nieuw.regeltekst, encoding="utf-8")
    nieuw.pagina.write_text(nieuw.paginatekst, encoding="utf-8")


def volgende_stappen(nieuw: NieuweRegio) -> str:
    """What the maintainer does next, in the order of docs/beheer/regio-toevoegen.md."""
    return (
        "\n".join(
            [
                f"Gemaakt en gecontroleerd: {nieuw.regelbestand} en {nieuw.pagina}.",
                "Volgende stappen (docs/beheer/regio-toevoegen.md):",
                f"  1. Zet de tekst van de afspraken in {nieuw.pagina}, met een anker per paragraaf, en vul het bron-blok in.",
                "  2. Zet de termijnen als [[regel]] in het regelbestand, elk met een letterlijk citaat en het anker.",
                "  3. Vervang de citaten die naar de lege pagina wijzen, en beoordeel de criteria a–g.",
                "  4. Controleer: python -m calculators controleer",
                "  5. Bekijk de site (./scripts/start) en draai alle tests (./scripts/test).",
            ]
        )
        + "\n"
    )
