"""Where the rule files are, reading them, and checking them with errors in Dutch.

The rule files ship inside the package (calculators/rules/, read with importlib.resources so
it also works in Pyodide). Another folder can be chosen with ``gebruik_regelmap(pad)`` or the
environment variable ``AFSPRAKENWIJZER_REGELS`` (the site-build tests copy the folder, change
one value and build with it). Every module that owns a kind of rule data (the calendar, the
regions, the AEF criteria) reads its files through here, so the choice of folder holds for all of
them, and checks them with one ``Lezer``, so every data file gives the same kind of message.

Files can also be held in memory (``gebruik_in_geheugen``): they replace the files of the same name in
the folder in use, so a changed rule file can be tried without writing it anywhere (the browser has no
folder to write to). Only what depends on them is read again; everything read from the other files stays
cached, which matters in the browser, where the package's files are gone once its memory snapshot is
restored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal, overload

from .fouten import RegelbestandFout

OMGEVINGSVARIABELE = "AFSPRAKENWIJZER_REGELS"

# A table of a TOML file, as tomllib reads it.
Tabel = dict[str, Any]

_gekozen_map: Path | None = None
_versie = 0  # bumped on every choice, so caches keyed on it start afresh
_in_geheugen: dict[str, str] = {}  # file name -> text, replacing the file of that name in the folder
_geheugen = ""  # a digest of ``_in_geheugen`` ("" when nothing is held in memory)
_bij_wissel: list[Callable[[], None]] = []
_lijsten: dict[tuple[int, str], list[str]] = {}


def gebruik_regelmap(pad: str | os.PathLike[str] | None) -> None:
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


def gebruik_in_geheugen(bestanden: Mapping[str, str] | None) -> None:
    """Read these files (name relative to the rules folder -> text) from memory from now on, instead of the
    files of the same name in the folder in use; None or {} = read everything from the folder again."""
    global _in_geheugen, _geheugen
    _in_geheugen = dict(bestanden or {})
    inhoud = "\0".join(f"{naam}\0{tekst}" for naam, tekst in sorted(_in_geheugen.items()))
    _geheugen = hashlib.sha256(inhoud.encode()).hexdigest()[:16] if _in_geheugen else ""
    for opruimen in _bij_wissel:
        opruimen()


def bestanden_in_geheugen() -> dict[str, str]:
    """The files held in memory now (name -> text)."""
    return dict(_in_geheugen)


def bij_andere_bestanden_in_geheugen(opruimen: Callable[[], None]) -> None:
    """Call ``opruimen`` whenever other files are held in memory: a module drops there what it cached for
    files that are no longer chosen, so trying many versions of a file does not fill the memory."""
    _bij_wissel.append(opruimen)


def cache_sleutel(naam: str) -> tuple[int, str, str, str]:
    """A key for caching what was read from ``naam`` (a file name, or the name of something made from all
    files): changes when another folder is chosen, and when files held in memory change what it depends on.
    A file that is not held in memory keeps its key, so what was read from it stays cached."""
    hangt_af = bool(_geheugen) and (naam in _in_geheugen or not naam.endswith(".toml"))
    return (_versie, str(regelmap()), _geheugen if hangt_af else "", naam)


def verouderd(sleutel: tuple[int, str, str, str]) -> bool:
    """Whether a key from ``cache_sleutel`` belongs to files held in memory that are no longer chosen."""
    return sleutel[2] not in ("", _geheugen)


def lees_bestand(naam: str) -> str:
    """The text of one rule file (``naam`` relative to the rules folder, e.g. 'aef/criteria.toml')."""
    if naam in _in_geheugen:
        return _in_geheugen[naam]
    map_ = regelmap()
    waar = "het pakket" if map_ is None else str(map_)
    try:
        if map_ is None:
            return resources.files("calculators").joinpath("rules", *naam.split("/")).read_text(encoding="utf-8")
        if map_.exists() and not map_.is_dir():
            raise RegelbestandFout(f"{map_} is geen map: geef de map met de regelbestanden op, niet één bestand")
        return (map_ / naam).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegelbestandFout(f"{naam}: bestand niet gevonden in {waar}", bestand=naam) from None
    except IsADirectoryError:
        raise RegelbestandFout(f"{naam}: dit is een map, geen bestand (in {waar})", bestand=naam) from None
    except NotADirectoryError:
        raise RegelbestandFout(
            f"{naam}: een deel van het pad is een bestand, geen map (in {waar})", bestand=naam
        ) from None
    except PermissionError:
        raise RegelbestandFout(f"{naam}: geen toestemming om het bestand te lezen (in {waar})", bestand=naam) from None
    except UnicodeDecodeError:
        raise RegelbestandFout(f"{naam}: bestand is geen UTF-8-tekst", bestand=naam) from None
    except OSError as e:
        raise RegelbestandFout(
            f"{naam}: bestand kan niet worden gelezen ({e.strerror or type(e).__name__})", bestand=naam
        ) from None


# --- TOML, with errors a policy officer can act on -------------------------------------------

# tomllib's messages (Python 3.11–3.14), in Dutch. Unknown messages get a general sentence.
_TOML_MELDINGEN = (
    (
        r"Invalid value",
        "hier staat geen geldige waarde (tekst tussen aanhalingstekens, een getal, "
        "true/false, een datum JJJJ-MM-DD of een lijst [...])",
    ),
    (r"Expected '=' after a key in a key/value pair", "na de naam van een veld moet een '=' staan"),
    (r"Invalid statement", "deze regel is geen veld (naam = waarde) en geen kop ([...] of [[...]])"),
    (r"Unclosed array", "een lijst [...] is niet afgesloten met ']'"),
    (r"Unclosed inline table", "een tabel {...} is niet afgesloten met '}'"),
    (r"Unterminated string", "een tekst is niet afgesloten met een aanhalingsteken"),
    (
        r"Illegal character '\\n'",
        "een tekst is niet afgesloten met een aanhalingsteken (de regel eindigt midden in de tekst)",
    ),
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
    uitleg = next(
        (nl for patroon, nl in _TOML_MELDINGEN if re.match(patroon, oorzaak)),
        "de opbouw van het bestand klopt hier niet",
    )
    if regel is None:
        return f"geen geldige TOML aan het einde van het bestand: {uitleg}"
    return f"geen geldige TOML op regel {regel}, kolom {kolom}: {uitleg}"


def lees_toml(tekst: str, bestand: str) -> Tabel:
    """Parse TOML; a syntax error becomes a RegelbestandFout in Dutch with line and column."""
    try:
        return tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        raise RegelbestandFout(f"{bestand}: {toml_fout_tekst(e)}", bestand=bestand) from None


def lees_regelmap_bestanden() -> list[str]:
    """The names of the .toml files directly in the rules folder in use (sorted), with those held in memory.
    The folder is listed once per choice of folder: in the browser it is gone after the first listing."""
    sleutel = (_versie, str(regelmap()))
    if sleutel not in _lijsten:
        _lijsten[sleutel] = _lees_map()
    namen = {*_lijsten[sleutel], *(n for n in _in_geheugen if "/" not in n)}
    return sorted(namen)


def _lees_map() -> list[str]:
    map_ = regelmap()
    if map_ is None:
        namen = [p.name for p in resources.files("calculators").joinpath("rules").iterdir()]
    else:
        if not map_.exists():
            raise RegelbestandFout(f"de map met regelbestanden bestaat niet: {map_}")
        if not map_.is_dir():
            raise RegelbestandFout(f"{map_} is geen map: geef de map met de regelbestanden op, niet één bestand")
        namen = [p.name for p in map_.iterdir()]
    return sorted(n for n in namen if n.endswith(".toml"))


# --- checking a data file: every message names the file, the block and the field --------------------


class Lezer:
    """Reads the fields of one data file; every error starts with the file name and names the field,
    because policy staff (not programmers) keep these files."""

    def __init__(self, bestand: str) -> None:
        self.bestand = bestand

    def fout(self, waar: str, tekst: str) -> RegelbestandFout:
        plek = f"{self.bestand}: {waar}: " if waar else f"{self.bestand}: "
        return RegelbestandFout(plek + tekst, bestand=self.bestand)

    def tabel(self, data: object, waar: str) -> Tabel:
        if not isinstance(data, dict):
            raise self.fout(waar, "moet een tabel zijn (velden met naam = waarde)")
        return data

    def blok(self, data: Tabel, naam: str) -> Tabel:
        """The [naam] table of the file, which must be there."""
        if naam not in data:
            raise self.fout("", f"het blok [{naam}] ontbreekt")
        return self.tabel(data[naam], naam)

    def blokken(self, data: Tabel, naam: str, verplicht: bool = False) -> list[Tabel]:
        """The [[naam]] blocks of a table, each checked to be a table."""
        ruw = data.get(naam, [])
        if not isinstance(ruw, list):
            raise self.fout("", f"'{naam}' moet een lijst van [[{naam}]]-blokken zijn")
        if verplicht and not ruw:
            raise self.fout("", f"er moet ten minste één [[{naam}]]-blok zijn")
        return [self.tabel(b, f"{naam} nr. {i}") for i, b in enumerate(ruw, 1)]

    def onbekende_velden(self, data: Tabel, waar: str, toegestaan: Iterable[str]) -> None:
        toegestaan = tuple(toegestaan)
        for sleutel in data:
            if sleutel not in toegestaan:
                raise self.fout(waar, f"veld {sleutel!r} is onbekend; toegestaan: {', '.join(sorted(toegestaan))}")

    def verplicht(self, data: Tabel, veld: str, waar: str) -> object:
        if veld not in data:
            raise self.fout(waar, f"veld {veld!r} ontbreekt")
        return data[veld]

    @overload
    def tekst(self, data: Tabel, veld: str, waar: str, verplicht: Literal[True] = ...) -> str: ...
    @overload
    def tekst(self, data: Tabel, veld: str, waar: str, verplicht: bool) -> str | None: ...

    def tekst(self, data: Tabel, veld: str, waar: str, verplicht: bool = True) -> str | None:
        if veld not in data:
            if verplicht:
                raise self.fout(waar, f"veld {veld!r} ontbreekt")
            return None
        waarde = data[veld]
        if not isinstance(waarde, str) or not waarde.strip():
            raise self.fout(waar, f"veld {veld!r} moet een niet-lege tekst zijn, niet {waarde!r}")
        return waarde.strip()

    @overload
    def keuze(
        self, data: Tabel, veld: str, waar: str, toegestaan: Iterable[str], verplicht: Literal[True] = ...
    ) -> str: ...
    @overload
    def keuze(self, data: Tabel, veld: str, waar: str, toegestaan: Iterable[str], verplicht: bool) -> str | None: ...

    def keuze(self, data: Tabel, veld: str, waar: str, toegestaan: Iterable[str], verplicht: bool = True) -> str | None:
        waarde = self.tekst(data, veld, waar, verplicht)
        if waarde is None:
            return None
        toegestaan = tuple(toegestaan)
        if waarde not in toegestaan:
            raise self.fout(
                waar, f"veld {veld!r} heeft onbekende waarde {waarde!r}; toegestaan: {', '.join(sorted(toegestaan))}"
            )
        return waarde

    def ja_nee(self, data: Tabel, veld: str, waar: str, standaard: bool | None = None) -> bool:
        if veld not in data and standaard is not None:
            return standaard
        waarde = self.verplicht(data, veld, waar)
        if not isinstance(waarde, bool):
            raise self.fout(waar, f"veld {veld!r} moet true of false zijn, niet {waarde!r}")
        return waarde

    def geheel_getal(self, data: Tabel, veld: str, waar: str, minimum: int = 0) -> int:
        waarde = self.verplicht(data, veld, waar)
        if not isinstance(waarde, int) or isinstance(waarde, bool) or waarde < minimum:
            raise self.fout(waar, f"veld {veld!r} moet een geheel getal van {minimum} of meer zijn, niet {waarde!r}")
        return waarde

    @overload
    def datum(self, data: Tabel, veld: str, waar: str, verplicht: Literal[True] = ...) -> dt.date: ...
    @overload
    def datum(self, data: Tabel, veld: str, waar: str, verplicht: bool) -> dt.date | None: ...

    def datum(self, data: Tabel, veld: str, waar: str, verplicht: bool = True) -> dt.date | None:
        if veld not in data:
            if verplicht:
                raise self.fout(waar, f"veld {veld!r} ontbreekt")
            return None
        waarde = data[veld]
        if isinstance(waarde, dt.datetime):
            raise self.fout(waar, f"veld {veld!r} moet een datum zonder tijd zijn (JJJJ-MM-DD)")
        if isinstance(waarde, dt.date):
            return waarde
        if isinstance(waarde, str):
            try:
                return dt.date.fromisoformat(waarde.strip())
            except ValueError:
                pass
        raise self.fout(waar, f"veld {veld!r} moet een datum zijn (JJJJ-MM-DD), niet {waarde!r}")

    def lijst(
        self, data: Tabel, veld: str, waar: str, toegestaan: Iterable[str] | None = None
    ) -> tuple[str, ...] | None:
        if veld not in data:
            return None
        waarde = data[veld]
        if not isinstance(waarde, list) or not waarde or not all(isinstance(x, str) for x in waarde):
            raise self.fout(waar, f"veld {veld!r} moet een niet-lege lijst met teksten zijn")
        if toegestaan is not None:
            toegestaan = tuple(toegestaan)
            for x in waarde:
                if x not in toegestaan:
                    raise self.fout(
                        waar, f"veld {veld!r} bevat onbekende waarde {x!r}; toegestaan: {', '.join(sorted(toegestaan))}"
                    )
        if len(set(waarde)) != len(waarde):
            raise self.fout(waar, f"veld {veld!r} noemt een waarde dubbel")
        return tuple(waarde)

    def code(self, data: Tabel, waar: str, veld: str = "code") -> str:
        code = self.tekst(data, veld, waar)
        if not _CODE.match(code):
            raise self.fout(waar, f"veld {veld!r} {code!r} mag alleen kleine letters, cijfers en streepjes bevatten")
        return code


_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
