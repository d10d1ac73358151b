"""How a change of the rules is said to a reader: what a rule said before and after, what exactly changed, for
which cases, and what that means for an example case. Pure wording of what ``recht.op_datum.verschillen`` and the
timeline found; nothing is decided here.
"""

from __future__ import annotations

import datetime as dt

from ..basis.begrippen import MOMENTEN, NIEMAND
from ..basis.opmaak import datum_kort, datum_middel, kleine_letter
from ..recht.op_datum import Toepassing
from ..recht.regelbestand import Regel
from .teksten import (
    NIEMAND_KORT,
    ONBEPAALD_KORT,
    invoer_naam,
    moment_naam,
    opties_tekst,
    partij_naam,
    routes_tekst,
    termijn_tekst,
)

GEEN_REGEL = "geen regel"
LANDELIJK_KADER = "landelijk kader"


def regel_tekst(regel: Regel, partijen: dict[str, str]) -> str:
    """What one rule says about its moment: '7 dagen na de overdracht', 'het lokale team verantwoordelijk vanaf de
    melding', or what no longer happens."""
    if regel.soort == "vervalt":
        return kleine_letter(regel.omschrijving or "vervalt")
    if regel.soort == "overgang":
        if regel.verantwoordelijke == NIEMAND:
            return f"{NIEMAND_KORT} vanaf {invoer_naam(regel.moment or '', partijen)}"
        return (
            f"{partij_naam(regel.verantwoordelijke, partijen)} verantwoordelijk vanaf "
            f"{invoer_naam(regel.moment or '', partijen)}"
        )
    tekst = termijn_tekst(regel, partijen)
    if regel.onbepaald_vanaf:
        tekst += f" ({ONBEPAALD_KORT})"
    return tekst


def regels_tekst(toepassingen: tuple[Toepassing, ...], partijen: dict[str, str]) -> str:
    """The rules for one moment in one sentence; several dates: whichever comes first."""
    if not toepassingen:
        return GEEN_REGEL
    delen = list(dict.fromkeys(regel_tekst(t.regel, partijen) for t in toepassingen))
    tekst = " of ".join(delen) + (", wat het eerst komt" if len(delen) > 1 else "")
    return f"{tekst} ({LANDELIJK_KADER})" if all(t.landelijk for t in toepassingen) else tekst


def wat_verandert(oud: tuple[Toepassing, ...], nieuw: tuple[Toepassing, ...], partijen: dict[str, str]) -> list[str]:
    """The parts of a rule that changed, each in a short sentence (where one rule takes the place of one)."""
    if not oud:
        return ["nieuw: hiervoor gold geen regel"]
    if not nieuw:
        return ["vervalt: hiervoor geldt geen regel meer"]
    uit = []
    if all(t.landelijk for t in oud) != all(t.landelijk for t in nieuw):
        uit.append(
            "staat nu in de eigen afspraken (was: het landelijk kader)"
            if all(t.landelijk for t in oud)
            else "nu volgens het landelijk kader (de eigen afspraken zeggen er niets meer over)"
        )
    if len(oud) != 1 or len(nieuw) != 1:
        return uit
    a, b = oud[0].regel, nieuw[0].regel
    if a.soort != b.soort:
        return uit
    if a.soort == "termijn":
        if a.vanaf != b.vanaf:
            uit.append(
                f"de termijn telt vanaf {invoer_naam(b.vanaf or '', partijen)} in plaats van vanaf "
                f"{invoer_naam(a.vanaf or '', partijen)}"
            )
        elif (a.aantal, a.eenheid, a.datum) != (b.aantal, b.eenheid, b.datum):
            uit.append(f"{termijn_tekst(b, partijen)} in plaats van {termijn_tekst(a, partijen)}")
        if a.wettelijk != b.wettelijk:
            uit.append(
                "de Algemene termijnenwet verlengt de termijn"
                if b.wettelijk
                else "de Algemene termijnenwet verlengt de termijn niet meer (geen wettelijke termijn)"
            )
        if a.onbepaald_vanaf and not b.onbepaald_vanaf:
            uit.append("de datum hangt niet meer af van een feit dat de rekenhulp niet kent")
        elif b.onbepaald_vanaf and not a.onbepaald_vanaf:
            uit.append("de datum hangt af van een feit van de casus dat de rekenhulp niet kent")
    if a.verantwoordelijke != b.verantwoordelijke:
        uit.append(
            f"verantwoordelijk wordt {partij_naam(b.verantwoordelijke, partijen)} in plaats van "
            f"{partij_naam(a.verantwoordelijke, partijen)}"
        )
    return uit


