"""The infographic 'Samenwerken aan veiligheid en herstel' per region, drawn at build time.

One content model per region (``model``) is built from the rule data; the inline SVG and the
text version next to it are both rendered from that same model, so they cannot disagree.
The SVG carries no colours of its own: CSS classes (overrides/assets/stylesheets/
infographic.css) map them to Material's variables, so light and dark mode both work.

Layout: three swimlanes (Veilig Thuis, lokaal (wijk)team, gezin) against five phases
(melding, veiligheidsbeoordeling, dienst, overdracht, daarna). The route with a dienst runs
through the Veilig Thuis lane (solid line); the direct route drops into the team lane right
after the veiligheidsbeoordeling (dashed line). Both meet where the team becomes responsible.
The gezin lane carries the 'gefaseerde ketenzorg' chain from the AEF report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from calculators.basis.begrippen import DIENST_ROUTES, MOMENTEN
from calculators.basis.opmaak import kleine_letter
from calculators.woorden.teksten import met_team

from .gegevens import Gegevens, Toepassing, document_pagina
from .opmaak import Links, datum_lang, eenheid, md_cel
from .tekstmaat import afbreken, breedte

DIENST = DIENST_ROUTES[0]  # the two dienst routes share their rules, except on the Dienst card; checked in tests
# Moments of the Dienst card that can differ between the two dienst routes: drawn per route, with its name, where
# they differ (the start of an onderzoek exists in that route only; the term for the dienst's end can be the
# national one of an onderzoek alone).
PER_DIENSTROUTE = ("onderzoek-start-uiterlijk", "dienst-einde-uiterlijk")
DIENST_LABEL = {"voorwaarden-en-vervolg": "Voorwaarden & Vervolg", "onderzoek": "Onderzoek"}

# --- content model -------------------------------------------------------------------------------


@dataclass
class Termijn:
    """One duration on a card: 'binnen' [5 werkdagen] 'na de melding' (the amount is the pill)."""

    kort: str
    na: str = ""
    voor: str = ""
    label: str = ""  # e.g. 'Direct' when a card holds both routes
    route: str = ""  # 'direct' | 'dienst' | '' (both)
    bron: dict | None = None
    terugval: bool = False


@dataclass
class Kaart:
    sleutel: str
    baan: str  # vt | team | gezin
    kolom: int
    titel: str
    tekst: str = ""
    termijnen: list[Termijn] = field(default_factory=list)
    bron: dict | None = None  # when the card rests on a fact rather than a term

    @property
    def bronnen(self) -> list[tuple[dict, bool]]:
        uit = [(t.bron, t.terugval) for t in self.termijnen if t.bron]
        if self.bron:
            uit.append((self.bron, False))
        gezien, lijst = set(), []
        for b, terugval in uit:
            if b["url"] not in gezien:
                gezien.add(b["url"])
                lijst.append((b, terugval))
        return lijst


@dataclass
class Model:
    regio: str
    naam: str
    partijen: dict
    geldig: str
    kaarten: list[Kaart]
    keten: list[dict]
    keten_bron: dict
    visie: dict | None
    geen_monitoring_direct: Toepassing | None


def _eenheid_tekst(regel: dict) -> str:
    return f"{regel['aantal']} {eenheid(regel['aantal'], regel['eenheid'])}"


def kort(gegevens: Gegevens, regio: str, t: Toepassing, route: str) -> Termijn:
    """A short wording of a term for a card, following a chain of zero terms to its source."""
    regel = t.regel
    vanaf = regel["vanaf"]
    vanaf_tekst = met_team(
        MOMENTEN[vanaf].vanaf_tekst or kleine_letter(MOMENTEN[vanaf].naam), gegevens.regios[regio].partijen
    )
    if regel["soort"] == "aanname":  # the text speaks but sets no term (e.g. 000 § 4.3)
        return Termijn("geen termijn", f"na {vanaf_tekst}", bron=regel["bron"], terugval=t.terugval)
    if regel["aantal"] == 0 and MOMENTEN[vanaf].soort == "berekend":
        basis = gegevens.definitie(regio, vanaf, route)
        if basis is not None:
            uit = kort(gegevens, regio, basis, route)
            if regel["datum"] == "dag-na-termijn" and uit.voor == "binnen":
                uit.voor = "na"
            uit.bron, uit.terugval = regel["bron"], t.terugval
            return uit
    if regel["aantal"] == 0:
        if regel["datum"] == "dag-na-termijn":
            return Termijn("de dag na", vanaf_tekst, bron=regel["bron"], terugval=t.terugval)
        voorzetsel = "bij" if vanaf in ("overdracht", "melding", "terugkoppeling") else "na"
        return Termijn("direct", f"{voorzetsel} {vanaf_tekst}", bron=regel["bron"], terugval=t.terugval)
    woord = "na" if regel["datum"] == "dag-na-termijn" else "binnen"
    return Termijn(_eenheid_tekst(regel), f"na {vanaf_tekst}", voor=woord, bron=regel["bron"], terugval=t.terugval)


def _termijn(gegevens, regio, moment, in_route, **extra) -> Termijn | None:
    t = gegevens.hoofdregel(regio, moment, in_route)
    if t is None:
        return None
    uit = kort(gegevens, regio, t, in_route)
    for k, v in extra.items():
        setattr(uit, k, v)
    return uit


def _per_dienstroute(g: Gegevens, regio: str, moment: str) -> list[Termijn]:
    """One term for both dienst routes where they share it; else each route's own, named."""
    sleutels = [{t.sleutel for t in g.geldend(regio, moment, route)} for route in DIENST_ROUTES]
    if sleutels[0] == sleutels[1]:
        return [x for x in (_termijn(g, regio, moment, DIENST),) if x]
    return [x for x in (_termijn(g, regio, moment, route, label=DIENST_LABEL[route]) for route in DIENST_ROUTES) if x]


