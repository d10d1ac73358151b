"""Een tijdlijn als agenda-bestand (iCalendar, RFC 5545), zonder extra afhankelijkheden.

Eén hele-dag-afspraak per moment, met bron, citaat en gekozen lezing in de
beschrijving. Er staan geen persoonsgegevens in: alleen datums, regio en route.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from .begrippen import REGIO_NAMEN, ROUTE_NAMEN

_PRODID = "-//Afsprakenwijzer//Rekenhulp tijdlijn//NL"


def _tekst(waarde: str) -> str:
    """Escape volgens RFC 5545 § 3.3.11."""
    return (
        waarde.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _vouw(regel: str) -> list[str]:
    """Regels langer dan 75 octets vouwen (RFC 5545 § 3.1), zonder een UTF-8-teken te splitsen."""
    uit, huidig, lengte = [], "", 0
    for teken in regel:
        grootte = len(teken.encode("utf-8"))
        limiet = 75 if not uit else 74  # vervolgregels beginnen met een spatie
        if lengte + grootte > limiet:
            uit.append(huidig)
            huidig, lengte = "", 0
        huidig += teken
        lengte += grootte
    uit.append(huidig)
    return [uit[0]] + [" " + r for r in uit[1:]]


def bestandsnaam(t) -> str:
    return f"tijdlijn-{t.regio}-{t.route}-{t.invoer['melding']}.ics"


def tijdlijn_als_ics(t, nu: dt.datetime | None = None) -> str:
    nu = (nu or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    stempel = nu.strftime("%Y%m%dT%H%M%SZ")
    kenmerk = hashlib.sha256(repr(sorted(t.invoer.items())).encode()).hexdigest()[:16]
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_tekst(f'Tijdlijn {REGIO_NAMEN[t.regio]} – {ROUTE_NAMEN[t.route]}')}",
    ]
    for m in t.momenten:
        beschrijving = [
            f"Status: {m.status}",
            f"Bron: {m.bron.to_dict()['document_naam']}, {m.bron.paragraaf} ({m.bron.url})",
            f"Citaat: “{m.bron.citaat}”",
        ]
        if m.interpretatie:
            beschrijving.append(f"Gekozen lezing: {m.interpretatie}")
        if m.landelijk_terugval:
            beschrijving.append("Regel uit het landelijk kader (de regio zegt hier niets over).")
        beschrijving.append(f"Afspraken: {t.afspraken_versie.naam}. Werkdagen volgens: {t.kalender.naam}.")
        regels += [
            "BEGIN:VEVENT",
            f"UID:{m.code}-{m.datum.isoformat()}-{kenmerk}@afsprakenwijzer",
            f"DTSTAMP:{stempel}",
            f"DTSTART;VALUE=DATE:{m.datum.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(m.datum + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_tekst(m.omschrijving)}",
            f"DESCRIPTION:{_tekst(chr(10).join(beschrijving))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    regels.append("END:VCALENDAR")
    gevouwen = [deel for regel in regels for deel in _vouw(regel)]
    return "\r\n".join(gevouwen) + "\r\n"
