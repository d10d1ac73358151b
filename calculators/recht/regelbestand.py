"""One region's rule file (TOML): its value objects, read and checked.

Policy staff keep these files, so every error stops with a Dutch message that names the file and
the field, for example: "midden-brabant.toml: regel 'overdracht-oppakken': veld 'eenheid' heeft
onbekende waarde 'dagen2'; toegestaan: dagen, maanden, weken, werkdagen".

The fields are explained for maintainers in docs/beheer/regio-toevoegen.md and docs/tools/cli.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol, TypeVar

from ..basis.begrippen import (
    DATUM_SOORTEN,
    EENHEDEN,
    INVOER_MOMENTEN,
    MOMENTEN,
    NIEMAND,
    ONBEPAALD,
    OPTIES,
    PARTIJEN,
    ROUTES,
    invoerketen,
)
from ..basis.bestanden import Lezer, Tabel, lees_toml
from ..kalender.werkdagen import atw_verlengd, plus_termijn


class MetGeldigheid(Protocol):
    """Anything valid from a date until a date: a version, a rule, a fact."""

    @property
    def geldig_vanaf(self) -> dt.date: ...
    @property
    def geldig_tot(self) -> dt.date | None: ...


Geldig = TypeVar("Geldig", bound=MetGeldigheid)

_ANKER = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SOORTEN = ("aanname", "overgang", "termijn", "vervalt")
# What a version says about the regional text where a rule is missing (how the national fallback is worded):
#   beschikbaar      the text is here and is silent on the point
#   niet-beschikbaar the agreements exist but their text is not available here (West-Brabant)
#   geen             no regional agreements are known for this period: only the national framework applies
REGIONALE_TEKST = ("beschikbaar", "geen", "niet-beschikbaar")
_BEREKEND = tuple(c for c, m in MOMENTEN.items() if m.soort == "berekend")
# Readings of the texts that belong to no single rule ([lezingen]); a region's own wins over the national one.
#   lopende-casus: what other agreements mean for a case that is already running when they start
LEZINGEN = ("lopende-casus",)


@dataclass(frozen=True)
class Bron:
    """Where a rule comes from: document, paragraph, a short verbatim quote and the anchor on the site."""

    document: str
    paragraaf: str
    citaat: str
    anker: str
    herkomst: str | None = None  # the original source when the document quotes another text


@dataclass(frozen=True)
class Document:
    """A published text that rules cite: its page on the site and how it is named."""

    code: str
    pagina: str  # site-relative directory URL, e.g. 'midden-brabant/samenwerkingsafspraken/'
    naam: str
    kort: str  # next to a paragraph: 'Kwaliteitskader § 2.1'


@dataclass(frozen=True)
class AfsprakenVersie:
    code: str
    naam: str
    document: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None  # exclusive: the first day on which this version no longer applies
    toelichting: str | None
    bron: Bron
    regionale_tekst: str = "beschikbaar"

    def geldt_op(self, datum: dt.date) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum < self.geldig_tot)


@dataclass(frozen=True)
class Regel:
    """One rule value with its validity and source (OpenFisca style).

    soort:
      'termijn'  - ``moment`` = ``vanaf`` + ``aantal`` ``eenheid`` (``datum``: einde-termijn or dag-na-termijn);
                   ``wettelijk``: a term from a law or AMvB, which the Algemene termijnenwet extends;
                   ``begrenst``: the date is also the latest date of that input moment (it cannot lie later);
                   ``onbepaald_vanaf``: while ``vanaf`` is unknown, who is responsible from that input moment on
                   depends on a fact of the case (``opmerking_zonder_datum`` says which)
      'overgang' - at input moment ``moment`` party ``verantwoordelijke`` becomes responsible
                   (``niemand``: the text names nobody from then on); ``binnen``: only until that deadline;
                   ``daarna_vervalt``: these moments no longer apply after it
      'vervalt'  - the ``momenten`` do not occur (e.g. no monitoring after a direct overdracht)
      'aanname'  - the text speaks about input moment ``moment`` but sets no term for it: no latest date
                   (also none from the national framework); when it is not given, ``vanaf`` is assumed

    ``reden``: where the source says why a rule changed, that sentence (verbatim, with its place), for the
    page that explains the changes in words.
    """

    code: str
    soort: str
    regio: str
    versie: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    bron: Bron
    moment: str | None = None
    momenten: tuple[str, ...] = ()
    aantal: int | None = None
    eenheid: str | None = None
    vanaf: str | None = None
    datum: str = "einde-termijn"
    verantwoordelijke: str | None = None
    routes: tuple[str, ...] = ROUTES
    als: tuple[tuple[str, object], ...] = ()
    binnen: str | None = None
    daarna_vervalt: tuple[str, ...] = ()
    begrenst: str | None = None
    onbepaald_vanaf: str | None = None
    omschrijving: str | None = None
    interpretatie: str | None = None
    opmerking_zonder_datum: str | None = None
    wettelijk: bool = False
    reden: Bron | None = None

    def geldt_op(self, datum: dt.date) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum < self.geldig_tot)

    def datum_vanaf(self, basis: dt.date, kalender: str) -> dt.date:
        """The date this term gives when the moment it counts from falls on ``basis``."""
        assert self.aantal is not None and self.eenheid is not None, f"{self.code}: geen termijn"
        d = plus_termijn(basis, self.aantal, self.eenheid, kalender)
        if self.wettelijk:
            d = atw_verlengd(basis, d, kalender)
        return d + dt.timedelta(days=1) if self.datum == "dag-na-termijn" else d

    def past_bij(self, opties: Mapping[str, object]) -> bool:
        return all(opties.get(k) == v for k, v in self.als)

    @cached_property
    def raakt(self) -> tuple[str, ...]:
        """The moments this rule speaks about (an 'aanname' also about the latest date it leaves out)."""
        if self.soort == "vervalt":
            return self.momenten
        if self.soort == "aanname":
            return tuple(m for m in (self.moment, f"{self.moment}-uiterlijk") if m is not None and m in MOMENTEN)
        return (self.moment,) if self.moment else ()


@dataclass(frozen=True)
class Feit:
    """A fact that is not a date (criteria, ways of working), with its source: for the comparison pages."""

    code: str
    regio: str
    versie: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    omschrijving: str
    waarde: object
    bron: Bron
    routes: tuple[str, ...] = ROUTES
    interpretatie: str | None = None

    def geldt_op(self, datum: dt.date) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum < self.geldig_tot)


@dataclass(frozen=True)
class RegioRegels:
    code: str
    naam: str
    bestand: str
    document: Document
    partijen: dict[str, str]
    versies: tuple[AfsprakenVersie, ...]
    regels: tuple[Regel, ...]
    feiten: tuple[Feit, ...]
    lezingen: dict[str, str] = field(default_factory=dict)

    @cached_property
    def per_moment(self) -> dict[str, tuple[Regel, ...]]:
        """The rules by each moment they concern, in file order: a calculation looks them up dozens of times."""
        index: dict[str, list[Regel]] = {}
        for r in self.regels:
            for moment in r.raakt:
                index.setdefault(moment, []).append(r)
        return {moment: tuple(regels) for moment, regels in index.items()}

    def versie_op(self, datum: dt.date) -> AfsprakenVersie | None:
        return next((v for v in self.versies if v.geldt_op(datum)), None)


def lees_bron(lezer: Lezer, data: Tabel, waar: str, documenten: tuple[str, ...]) -> Bron:
    if "bron" not in data:
        raise lezer.fout(waar, "veld 'bron' ontbreekt: elke regel moet een bron hebben")
    w = f"{waar}: bron"
    b = lezer.tabel(data["bron"], w)
    lezer.onbekende_velden(b, w, ("anker", "citaat", "document", "herkomst", "paragraaf"))
    document = lezer.keuze(b, "document", w, documenten)
    anker = lezer.tekst(b, "anker", w)
    if not _ANKER.match(anker):
        raise lezer.fout(w, f"veld 'anker' {anker!r} mag alleen kleine letters, cijfers en streepjes bevatten")
    return Bron(
        document=document,
        paragraaf=lezer.tekst(b, "paragraaf", w),
        citaat=lezer.tekst(b, "citaat", w),
        anker=anker,
        herkomst=lezer.tekst(b, "herkomst", w, verplicht=False),
    )


def lees_regiotekst(tekst: str, bestand: str, regio: str, documenten: tuple[str, ...]) -> RegioRegels:
    """Read and check the TOML text of one region file. ``regio`` is the code its file name gives;
    ``documenten`` the codes of the texts a source may cite."""
    lezer = Lezer(bestand)
    data = lees_toml(tekst, bestand)

    lezer.onbekende_velden(data, "", ("document", "feit", "lezingen", "naam", "partijen", "regel", "regio", "versie"))
    code = lezer.code(data, "", veld="regio")
    if code != regio:
        raise lezer.fout("", f"veld 'regio' is {code!r}, maar de bestandsnaam zegt {regio!r}: maak ze gelijk")
    naam = lezer.tekst(data, "naam", "")
    document = lees_document(lezer, data, regio)

    partijen = {}
    if "partijen" in data:
        p = lezer.tabel(data["partijen"], "partijen")
        lezer.onbekende_velden(p, "partijen", PARTIJEN)
        partijen = {k: lezer.tekst(p, k, "partijen") for k in p}

    lezingen = {}
    if "lezingen" in data:
        tabel = lezer.blok(data, "lezingen")
        lezer.onbekende_velden(tabel, "lezingen", LEZINGEN)
        lezingen = {k: lezer.tekst(tabel, k, "lezingen") for k in tabel}

    versies = _lees_versies(lezer, data, documenten)
    per_code = {v.code: v for v in versies}
    regels = tuple(
        _lees_regel(lezer, r, i, regio, per_code, documenten) for i, r in enumerate(lezer.blokken(data, "regel"), 1)
    )
    feiten = tuple(
        _lees_feit(lezer, f, i, regio, per_code, documenten) for i, f in enumerate(lezer.blokken(data, "feit"), 1)
    )

    _controleer_overlap(lezer, "regel", regels)
    _controleer_overlap(lezer, "feit", feiten)
    _controleer_kringen(lezer, regels)
    for r in regels:
        if per_code[r.versie].regionale_tekst == "geen":
            raise lezer.fout(
                f"regel {r.code!r}",
                f"versie {r.versie!r} zegt dat er geen regionale afspraken zijn "
                '(regionale_tekst = "geen"), dus er kan geen regel bij horen',
            )
    return RegioRegels(regio, naam, bestand, document, partijen, versies, regels, feiten, lezingen)


def lees_document(lezer: Lezer, data: Tabel, code: str) -> Document:
    """The [document] block: the page on the site and the names of the region's text."""
    if "document" not in data:
        raise lezer.fout("", "het blok [document] ontbreekt (pagina, naam en kort van de tekst op de site)")
    d = lezer.blok(data, "document")
    lezer.onbekende_velden(d, "document", ("kort", "naam", "pagina"))
    pagina = lezer.tekst(d, "pagina", "document")
    if not pagina.endswith("/") or pagina.startswith("/") or ".." in pagina:
        raise lezer.fout(
            "document",
            f"veld 'pagina' {pagina!r} moet een adres op de site zijn dat eindigt op '/', "
            "zoals 'midden-brabant/samenwerkingsafspraken/'",
        )
    return Document(code, pagina, lezer.tekst(d, "naam", "document"), lezer.tekst(d, "kort", "document"))