def model(gegevens: Gegevens, regio: str) -> Model:
    r = gegevens.regios[regio]
    g = gegevens
    kaarten: list[Kaart] = []

    kaarten.append(Kaart("melding", "vt", 0, "Melding", "bij Veilig Thuis"))
    vb = _termijn(g, regio, "veiligheidsbeoordeling-uiterlijk", "direct")
    kaarten.append(
        Kaart("veiligheidsbeoordeling", "vt", 1, "Veiligheids\u00adbeoordeling", "(triage)", [vb] if vb else [])
    )
    onderzoek = _termijn(g, regio, "onderzoek-start-uiterlijk", "onderzoek", label="Start onderzoek")
    kaarten.append(
        Kaart(
            "dienst",
            "vt",
            2,
            "Dienst",
            "Voorwaarden & Vervolg of Onderzoek",
            [x for x in (onderzoek, *_per_dienstroute(g, regio, "dienst-einde-uiterlijk")) if x],
        )
    )
    warm = r.feit("warme-overdracht")
    overdracht = _termijn(g, regio, "overdracht-uiterlijk", DIENST)
    kaarten.append(
        Kaart(
            "overdracht",
            "vt",
            3,
            "Warme overdracht" if warm else "Overdracht",
            "gesprek met gezin en team" if warm else "",
            [overdracht] if overdracht else [],
            bron=warm["bron"] if warm else None,
        )
    )

    m3 = g.hoofdregel(regio, "monitoring-3-maanden", DIENST)
    m12 = g.hoofdregel(regio, "monitoring-12-maanden", DIENST)
    gem = g.hoofdregel(regio, "monitoring-einde-gemiddeld", DIENST)
    monitoring = []
    if m3 and m12 and m3.regel["eenheid"] == m12.regel["eenheid"]:
        monitoring.append(
            Termijn(
                f"{m3.regel['aantal']} en {_eenheid_tekst(m12.regel)}",
                f"na {MOMENTEN[m3.regel['vanaf']].vanaf_tekst}",
                voor="na",
                bron=m3.regel["bron"],
                terugval=m3.terugval,
            )
        )
    elif m3:
        monitoring.append(kort(g, regio, m3, DIENST))
    if gem:
        monitoring.append(
            Termijn(_eenheid_tekst(gem.regel), "", voor="gemiddeld", bron=gem.regel["bron"], terugval=gem.terugval)
        )
    geen_direct = g.vervalt(regio, "monitoring-3-maanden", "direct")
    if monitoring:
        kaarten.append(Kaart("monitoring", "vt", 4, "Monitoring", "na een dienst", monitoring))

    # Lokaal (wijk)team
    samen = r.feit("regie-bij-vbs") or r.feit("samen-optrekken")
    vbs = [t for t in g.geldend(regio, "vbs-verdeling-uiterlijk", DIENST) if not t.terugval]
    if vbs:
        termijnen = []
        for t in vbs:
            k = kort(g, regio, t, DIENST)
            k.label = {"crisis": "Crisis", "regulier": "Regulier"}.get(t.regel["als"].get("vbs"), "")
            termijnen.append(k)
        kaarten.append(
            Kaart(
                "samen",
                "team",
                2,
                "Verbindend Samenwerken",
                "team verdeelt de casus",
                termijnen,
                bron=samen["bron"] if samen else None,
            )
        )
    elif samen:
        kaarten.append(
            Kaart("samen", "team", 2, "Samen optrekken", "vanaf het begin van de dienst", bron=samen["bron"])
        )

    direct = _termijn(g, regio, "overdracht-uiterlijk", "direct")
    oppakken = _termijn(g, regio, "overdracht-oppakken-uiterlijk", "direct", label="Oppakken")
    kaarten.append(Kaart("direct", "team", 1, "Directe overdracht", "", [x for x in (direct, oppakken) if x]))

    verantwoordelijk = [
        x
        for x in (
            _termijn(g, regio, "lokaal-team-verantwoordelijk", "direct", label="Direct", route="direct"),
            _termijn(g, regio, "lokaal-team-verantwoordelijk", DIENST, label="Na dienst", route="dienst"),
        )
        if x
    ]
    kaarten.append(
        Kaart("verantwoordelijk", "team", 3, "Verantwoordelijk", "voor het zicht op veiligheid", verantwoordelijk)
    )

    plan = r.feit("veiligheidsplan-door-lokaal-team")
    hulp = [
        x
        for x in (
            _termijn(g, regio, "contact-gezin-uiterlijk", "direct", label="Contact, direct", route="direct"),
            _termijn(g, regio, "contact-gezin-uiterlijk", DIENST, label="Contact, na dienst", route="dienst"),
            _termijn(g, regio, "terugkoppeling-uiterlijk", "direct", label="Teruggeven", route="direct"),
        )
        if x
    ]
    kaarten.append(
        Kaart(
            "hulp",
            "team",
            4,
            "Hulp en veiligheidsplan" if plan else "Hulp en ondersteuning",
            "het team stelt het veiligheidsplan op" if plan else met_team("door {team}", r.partijen),
            hulp,
            bron=plan["bron"] if plan else None,
        )
    )

    # Gezin: what the family notices of the process.
    informeren = []
    brief = _termijn(g, regio, "brief-directbetrokkenen-uiterlijk", "direct", label="Brief")
    if brief:
        informeren.append(brief)
    info_feit = r.feit("directbetrokkenen-geinformeerd-bij-directe-overdracht")
    if brief or info_feit:
        kaarten.append(
            Kaart(
                "informeren",
                "gezin",
                1,
                "Wordt geïnformeerd",
                "over de melding en de overdracht",
                informeren,
                bron=info_feit["bron"] if info_feit else None,
            )
        )
    if warm:
        kaarten.append(Kaart("gesprek", "gezin", 3, "Overdrachtsgesprek", "na een dienst", bron=warm["bron"]))

    keten = gegevens.aef["ketenzorg"]
    keten_bron = {
        "pagina": document_pagina("aef"),
        "anker": keten["anker"],
        "naam": keten["naam"],
        "herkomst": keten["herkomst"],
    }
    return Model(
        regio=regio,
        naam=r.naam,
        partijen=r.partijen,
        geldig=datum_lang(r.peildatum),
        kaarten=kaarten,
        keten=keten["fase"],
        keten_bron=keten_bron,
        visie=r.feit("visie-gefaseerde-ketenzorg"),
        geen_monitoring_direct=geen_direct,
    )


