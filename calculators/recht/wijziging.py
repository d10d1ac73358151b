"""A changed rule file, held in memory: change one value of one rule as a policy officer would, check the result
with the checks of ``python -m calculators controleer``, and compute with it without writing a file anywhere.

Made for the page 'Regelwijziging voorbereiden', which runs in the browser: there is no folder to write to there,
and the published texts that the quotes are checked against come with the question (prepared when the site was
built, ``brontekst``). The file is changed as text, line by line, so its comments and layout stay as the
maintainer wrote them and the changed file differs from the original only where a value changed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..basis.bestanden import bestanden_in_geheugen, gebruik_in_geheugen
from ..basis.fouten import AfsprakenFout, RegelbestandFout
from ..basis.opmaak import datum_kort
from .aef import AEF_DOCUMENT, controleer_dekking, lees_aef
from .controle import bronnen_van, brontekst, controleer_bron, pagina
from .regelbestand import Regel, RegioRegels
from .regios import alle_regios, document, laad_regio

# The fields of a rule the page lets a policy officer change, and the table of the rule block they are in.
VELDEN: dict[str, str] = {"aantal": "", "eenheid": "", "citaat": "bron", "interpretatie": ""}

_REGEL_KOP = re.compile(r"^\s*\[\[\s*regel\s*\]\]\s*(#.*)?$")
_KOP = re.compile(r"^\s*\[")
_SUBTABEL = re.compile(r"^\s*\[\s*regel\.(\w+)\s*\]\s*(#.*)?$")
_VELD = re.compile(r"^\s*([A-Za-z0-9_]+)\s*=")
_VELD_IN_MELDING = re.compile(r"veld '([a-z_]+)'")


@dataclass(frozen=True)
class Wijziging:
    """One change to one value of one rule: the rule's ``code`` and the start of the value that changes (a code
    can have values one after another); the new field values; and ``ingang``, the date from which the new value
    applies (None: it replaces the old value for as long as that applied)."""

    code: str
    geldig_vanaf: dt.date
    velden: tuple[tuple[str, object], ...]
    ingang: dt.date | None = None


@dataclass(frozen=True)
class Probleem:
    """What a check found, in Dutch; ``veld`` is the field of the rule file it is about, where it names one."""

    melding: str
    veld: str | None = None


@dataclass(frozen=True)
class Brontekst:
    """A published text as the quote check needs it (``brontekst``), and the name a message gives it."""

    tekst: str
    ankers: frozenset[str]
    naam: str


def gewijzigde_regel(regels: RegioRegels, w: Wijziging) -> Regel:
    """The rule value that ``w`` changes; an AfsprakenFout if the file has none."""
    regel = next((r for r in regels.regels if r.code == w.code and r.geldig_vanaf == w.geldig_vanaf), None)
    if regel is None:
        raise AfsprakenFout(
            f"{regels.bestand} heeft geen regel {w.code!r} die geldt vanaf {datum_kort(w.geldig_vanaf)}.", veld="regel"
        )
    return regel


def pas_toe(tekst: str, regels: RegioRegels, w: Wijziging) -> str:
    """The text of the rule file ``tekst`` (read as ``regels``) with change ``w`` made."""
    regel = gewijzigde_regel(regels, w)
    for veld, _ in w.velden:
        if veld not in VELDEN:
            raise AfsprakenFout(
                f"Het veld {veld!r} kan hier niet worden gewijzigd; wel: {', '.join(VELDEN)}.", veld=veld
            )
    regelnummer = regels.regels.index(regel)
    lijnen = tekst.splitlines(keepends=True)
    begin, eind = _blok(lijnen, regelnummer, regels.bestand)
    blok = lijnen[begin:eind]
    nieuw = blok
    for veld, waarde in w.velden:
        nieuw = _zet(nieuw, VELDEN[veld], veld, waarde, regels.bestand)
    if w.ingang is None:
        return "".join(lijnen[:begin] + nieuw + lijnen[eind:])
    if not (regel.geldig_vanaf < w.ingang and (regel.geldig_tot is None or w.ingang < regel.geldig_tot)):
        tot = f" tot {datum_kort(regel.geldig_tot)}" if regel.geldig_tot else ""
        raise AfsprakenFout(
            f"De ingangsdatum {datum_kort(w.ingang)} valt niet binnen de geldigheid van deze regel (vanaf "
            f"{datum_kort(regel.geldig_vanaf)}{tot}): kies een datum daarna, of laat de ingangsdatum leeg om de "
            "waarde voor de hele geldigheid te wijzigen. Nieuwe afspraken met een eigen versie voegt u toe zoals "
            "de pagina ‘Een regio of nieuwe versie toevoegen’ beschrijft.",
            veld="ingang",
        )
    oud = _zet(blok, "", "geldig_tot", w.ingang, regels.bestand)
    kopie = _zet(nieuw, "", "geldig_vanaf", w.ingang, regels.bestand)
    # The new value right after the old one, so the file reads in the order the values apply.
    return "".join(lijnen[:begin] + oud + ["\n"] + kopie + lijnen[eind:])


def _blok(lijnen: list[str], nummer: int, bestand: str) -> tuple[int, int]:
    """The lines of the ``nummer``-th [[regel]] block (0-based): from its heading to the last line of its own
    (the comments and blank lines before the next heading introduce what follows)."""
    koppen = [i for i, lijn in enumerate(lijnen) if _REGEL_KOP.match(lijn)]
    if nummer >= len(koppen):
        raise RegelbestandFout(
            f"{bestand}: de [[regel]]-blokken staan niet zoals verwacht in het bestand; "
            "pas het bestand met de hand aan",
            bestand=bestand,
        )
    begin = koppen[nummer]
    eind = begin + 1
    while eind < len(lijnen) and not (_KOP.match(lijnen[eind]) and not _SUBTABEL.match(lijnen[eind])):
        eind += 1
    while eind > begin + 1 and (not lijnen[eind - 1].strip() or lijnen[eind - 1].lstrip().startswith("#")):
        eind -= 1
    return begin, eind


def _zet(blok: list[str], tabel: str, veld: str, waarde: object, bestand: str) -> list[str]:
    """``blok`` with ``veld = waarde`` in its main table ('') or in sub-table [regel.<tabel>]: the line replaced if
    the field is there, else added after the table's last field."""
    uit = list(blok)
    start = (
        1
        if not tabel
        else next((i + 1 for i, lijn in enumerate(uit) if (m := _SUBTABEL.match(lijn)) and m.group(1) == tabel), None)
    )
    if start is None:
        raise RegelbestandFout(f"{bestand}: de regel heeft geen blok [regel.{tabel}]", bestand=bestand)
    einde = next((i for i in range(start, len(uit)) if _KOP.match(uit[i])), len(uit))
    nieuw = f"{veld} = {_toml_waarde(waarde)}\n"
    laatste = start - 1
    for i in range(start, einde):
        m = _VELD.match(uit[i])
        if not m:
            continue
        laatste = i
        if m.group(1) == veld:
            if _meer_regels(uit[i].split("=", 1)[1].strip()):
                raise RegelbestandFout(
                    f"{bestand}: veld {veld!r} beslaat meer regels; pas het met de hand aan", bestand=bestand
                )
            uit[i] = nieuw
            return uit
    uit.insert(laatste + 1, nieuw)
    return uit


