"""Reading and checking what a user typed: dates, whole numbers, choices and yes/no.

One rule per kind of value, used by every entry point (the Python API, the CLI and the
browser bridge), so they accept and refuse exactly the same inputs. Every refusal is an
``AfsprakenFout`` naming the field, and echoes the value at most ``TOON_MAX`` characters long.
"""

from __future__ import annotations

import datetime as dt
import re

from .fouten import AfsprakenFout

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
# ASCII digits only: str.isdigit() also accepts '²' and '①', which int() refuses, and int()
# accepts '+5', '1_000' and Arabic-Indic digits — none of which a form field should mean.
_GEHEEL_GETAL = re.compile(r"^[0-9]+$", re.ASCII)
TOON_MAX = 80
# No count a form asks for comes near this: the working-day calendar covers about 6,000 working days.
AANTAL_MAX = 10_000
# A form sends one flat object (a JSON text of a few hundred characters). Anything much bigger or
# deeper is refused before parsing: in the browser a parser recursing thousands of levels deep
# exhausts the WebAssembly stack and kills the runtime instead of raising RecursionError.
FORMULIER_MAX_LENGTE = 100_000
FORMULIER_MAX_DIEPTE = 4
# A proposed rule change carries a rule file and the published texts its quotes are checked against.
REGELWIJZIGING_MAX_LENGTE = 2_000_000

# Reader names of the input fields, for messages.
VELD_NAMEN: dict[str, str] = {
    "melding": "de meldingsdatum",
    "veiligheidsbeoordeling": "de datum van de veiligheidsbeoordeling",
    "overdracht": "de overdrachtsdatum",
    "dienst_einde": "de einddatum van de dienst",
    "terugkoppeling": "de datum van de terugkoppeling",
    "start_hulp": "de startdatum van de hulp",
    "peildatum": "de peildatum",
    "van": "de begindatum",
    "tot": "de einddatum",
    "datum": "de datum",
    "aantal": "het aantal werkdagen",
    "termijn": "de termijn (het aantal)",
    "ingang": "de ingangsdatum van de nieuwe waarde",
}


def kort(tekst: str, maximaal: int = TOON_MAX) -> str:
    """``tekst`` cut off at ``maximaal`` characters (with '…')."""
    return tekst if len(tekst) <= maximaal else tekst[: maximaal - 1] + "…"


def toon(waarde: object) -> str:
    """A user's value as it appears in a message: quoted, and cut off if it is very long."""
    return kort(repr(waarde))


def veld_naam(veld: str) -> str:
    return VELD_NAMEN.get(veld, veld)


def lees_datum(waarde: object, veld: str) -> dt.date:
    """A date from a ``datetime.date`` or a text 'JJJJ-MM-DD' (surrounding spaces allowed)."""
    naam = veld_naam(veld)
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if not _ISO.match(tekst):
            raise AfsprakenFout(
                f"Ongeldige datum voor {naam}: {toon(waarde)} is geen datum in de vorm JJJJ-MM-DD.", veld=veld
            )
        try:
            return dt.date.fromisoformat(tekst)
        except ValueError:
            raise AfsprakenFout(f"Ongeldige datum voor {naam}: {toon(waarde)} bestaat niet.", veld=veld) from None
    raise AfsprakenFout(f"Ongeldige datum voor {naam}: {toon(waarde)} is geen datum (verwacht JJJJ-MM-DD).", veld=veld)


def lees_aantal(waarde: object, veld: str = "aantal", maximaal: int = AANTAL_MAX) -> int:
    """A whole number from 0 to ``maximaal``: an int, or a text of ASCII digits (surrounding spaces allowed)."""
    naam = veld_naam(veld)
    if isinstance(waarde, str) and _GEHEEL_GETAL.match(waarde.strip()):
        cijfers = waarde.strip().lstrip("0") or "0"
        # Compare as text first: int() refuses texts of more than a few thousand digits.
        if len(cijfers) > len(str(maximaal)) or int(cijfers) > maximaal:
            raise AfsprakenFout(
                f"{naam[0].upper()}{naam[1:]} {toon(waarde.strip())} is te groot: hoogstens {maximaal}.", veld=veld
            )
        return int(cijfers)
    if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= 0:
        if waarde > maximaal:
            raise AfsprakenFout(f"{naam[0].upper()}{naam[1:]} is te groot: hoogstens {maximaal}.", veld=veld)
        return waarde
    raise AfsprakenFout(
        f"{naam[0].upper()}{naam[1:]} moet een geheel getal van 0 of meer zijn "
        f"(alleen de cijfers 0 tot en met 9), niet {toon(waarde)}.",
        veld=veld,
    )


def lees_keuze(waarde: object, veld: str, toegestaan: tuple[str, ...], soort: str) -> str:
    """A value from a fixed list; the message names the valid values."""
    if isinstance(waarde, str) and waarde in toegestaan:
        return waarde
    geldig = ", ".join(toegestaan)
    raise AfsprakenFout(f"Onbekende {soort} {toon(waarde)}; kies uit: {geldig}.", veld=veld)


def lees_ja_nee(waarde: object, veld: str) -> bool:
    if isinstance(waarde, bool):
        return waarde
    raise AfsprakenFout(f"De keuze {veld!r} moet ja of nee zijn, niet {toon(waarde)}.", veld=veld)


def lees_ja_nee_tekst(waarde: object, veld: str) -> bool:
    """Yes/no as a form or link sends it: true/false, or 'ja'/'nee'/'true'/'false'/'1'/'0'/''."""
    if isinstance(waarde, bool) or waarde is None:
        return bool(waarde)
    if isinstance(waarde, str) and waarde.strip().lower() in ("ja", "true", "1", "nee", "false", "0", ""):
        return waarde.strip().lower() in ("ja", "true", "1")
    raise AfsprakenFout(f"De keuze {veld!r} moet ja of nee zijn, niet {toon(waarde)}.", veld=veld)


def te_groot_voor_een_formulier(json_tekst: str, max_lengte: int = FORMULIER_MAX_LENGTE) -> bool:
    """Whether a JSON text is too long or nested too deep to be what a form sends."""
    if len(json_tekst) > max_lengte:
        return True
    diepte, in_tekst, escape = 0, False, False
    for teken in json_tekst:
        if in_tekst:
            if escape:
                escape = False
            elif teken == "\\":
                escape = True
            elif teken == '"':
                in_tekst = False
        elif teken == '"':
            in_tekst = True
        elif teken in "[{":
            diepte += 1
            if diepte > FORMULIER_MAX_DIEPTE:
                return True
        elif teken in "]}":
            diepte -= 1
    return False