def beschrijving(m: Model) -> str:
    """The <desc>: the whole picture in sentences, from the same model."""
    delen = []
    for k in m.kaarten:
        termijnen = "; ".join(
            " ".join(x for x in (f"{t.label}:" if t.label else "", t.voor, t.kort, t.na) if x) for t in k.termijnen
        )
        titel = k.titel.replace("\u00ad", "")
        delen.append(
            f"{baan_naam(m, k.baan)}: {titel}{f' ({k.tekst})' if k.tekst else ''}{', ' + termijnen if termijnen else ''}."
        )
    keten = " → ".join(f["naam"] for f in m.keten)
    return f"Samenwerken aan veiligheid en herstel in {m.naam}. " + " ".join(delen) + f" Gefaseerde ketenzorg: {keten}."


BANEN = {"vt": "Veilig Thuis", "team": "Lokaal team", "gezin": "Gezin"}


def baan_naam(m: Model, baan: str) -> str:
    """A lane by the name the region's text uses for the team ('Lokale veld' in Zuid-Limburg);
    a name too long for the rotated label (the national 'aangewezen instelling …') stays generic."""
    if baan != "team":
        return BANEN[baan]
    naam = (m.partijen.get("lokaal-team") or "").removeprefix("het ").removeprefix("de ")
    return naam[:1].upper() + naam[1:] if naam and len(naam) <= 24 else BANEN["team"]


