"""Leesbare Nederlandse tekstweergave van een tijdlijn en van werkdagen (voor de CLI)."""

from __future__ import annotations

import datetime as dt
import textwrap

from ..basis.begrippen import ROUTE_NAMEN, Json
from ..basis.opmaak import datum_tekst, hoofdletter, weekdag
from ..kalender.werkdagen import Kalender, NietWerkdag
from ..recht.regelbestand import Bron
from ..recht.regios import regio_naam
from ..rekenen.model import Tijdlijn
from ..woorden.teksten import NIEMAND_KORT, bron_kort, bron_url
from .oefenen import Oefening

_BREEDTE = 100


def _bron(bron: Bron) -> str:
    return f"{bron_kort(bron)} — {bron_url(bron)}"


def _iso(tekst: str | None) -> str:
    return datum_tekst(dt.date.fromisoformat(tekst)) if tekst else ""


def antwoord_op_peildatum(p: Json) -> list[str]:
    """The answer for the peildatum in three lines: now, next, after."""
    nu = f"Nu ({_iso(p['datum'])}): "
    if p.get("voorwaarde_tekst"):  # the answer rests on an assumed date: the same sentence says so
        nu += f"{p['voorwaarde_tekst']}: "
    if p["partij"] is None:
        nu += (
            (p["partij_naam"] if p["aanwijzing"] == "onbepaald" else NIEMAND_KORT) if p["sinds"] else "nog geen melding"
        )
    else:
        nu += f"{p['partij_naam'] if p.get('voorwaarde_tekst') else hoofdletter(p['partij_naam'])} heeft zicht op veiligheid"
        nu += f", tot en met {_iso(p['tot_en_met'])}" if p["tot_en_met"] else ", zonder einddatum"
    uit = [nu + "."]
    if p.get("toelichting"):
        uit.append(f"  {p['toelichting']}")
    v = p["volgende"]
    if v:
        wanneer = (
            "vandaag" if v["dagen_tot"] == 0 else f"over {v['dagen_tot']} dag{'en' if v['dagen_tot'] != 1 else ''}"
        )
        if v["werkdagen_tot"] is not None and v["dagen_tot"]:
            wanneer += f", {v['werkdagen_tot']} werkdag{'en' if v['werkdagen_tot'] != 1 else ''}"
        uit.append(f"Volgende: {v['omschrijving']} — {_iso(v['datum'])} ({wanneer}).")
    if p["daarna"]:
        d = p["daarna"]
        uit.append(f"Daarna: {d['partij_naam']}, vanaf {_iso(d['vanaf'])}.")
    return uit


def _tabel(koppen: list[str], rijen: list[list[str]]) -> list[str]:
    breedtes = [max(len(k), *(len(r[i]) for r in rijen)) if rijen else len(k) for i, k in enumerate(koppen)]
    regels = ["  ".join(k.ljust(b) for k, b in zip(koppen, breedtes)).rstrip()]
    regels.append("  ".join("-" * b for b in breedtes))
    for r in rijen:
        regels.append("  ".join(c.ljust(b) for c, b in zip(r, breedtes)).rstrip())
    return regels


def _ingesprongen(tekst: str, inspringing: str = "    ") -> list[str]:
    return textwrap.wrap(tekst, width=_BREEDTE, initial_indent=inspringing, subsequent_indent=inspringing)


