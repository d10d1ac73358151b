"""Practice cases for onboarding: generated from the rule data and answered by ``tijdlijn`` itself.

"Reading alone does not make it stick; practising does." Each case is a melding around a
feestdag or weekend with the dates of the case given, and one question: a **date** (when is a
deadline, from when is a party responsible) or a **party** (who holds zicht op veiligheid on a
given day — the day before, on or after a change of responsibility). The answer is what the
engine computes for the same inputs; the explanation says how the days were counted, which days
did not count and why, with the source paragraph and the chosen reading where the text is
ambiguous.

Deterministic: the cases depend only on the rule data and on the fixed seed per region (a
string seed is hashed the same way in every Python), so a page built from them changes only
when the rules change.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

from ..basis.begrippen import DIENST_ROUTES, MOMENTEN, ROUTES, Json
from ..basis.opmaak import datum_tekst, hoofdletter, kleine_letter, paragraaf_label
from ..kalender.werkdagen import feestdagen, niet_werkdag_reden, plus_termijn, plus_werkdagen
from ..recht.op_datum import beschikbaar, recht_op
from ..recht.regelbestand import Bron, Regel
from ..recht.regios import partij_namen, regio_codes, regio_naam
from ..recht.regios import regio as regio_regels
from ..rekenen.model import Moment, Tijdlijn, Verantwoordelijkheid, dag_data, partij_code
from ..rekenen.tijdlijn import tijdlijn
from ..woorden.teksten import NIEMAND_NAAM, bron_label, bron_url, document_naam, met_team, moment_naam
from .valkuilen import Teldag, Valkuil, datumvalkuilen, partijvalkuilen, telling

# The feestdagen the cases are built around (names as the calendar has them), and the years.
ROND = (
    "Goede Vrijdag",
    "Koningsdag",
    "Bevrijdingsdag (5 mei)",
    "Hemelvaartsdag",
    "Tweede Pinksterdag",
    "Eerste Kerstdag",
)
JAREN = (2025, 2026)
PER_ROUTE = 2  # scenarios per route; each gives a date question and a party question
ZAAD = "afsprakenwijzer-oefenen-1"  # change it to draw other cases

# How a date question asks for each moment ('{team}': the region's own name for the lokaal team).
VRAAG = {
    "veiligheidsbeoordeling-uiterlijk": "Wat is de uiterste datum voor de veiligheidsbeoordeling?",
    "onderzoek-start-uiterlijk": "Uiterlijk wanneer moet Veilig Thuis met het onderzoek starten?",
    "brief-directbetrokkenen-uiterlijk": "Uiterlijk wanneer verstuurt Veilig Thuis de brief aan de directbetrokkenen?",
    "vbs-verdeling-uiterlijk": "Uiterlijk wanneer moet {team} de VBS-casus verdelen?",
    "overdracht-oppakken-uiterlijk": "Wat is de laatste dag waarop {team} de casus moet oppakken en verdelen?",
    "contact-gezin-uiterlijk": "Uiterlijk wanneer start {team} de contacten met het gezin/huishouden?",
    "terugkoppeling-uiterlijk": "Tot en met welke dag kan {team} de casus teruggeven aan Veilig Thuis?",
    "monitoring-3-maanden": "Wanneer is het eerste vaste monitoringsmoment van Veilig Thuis?",
    "veilig-thuis-verantwoordelijk": "Vanaf welke dag heeft Veilig Thuis zicht op veiligheid?",
    "lokaal-team-verantwoordelijk": "Vanaf welke dag heeft {team} zicht op veiligheid?",
}

# The moments worth a date question, most instructive first, per kind of route.
DATUMVRAGEN = {
    "direct": (
        "overdracht-oppakken-uiterlijk",
        "lokaal-team-verantwoordelijk",
        "contact-gezin-uiterlijk",
        "veilig-thuis-verantwoordelijk",
        "veiligheidsbeoordeling-uiterlijk",
        "brief-directbetrokkenen-uiterlijk",
        "terugkoppeling-uiterlijk",
    ),
    "dienst": (
        "lokaal-team-verantwoordelijk",
        "contact-gezin-uiterlijk",
        "vbs-verdeling-uiterlijk",
        "veilig-thuis-verantwoordelijk",
        "onderzoek-start-uiterlijk",
        "veiligheidsbeoordeling-uiterlijk",
        "monitoring-3-maanden",
    ),
}


@dataclass(frozen=True)
class Oefening:
    id: str
    regio: str
    route: str
    invoer: Json  # the keyword arguments of tijdlijn() (dates as JJJJ-MM-DD)
    vraag: str  # the case and the question in one text
    casus: str  # the case alone (two questions share one)
    vraagzin: str  # the question alone
    antwoord: Json  # {"soort": "datum", "code", "datum"} or {"soort": "partij", "peildatum", "partij"}
    uitleg: str
    bron: Json
    lezing: str | None
    rond: str  # the feestdag the case is built around
    keuzes: tuple[tuple[str | None, str], ...] = ()  # for a party question: (code or None, name)
    valkuilen: tuple[Valkuil, ...] = ()  # wrong answers typical mistakes give, and what went wrong
    telling: tuple[Teldag, ...] = ()  # the counted days of the last term, for a small calendar
    antwoord_tekst: str = ""  # the right answer in words

    def to_dict(self) -> Json:
        uit: Json = {
            "id": self.id,
            "regio": self.regio,
            "route": self.route,
            "invoer": Json(self.invoer),
            "vraag": self.vraag,
            "casus": self.casus,
            "vraagzin": self.vraagzin,
            "antwoord": Json(self.antwoord),
            "uitleg": self.uitleg,
            "bron": Json(self.bron),
            "lezing": self.lezing,
            "rond": self.rond,
            "antwoord_tekst": self.antwoord_tekst,
            "valkuilen": [v.to_dict() for v in self.valkuilen],
            "telling": [d.to_dict() for d in self.telling],
        }
        if self.keuzes:
            uit["keuzes"] = [{"partij": code, "naam": naam} for code, naam in self.keuzes]
        return uit


def oefeningen(regio: str | None = None) -> list[Oefening]:
    """The practice cases of one region (or of all regions), in a fixed order."""
    return [o for code in ((regio,) if regio else regio_codes()) for o in _voor_regio(code)]


# --- scenarios -----------------------------------------------------------------------------------


def _ankers(rng: random.Random, jaren: tuple[int, ...]) -> list[tuple[str, dt.date]]:
    """One date per feestdag in ROND, each in a year drawn from ``jaren``, in a shuffled order."""
    uit = []
    for naam in ROND:
        jaar = rng.choice(jaren)
        datum = next(d for d, (n, _) in feestdagen(jaar).items() if n == naam)
        uit.append((naam, datum))
    rng.shuffle(uit)
    return uit


def _werkdag_voor(datum: dt.date, rng: random.Random, min_: int, max_: int) -> dt.date:
    """A working day between ``max_`` and ``min_`` calendar days before ``datum``."""
    opties = [datum - dt.timedelta(days=n) for n in range(min_, max_ + 1)]
    opties = [d for d in opties if niet_werkdag_reden(d) is None]
    return rng.choice(opties)


def _scenario(regio: str, route: str, rond: dt.date, rng: random.Random) -> Json:
    """The dates of one case: the step that is sensitive to days off falls just before ``rond``."""
    if route == "direct":
        melding = _werkdag_voor(rond, rng, 1, 4)
        te_laat = rng.random() < 0.25  # sometimes the triage runs over its term: Veilig Thuis from the day after
        vhb = plus_werkdagen(melding, 6 if te_laat else rng.randint(1, 4))
        overdracht = plus_werkdagen(vhb, rng.choice((0, 0, 1)))
        # Within the region's own latest date for the overdracht, where it has one (not before the triage).
        uiterlijk = tijdlijn(regio, route, melding, veiligheidsbeoordeling=vhb).moment("overdracht-uiterlijk")
        if uiterlijk is not None:
            overdracht = max(vhb, min(overdracht, uiterlijk.datum))
        return {"melding": melding, "veiligheidsbeoordeling": vhb, "overdracht": overdracht}
    overdracht = _werkdag_voor(rond, rng, 1, 3)
    vhb = _werkdag_voor(overdracht, rng, 28, 56)
    melding = _werkdag_voor(vhb, rng, 1, 5)
    invoer: Json = {
        "melding": melding,
        "veiligheidsbeoordeling": vhb,
        "dienst_einde": overdracht,
        "overdracht": overdracht,
    }
    if route in beschikbaar(regio, "vbs").routes and rng.random() < 0.5:
        invoer["vbs"] = rng.choice(("crisis", "regulier"))
    return invoer


def _iso(invoer: Json) -> Json:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in invoer.items()}


def _voor_regio(regio: str) -> list[Oefening]:
    rng = random.Random(f"{ZAAD}/{regio}")
    # The years of JAREN in which the region has agreements all year; a region that starts later practises the year
    # after it starts.
    begin = regio_regels(regio).versies[0].geldig_vanaf
    ankers = _ankers(rng, tuple(j for j in JAREN if dt.date(j, 1, 1) >= begin) or (begin.year + 1,))
    uit: list[Oefening] = []
    gevraagd: Counter[str] = Counter()  # what the region's cases already ask, so the next ones ask something else
    nr = 0
    for i, route in enumerate(ROUTES):
        for j in range(PER_ROUTE):
            naam, rond = ankers[(i * PER_ROUTE + j) % len(ankers)]
            invoer = _scenario(regio, route, rond, rng)
            t = tijdlijn(regio, route, **invoer)
            for maak in (_datumvraag, _partijvraag):
                oefening = maak(regio, route, invoer, t, rng, rond, gevraagd)
                if oefening is None:
                    continue
                gevraagd[_onderwerp(oefening)] += 1
                nr += 1
                uit.append(Oefening(id=f"{regio}-{nr:02d}", rond=naam, **oefening))
    return uit


# --- questions -----------------------------------------------------------------------------------------


def _vraag(regio: str, route: str, invoer: Json, partijen: Json, vraagzin: str) -> Json:
    """What every question says first: the case in words, then the question itself."""
    casus = _casus_tekst(regio, route, invoer, partijen)
    return {
        "regio": regio,
        "route": route,
        "invoer": _iso(invoer),
        "vraag": f"{casus} {vraagzin}",
        "casus": casus,
        "vraagzin": vraagzin,
    }


def _casus_tekst(regio: str, route: str, invoer: Json, partijen: Json) -> str:
    delen = [
        f"{regio_naam(regio)}. Melding op {datum_tekst(invoer['melding'])}",
        f"veiligheidsbeoordeling afgerond op {datum_tekst(invoer['veiligheidsbeoordeling'])}",
    ]
    if route == "direct":
        delen.append(f"directe overdracht aan {partijen['lokaal-team']} op {datum_tekst(invoer['overdracht'])}")
    else:
        dienst = "Voorwaarden & Vervolg" if route == "voorwaarden-en-vervolg" else "Onderzoek"
        delen.append(f"dienst {dienst} afgerond en overgedragen op {datum_tekst(invoer['overdracht'])}")
        if invoer.get("vbs"):
            delen.append(
                "Verbindend Samenwerken " + ("bij crisis" if invoer["vbs"] == "crisis" else "(regulier verzoek)")
            )
    return ", ".join(delen) + "."


def _onderwerp(oefening: Json) -> str:
    a = oefening["antwoord"]
    return a["code"] if a["soort"] == "datum" else f"partij:{a['partij']}"


def _datumvraag(
    regio: str, route: str, invoer: Json, t: Tijdlijn, rng: random.Random, rond: dt.date, gevraagd: Counter[str]
) -> Json | None:
    soort = "direct" if route == "direct" else "dienst"
    # Veilig Thuis's start is worth asking only where it follows from a deadline running out (the triage term),
    # not from the triage date the case itself gives.
    kandidaten = [
        c
        for c in DATUMVRAGEN[soort]
        if (m := t.moment(c)) is not None
        and not m.hangt_af_van_aanname
        and not (c == "veilig-thuis-verantwoordelijk" and not _uit_termijn(t, m))
    ]
    if not kandidaten:
        return None
    # Ask what the region's cases have asked least, the region's own distinctive rules first, and among
    # equals the deadline closest to the feestdag: that is where days do not count.
    volgorde = DATUMVRAGEN[soort]
    kandidaten.sort(key=lambda c: (gevraagd[c], volgorde.index(c) // 2, abs((_moment(t, c).datum - rond).days)))
    code = kandidaten[0]
    m = _moment(t, code)
    partijen = partij_namen(regio)
    vraag = met_team(VRAAG[code], partijen)
    regel = _regel(t, m)
    return {
        **_vraag(regio, route, invoer, partijen, vraag),
        "antwoord": {"soort": "datum", "code": code, "datum": m.datum.isoformat()},
        "antwoord_tekst": dag_data(m.datum, t.kalender.code)["datum_tekst"],
        "uitleg": " ".join(uitleg_moment(t, code)),
        "valkuilen": datumvalkuilen(t, code),
        "telling": telling(t, code),
        "bron": _bron(m.bron),
        "lezing": regel.interpretatie if regel else None,
    }


def _partijvraag(
    regio: str, route: str, invoer: Json, t: Tijdlijn, rng: random.Random, rond: dt.date, gevraagd: Counter[str]
) -> Json | None:
    """Who holds zicht op veiligheid on the day before, on or after a change of responsibility."""
    eendaags = {v.van for v in t.verantwoordelijkheid if v.binnen_een_dag}
    opties = [
        (v, v.van + dt.timedelta(days=n))
        for v in t.verantwoordelijkheid[1:]
        if not v.binnen_een_dag
        for n in (-1, 0, 1)
    ]
    opties = [(v, d) for v, d in opties if d not in eendaags]  # a day with two changes makes a confusing question
    if not opties:
        return None
    # The change that the region's questions have asked about least (by the answer it gives), the latest first.
    minst = min(gevraagd[f"partij:{partij_code(v.partij if d >= v.van else _voor(t, v).partij)}"] for v, d in opties)
    opties = [
        (v, d)
        for v, d in opties
        if gevraagd[f"partij:{partij_code(v.partij if d >= v.van else _voor(t, v).partij)}"] == minst
    ]
    wissel, peil = rng.choice(opties)
    partijen = partij_namen(regio)
    huidig = t.verantwoordelijke_op(peil)
    assert huidig is not None  # the days asked about lie after the melding

    def wie(v: Verantwoordelijkheid) -> str:
        return partijen[v.partij] if v.aangewezen else "niemand (de afspraken wijzen niemand aan)"

    periode = (
        "op die ene dag"
        if huidig.tot_en_met == huidig.van
        else f"van {datum_tekst(huidig.van)} tot en met {datum_tekst(huidig.tot_en_met)}"
        if huidig.tot_en_met
        else f"vanaf {datum_tekst(huidig.van)}"
    )
    uitleg = [f"Op {datum_tekst(peil)}: {wie(huidig)}, {periode}."]
    if peil < wissel.van:
        uitleg.append(f"De verantwoordelijkheid gaat pas over op {datum_tekst(wissel.van)}, naar {wie(wissel)}.")
    uitleg += _waarom_begint(t, wissel)
    if not huidig.aangewezen and huidig.toelichting:
        uitleg.append(huidig.toelichting)
    start = _start_moment(t, wissel)
    regel = _regel(t, start) if start else None
    vraag = f"Wie heeft op {datum_tekst(peil)} zicht op veiligheid?"
    return {
        **_vraag(regio, route, invoer, partijen, vraag),
        "antwoord": {"soort": "partij", "peildatum": peil.isoformat(), "partij": partij_code(huidig.partij)},
        "antwoord_tekst": wie(huidig),
        "valkuilen": partijvalkuilen(t, peil),
        "uitleg": " ".join(uitleg),
        "bron": _bron(wissel.bron),
        "lezing": regel.interpretatie if regel else None,
        "keuzes": (
            (None, NIEMAND_NAAM),
            ("veilig-thuis", partijen["veilig-thuis"]),
            ("lokaal-team", partijen["lokaal-team"]),
        ),
    }


def _voor(t: Tijdlijn, v: Verantwoordelijkheid) -> Verantwoordelijkheid:
    """The period before ``v``."""
    return t.verantwoordelijkheid[t.verantwoordelijkheid.index(v) - 1]


def _start_moment(t: Tijdlijn, v: Verantwoordelijkheid) -> Moment | None:
    return next(
        (
            m
            for m in t.momenten
            if m.datum == v.van and m.verantwoordelijke and partij_code(m.verantwoordelijke) == partij_code(v.partij)
        ),
        None,
    )


def _waarom_begint(t: Tijdlijn, v: Verantwoordelijkheid) -> list[str]:
    """Why period ``v`` starts on its day: the chain of terms, or the given date it starts on."""
    start = _start_moment(t, v)
    if start is None:
        return []
    if MOMENTEN[start.code].soort == "berekend":
        return uitleg_moment(t, start.code)
    return [
        f"Dat is de dag van {kleine_letter(moment_naam(start.code, partij_namen(t.regio)))} ({bron_label(start.bron)})."
    ]


# --- explanations --------------------------------------------------------------------------------------


def _moment(t: Tijdlijn, code: str) -> Moment:
    m = t.moment(code)
    assert m is not None, code  # asked only for moments the timeline has
    return m


def _regel(t: Tijdlijn, m: Moment) -> Regel | None:
    """The rule a moment of ``t`` follows from, as the law on the moment's own date has it."""
    return recht_op(t.regio, t.route, m.datum, _opties(t)).regel(m.regel) or recht_op(
        t.regio, t.route, _moment(t, "melding").datum, _opties(t)
    ).regel(m.regel)