def _lees_versies(lezer: Lezer, data: Tabel, documenten: tuple[str, ...]) -> tuple[AfsprakenVersie, ...]:
    versies = []
    for i, v in enumerate(lezer.blokken(data, "versie", verplicht=True), 1):
        code = lezer.code(v, f"versie nr. {i}")
        waar = f"versie {code!r}"
        lezer.onbekende_velden(
            v,
            waar,
            ("bron", "code", "document", "geldig_tot", "geldig_vanaf", "naam", "regionale_tekst", "toelichting"),
        )
        vanaf = lezer.datum(v, "geldig_vanaf", waar)
        tot = lezer.datum(v, "geldig_tot", waar, verplicht=False)
        if tot is not None and tot <= vanaf:
            raise lezer.fout(waar, f"veld 'geldig_tot' ({tot}) moet na 'geldig_vanaf' ({vanaf}) liggen")
        versies.append(
            AfsprakenVersie(
                code=code,
                naam=lezer.tekst(v, "naam", waar),
                document=lezer.tekst(v, "document", waar),
                geldig_vanaf=vanaf,
                geldig_tot=tot,
                toelichting=lezer.tekst(v, "toelichting", waar, verplicht=False),
                bron=lees_bron(lezer, v, waar, documenten),
                regionale_tekst=lezer.keuze(v, "regionale_tekst", waar, REGIONALE_TEKST, verplicht=False)
                or "beschikbaar",
            )
        )
    codes = [v.code for v in versies]
    for c in codes:
        if codes.count(c) > 1:
            raise lezer.fout(f"versie {c!r}", "veld 'code' komt dubbel voor")
    versies.sort(key=lambda v: v.geldig_vanaf)
    if overlap := _eerste_overlap(versies):
        a, b = overlap
        raise lezer.fout(
            f"versie {b.code!r}",
            f"geldigheid overlapt met versie {a.code!r} ({_periode(a.geldig_vanaf, a.geldig_tot)}); "
            f"geef versie {a.code!r} een 'geldig_tot' van uiterlijk {b.geldig_vanaf}",
        )
    return tuple(versies)


