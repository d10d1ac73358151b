"""A timeline as a calendar file (iCalendar, RFC 5545), without extra dependencies.

One all-day event per deadline, change of responsibility and monitoring moment — not for the
melding or other things that already happened — from the peildatum on (earlier ones on request).
Deadlines and monitoring moments carry reminders (``herinneringen``). There is no personal data in
it: only dates, region and route, and a random case token (``zaak``) that keeps the events of one
case together. The UID is built from that token and the moment, so importing a recalculation of
the same case (with an actual date filled in) updates its events instead of adding duplicates, and
two different cases never collide. A title names the kind of moment, the region and the first
characters of the token (so two cases differ in an agenda) in at most 60 characters; the
description says the rest, with the source and a link back to the calculation (``adres``).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from ..basis.begrippen import KORTE_NAMEN, ROUTE_NAMEN
from ..basis.fouten import AfsprakenFout
from ..basis.invoer import toon
from ..basis.opmaak import kleine_letter
from ..recht.regios import regio_naam
from ..rekenen.model import Moment, Tijdlijn, dag_data
from ..woorden.teksten import bron_kort, bron_url
from .herinneringen import Herinnering, herinneringen

_PRODID = "-//Afsprakenwijzer//Rekenhulp tijdlijn//NL"
_ZAAK = re.compile(r"^[a-z0-9]{8,40}$", re.ASCII)
_ADRES = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+$", re.ASCII)
_ADRES_MAX = 2000
_IN_DE_AGENDA = ("termijn", "wissel", "monitoring", "versie")
TITEL_MAX = 60
# Shorter still than the figure's short names, where a title would not fit (as professionals write them).
_KORTER = {
    "veilig-thuis-verantwoordelijk": "VT verantwoordelijk",
    "veiligheidsbeoordeling-uiterlijk": "Uiterlijk triage",
}
KENMERK_LENGTE = 4  # characters of the case token in a title: enough to tell a professional's cases apart
# SEQUENCE must grow with every revision of an event; the minutes since this moment do that
# without the engine having to remember earlier exports.
_SEQUENCE_BEGIN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Afspraak:
    """One event of the calendar file."""

    moment: Moment
    uid: str
    titel: str
    herinneringen: tuple[Herinnering, ...]

    def to_dict(self, kalender: str) -> dict[str, object]:
        return {
            "uid": self.uid,
            "titel": self.titel,
            "code": self.moment.code,
            "datum": self.moment.datum.isoformat(),
            "datum_tekst": dag_data(self.moment.datum, kalender)["datum_tekst"],
            "herinneringen": [h.to_dict(kalender) for h in self.herinneringen],
        }


def lees_zaak(waarde: object) -> str:
    """The case token from the page (kept in the shared link), or a new random one."""
    if waarde is None:
        return secrets.token_hex(8)
    if isinstance(waarde, str) and _ZAAK.match(waarde):
        return waarde
    raise AfsprakenFout(
        f"Het kenmerk van de berekening {toon(waarde)} is ongeldig (8 tot 40 kleine letters of cijfers).", veld="zaak"
    )


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


def lees_adres(waarde: object) -> str | None:
    """The address of this calculation on the site (the page knows it), for the link back; None if not given."""
    if waarde is None:
        return None
    if isinstance(waarde, str) and len(waarde) <= _ADRES_MAX and _ADRES.match(waarde):
        return waarde
    raise AfsprakenFout(f"Het adres van de berekening {toon(waarde)} is geen webadres (http of https).", veld="adres")


def bestandsnaam(t: Tijdlijn) -> str:
    return f"tijdlijn-{t.regio}-{t.route}-{t.invoer['melding']}.ics"


def kenmerk(zaak: str) -> str:
    """The part of the case token a title shows: '#3f9a'."""
    return f"#{zaak[:KENMERK_LENGTE]}"


def _titel(t: Tijdlijn, m: Moment, zaak: str) -> str:
    """'Uiterlijk contact gezin (aanname) – Zuid-Limburg #3f9a': the kind of moment, whether it rests on an
    assumed date, the region and the case, in at most ``TITEL_MAX`` characters (the kind shortened if need be)."""
    aanname = " (aanname)" if m.hangt_af_van_aanname else ""
    achter = f"{aanname} – {regio_naam(t.regio)} {kenmerk(zaak)}"
    wat = KORTE_NAMEN.get(m.code, m.omschrijving)
    if len(wat) + len(achter) > TITEL_MAX:
        wat = _KORTER.get(m.code, wat)
    if len(wat) + len(achter) > TITEL_MAX:  # a moment without a shorter name: never cut the region or the case
        wat = wat[: TITEL_MAX - len(achter) - 1].rstrip() + "…"
    return wat + achter


def _uid(zaak: str, m: Moment) -> str:
    """One event per case and moment, stable over recalculations. A change of agreements can happen more
    than once in a case, so that moment carries its date (the date of a version boundary never moves)."""
    sleutel = f"{m.code}-{m.datum:%Y%m%d}" if m.rol == "versie" else m.code
    return f"{zaak}-{sleutel}@afsprakenwijzer"


def afspraken(
    t: Tijdlijn, zaak: str, ook_voorbij: bool = False, vandaag: dt.date | None = None
) -> tuple[list[Afspraak], int]:
    """The events of timeline ``t`` (from its peildatum on, unless ``ook_voorbij``), and how many moments
    before the peildatum were left out."""
    peil = dt.date.fromisoformat(t.op_peildatum["datum"]) if t.op_peildatum else None
    uit, weggelaten = [], 0
    for m in t.momenten:
        if m.rol not in _IN_DE_AGENDA:
            continue
        if peil is not None and m.datum < peil and not ook_voorbij:
            weggelaten += 1
            continue
        uit.append(
            Afspraak(m, _uid(zaak, m), _titel(t, m, zaak), herinneringen(m.datum, m.rol, t.kalender.code, vandaag))
        )
    return uit, weggelaten


def _beschrijving(t: Tijdlijn, a: Afspraak, zaak: str, basis: str, adres: str | None) -> str:
    m, kal = a.moment, t.kalender.code
    melding = t.moment("melding")
    regels = [
        m.omschrijving,
        f"Datum: {dag_data(m.datum, kal)['datum_tekst']}",
        f"Casus {kenmerk(zaak)}: {regio_naam(t.regio)}, {kleine_letter(ROUTE_NAMEN[t.route])}"
        + (f", melding {dag_data(melding.datum, kal)['datum_tekst']}" if melding else ""),
        "Status: "
        + (
            "berekend uit een aangenomen datum; vul de werkelijke datum in en download opnieuw"
            if m.hangt_af_van_aanname
            else m.status
        ),
        f"Bron: {bron_kort(m.bron)}" + (f" ({basis}{bron_url(m.bron)})" if basis else ""),
        f"Citaat: “{m.bron.citaat}”",
    ]
    if m.interpretatie:
        regels.append(f"Zo leest de rekenhulp dit: {m.interpretatie}")
    if m.landelijk_terugval:
        regels.append("Regel uit het landelijk kader (de regio zegt hier niets over).")
    regels.append(f"Afspraken: {t.afspraken_versie.naam}. Werkdagen volgens: {t.kalender.naam}.")
    if adres:
        regels.append(f"Deze berekening openen: {adres}")
    regels.append("Berekend met de rekenhulp van de Afsprakenwijzer: een hulpmiddel, geen advies.")
    return "\n".join(regels)


def _alarm(a: Afspraak, h: Herinnering, kalender: str) -> list[str]:
    wanneer = "vandaag" if h.datum == h.dag else f"op {dag_data(h.dag, kalender)['datum_tekst']}"
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{h.trigger()}",
        f"DESCRIPTION:{_tekst(f'{a.titel}: {wanneer}')}",
        "END:VALARM",
    ]


def tijdlijn_als_ics(
    t: Tijdlijn,
    zaak: str,
    lijst: list[Afspraak],
    site_url: str | None = None,
    nu: dt.datetime | None = None,
    adres: str | None = None,
) -> str:
    """The calendar file with the events ``lijst`` (``afspraken``) of timeline ``t``; ``site_url`` (e.g.
    'https://intranet/afspraken/') makes the links to the source paragraphs absolute, ``adres`` is the address
    of this calculation."""
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
        f"X-WR-CALNAME:{_tekst(f'Tijdlijn {regio_naam(t.regio)} {kenmerk(zaak)}')}",
    ]
    for a in lijst:
        m = a.moment
        regels += [
            "BEGIN:VEVENT",
            f"UID:{a.uid}",
            f"DTSTAMP:{stempel}",
            f"SEQUENCE:{volgnummer}",
            f"DTSTART;VALUE=DATE:{m.datum.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(m.datum + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_tekst(a.titel)}",
            f"DESCRIPTION:{_tekst(_beschrijving(t, a, zaak, basis, adres))}",
            *([f"URL:{adres}"] if adres else []),
            "TRANSP:TRANSPARENT",
        ]
        for h in a.herinneringen:
            regels += _alarm(a, h, t.kalender.code)
        regels.append("END:VEVENT")
    regels.append("END:VCALENDAR")
    gevouwen = [deel for regel in regels for deel in _vouw(regel)]
    return "\r\n".join(gevouwen) + "\r\n"