FASEN = ("Melding", "Veiligheidsbeoordeling", "Dienst", "Overdracht", "Daarna")

# --- SVG -----------------------------------------------------------------------------------------
# Sizes are in viewBox units; the figure is drawn for about 960 px, the width of Material's
# content column, so one unit is about one screen pixel there.

B = 960
BAND = 30  # the coloured band with the rotated lane name
KOLOMMEN = ((40, 124), (134, 324), (334, 524), (534, 724), (734, 960))
BOVEN = 36  # below the phase header
MINIMUM = {"vt": 150, "team": 180, "gezin": 110}  # lane heights at least
KETEN_H = 44  # room for the ketenzorg chain at the bottom of the gezin lane
LEGENDA_H = 34
GANG = 14  # the corridor along the bottom of the team lane for the direct route
PAD = 10
GROOTTE = {"titel": 14, "tekst": 12.5, "pil": 12, "label": 12}
PIL_H = 20


def _t(x, y, tekst, klasse, anker="start", extra="") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{klasse}" text-anchor="{anker}"{extra}>{escape(tekst)}</text>'


def _gedeeld_na(k: Kaart) -> str:
    """When every term on a card counts from the same moment, say it once."""
    na = {t.na for t in k.termijnen}
    return next(iter(na)) if len(k.termijnen) > 1 and len(na) == 1 and "" not in na else ""


def _opmaak(k: Kaart, kaartbreedte: float) -> tuple[list[tuple], float]:
    """Lay out a card: a list of drawing items and the card height."""
    binnen = kaartbreedte - 2 * PAD
    items, y = [], PAD + 14
    for regel in afbreken(k.titel, binnen, GROOTTE["titel"], True):
        items.append(("titel", PAD, y, regel))
        y += 17
    for regel in afbreken(k.tekst, binnen, GROOTTE["tekst"]) if k.tekst else []:
        items.append(("tekst", PAD, y - 1, regel))
        y += 15.5
    gedeeld = _gedeeld_na(k)
    if k.termijnen:
        y += 6
    for t in k.termijnen:
        # Flow: [label] [pill] [na], wrapping between the parts.
        if t.label:  # a small heading line above the term
            items.append(("label", PAD, y + 9, t.label.upper()))
            y += 15
        x = PAD
        regel_y = y + PIL_H / 2
        delen = []
        if t.voor:
            delen.append(("na", t.voor, breedte(t.voor, GROOTTE["tekst"]) + 2))
        delen.append(("pil", t.kort, breedte(t.kort, GROOTTE["pil"], True) + 16))
        if t.na and not gedeeld:
            delen.append(("na", t.na, breedte(t.na, GROOTTE["tekst"]) + 4))
        for soort, tekst, b in delen:
            if x > PAD and x + b > PAD + binnen:
                y += PIL_H + 2
                regel_y = y + PIL_H / 2
                x = PAD
            if soort == "na" and b > binnen:  # a long 'after …' on lines of its own
                regels = afbreken(tekst, binnen, GROOTTE["tekst"])
                for i, regel in enumerate(regels):
                    items.append((soort, x, regel_y + i * 15.5, regel, b, t.terugval))
                y += 15.5 * (len(regels) - 1)
                continue
            items.append((soort, x, regel_y, tekst, b, t.terugval))
            x += b + 4
        y += PIL_H + 5
    if gedeeld:
        for regel in afbreken(gedeeld, binnen, GROOTTE["tekst"]):
            items.append(("tekst", PAD, y + 6, regel))
            y += 15.5
        y += 2
    return items, y + PAD - 4