_REGEL_VELDEN = (
    "aantal",
    "als",
    "begrenst",
    "binnen",
    "bron",
    "code",
    "daarna_vervalt",
    "datum",
    "eenheid",
    "geldig_tot",
    "geldig_vanaf",
    "interpretatie",
    "moment",
    "momenten",
    "omschrijving",
    "onbepaald_vanaf",
    "opmerking_zonder_datum",
    "reden",
    "routes",
    "soort",
    "vanaf",
    "verantwoordelijke",
    "versie",
    "wettelijk",
)
# The fields each kind of rule may have besides the common ones (code, soort, versie, validity, routes, als,
# bron, omschrijving, interpretatie).
_VELDEN_PER_SOORT = {
    "termijn": (
        "aantal",
        "begrenst",
        "datum",
        "eenheid",
        "moment",
        "onbepaald_vanaf",
        "opmerking_zonder_datum",
        "vanaf",
        "verantwoordelijke",
        "wettelijk",
    ),
    "overgang": ("binnen", "daarna_vervalt", "moment", "verantwoordelijke"),
    "vervalt": ("momenten",),
    "aanname": ("moment", "vanaf"),
}


def _lees_geldigheid(
    lezer: Lezer, data: Tabel, waar: str, versie_per_code: dict[str, AfsprakenVersie]
) -> tuple[str, dt.date, dt.date | None]:
    if "versie" in data:
        versie = lezer.keuze(data, "versie", waar, tuple(versie_per_code))
    elif len(versie_per_code) == 1:
        versie = next(iter(versie_per_code))
    else:
        raise lezer.fout(
            waar, f"veld 'versie' ontbreekt (dit bestand heeft meer versies: {', '.join(versie_per_code)})"
        )
    v = versie_per_code[versie]
    vanaf = lezer.datum(data, "geldig_vanaf", waar, verplicht=False) or v.geldig_vanaf
    tot = lezer.datum(data, "geldig_tot", waar, verplicht=False) or v.geldig_tot
    if vanaf < v.geldig_vanaf or (v.geldig_tot is not None and (tot is None or tot > v.geldig_tot)):
        raise lezer.fout(
            waar,
            f"geldigheid {_periode(vanaf, tot)} valt buiten versie {versie!r} ({_periode(v.geldig_vanaf, v.geldig_tot)})",
        )
    if tot is not None and tot <= vanaf:
        raise lezer.fout(waar, f"veld 'geldig_tot' ({tot}) moet na 'geldig_vanaf' ({vanaf}) liggen")
    return versie, vanaf, tot


