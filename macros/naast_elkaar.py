"""'Naast elkaar': two regions, or two versions of one region (West-Brabant 2017 and 2022), side by side, with
the topics where their rules differ marked.

Every version of every region's agreements is a column of one table, with its rules on a date in that version (the
newest date on which anything in it starts). Which topics differ between two columns is worked out here for every
pair, with the engine's comparison of two laws (``recht.op_datum.verschillen``: other dates or another party, not
other words), and written into the page; the page script (naast-elkaar.js) only shows the two chosen columns and
marks the rows the build found. Without the script the page shows the default pair, marked.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
from dataclasses import dataclass

from calculators.basis.begrippen import ROUTES
from calculators.recht.op_datum import versie_op, wijzigingsdatums
from calculators.recht.regelbestand import AfsprakenVersie
from calculators.recht.regios import regio
from calculators.woorden.teksten import periode_tekst

from .gegevens import Gegevens
from .matrix import ONDERWERPEN, cel, cel_md, onderwerp_link, tabel_md, verschilt
from .opmaak import Links
from .vergelijking import kolommen


@dataclass(frozen=True)
class Keuze:
    """One column: a version of a region's agreements, and the date its rules are shown for."""

    regio: str
    versie: AfsprakenVersie
    datum: dt.date
    naam: str

    @property
    def sleutel(self) -> str:
        return f"{self.regio}@{self.versie.code}"

    @property
    def label(self) -> str:
        return f"{self.naam} ({periode_tekst(self.versie)})"


def keuzes(gegevens: Gegevens) -> list[Keuze]:
    """Every version with agreements of its own (and the national framework), the national framework first."""
    uit = []
    for code in kolommen(gegevens):
        datums = sorted({d for route in ROUTES for d in wijzigingsdatums(code, route)})
        for versie in regio(code).versies:
            if versie.regionale_tekst == "geen":
                continue
            binnen = [d for d in datums if versie_op(code, d) == versie]
            uit.append(Keuze(code, versie, max(binnen, default=versie.geldig_vanaf), gegevens.regios[code].naam))
    return uit


def standaard(lijst: list[Keuze]) -> tuple[str, str]:
    """The pair shown first: the two newest versions of the region with the most versions of its own (a change
    is what policy staff compare most), else the national framework and the first region."""
    per_regio: dict[str, list[Keuze]] = {}
    for k in lijst:
        per_regio.setdefault(k.regio, []).append(k)
    meeste = max(per_regio.values(), key=len)
    a, b = meeste[-2:] if len(meeste) > 1 else lijst[:2]
    return a.sleutel, b.sleutel


def _paar(a: str, b: str) -> str:
    return "|".join(sorted((a, b)))


def _verschillen(lijst: list[Keuze]) -> dict[str, list[int]]:
    """Per pair of columns (their keys, sorted, joined by '|'): the rows whose rules differ."""
    uit = {}
    for a, b in itertools.combinations(lijst, 2):
        uit[_paar(a.sleutel, b.sleutel)] = [
            i
            for i, (label, momenten, routes, _) in enumerate(ONDERWERPEN)
            if verschilt((a.regio, a.datum), (b.regio, b.datum), label, momenten, routes)
        ]
    return uit


def _select(naam: str, label: str, lijst: list[Keuze], gekozen: str) -> str:
    opties = "".join(
        f'<option value="{k.sleutel}"{" selected" if k.sleutel == gekozen else ""}>{html.escape(k.label)}</option>'
        for k in lijst
    )
    return (
        f'<label class="aw-naast__veld"><span>{label}</span>'
        f'<select name="{naam}" id="aw-naast-{naam}">{opties}</select></label>'
    )


def samenvatting(aantal: int, totaal: int, rijen: list[str]) -> str:
    """'2 van de 9 onderwerpen verschillen: Lokaal team verantwoordelijk, Dienst en overdracht daarna.'"""
    if not aantal:
        return f"Geen van de {totaal} onderwerpen verschilt: de regels geven dezelfde datums en dezelfde partij."
    woord = "onderwerp verschilt" if aantal == 1 else "onderwerpen verschillen"
    return f"{aantal} van de {totaal} {woord}: {', '.join(rijen)}."


def pagina(gegevens: Gegevens, links: Links) -> str:
    lijst = keuzes(gegevens)
    verschillen = _verschillen(lijst)
    a, b = getoond = standaard(lijst)
    gemarkeerd = set(verschillen[_paar(a, b)])
    namen = [o[0] for o in ONDERWERPEN]
    teksten = {
        paar: samenvatting(len(rijen), len(ONDERWERPEN), [namen[i] for i in rijen])
        for paar, rijen in verschillen.items()
    }
    kop = "".join(
        f'<th scope="col" data-keuze="{k.sleutel}"{"" if k.sleutel in getoond else " hidden"}>'
        f"{html.escape(k.label)}</th>"
        for k in lijst
    )
    rijen = []
    for i, onderwerp in enumerate(ONDERWERPEN):
        anders = i in gemarkeerd
        rijen += [
            f'<tr data-onderwerp="{i}" class="aw-naast__rij{" aw-naast__rij--anders" if anders else ""}" markdown>',
            f'<th scope="row" markdown>{onderwerp_link(onderwerp, links)} <span class="aw-status aw-status--anders" '
            f"data-aw-verschilt{'' if anders else ' hidden'}>Verschilt</span></th>",
        ]
        for k in lijst:
            inhoud, stand = cel(gegevens, k.regio, k.datum, onderwerp, links)
            rijen += cel_md(
                inhoud, stand, k.label, f' data-keuze="{k.sleutel}"{"" if k.sleutel in getoond else " hidden"}'
            )
        rijen.append("</tr>")
    data = {"rijen": verschillen, "teksten": teksten}
    return "\n".join(
        [
            '<form class="aw-naast__keuze" data-aw-naast>',
            _select("a", "Eerste", lijst, a),
            _select("b", "Tweede", lijst, b),
            "</form>",
            "",
            f'<p class="aw-naast__samenvatting" role="status" data-aw-naast-samenvatting>{teksten[_paar(a, b)]}</p>',
            "",
            # The build's findings for every pair, for the page script (data, not a script: the CSP allows it).
            f'<script type="application/json" id="aw-naast-verschillen">{json.dumps(data, ensure_ascii=False)}</script>',
            "",
            *tabel_md("aw-naast", "De regels van de twee gekozen afspraken per onderwerp", kop, rijen),
        ]
    )