def _teken_kaart(k: Kaart, x0: float, y0: float, kaartbreedte: float, items, h: float) -> str:
    nadruk = " aw-ig__kaart--nadruk" if k.sleutel == "verantwoordelijk" else ""
    uit = [
        f'<g class="aw-ig__stap" data-stap="{k.sleutel}">',
        f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{kaartbreedte:.1f}" height="{h:.1f}" rx="9" '
        f'class="aw-ig__kaart aw-ig__kaart--{k.baan}{nadruk}"/>',
    ]
    for item in items:
        soort, x, y, tekst = item[:4]
        if soort == "titel":
            uit.append(_t(x0 + x, y0 + y, tekst, "aw-ig__titel"))
        elif soort in ("tekst", "na"):
            uit.append(_t(x0 + x, y0 + y + (4.5 if soort == "na" else 0), tekst, "aw-ig__tekst"))
        elif soort == "label":
            uit.append(_t(x0 + x, y0 + y, tekst, "aw-ig__label"))
        else:
            b, terugval = item[4], item[5]
            klasse = f"aw-ig__pil aw-ig__pil--{k.baan}" + (" aw-ig__pil--landelijk" if terugval else "")
            uit.append(
                f'<rect x="{x0 + x:.1f}" y="{y0 + y - PIL_H / 2:.1f}" width="{b:.1f}" height="{PIL_H}" '
                f'rx="{PIL_H / 2}" class="{klasse}"/>'
            )
            uit.append(_t(x0 + x + b / 2, y0 + y + 4.3, tekst, "aw-ig__piltekst", "middle"))
    uit.append("</g>")
    return "".join(uit)


def _pijl(d: str, klasse: str, regio: str, punt: bool = True) -> str:
    marker = f' marker-end="url(#aw-ig-punt-{regio})"' if punt else ""
    return f'<path d="{d}" class="aw-ig__pijl {klasse}"{marker}/>'


# Where a card sits in its lane: top, bottom or middle.
UITLIJNING = {
    "samen": "boven",
    "direct": "onder",
    "verantwoordelijk": "onder",
    "hulp": "midden",
    "informeren": "boven",
    "gesprek": "boven",
}


def _banen(m: Model) -> tuple[dict, dict, float]:
    """Lay out every card, then size the lanes to what they hold (the data decides)."""
    opmaak = {k.sleutel: _opmaak(k, KOLOMMEN[k.kolom][1] - KOLOMMEN[k.kolom][0]) for k in m.kaarten}
    nodig = dict(MINIMUM)
    for k in m.kaarten:
        h = opmaak[k.sleutel][1]
        extra = {"vt": 20, "team": 26 + GANG, "gezin": 18 + KETEN_H}[k.baan]
        nodig[k.baan] = max(nodig[k.baan], h + extra)
    banen, y = {}, BOVEN
    for baan in ("vt", "team", "gezin"):
        banen[baan] = (y, y + nodig[baan])
        y += nodig[baan] + 8
    return opmaak, banen, y - 8 + LEGENDA_H