def _lees_regel(
    lezer: Lezer,
    data: Tabel,
    nr: int,
    regio: str,
    versie_per_code: dict[str, AfsprakenVersie],
    documenten: tuple[str, ...],
) -> Regel:
    code = lezer.code(data, f"regel nr. {nr}")
    waar = f"regel {code!r}"
    lezer.onbekende_velden(data, waar, _REGEL_VELDEN)
    soort = lezer.keuze(data, "soort", waar, SOORTEN, verplicht=False) or "termijn"
    for veld in data:
        if (
            veld in _REGEL_VELDEN
            and veld not in _VELDEN_PER_SOORT[soort]
            and any(veld in andere for andere in _VELDEN_PER_SOORT.values())
        ):
            raise lezer.fout(waar, f"veld {veld!r} hoort niet bij een regel van soort {soort!r}")
    versie, vanaf, tot = _lees_geldigheid(lezer, data, waar, versie_per_code)
    routes = lezer.lijst(data, "routes", waar, ROUTES) or ROUTES
    velden: dict[str, Any] = {
        "code": code,
        "soort": soort,
        "regio": regio,
        "versie": versie,
        "geldig_vanaf": vanaf,
        "geldig_tot": tot,
        "bron": lees_bron(lezer, data, waar, documenten),
        "routes": routes,
        "als": _lees_als(lezer, data, waar),
        "omschrijving": lezer.tekst(data, "omschrijving", waar, verplicht=False),
        "interpretatie": lezer.tekst(data, "interpretatie", waar, verplicht=False),
        "reden": _lees_reden(lezer, data, waar, documenten),
    }

    def in_elke_route(veld: str, moment: str) -> None:
        for route in routes:
            if moment in INVOER_MOMENTEN and moment not in invoerketen(route):
                raise lezer.fout(waar, f"veld {veld!r} {moment!r} bestaat niet in route {route!r}")

    if soort == "termijn":
        velden["moment"] = lezer.keuze(data, "moment", waar, _BEREKEND)
        velden["vanaf"] = lezer.keuze(data, "vanaf", waar, tuple(MOMENTEN))
        velden["eenheid"] = lezer.keuze(data, "eenheid", waar, EENHEDEN)
        velden["aantal"] = lezer.geheel_getal(data, "aantal", waar)
        velden["datum"] = lezer.keuze(data, "datum", waar, DATUM_SOORTEN, verplicht=False) or "einde-termijn"
        velden["wettelijk"] = lezer.ja_nee(data, "wettelijk", waar, standaard=False)
        velden["verantwoordelijke"] = lezer.keuze(data, "verantwoordelijke", waar, PARTIJEN, verplicht=False)
        velden["begrenst"] = lezer.keuze(data, "begrenst", waar, tuple(INVOER_MOMENTEN), verplicht=False)
        velden["onbepaald_vanaf"] = lezer.keuze(data, "onbepaald_vanaf", waar, tuple(INVOER_MOMENTEN), verplicht=False)
        velden["opmerking_zonder_datum"] = lezer.tekst(data, "opmerking_zonder_datum", waar, verplicht=False)
        if velden["vanaf"] == velden["moment"]:
            raise lezer.fout(waar, "veld 'vanaf' mag niet hetzelfde moment zijn als 'moment'")
        in_elke_route("vanaf", velden["vanaf"])
        for veld in ("begrenst", "onbepaald_vanaf"):
            if velden[veld]:
                in_elke_route(veld, velden[veld])
        if velden["onbepaald_vanaf"] and not (velden["verantwoordelijke"] and velden["opmerking_zonder_datum"]):
            raise lezer.fout(
                waar,
                "veld 'onbepaald_vanaf' vraagt ook 'verantwoordelijke' en 'opmerking_zonder_datum' "
                "(wat de lezer moet weten zolang de datum onbekend is)",
            )
    elif soort == "overgang":
        velden["moment"] = lezer.keuze(data, "moment", waar, tuple(INVOER_MOMENTEN))
        velden["verantwoordelijke"] = lezer.keuze(data, "verantwoordelijke", waar, PARTIJEN + (NIEMAND, ONBEPAALD))
        velden["binnen"] = lezer.keuze(data, "binnen", waar, _BEREKEND, verplicht=False)
        velden["daarna_vervalt"] = lezer.lijst(data, "daarna_vervalt", waar, _BEREKEND) or ()
        in_elke_route("moment", velden["moment"])
        if velden["verantwoordelijke"] in (NIEMAND, ONBEPAALD) and velden["omschrijving"] is None:
            raise lezer.fout(waar, "veld 'omschrijving' ontbreekt (zeg waarom de tekst hier niemand aanwijst)")
    elif soort == "vervalt":
        velden["momenten"] = lezer.lijst(data, "momenten", waar, _BEREKEND)
        if velden["momenten"] is None:
            raise lezer.fout(waar, "veld 'momenten' ontbreekt")
        if velden["omschrijving"] is None:
            raise lezer.fout(waar, "veld 'omschrijving' ontbreekt (zeg wat er vervalt)")
    else:
        velden["moment"] = lezer.keuze(data, "moment", waar, tuple(INVOER_MOMENTEN))
        velden["vanaf"] = lezer.keuze(data, "vanaf", waar, tuple(INVOER_MOMENTEN))
        for veld in ("moment", "vanaf"):
            in_elke_route(veld, velden[veld])
        if velden["interpretatie"] is None:
            raise lezer.fout(waar, "veld 'interpretatie' ontbreekt (zeg waarom deze datum wordt aangenomen)")
    return Regel(**velden)