def geval_tekst(routes: tuple[str, ...], opties: tuple[tuple[str, object], ...], partijen: dict[str, str]) -> str:
    """For which cases a change holds: 'alle routes', 'na een dienst, bij spoed'."""
    delen = [routes_tekst(routes)]
    if opties:
        delen.append(opties_tekst(opties, partijen))
    return ", ".join(delen)


def voorbeeld_tekst(
    moment: str,
    invoer: tuple[tuple[str, dt.date], ...],
    nieuw: dt.date | None,
    oud: dt.date | None,
    regels: tuple[tuple[Toepassing, ...], tuple[Toepassing, ...]],
    partijen: dict[str, str],
    route: str | None = None,
) -> str:
    """'De melding op vr 1 apr 2022, de overdracht op vr 8 apr 2022: het lokale team verantwoordelijk voor het
    zicht op veiligheid vanaf wo 13 apr 2022, in plaats van …'. ``invoer``: the dates of the case (melding first);
    ``nieuw`` and ``oud``: the dates the new and the earlier rules (``regels``: old, new) give for this case, None
    where they give none; ``route``: the route of the case, where the change holds for more than one."""
    oude_regels, nieuwe_regels = regels
    geval = ", ".join(f"{invoer_naam(code, partijen)} op {datum_middel(d)}" for code, d in invoer)
    naam = kleine_letter(moment_naam(moment, partijen))
    if nieuw is None:
        nu = f"{naam}: {regels_tekst(nieuwe_regels, partijen)}"
    else:
        nu = (
            f"{naam} vanaf {datum_middel(nieuw)}"
            if MOMENTEN[moment].rol == "wissel"
            else f"{naam}: {datum_middel(nieuw)}"
        )
    if oud is not None and oud == nieuw:
        eerder = "in dit geval dezelfde datum als volgens de vorige regel"
    elif oud is not None:
        eerder = f"in plaats van {datum_middel(oud)}"
    elif oude_regels:
        eerder = f"in plaats van: {regels_tekst(oude_regels, partijen)}"
    else:
        eerder = "hiervoor gold geen regel"
    if route is not None:
        geval = f"{routes_tekst([route])}, {geval}"
    return f"{geval[:1].upper()}{geval[1:]}: {nu}, {eerder}."


def wijzigingsverzoek_tekst(
    regio: str,
    regel: str,
    code: str,
    wijzigingen: list[tuple[str, str, str]],
    ingang: dt.date | None,
    bron: str,
    problemen: list[str],
    voorbeeld: list[tuple[str, str | None, str | None]],
    geval: str,
    bestand: str,
) -> str:
    """The change request a policy officer sends to the maintainers, in plain language: which rule, what changes
    (name, now, new), from when, what the checks found, and what changes in the example case."""
    geen = "—"
    regels = [
        "Wijzigingsverzoek voor de Afsprakenwijzer",
        "",
        f"Regio: {regio}",
        f"Regel: {regel} (code {code})",
        f"Staat in: {bron}",
        "",
        "Wat verandert:",
        *(
            [f"- {naam}: nu “{oud or geen}”, wordt “{nieuw}”" for naam, oud, nieuw in wijzigingen]
            or ["- (nog niets gewijzigd)"]
        ),
        "",
        f"Vanaf: {datum_kort(ingang)}; daarvóór blijft de huidige waarde gelden."
        if ingang
        else "Vanaf: voor de hele geldigheid van de regel (de huidige waarde vervalt).",
        "",
        "Controle (dezelfde als ‘python -m calculators controleer’):",
        *(
            [f"- {p}" for p in problemen]
            or ["- In orde: het bestand is geldig en elk citaat staat letterlijk in de gepubliceerde tekst."]
        ),
        "",
        f"Voorbeeld: een melding op {geval}.",
        *(
            [f"- {naam}: {voor or geen} wordt {na or geen}" for naam, voor, na in voorbeeld]
            or ["- Geen andere datum in dit voorbeeld."]
        ),
        "",
        f"Het gewijzigde regelbestand ({bestand}) is bijgevoegd. Zet het in de map calculators/rules/ in plaats van "
        f"het huidige en controleer met: python -m calculators controleer",
    ]
    return "\n".join(regels) + "\n"