def _meer_regels(waarde: str) -> bool:
    """Whether a TOML value that starts on this line goes on on the next (a multi-line string or list)."""
    if waarde.startswith(('"' * 3, "'" * 3)):
        return waarde.count(waarde[:3]) < 2
    return waarde.startswith("[") and "]" not in waarde


def _toml_waarde(waarde: object) -> str:
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, (int, dt.date)):
        return waarde.isoformat() if isinstance(waarde, dt.date) else str(waarde)
    # A TOML basic string has JSON's escapes (\" \\ \n \uXXXX), so JSON writes one.
    return json.dumps(str(waarde), ensure_ascii=False)


# --- the checks of ``controleer``, for one region file held in memory ------------------------------------------


def controleer(
    code: str, tekst: str, bronteksten: Mapping[str, Brontekst]
) -> tuple[RegioRegels | None, list[Probleem]]:
    """What ``python -m calculators controleer`` says about region file ``tekst`` in place of the region's file: the
    file itself, the criteria a–g, and every quote and anchor against the published texts ``bronteksten`` (by
    document code). The region's rules if the file can be read, and every problem found."""
    try:
        regels = laad_regio(tekst, code)
        controleer_dekking(lees_aef(), {**alle_regios(), code: regels})
    except RegelbestandFout as fout:
        return None, [Probleem(str(fout), _veld(str(fout)))]
    problemen = []
    for waar, bron in bronnen_van(regels):
        tekst_ = bronteksten.get(bron.document)
        if tekst_ is None:
            problemen.append(
                Probleem(
                    f"{waar}: de gepubliceerde tekst van {document(bron.document).naam} is hier "
                    "niet beschikbaar: citaat en anker zijn niet gecontroleerd",
                    "document",
                )
            )
            continue
        for melding in controleer_bron(waar, bron, tekst_.tekst, set(tekst_.ankers), tekst_.naam):
            problemen.append(Probleem(melding, "citaat" if "citaat" in melding else "anker"))
    return regels, problemen


def _veld(melding: str) -> str | None:
    # The validator (basis.bestanden.Lezer) names every field as: veld 'naam'.
    m = _VELD_IN_MELDING.search(melding)
    return m.group(1) if m else None


def bronteksten_uit(docs: Path) -> dict[str, Brontekst]:
    """The published texts of every document, from the site's Markdown folder (for a check outside the browser)."""
    uit = {}
    for code in (*alle_regios(), AEF_DOCUMENT):
        pad = pagina(docs, code)
        if pad.is_file():
            tekst, ankers = brontekst(pad.read_text(encoding="utf-8"))
            uit[code] = Brontekst(tekst, frozenset(ankers), document(code).naam)
    return uit


@contextmanager
def in_geheugen(code: str, tekst: str) -> Iterator[None]:
    """Compute with ``tekst`` as the rule file of region ``code`` while the block runs."""
    vorige = bestanden_in_geheugen()
    gebruik_in_geheugen({**vorige, f"{code}.toml": tekst})
    try:
        yield
    finally:
        gebruik_in_geheugen(vorige)
