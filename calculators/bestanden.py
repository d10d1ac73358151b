"""Where the rule files are, reading them, and TOML errors in Dutch.

The rule files ship inside the package (calculators/rules/, read with importlib.resources so
it also works in Pyodide). Another folder can be chosen with ``gebruik_regelmap(pad)`` or the
environment variable ``AFSPRAKENWIJZER_REGELS`` (the site-build tests copy the folder, change
one value and build with it). Every module that owns a kind of rule data (the calendar, the
regions) reads its files through here, so the choice of folder holds for all of them.
"""

from __future__ import annotations

import os
import re
import tomllib
from importlib import resources
from pathlib import Path

from .fouten import RegelbestandFout

OMGEVINGSVARIABELE = "AFSPRAKENWIJZER_REGELS"

_gekozen_map: Path | None = None
_versie = 0  # bumped on every choice, so caches keyed on it start afresh


def gebruik_regelmap(pad: str | os.PathLike | None) -> None:
    """Use the rule files in ``pad`` from now on (None = the files in the package)."""
    global _gekozen_map, _versie
    _gekozen_map = Path(pad) if pad is not None else None
    _versie += 1


def gekozen_regelmap() -> Path | None:
    """The folder chosen with ``gebruik_regelmap`` (not the environment), or None."""
    return _gekozen_map


def regelmap() -> Path | None:
    """The rules folder in use, or None for the files in the package."""
    if _gekozen_map is not None:
        return _gekozen_map
    omgeving = os.environ.get(OMGEVINGSVARIABELE)
    return Path(omgeving) if omgeving else None


def cache_sleutel(naam: str) -> tuple:
    """A key for caching what was read from ``naam``: changes when another folder is chosen."""
    return (_versie, str(regelmap()), naam)


def lees_bestand(naam: str) -> str:
    """The text of one rule file (``naam`` relative to the rules folder, e.g. 'aef/criteria.toml')."""
    map_ = regelmap()
    try:
        if map_ is None:
            return resources.files("calculators").joinpath("rules", *naam.split("/")).read_text(encoding="utf-8")
        return (map_ / naam).read_text(encoding="utf-8")
    except FileNotFoundError:
        waar = "het pakket" if map_ is None else str(map_)
        raise RegelbestandFout(f"{naam}: bestand niet gevonden in {waar}", bestand=naam) from None
    except UnicodeDecodeError:
        raise RegelbestandFout(f"{naam}: bestand is geen UTF-8-tekst", bestand=naam) from None


# --- TOML, with errors a policy officer can act on -------------------------------------------

# tomllib's messages (Python 3.11–3.14), in Dutch. Unknown messages get a general sentence.
_TOML_MELDINGEN = (
    (r"Invalid value", "hier staat geen geldige waarde (tekst tussen aanhalingstekens, een getal, "
                       "true/false, een datum JJJJ-MM-DD of een lijst [...])"),
    (r"Expected '=' after a key in a key/value pair", "na de naam van een veld moet een '=' staan"),
    (r"Invalid statement", "deze regel is geen veld (naam = waarde) en geen kop ([...] of [[...]])"),
    (r"Unclosed array", "een lijst [...] is niet afgesloten met ']'"),
    (r"Unclosed inline table", "een tabel {...} is niet afgesloten met '}'"),
    (r"Unterminated string", "een tekst is niet afgesloten met een aanhalingsteken"),
    (r"Illegal character '\\n'", "een tekst is niet afgesloten met een aanhalingsteken (de regel eindigt midden in de tekst)"),
    (r"Illegal character", "hier staat een teken dat in TOML niet mag"),
    (r"Invalid initial character for a key part", "de naam van een veld begint met een teken dat niet mag"),
    (r"Cannot declare .* twice", "dit veld of deze kop staat er twee keer"),
    (r"Cannot overwrite a value", "dit veld staat er twee keer"),
    (r"Cannot mutate immutable namespace", "dit veld staat er al (dubbel)"),
    (r"Expected newline or end of document after a statement", "na een waarde moet de regel eindigen"),
    (r"Unescaped '\\' in a string", "een '\\' in een tekst moet dubbel zijn ('\\\\')"),
    (r"Unclosed table", "een kop [...] is niet afgesloten met ']'"),
    (r"Expected ']' at the end of a table declaration", "een kop [...] is niet afgesloten met ']'"),
    (r"Expected ']]' at the end of an array declaration", "een kop [[...]] is niet afgesloten met ']]'"),
    (r"Invalid date or datetime", "deze datum bestaat niet of is niet in de vorm JJJJ-MM-DD"),
)


def toml_fout_tekst(fout: tomllib.TOMLDecodeError) -> str:
    """'regel 12, kolom 8: hier staat geen geldige waarde …' from a tomllib error."""
    tekst = str(fout)
    regel = getattr(fout, "lineno", None)
    kolom = getattr(fout, "colno", None)
    plek = re.search(r"\(at line (\d+), column (\d+)\)", tekst)
    if plek and regel is None:
        regel, kolom = int(plek.group(1)), int(plek.group(2))
    oorzaak = getattr(fout, "msg", None) or re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", tekst)
    uitleg = next((nl for patroon, nl in _TOML_MELDINGEN if re.match(patroon, oorzaak)), "de opbouw van het bestand klopt hier niet")
    if regel is None:
        return f"geen geldige TOML aan het einde van het bestand: {uitleg}"
    return f"geen geldige TOML op regel {regel}, kolom {kolom}: {uitleg}"


def lees_toml(tekst: str, bestand: str) -> dict:
    """Parse TOML; a syntax error becomes a RegelbestandFout in Dutch with line and column."""
    try:
        return tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        raise RegelbestandFout(f"{bestand}: {toml_fout_tekst(e)}", bestand=bestand) from None