def tijdlijn_als_tekst(t: Tijdlijn) -> str:
    uit = [
        f"Tijdlijn {regio_naam(t.regio)} — {ROUTE_NAMEN[t.route]}",
        f"Afspraken: {t.afspraken_versie.naam} (geldig vanaf {t.afspraken_versie.geldig_vanaf.isoformat()}"
        + (f", tot {t.afspraken_versie.geldig_tot.isoformat()})" if t.afspraken_versie.geldig_tot else ")"),
        f"Kalender: {t.kalender.naam}",
        "",
    ]
    if t.op_peildatum:
        uit += ["OP DE PEILDATUM", *antwoord_op_peildatum(t.op_peildatum), ""]
    uit.append("MOMENTEN")
    rijen = []
    for m in t.momenten:
        status = m.status + (" *" if m.hangt_af_van_aanname and m.status == "berekend" else "")
        rijen.append([m.datum.isoformat(), m.weekdag, status, m.omschrijving])
    uit += _tabel(["Datum", "Dag", "Status", "Moment"], rijen)
    uit.append("  (* = berekend uit een aangenomen datum)")
    uit += ["", "VERANTWOORDELIJK VOOR HET ZICHT OP VEILIGHEID"]
    rijen = []
    for v in t.verantwoordelijkheid:
        tm = v.tot_en_met.isoformat() if v.tot_en_met else "(geen einddatum)"
        naam = v.partij_naam + (" [landelijk kader]" if v.landelijk_terugval and v.aangewezen else "")
        rijen.append([v.van.isoformat(), tm + (" (deel van de dag)" if v.binnen_een_dag else ""), naam])
    uit += _tabel(["Van", "Tot en met", "Partij"], rijen)
    for v in t.verantwoordelijkheid:
        if v.toelichting:
            uit += _ingesprongen(f"Let op ({v.partij_naam}): {v.toelichting}", "  ")

    uit += ["", "BRONNEN EN INTERPRETATIES"]
    for m in t.momenten:
        kop = f"{m.datum.isoformat()} {m.code}" + (" [landelijk kader]" if m.landelijk_terugval else "")
        uit.append(f"  {kop}")
        uit += _ingesprongen(f"Bron: {_bron(m.bron)}")
        uit += _ingesprongen(f"Citaat: “{m.bron.citaat}”")
        if m.bron.herkomst:
            uit += _ingesprongen(f"Herkomst: {m.bron.herkomst}")
        if m.interpretatie:
            uit += _ingesprongen(f"Interpretatie: {m.interpretatie}")
    if t.opmerkingen:
        uit += ["", "OPMERKINGEN"]
        for o in t.opmerkingen:
            uit += textwrap.wrap(o, width=_BREEDTE, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(uit) + "\n"


def werkdagen_als_tekst(van: dt.date, tot: dt.date, aantal: int, kalender: Kalender, niet: list[NietWerkdag]) -> str:
    uit = [f"Kalender: {kalender.naam}"]
    uit.append(
        f"{aantal} werkdag{'en' if aantal != 1 else ''} na {van.isoformat()} ({weekdag(van)}): "
        f"{tot.isoformat()} ({weekdag(tot)})"
    )
    uit.append("De eerste getelde dag is de dag na de begindatum.")
    if niet:
        uit += ["", "Overgeslagen (geen werkdag):"]
        uit += _tabel(
            ["Datum", "Dag", "Naam", "Grondslag"],
            [[n.datum.isoformat(), weekdag(n.datum), n.naam, n.grondslag] for n in niet],
        )
    return "\n".join(uit) + "\n"


def oefeningen_als_tekst(oefeningen: list[Oefening]) -> str:
    """The practice cases for the CLI: question, answer and explanation, one case after the other."""
    uit = []
    for o in oefeningen:
        a = o.antwoord
        if a["soort"] == "datum":
            antwoord = datum_tekst(dt.date.fromisoformat(a["datum"]))
        else:
            antwoord = next(k for k in o.keuzes if k[0] == a["partij"])[1]
        uit += [f"{o.id} ({o.route}, rond {o.rond})"]
        uit += textwrap.wrap(o.vraag, width=_BREEDTE, initial_indent="  Vraag: ", subsequent_indent="    ")
        uit += [f"  Antwoord: {antwoord}"]
        uit += textwrap.wrap(o.uitleg, width=_BREEDTE, initial_indent="  Uitleg: ", subsequent_indent="    ")
        uit += [f"  Bron: {o.bron['label']} — {o.bron['url']}"]
        if o.lezing:
            uit += textwrap.wrap(
                o.lezing, width=_BREEDTE, initial_indent="  Zo leest de rekenhulp dit: ", subsequent_indent="    "
            )
        uit.append("")
    return "\n".join(uit)
