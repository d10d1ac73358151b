"""Invoer lezen en controleren: datums (date of ISO-tekst) en keuzewaarden."""

from __future__ import annotations

import datetime as dt
import re

from .fouten import AfsprakenFout

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Leesbare veldnamen voor meldingen (de API-namen staan tussen haakjes in de docs).
VELD_NAMEN: dict[str, str] = {
    "melding": "de meldingsdatum",
    "veiligheidsbeoordeling": "de datum van de veiligheidsbeoordeling",
    "overdracht": "de overdrachtsdatum",
    "dienst_einde": "de einddatum van de dienst",
    "terugkoppeling": "de datum van de terugkoppeling",
    "start_hulp": "de startdatum van de hulp",
    "van": "de begindatum",
    "tot": "de einddatum",
    "datum": "de datum",
}


def lees_datum(waarde: object, veld: str) -> dt.date:
    """Een datum uit een ``datetime.date`` of een tekst 'JJJJ-MM-DD'."""
    naam = VELD_NAMEN.get(veld, veld)
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if not _ISO.match(tekst):
            raise AfsprakenFout(
                f"Ongeldige datum voor {naam}: {waarde!r} is geen datum in de vorm JJJJ-MM-DD.", veld=veld
            )
        try:
            return dt.date.fromisoformat(tekst)
        except ValueError:
            raise AfsprakenFout(f"Ongeldige datum voor {naam}: {waarde!r} bestaat niet.", veld=veld) from None
    raise AfsprakenFout(
        f"Ongeldige datum voor {naam}: {waarde!r} is geen datum (verwacht JJJJ-MM-DD).", veld=veld
    )


def lees_keuze(waarde: object, veld: str, toegestaan: tuple[str, ...], soort: str) -> str:
    """Een waarde uit een vaste lijst; de foutmelding noemt de geldige waarden."""
    if isinstance(waarde, str) and waarde in toegestaan:
        return waarde
    geldig = ", ".join(toegestaan)
    raise AfsprakenFout(f"Onbekende {soort} {waarde!r}; kies uit: {geldig}.", veld=veld)


def lees_ja_nee(waarde: object, veld: str) -> bool:
    if isinstance(waarde, bool):
        return waarde
    raise AfsprakenFout(f"De optie {veld!r} moet waar of onwaar zijn, niet {waarde!r}.", veld=veld)