def svg(m: Model) -> str:
    titel_id, desc_id = f"aw-ig-titel-{m.regio}", f"aw-ig-desc-{m.regio}"
    opmaak, BAAN_Y, H = _banen(m)
    uit = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {B} {H:.0f}" class="aw-ig" role="img" '
        f'aria-labelledby="{titel_id} {desc_id}">',
        f'<title id="{titel_id}">Infographic: samenwerken aan veiligheid en herstel – {escape(m.naam)}</title>',
        f'<desc id="{desc_id}">{escape(beschrijving(m))}</desc>',
        f'<defs><marker id="aw-ig-punt-{m.regio}" viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="6.5" '
        f'markerHeight="6.5" orient="auto-start-reverse"><path d="M0,0.5 L10,5 L0,9.5 z" class="aw-ig__punt"/>'
        f"</marker></defs>",
    ]
    # Phase header and guides between the phases.
    for (x0, x1), fase in zip(KOLOMMEN, FASEN):
        uit.append(_t((x0 + x1) / 2, 22, fase.upper(), "aw-ig__fase", "middle"))
    for x0, _ in KOLOMMEN[1:]:
        uit.append(f'<line x1="{x0 - 6}" y1="30" x2="{x0 - 6}" y2="{BAAN_Y["gezin"][1]}" class="aw-ig__gids"/>')
    # Lanes with a rotated name in a coloured band.
    for baan, (y0, y1) in BAAN_Y.items():
        uit.append(
            f'<rect x="0" y="{y0}" width="{B}" height="{y1 - y0}" rx="10" class="aw-ig__baan aw-ig__baan--{baan}"/>'
        )
        uit.append(
            f'<rect x="0" y="{y0}" width="{BAND}" height="{y1 - y0}" rx="10" class="aw-ig__band aw-ig__band--{baan}"/>'
        )
        uit.append(
            f'<rect x="{BAND - 10}" y="{y0}" width="10" height="{y1 - y0}" class="aw-ig__band aw-ig__band--{baan}"/>'
        )
        cx, cy = BAND / 2 + 4.5, (y0 + y1) / 2
        uit.append(
            _t(
                cx,
                cy,
                baan_naam(m, baan).upper(),
                "aw-ig__baantitel",
                "middle",
                f' transform="rotate(-90 {cx:.1f} {cy:.1f})"',
            )
        )

    # Cards.
    plekken: dict[str, tuple[float, float, float, float]] = {}
    for k in m.kaarten:
        x0, x1 = KOLOMMEN[k.kolom]
        y0, y1 = BAAN_Y[k.baan]
        items, h = opmaak[k.sleutel]
        stand = UITLIJNING.get(k.sleutel, "midden")
        if k.baan == "gezin" or stand == "boven":
            y = y0 + 10
        elif stand == "onder":
            y = y1 - 10 - GANG - h
        else:
            y = y0 + (y1 - y0 - h) / 2
        uit.append(_teken_kaart(k, x0, y, x1 - x0, items, h))
        plekken[k.sleutel] = (x0, y, x1 - x0, h)

    def p(sleutel, waar):
        x, y, b, h = plekken[sleutel]
        return {"r": (x + b, y + h / 2), "l": (x, y + h / 2), "b": (x + b / 2, y), "o": (x + b / 2, y + h)}[waar]

    # The route with a dienst: along the Veilig Thuis lane, then down to the team.
    lijnen = []
    keten = [s for s in ("melding", "veiligheidsbeoordeling", "dienst", "overdracht", "monitoring") if s in plekken]
    for a, b in zip(keten, keten[1:]):
        (ax, ay), (bx, by) = p(a, "r"), p(b, "l")
        y = min(ay, by) if abs(ay - by) < 30 else None
        d = f"M{ax:.1f},{y or ay:.1f} L{bx - 1:.1f},{y or by:.1f}"
        lijnen.append(_pijl(d, "aw-ig__pijl--dienst", m.regio))
    if "overdracht" in plekken and "verantwoordelijk" in plekken:
        (ax, ay), (bx, by) = p("overdracht", "o"), p("verantwoordelijk", "b")
        lijnen.append(_pijl(f"M{ax:.1f},{ay:.1f} L{ax:.1f},{by - 1:.1f}", "aw-ig__pijl--dienst", m.regio))
    # The direct route: straight down from the veiligheidsbeoordeling, then along the team lane.
    if "direct" in plekken and "verantwoordelijk" in plekken:
        (ax, ay), (bx, by) = p("veiligheidsbeoordeling", "o"), p("direct", "b")
        lijnen.append(_pijl(f"M{ax:.1f},{ay:.1f} L{ax:.1f},{by - 1:.1f}", "aw-ig__pijl--direct", m.regio))
        # Along the corridor at the bottom of the team lane, under any card in between.
        (ax, ay) = p("direct", "o")
        vx, vy, vb, vh = plekken["verantwoordelijk"]
        gang = BAAN_Y["team"][1] - 6 - GANG / 2
        bx, r = vx + 34, 8
        lijnen.append(
            _pijl(
                f"M{ax:.1f},{ay:.1f} L{ax:.1f},{gang - r:.1f} Q{ax:.1f},{gang:.1f} {ax + r:.1f},{gang:.1f} "
                f"L{bx - r:.1f},{gang:.1f} Q{bx:.1f},{gang:.1f} {bx:.1f},{gang - r:.1f} "
                f"L{bx:.1f},{vy + vh + 1:.1f}",
                "aw-ig__pijl--direct",
                m.regio,
            )
        )
    if "verantwoordelijk" in plekken and "hulp" in plekken:
        vx, vy, vb, vh = plekken["verantwoordelijk"]
        hx, hy, hb, hh = plekken["hulp"]
        y = (max(vy, hy) + min(vy + vh, hy + hh)) / 2
        lijnen.append(_pijl(f"M{vx + vb:.1f},{y:.1f} L{hx - 1:.1f},{y:.1f}", "aw-ig__pijl--team", m.regio))
    # Working together: dotted links between the lanes.
    for boven_, onder_ in (
        ("dienst", "samen"),
        ("monitoring", "hulp"),
        ("direct", "informeren"),
        ("verantwoordelijk", "gesprek"),
    ):
        if boven_ in plekken and onder_ in plekken:
            (ax, ay), (bx, by) = p(boven_, "o"), p(onder_, "b")
            lijnen.append(f'<path d="M{ax:.1f},{ay + 3:.1f} L{ax:.1f},{by - 3:.1f}" class="aw-ig__samen"/>')
    uit.extend(lijnen)

    # The 'gefaseerde ketenzorg' chain along the bottom of the gezin lane.
    y0, y1 = BAAN_Y["gezin"]
    x_start, x_eind = KOLOMMEN[1][0], KOLOMMEN[4][1]
    n = len(m.keten)
    punt, tussen = 14, 5
    breedte_fase = (x_eind - x_start - (n - 1) * tussen) / n
    cy0, cy1 = y1 - 44, y1 - 12
    kop = afbreken(m.keten_bron["naam"], KOLOMMEN[0][1] - KOLOMMEN[0][0], 12, True)
    onder_kop = afbreken(f"({m.keten_bron['herkomst']})", KOLOMMEN[0][1] - KOLOMMEN[0][0], 12)
    ky = cy1 - 14 * (len(kop) + len(onder_kop)) + 11
    for regel in kop:
        uit.append(_t(KOLOMMEN[0][0], ky, regel, "aw-ig__ketenkop"))
        ky += 14
    for regel in onder_kop:
        uit.append(_t(KOLOMMEN[0][0], ky, regel, "aw-ig__ketenbron"))
        ky += 14
    for i, fase in enumerate(m.keten):
        x = x_start + i * (breedte_fase + tussen)
        inkeping = 0 if i == 0 else punt
        midden = (cy0 + cy1) / 2
        d = (
            f"M{x:.1f},{cy0} L{x + breedte_fase - punt:.1f},{cy0} L{x + breedte_fase:.1f},{midden:.1f} "
            f"L{x + breedte_fase - punt:.1f},{cy1} L{x:.1f},{cy1} L{x + inkeping:.1f},{midden:.1f} Z"
        )
        uit.append(f'<path d="{d}" class="aw-ig__ketenfase aw-ig__ketenfase--{i + 1}"/>')
        uit.append(
            _t(x + (breedte_fase + inkeping - punt) / 2, midden + 4.5, fase["naam"], "aw-ig__ketentekst", "middle")
        )

    # Legend.
    ly = H - 16
    x = KOLOMMEN[0][0]
    uit.append(f'<path d="M{x},{ly - 4} h30" class="aw-ig__pijl aw-ig__pijl--dienst"/>')
    uit.append(_t(x + 38, ly, "route met een dienst", "aw-ig__legenda"))
    x += 38 + breedte("route met een dienst", 12) + 22
    uit.append(f'<path d="M{x},{ly - 4} h30" class="aw-ig__pijl aw-ig__pijl--direct"/>')
    uit.append(_t(x + 38, ly, "directe overdracht", "aw-ig__legenda"))
    x += 38 + breedte("directe overdracht", 12) + 22
    uit.append(f'<path d="M{x},{ly - 4} h30" class="aw-ig__samen"/>')
    uit.append(_t(x + 38, ly, "samenwerking", "aw-ig__legenda"))
    x += 38 + breedte("samenwerking", 12) + 22
    if any(t.terugval for k in m.kaarten for t in k.termijnen):
        uit.append(
            f'<rect x="{x}" y="{ly - 13}" width="30" height="17" rx="8.5" '
            f'class="aw-ig__pil aw-ig__pil--legenda aw-ig__pil--landelijk"/>'
        )
        uit.append(_t(x + 38, ly, "landelijke regel", "aw-ig__legenda"))
    uit.append(_t(B - 2, ly, f"Regels geldend vanaf {m.geldig}", "aw-ig__legenda", "end"))
    uit.append("</svg>")
    return "".join(uit)