def _lees_reden(lezer: Lezer, data: Tabel, waar: str, documenten: tuple[str, ...]) -> Bron | None:
    """[regel.reden]: why the rule changed, in the source's own words (a quote with its place, like a bron)."""
    if "reden" not in data:
        return None
    return lees_bron(lezer, {"bron": data["reden"]}, f"{waar}: reden", documenten)


def _lees_als(lezer: Lezer, data: Tabel, waar: str) -> tuple[tuple[str, object], ...]:
    if "als" not in data:
        return ()
    als = lezer.tabel(data["als"], f"{waar}: als")
    lezer.onbekende_velden(als, f"{waar}: als", tuple(OPTIES))
    for sleutel, waarde in als.items():
        toegestaan = OPTIES[sleutel]
        if waarde not in toegestaan or type(waarde) is not type(toegestaan[0]):
            namen = ", ".join("true" if t is True else "false" if t is False else str(t) for t in toegestaan)
            raise lezer.fout(f"{waar}: als", f"veld {sleutel!r} heeft onbekende waarde {waarde!r}; toegestaan: {namen}")
    return tuple(sorted(als.items()))


def _lees_feit(
    lezer: Lezer,
    data: Tabel,
    nr: int,
    regio: str,
    versie_per_code: dict[str, AfsprakenVersie],
    documenten: tuple[str, ...],
) -> Feit:
    code = lezer.code(data, f"feit nr. {nr}")
    waar = f"feit {code!r}"
    lezer.onbekende_velden(
        data,
        waar,
        ("bron", "code", "geldig_tot", "geldig_vanaf", "interpretatie", "omschrijving", "routes", "versie", "waarde"),
    )
    versie, vanaf, tot = _lees_geldigheid(lezer, data, waar, versie_per_code)
    waarde = lezer.verplicht(data, "waarde", waar)
    goed = isinstance(waarde, (bool, int, str)) or (
        isinstance(waarde, list) and waarde and all(isinstance(x, str) for x in waarde)
    )
    if not goed:
        raise lezer.fout(waar, "veld 'waarde' moet ja/nee, een getal, een tekst of een lijst met teksten zijn")
    return Feit(
        code=code,
        regio=regio,
        versie=versie,
        geldig_vanaf=vanaf,
        geldig_tot=tot,
        omschrijving=lezer.tekst(data, "omschrijving", waar),
        waarde=tuple(waarde) if isinstance(waarde, list) else waarde,
        bron=lees_bron(lezer, data, waar, documenten),
        routes=lezer.lijst(data, "routes", waar, ROUTES) or ROUTES,
        interpretatie=lezer.tekst(data, "interpretatie", waar, verplicht=False),
    )


