"""A timeline as a calendar file (iCalendar, RFC 5545), without extra dependencies.

One all-day event per deadline, change of responsibility and monitoring moment — not for the
melding or other things that already happened. There is no personal data in it: only dates,
region and route, and a random case token (``zaak``) that keeps the events of one case
together. The UID is built from that token and the moment, so importing a recalculation of the
same case (with an actual date filled in) updates its events instead of adding duplicates, and
two different cases never collide.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

from ..basis.begrippen import ROUTE_NAMEN
from ..basis.fouten import AfsprakenFout
from ..basis.invoer import toon
from ..basis.opmaak import kleine_letter
from ..recht.regios import regio_naam
from ..rekenen.model import Moment, Tijdlijn
from ..woorden.teksten import bron_kort, bron_url

_PRODID = "-//Afsprakenwijzer//Rekenhulp tijdlijn//NL"
_ZAAK = re.compile(r"^[a-z0-9]{8,40}$", re.ASCII)
_IN_DE_AGENDA = ("termijn", "wissel", "monitoring", "versie")
# SEQUENCE must grow with every revision of an event; the minutes since this moment do that
# without the engine having to remember earlier exports.
_SEQUENCE_BEGIN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def lees_zaak(waarde: object) -> str:
    """The case token from the page (kept in the shared link), or a new random one."""
    if waarde is None:
        return secrets.token_hex(8)
    if isinstance(waarde, str) and _ZAAK.match(waarde):
        return waarde
    raise AfsprakenFout(f"Het kenmerk van de berekening {toon(waarde)} is ongeldig (8 tot 40 kleine letters of "
                        "cijfers).", veld="zaak")


def _tekst(waarde: str) -> str:
    """Escape volgens RFC 5545 § 3.3.11."""
    return (
        waarde.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _vouw(regel: str) -> list[str]:
    """Regels langer dan 75 octets vouwen (RFC 5545 § 3.1), zonder een UTF-8-teken te splitsen."""
    uit: list[str] = []
    huidig, lengte = "", 0
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


def bestandsnaam(t: Tijdlijn) -> str:
    return f"tijdlijn-{t.regio}-{t.route}-{t.invoer['melding']}.ics"


def _titel(t: Tijdlijn, m: Moment) -> str:
    titel = f"{m.omschrijving} – {regio_naam(t.regio)}, {kleine_letter(ROUTE_NAMEN[t.route])}"
    if m.hangt_af_van_aanname:
        titel += " (berekend uit een aangenomen datum)"
    return titel


def _uid(zaak: str, m: Moment) -> str:
    """One event per case and moment, stable over recalculations. A change of agreements can happen more
    than once in a case, so that moment carries its date (the date of a version boundary never moves)."""
    sleutel = f"{m.code}-{m.datum:%Y%m%d}" if m.rol == "versie" else m.code
    return f"{zaak}-{sleutel}@afsprakenwijzer"


def tijdlijn_als_ics(t: Tijdlijn, zaak: str, site_url: str | None = None, nu: dt.datetime | None = None) -> str:
    """The calendar file of timeline ``t``; ``site_url`` (e.g. 'https://intranet/afspraken/') makes
    the links to the source paragraphs absolute."""
    nu = (nu or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    stempel = nu.strftime("%Y%m%dT%H%M%SZ")
    volgnummer = max(0, int((nu - _SEQUENCE_BEGIN).total_seconds() // 60))
    basis = (site_url.rstrip("/") + "/") if site_url else ""
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_tekst(f'Tijdlijn {regio_naam(t.regio)} – {ROUTE_NAMEN[t.route]}')}",
    ]
    for m in t.momenten:
        if m.rol not in _IN_DE_AGENDA:
            continue
        status = "berekend uit een aangenomen datum" if m.hangt_af_van_aanname else m.status
        beschrijving = [
            f"Status: {status}",
            f"Bron: {bron_kort(m.bron)}" + (f" ({basis}{bron_url(m.bron)})" if basis else ""),
            f"Citaat: “{m.bron.citaat}”",
        ]
        if m.interpretatie:
            beschrijving.append(f"Zo leest de rekenhulp dit: {m.interpretatie}")
        if m.landelijk_terugval:
            beschrijving.append("Regel uit het landelijk kader (de regio zegt hier niets over).")
        beschrijving.append(f"Afspraken: {t.afspraken_versie.naam}. Werkdagen volgens: {t.kalender.naam}.")
        regels += [
            "BEGIN:VEVENT",
            f"UID:{_uid(zaak, m)}",
            f"DTSTAMP:{stempel}",
            f"SEQUENCE:{volgnummer}",
            f"DTSTART;VALUE=DATE:{m.datum.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(m.datum + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_tekst(_titel(t, m))}",
            f"DESCRIPTION:{_tekst(chr(10).join(beschrijving))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    regels.append("END:VCALENDAR")
    gevouwen = [deel for regel in regels for deel in _vouw(regel)]
    return "\r\n".join(gevouwen) + "\r\n"