def _opties(t: Tijdlijn) -> Json:
    return {k: t.invoer[k] for k in ("spoed", "heraanmelding", "jeugdbeschermingstafel", "vbs")}


def _uit_termijn(t: Tijdlijn, m: Moment) -> bool:
    regel = _regel(t, m)
    return regel is not None and regel.vanaf is not None and MOMENTEN[regel.vanaf].soort == "berekend"


def _bron(bron: Bron) -> Json:
    return {
        "document_naam": document_naam(bron.document),
        "paragraaf": paragraaf_label(bron.paragraaf),
        "citaat": bron.citaat,
        "url": bron_url(bron),
        "label": bron_label(bron),
    }


def _telling(basis: dt.date, aantal: int, kalender: str) -> str:
    """'vr 25 april (1), za 26 april telt niet (Koningsdag), …, di 29 april (2)'."""
    stukken, dag, geteld = [], basis, 0
    while geteld < aantal:
        dag += dt.timedelta(days=1)
        reden = niet_werkdag_reden(dag, kalender)
        if reden is None:
            geteld += 1
            stukken.append(f"{datum_tekst(dag)} ({geteld})")
        else:
            stukken.append(f"{datum_tekst(dag)} telt niet ({reden[0]})")
    return ", ".join(stukken)


def uitleg_moment(t: Tijdlijn, code: str) -> list[str]:
    """How the date of moment ``code`` follows from the case: the chain of terms back to a given date,
    each with the days counted and the days that did not count."""
    m = t.moment(code)
    regel = _regel(t, m) if m else None
    if m is None or regel is None or regel.soort != "termijn":
        return [f"{hoofdletter(m.omschrijving)}: {datum_tekst(m.datum)}."] if m else []
    assert regel.vanaf is not None and regel.aantal is not None and regel.eenheid is not None  # a term
    uit: list[str] = []
    basis = t.moment(regel.vanaf)
    if basis is not None and MOMENTEN[regel.vanaf].soort == "berekend":
        uit += uitleg_moment(t, regel.vanaf)
    basis_datum = basis.datum if basis is not None else None
    partijen = partij_namen(t.regio)
    naam = hoofdletter(regel.omschrijving or moment_naam(code, partijen))
    if basis_datum is None:
        return uit + [f"{naam}: {datum_tekst(m.datum)}."]
    waar = f" ({bron_label(regel.bron)})"
    van = met_team(MOMENTEN[regel.vanaf].vanaf_tekst, partijen) or kleine_letter(moment_naam(regel.vanaf, partijen))
    if regel.aantal == 0:
        stap = (
            f"{naam}: de dag na {van} ({datum_tekst(basis_datum)}), dus {datum_tekst(m.datum)}{waar}."
            if regel.datum == "dag-na-termijn"
            else f"{naam}: op de dag van {van}, {datum_tekst(m.datum)}{waar}."
        )
        return uit + [stap]
    if regel.eenheid == "werkdagen":
        stap = (
            f"{naam}: {regel.aantal} werkdagen na {van} ({datum_tekst(basis_datum)}). Tellen begint de dag erna: "
            f"{_telling(basis_datum, regel.aantal, t.kalender.code)}."
        )
    else:
        einde = m.datum - (dt.timedelta(days=1) if regel.datum == "dag-na-termijn" else dt.timedelta(0))
        soort = {
            "dagen": "kalenderdagen: weekenden en feestdagen tellen mee",
            "weken": "weken: dezelfde weekdag, zoveel weken later",
            "maanden": "maanden: dezelfde dag van de maand, of de laatste dag als die niet bestaat",
        }[regel.eenheid]
        onverlengd = plus_termijn(basis_datum, regel.aantal, regel.eenheid, t.kalender.code)
        if onverlengd == einde:
            stap = (
                f"{naam}: {regel.aantal} {regel.eenheid} na {van} ({datum_tekst(basis_datum)}), in {soort}; "
                f"de laatste dag is {datum_tekst(einde)}."
            )
        else:
            stap = (
                f"{naam}: {regel.aantal} {regel.eenheid} na {van} ({datum_tekst(basis_datum)}), in {soort}, "
                f"zou eindigen op {datum_tekst(onverlengd)}. Het is een wettelijke termijn: de Algemene "
                f"termijnenwet verlengt hem tot de eerstvolgende werkdag (met ten minste twee werkdagen erin), "
                f"{datum_tekst(einde)}."
            )
    if regel.datum == "dag-na-termijn":
        stap += f" Vanaf de dag daarna: {datum_tekst(m.datum)}."
    return uit + [stap + waar]


__all__ = ["DIENST_ROUTES", "Oefening", "oefeningen", "uitleg_moment"]