def _controleer_overlap(lezer: Lezer, soort: str, items: Iterable[Regel | Feit]) -> None:
    """Two values with the same code must not apply at the same time (one after the other is fine)."""
    per_code: dict[str, list[Regel | Feit]] = {}
    for item in items:
        per_code.setdefault(item.code, []).append(item)
    for code, lijst in per_code.items():
        if overlap := _eerste_overlap(sorted(lijst, key=lambda x: x.geldig_vanaf)):
            a, b = overlap
            raise lezer.fout(
                f"{soort} {code!r}",
                f"geldigheid overlapt: {_periode(a.geldig_vanaf, a.geldig_tot)} en "
                f"{_periode(b.geldig_vanaf, b.geldig_tot)}; dezelfde code mag maar één waarde tegelijk hebben",
            )


def _eerste_overlap(gesorteerd: Sequence[Geldig]) -> tuple[Geldig, Geldig] | None:
    """The first pair (in order of geldig_vanaf) whose validity periods overlap, or None."""
    for a, b in zip(gesorteerd, gesorteerd[1:]):
        if a.geldig_tot is None or a.geldig_tot > b.geldig_vanaf:
            return a, b
    return None


def _controleer_kringen(lezer: Lezer, regels: tuple[Regel, ...]) -> None:
    """A term must not depend on itself (through other terms)."""
    volgt_uit: dict[str, set[str]] = {}
    for r in regels:
        if r.soort == "termijn":
            assert r.moment is not None and r.vanaf is not None  # a term always has both
            volgt_uit.setdefault(r.moment, set()).add(r.vanaf)

    def bezoek(moment: str, pad: tuple[str, ...]) -> None:
        if moment in pad:
            kring = " -> ".join(pad[pad.index(moment) :] + (moment,))
            raise lezer.fout("regels", f"kringverwijzing in 'vanaf': {kring}")
        for volgende in volgt_uit.get(moment, ()):
            bezoek(volgende, pad + (moment,))

    for moment in volgt_uit:
        bezoek(moment, ())


def _periode(vanaf: dt.date, tot: dt.date | None) -> str:
    # ISO dates on purpose: this is what a maintainer types in the file.
    return f"{vanaf} tot {tot}" if tot is not None else f"vanaf {vanaf}"
