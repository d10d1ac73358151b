"""Notes, warnings and assumptions as records, and the one place where they are worded.

The computation never writes a sentence for a note: it makes a ``Notitie`` (a code, its values, and the
source it rests on). Callers that need to know what a note is about read its code and values, never
its text. The JSON contract carries both the record and its wording (``notities``); the older list of
sentences (``opmerkingen``) is the same wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..basis.begrippen import OPTIE_NAMEN, Json
from ..basis.opmaak import datum_kort, hoofdletter, kleine_letter
from ..recht.regelbestand import Bron
from ..recht.regios import document
from .teksten import bron_data, bron_kort, bron_label, invoer_naam, invoer_veld_naam, moment_naam

# What each kind of note is about, for readers of the JSON (docs/tools/cli.md lists them too).
SOORTEN: dict[str, str] = {
    "aanname": "een datum die niet is opgegeven en die de rekenhulp aanneemt",
    "aanname-onmogelijk": "een datum die niet is opgegeven en waarvoor de afspraken geen termijn stellen",
    "vervalt": "momenten die in deze route of met deze keuze niet voorkomen",
    "vervalt-na": "momenten die na een gebeurtenis (zoals de terugkoppeling) niet meer gelden",
    "regel-geldt-niet": "een regel die op de datum van de berekening (nog) niet geldt",
    "wissel-gaat-niet-door": "een overgang van verantwoordelijkheid die niet doorgaat omdat een latere stap eerder viel",
    "invoer-telt-niet-meer": "een opgegeven datum waarmee de afspraken vanaf een datum niet meer rekenen",
    "na-uiterste-datum": "een opgegeven datum die na de uiterste datum ligt",
    "landelijk-vult-aan": "de momenten waarvoor de rekenhulp het landelijk kader volgt, en waarom",
    "optie-zonder-gevolg": "een keuze die hier niets verandert, omdat de regionale tekst het zelf regelt",
    "zonder-datum": "wat de lezer moet weten als een datum ontbreekt waarvan een regel afhangt",
    "melding-in-de-toekomst": "de meldingsdatum ligt na vandaag",
}


@dataclass(frozen=True)
class Notitie:
    code: str
    waarden: tuple[tuple[str, object], ...] = ()
    bron: Bron | None = None

    @classmethod
    def maak(cls, code: str, bron: Bron | None = None, **waarden: object) -> Notitie:
        if code not in SOORTEN:
            raise ValueError(f"onbekende soort notitie {code!r}")
        return cls(code, tuple(waarden.items()), bron)

    # The values are of many kinds (dates, codes, tuples of codes): typed where they are used, by their name.
    def __getitem__(self, naam: str) -> Any:
        return dict(self.waarden)[naam]

    def get(self, naam: str, standaard: object = None) -> Any:
        return dict(self.waarden).get(naam, standaard)

    def tekst(self, partijen: dict[str, str]) -> str:
        return _WOORDEN[self.code](self, partijen)

    def to_dict(self, partijen: dict[str, str]) -> Json:
        return {
            "code": self.code,
            "waarden": {k: _json(v) for k, v in self.waarden},
            "tekst": self.tekst(partijen),
            "bron": bron_data(self.bron) if self.bron else None,
        }


def _json(waarde: object) -> object:
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, tuple):
        return [_json(x) for x in waarde]
    return waarde


def _bron_tussen_haakjes(n: Notitie) -> str:
    return f" ({bron_kort(n.bron)})" if n.bron else ""


def _aanname(n: Notitie, partijen: dict[str, str]) -> str:
    naam, datum = invoer_veld_naam(n["invoer"]), datum_kort(n["datum"])
    grond = n["grond"]
    if grond == "uiterste":
        tekst = f"{hoofdletter(naam)} is niet opgegeven; aangenomen is de uiterste datum volgens de afspraken: {datum}."
        if n.get("begrensd_door"):
            tekst += (
                f" Dat is ‘{moment_naam(n['begrensd_door'], partijen)}’{_bron_tussen_haakjes(n)}: "
                f"{invoer_naam(n['invoer'], partijen)} gaat daaraan vooraf, en die datum ligt eerder dan de "
                "eigen termijn."
            )
    elif grond == "aanname-regel":
        tekst = (
            f"{hoofdletter(naam)} is niet opgegeven en de afspraken noemen er geen termijn voor; aangenomen is "
            f"{datum}, de dag van {invoer_naam(n['ander'], partijen)}{_bron_tussen_haakjes(n)}."
        )
    elif grond == "later-opgegeven":
        tekst = f"{hoofdletter(naam)} is niet opgegeven; aangenomen is {datum}, de dag van {invoer_naam(n['ander'], partijen)}"
        tekst += (
            f" (de uiterste datum volgens de afspraken, {datum_kort(n['uiterlijk'])}, ligt later)."
            if n.get("uiterlijk")
            else ": de afspraken stellen er geen termijn voor, en later kan het niet."
        )
    else:  # 'eerder-opgegeven'
        tekst = (
            f"{hoofdletter(naam)} is niet opgegeven; aangenomen is {datum}, de dag van "
            f"{invoer_naam(n['ander'], partijen)}: eerder kan het niet."
        )
    return tekst + " Datums die daarvan afhangen, zijn gemarkeerd als ‘berekend uit een aanname’."


def aanname_kort(n: Notitie, partijen: dict[str, str], datum: str | None = None) -> str:
    """One line for a summary: 'Overdracht niet opgegeven: aangenomen 10 maart 2025'; ``datum``: the date as the
    page shows it (naming a weekend day or feestdag), instead of the plain date."""
    naam = hoofdletter(invoer_naam(n["invoer"], partijen).removeprefix("de ").removeprefix("het "))
    if n.code == "aanname-onmogelijk":
        return f"{naam} niet opgegeven; de afspraken stellen er geen termijn voor"
    return f"{naam} niet opgegeven: aangenomen {datum or datum_kort(n['datum'])}"


def _aanname_onmogelijk(n: Notitie, partijen: dict[str, str]) -> str:
    naam = invoer_veld_naam(n["invoer"])
    return (
        f"{hoofdletter(naam)} is niet opgegeven en de afspraken stellen er geen termijn voor. "
        f"Vul {naam} in om te zien wat daarna gebeurt."
    )


def _vervalt(n: Notitie, partijen: dict[str, str]) -> str:
    return f"{n['omschrijving']}{_bron_tussen_haakjes(n)}."


def _vervalt_na(n: Notitie, partijen: dict[str, str]) -> str:
    namen = ", ".join(f"‘{moment_naam(m, partijen)}’" for m in n["momenten"])
    return (
        f"Na {invoer_naam(n['invoer'], partijen)} op {datum_kort(n['datum'])} vervalt: {namen}"
        f"{_bron_tussen_haakjes(n)}."
    )


def _regel_geldt_niet(n: Notitie, partijen: dict[str, str]) -> str:
    return (
        f"Geen datum voor ‘{moment_naam(n['moment'], partijen)}’: die regel{_bron_tussen_haakjes(n)} geldt "
        f"{n['periode']}, niet op {datum_kort(n['datum'])}."
    )


def _wissel_gaat_niet_door(n: Notitie, partijen: dict[str, str]) -> str:
    return (
        f"‘{moment_naam(n['moment'], partijen)}’ op {datum_kort(n['datum'])} gaat niet door: "
        f"‘{moment_naam(n['eerder_moment'], partijen)}’ ligt eerder ({datum_kort(n['eerder_datum'])})."
    )


def _invoer_telt_niet_meer(n: Notitie, partijen: dict[str, str]) -> str:
    return (
        f"{hoofdletter(invoer_veld_naam(n['invoer']))} ({datum_kort(n['datum'])}) speelt vanaf "
        f"{datum_kort(n['vanaf'])} geen rol meer: de afspraken die dan gelden, rekenen er niet mee."
    )


def _na_uiterste_datum(n: Notitie, partijen: dict[str, str]) -> str:
    veld = f"{hoofdletter(invoer_veld_naam(n['invoer']))} ({datum_kort(n['datum'])})"
    if n["grens"] == f"{n['invoer']}-uiterlijk":
        tekst = f"{veld} ligt na de uiterste datum {datum_kort(n['uiterlijk'])}{_bron_tussen_haakjes(n)}."
    else:
        tekst = (
            f"{veld} ligt na ‘{kleine_letter(moment_naam(n['grens'], partijen))}’ ({datum_kort(n['uiterlijk'])}"
            f"{', ' + bron_label(n.bron) if n.bron else ''}), terwijl {invoer_naam(n['invoer'], partijen)} daaraan "
            "voorafgaat."
        )
    if n.get("aanname"):
        tekst += (
            f" Die uiterste datum is berekend uit een aangenomen datum, want {invoer_veld_naam(n['aanname'])} "
            f"is niet opgegeven; vul die in als zij anders was."
        )
    return tekst


_WAAROM_LANDELIJK = {
    "beschikbaar": "Waar de afspraken van {regio} hierover niets zeggen",
    "niet-beschikbaar": "De tekst van de afspraken van {regio} is hier niet beschikbaar; daarom",
    "geen": "Voor deze periode zijn geen afspraken van {regio} bekend; daarom",
}


def _landelijk_vult_aan(n: Notitie, partijen: dict[str, str]) -> str:
    delen = [
        f"{document(doc).naam}: " + ", ".join(moment_naam(m, partijen) for m in momenten)
        for doc, momenten in n["per_document"]
    ]
    inleiding = _WAAROM_LANDELIJK[n["regionale_tekst"]].format(regio=n["regio_naam"])
    if n["regionale_tekst"] == "beschikbaar":
        inleiding += ", volgt de rekenhulp de landelijke regels."
    else:
        inleiding += " volgt de rekenhulp voor deze momenten de landelijke regels."
    return f"{inleiding} " + ". ".join(delen) + "."


def _optie_zonder_gevolg(n: Notitie, partijen: dict[str, str]) -> str:
    return (
        f"{hoofdletter(OPTIE_NAMEN[n['optie']])} verandert hier niets: de afspraken van {n['regio_naam']} "
        f"regelen dit zelf en noemen er geen uitzondering voor{_bron_tussen_haakjes(n)}."
    )


def _zonder_datum(n: Notitie, partijen: dict[str, str]) -> str:
    return str(n["tekst"])


def _melding_in_de_toekomst(n: Notitie, partijen: dict[str, str]) -> str:
    return (
        f"Let op: de meldingsdatum ({datum_kort(n['datum'])}) ligt na vandaag ({datum_kort(n['vandaag'])}). "
        "Klopt dat? De rekenhulp rekent wel vooruit."
    )


_WOORDEN: dict[str, Callable[[Notitie, dict[str, str]], str]] = {
    "aanname": _aanname,
    "aanname-onmogelijk": _aanname_onmogelijk,
    "vervalt": _vervalt,
    "vervalt-na": _vervalt_na,
    "regel-geldt-niet": _regel_geldt_niet,
    "wissel-gaat-niet-door": _wissel_gaat_niet_door,
    "invoer-telt-niet-meer": _invoer_telt_niet_meer,
    "na-uiterste-datum": _na_uiterste_datum,
    "landelijk-vult-aan": _landelijk_vult_aan,
    "optie-zonder-gevolg": _optie_zonder_gevolg,
    "zonder-datum": _zonder_datum,
    "melding-in-de-toekomst": _melding_in_de_toekomst,
}