# --- text version -------------------------------------------------------------------------------


def tekstversie(m: Model, links: Links) -> str:
    # The lanes by the names the region's agreement uses (e.g. 'lokale veld' in Zuid-Limburg).
    wie = {"vt": m.partijen.get("veilig-thuis") or BANEN["vt"], "gezin": "Gezin / directbetrokkenen"}
    team = m.partijen.get("lokaal-team") or BANEN["team"]
    wie["team"] = team[:1].upper() + team[1:]
    rijen = ["| Wie | Stap | Termijn | Bron |", "|---|---|---|---|"]
    volgorde = sorted(m.kaarten, key=lambda k: (k.kolom, ("vt", "team", "gezin").index(k.baan)))
    for k in volgorde:
        termijnen = (
            "<br>".join(
                " ".join(
                    x
                    for x in (
                        f"{t.label}:" if t.label else "",
                        t.voor,
                        f"**{t.kort}**",
                        t.na,
                        "*(landelijke regel)*" if t.terugval else "",
                    )
                    if x
                )
                for t in k.termijnen
            )
            or "–"
        )
        bronnen = " ".join(links.bron(b) for b, _ in k.bronnen) or "–"
        rijen.append(
            "| "
            + " | ".join(
                md_cel(x)
                for x in (
                    wie[k.baan],
                    f"**{k.titel.replace(chr(173), '')}**" + (f" – {k.tekst}" if k.tekst else ""),
                    termijnen,
                    bronnen,
                )
            )
            + " |"
        )
    keten = " → ".join(f["naam"] for f in m.keten)
    keten_link = links.pagina(m.keten_bron["pagina"], m.keten_bron["anker"])
    visie = f" In deze afspraken: {links.bron(m.visie['bron'])}." if m.visie else ""
    rijen.append(
        "| "
        + " | ".join(
            md_cel(x)
            for x in (
                wie["gezin"],
                f"**{m.keten_bron['naam']}** ({m.keten_bron['herkomst']})",
                keten,
                f"[AEF § 2.1, figuur 1]({keten_link}){visie}",
            )
        )
        + " |"
    )
    uit = "\n".join(rijen)
    if m.geen_monitoring_direct:
        uit += (
            f"\n\nNa een directe overdracht: {m.geen_monitoring_direct.regel['omschrijving'].lower()[:1]}"
            f"{m.geen_monitoring_direct.regel['omschrijving'][1:]} {links.bron(m.geen_monitoring_direct.regel['bron'])}."
        )
    return uit


def figuur(gegevens: Gegevens, regio: str, links: Links) -> str:
    m = model(gegevens, regio)
    return "\n".join(
        [
            f'<figure class="aw-infographic" id="infographic-{regio}" markdown>',
            # Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too.
            f'<div class="aw-infographic__svg" tabindex="0" role="region" '
            f'aria-label="Infographic {escape(m.naam)} (schuift opzij op een smal scherm)">{svg(m)}</div>',
            f"<figcaption>Samenwerken aan veiligheid en herstel – {escape(m.naam)}. Getekend uit de regels van "
            f"de rekenhulp; de tabel eronder geeft dezelfde inhoud als tekst.</figcaption>",
            "</figure>",
            "",
            '<div class="aw-infographic__tekst" markdown>',
            "",
            f"**Tekstversie – {m.naam}**",
            "",
            tekstversie(m, links),
            "",
            "</div>",
            "",
        ]
    )


__all__ = ["figuur", "model", "svg", "tekstversie"]
