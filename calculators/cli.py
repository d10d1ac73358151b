"""Opdrachtregel: ``python -m calculators tijdlijn|werkdagen|oefenen|regels|controleer|nieuwe-regio``.

Alle uitvoer en foutmeldingen zijn Nederlands. Bij een fout: één regel op stderr die
de onjuiste waarde noemt, exitcode 2, nooit een traceback (ook niet bij fouten van
argparse zelf).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn, TextIO

from .basis.begrippen import OPTIE_NAMEN, ROUTES, Json
from .basis.bestanden import OMGEVINGSVARIABELE, gebruik_regelmap, regelmap
from .basis.fouten import AfsprakenFout
from .basis.invoer import kort, lees_aantal, lees_datum, lees_keuze
from .kalender.werkdagen import KALENDERS, kalender_info, niet_werkdagen, plus_werkdagen, werkdagen_tussen
from .recht import controle
from .recht.aef import controleer_dekking, lees_aef
from .recht.op_datum import beschikbaar
from .recht.regios import alle_regios, controleer_regelmap, regio_codes, regio_naam
from .rekenen.tijdlijn import tijdlijn
from .uitvoer import nieuwe_regio
from .uitvoer.oefenen import oefeningen
from .uitvoer.overzicht import maak_overzicht
from .uitvoer.weergave import oefeningen_als_tekst, tijdlijn_als_tekst, werkdagen_als_tekst
from .woorden.teksten import periode_tekst

FOUTCODE = 2

# argparse maakt Engelse meldingen; deze patronen zetten ze om naar het Nederlands.
_VERTALINGEN = [
    (r"the following arguments are required: (.*)", r"de volgende argumenten zijn verplicht: \1"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.*)\)", r"argument \1: ongeldige keuze \2 (kies uit \3)"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"argument (.+?): expected one argument", r"argument \1: verwacht één waarde"),
    (r"argument (.+?): expected at most one argument", r"argument \1: verwacht hoogstens één waarde"),
    (r"argument (.+?): expected at least one argument", r"argument \1: verwacht ten minste één waarde"),
    (r"argument (.+?): not allowed with argument (.+)", r"argument \1: mag niet samen met argument \2"),
    (r"argument (.+?): ignored explicit argument (.+)", r"argument \1: waarde \2 is hier niet toegestaan"),
    (r"argument (.+?): invalid (.+?) value: (.+)", r"argument \1: ongeldige waarde \3"),
    (r"one of the arguments (.+) is required", r"een van de argumenten \1 is verplicht"),
    (r"ambiguous option: (.+?) could match (.+)", r"dubbelzinnige optie \1; kan zijn: \2"),
]


def vertaal(bericht: str) -> str:
    for patroon, vervanging in _VERTALINGEN:
        if re.fullmatch(patroon, bericht, flags=re.DOTALL):
            return re.sub(patroon, vervanging, bericht, flags=re.DOTALL)
    return f"ongeldige invoer: {bericht}"


class _Opmaak(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser met Nederlandse koppen, hulptekst en foutmeldingen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Opmaak)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # Python 3.14+ kan kleuren en Engelse suggesties ('maybe you meant') toevoegen; uit voor vaste uitvoer.
        self.color = False
        self.suggest_on_error = False
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze hulptekst en stop")

    def error(self, message: str) -> NoReturn:
        _fout(vertaal(message) + f" (zie '{self.prog} --help')")
        sys.exit(FOUTCODE)


def _fout(tekst: str, soort: str = "fout") -> None:
    # Eén regel: een meerregelige melding zou in logs en koppelingen uit elkaar vallen.
    print(f"{soort}: " + " ".join(tekst.split()), file=sys.stderr)


def _utf8(stroom: TextIO) -> bool:
    return (getattr(stroom, "encoding", "") or "").lower().replace("-", "").replace("_", "") == "utf8"


def _console_veilig() -> None:
    """Any console encoding (cp437, latin-1): characters it lacks become '?', never a crash. JSON stays exact
    because it is written with ASCII escapes there (``_json``)."""
    for stroom in (sys.stdout, sys.stderr):
        if not _utf8(stroom) and hasattr(stroom, "reconfigure"):
            stroom.reconfigure(errors="replace")


def _schrijf(tekst: str) -> None:
    sys.stdout.write(tekst)
    sys.stdout.flush()


def _json(data: Json) -> None:
    _schrijf(json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2) + "\n")


def _waar(veld: str) -> str:
    """Where an option or date means something, from the rule data: 'Midden-Brabant (routes …)'."""
    try:
        plekken = []
        for code in regio_codes():
            b = beschikbaar(code, veld)
            if not b.routes or all(t.landelijk for t in b.regels):
                continue
            eerste = alle_regios()[code].versies[0].geldig_vanaf
            perioden = sorted(
                {
                    periode_tekst(t.regel)
                    for t in b.regels
                    if t.regel.geldig_tot is not None or t.regel.geldig_vanaf > eerste
                }
            )
            waar = "alle routes" if len(b.routes) == len(ROUTES) else "route " + " of ".join(b.routes)
            plekken.append(f"{regio_naam(code)}, {waar}" + (f", meldingen {' of '.join(perioden)}" if perioden else ""))
        return f" ({'; '.join(plekken)})" if plekken else ""
    except AfsprakenFout:  # a broken rules folder must not break --help; 'controleer' explains it
        return ""


def maak_parser() -> argparse.ArgumentParser:
    hoofd = _Parser(
        prog="python -m calculators",
        description="Rekenhulp Afsprakenwijzer: wie is verantwoordelijk voor het zicht op veiligheid, tot "
        "wanneer, en welke termijnen gelden — volgens de samenwerkingsafspraken tussen Veilig Thuis en de "
        "lokale (wijk)teams.",
        epilog="Meer uitleg per opdracht: python -m calculators OPDRACHT --help",
    )
    sub = hoofd.add_subparsers(title="opdrachten", dest="opdracht", metavar="OPDRACHT", parser_class=_Parser)
    sub.required = True

    t = sub.add_parser(
        "tijdlijn",
        help="bereken momenten en verantwoordelijkheid voor een casus",
        description="Bereken de momenten (termijnen, overdracht, monitoring) en wie wanneer verantwoordelijk "
        "is voor het zicht op veiligheid. Niet opgegeven datums worden aangenomen als de uiterste datum "
        "volgens de afspraken en zo gemarkeerd.",
    )
    t.add_argument("--regio", required=True, metavar="REGIO", help=f"regio: {', '.join(_regio_codes())}")
    t.add_argument("--route", required=True, metavar="ROUTE", help=f"route: {', '.join(ROUTES)}")
    t.add_argument("--melding", required=True, metavar="JJJJ-MM-DD", help="datum van de melding bij Veilig Thuis")
    t.add_argument(
        "--veiligheidsbeoordeling",
        metavar="JJJJ-MM-DD",
        help="datum waarop de veiligheidsbeoordeling (triage) is afgerond",
    )
    t.add_argument("--overdracht", metavar="JJJJ-MM-DD", help="datum van de overdracht aan het lokale team")
    t.add_argument(
        "--dienst-einde",
        metavar="JJJJ-MM-DD",
        help="datum waarop de dienst van Veilig Thuis is afgerond (routes met een dienst)",
    )
    t.add_argument("--spoed", action="store_true", help="spoedeisende melding" + _waar("spoed"))
    t.add_argument("--vbs", metavar="crisis|regulier", help="Verbindend Samenwerken: crisis of regulier" + _waar("vbs"))
    t.add_argument(
        "--jeugdbeschermingstafel",
        action="store_true",
        help=OPTIE_NAMEN["jeugdbeschermingstafel"] + _waar("jeugdbeschermingstafel"),
    )
    t.add_argument(
        "--terugkoppeling",
        metavar="JJJJ-MM-DD",
        help="datum waarop het lokale team de casus teruggaf" + _waar("terugkoppeling"),
    )
    t.add_argument("--heraanmelding", action="store_true", help=OPTIE_NAMEN["heraanmelding"] + _waar("heraanmelding"))
    t.add_argument(
        "--start-hulp",
        metavar="JJJJ-MM-DD",
        help="datum waarop het lokale team met de hulp begon" + _waar("start_hulp"),
    )
    t.add_argument(
        "--kalender",
        default="atw",
        metavar="KALENDER",
        help=f"werkdagenkalender: {', '.join(KALENDERS)} (standaard: atw)",
    )
    t.add_argument(
        "--peildatum",
        metavar="JJJJ-MM-DD",
        help="beantwoord voor deze dag: wie is verantwoordelijk, tot wanneer, wat is de volgende termijn",
    )
    t.add_argument("--json", action="store_true", help="uitvoer als JSON (vast contract, zie de documentatie)")
    t.set_defaults(functie=_tijdlijn)

    w = sub.add_parser(
        "werkdagen",
        help="tel werkdagen of reken een aantal werkdagen vooruit",
        description="Reken vanaf een datum een aantal werkdagen vooruit (de eerste getelde dag is de dag na "
        "--van), of tel de werkdagen tussen twee datums (--van telt niet mee, --tot wel).",
    )
    w.add_argument("--van", required=True, metavar="JJJJ-MM-DD", help="begindatum")
    keuze = w.add_mutually_exclusive_group(required=True)
    keuze.add_argument("--aantal", metavar="N", help="aantal werkdagen (0 of meer)")
    keuze.add_argument("--tot", metavar="JJJJ-MM-DD", help="einddatum: tel de werkdagen tot en met deze datum")
    w.add_argument(
        "--kalender",
        default="atw",
        metavar="KALENDER",
        help=f"werkdagenkalender: {', '.join(KALENDERS)} (standaard: atw)",
    )
    w.add_argument("--json", action="store_true", help="uitvoer als JSON")
    w.set_defaults(functie=_werkdagen)

    o = sub.add_parser(
        "oefenen",
        help="oefencasussen voor het inwerken, met antwoord en uitleg",
        description="Oefencasussen rond weekenden en feestdagen, gemaakt uit de regeldata en beantwoord door de "
        "rekenkern zelf: per casus een vraag (een datum of wie zicht op veiligheid heeft), het antwoord, de uitleg "
        "met de getelde dagen, de bron en hoe de rekenhulp de tekst leest.",
    )
    o.add_argument("--regio", metavar="REGIO", help=f"alleen deze regio: {', '.join(_regio_codes())}")
    o.add_argument("--json", action="store_true", help="uitvoer als JSON (zie de documentatie)")
    o.set_defaults(functie=_oefenen)

    r = sub.add_parser(
        "regels",
        help="toon alle regelwaarden (met bron) als JSON",
        description="Alle regelwaarden per regio met bron, en per route en moment de regels die gelden "
        "(zonder keuzes en per keuze), zoals de rekenhulp en de site ze gebruiken (JSON).",
    )
    r.add_argument(
        "--datum",
        metavar="JJJJ-MM-DD",
        help="de regels die op deze dag gelden (standaard: per regio de laatste wijziging)",
    )
    r.set_defaults(functie=_regels)

    c = sub.add_parser(
        "controleer",
        help="controleer de regelbestanden",
        description="Controleer alle regelbestanden (na het bewerken ervan). Zonder --map: de bestanden die "
        f"nu gebruikt worden (het pakket, of de map in {OMGEVINGSVARIABELE}). Controleert ook dat elk "
        "citaat letterlijk in de gepubliceerde tekst staat en dat elk anker bestaat (de Markdown-pagina's "
        f"in docs/, of de map in {controle.DOCS_VARIABELE}).",
    )
    c.add_argument("--map", metavar="PAD", help="map met regelbestanden")
    c.add_argument("--docs", metavar="PAD", help="map met de pagina's van de site (standaard: docs/ naast het pakket)")
    c.set_defaults(functie=_controleer)

    n = sub.add_parser(
        "nieuwe-regio",
        help="maak het regelbestand en de pagina van een nieuwe regio",
        description="Maak het regelbestand (de enige plek waar een regio wordt aangemeld) en het begin van de pagina "
        "van een nieuwe regio, en controleer ze zoals 'controleer' dat doet. Daarna rekent de rekenhulp voor de regio "
        "met het landelijk kader, tot u de regels toevoegt (zie docs/beheer/regio-toevoegen.md).",
    )
    n.add_argument("--code", required=True, metavar="CODE", help="code van de regio, zoals noord-holland")
    n.add_argument("--naam", required=True, metavar="NAAM", help="naam van de regio, zoals 'Noord-Holland'")
    n.add_argument("--geldig-vanaf", required=True, metavar="JJJJ-MM-DD", help="vanaf wanneer de afspraken gelden")
    n.add_argument("--map", metavar="PAD", help="map met regelbestanden (standaard: die van het pakket)")
    n.add_argument("--docs", metavar="PAD", help="map met de pagina's van de site (standaard: docs/ naast het pakket)")
    n.set_defaults(functie=_nieuwe_regio)
    return hoofd


def _tijdlijn(args: argparse.Namespace) -> int:
    t = tijdlijn(
        args.regio,
        args.route,
        args.melding,
        veiligheidsbeoordeling=args.veiligheidsbeoordeling,
        overdracht=args.overdracht,
        dienst_einde=args.dienst_einde,
        spoed=args.spoed,
        vbs=args.vbs,
        jeugdbeschermingstafel=args.jeugdbeschermingstafel,
        terugkoppeling=args.terugkoppeling,
        heraanmelding=args.heraanmelding,
        start_hulp=args.start_hulp,
        kalender=args.kalender,
        peildatum=args.peildatum,
    )
    if args.json:
        _json(t.to_dict())
    else:
        _schrijf(tijdlijn_als_tekst(t))
    return 0


def _werkdagen(args: argparse.Namespace) -> int:
    kal = kalender_info(args.kalender)
    van = lees_datum(args.van, "van")
    if args.tot is not None:
        tot = lees_datum(args.tot, "tot")
        aantal = werkdagen_tussen(van, tot, kal.code)
    else:
        aantal = lees_aantal(args.aantal, "aantal")
        tot = plus_werkdagen(van, aantal, kal.code)
    niet = niet_werkdagen(van, tot, kal.code)
    if args.json:
        _json(
            {
                "van": van.isoformat(),
                "tot": tot.isoformat(),
                "aantal_werkdagen": aantal,
                "telwijze": "de begindatum telt niet mee, de einddatum wel",
                "kalender": kal.to_dict(),
                "niet_werkdagen": [n.to_dict() for n in niet],
            }
        )
    else:
        _schrijf(werkdagen_als_tekst(van, tot, aantal, kal, niet))
    return 0


def _oefenen(args: argparse.Namespace) -> int:
    if args.regio is not None:
        lees_keuze(args.regio, "regio", regio_codes(), "regio")
    lijst = oefeningen(args.regio)
    if args.json:
        _json({"oefeningen": [o.to_dict() for o in lijst]})
    else:
        _schrijf(oefeningen_als_tekst(lijst))
    return 0


def _regels(args: argparse.Namespace) -> int:
    _json(maak_overzicht(None if args.datum is None else lees_datum(args.datum, "datum")))
    return 0


def _controleer(args: argparse.Namespace) -> int:
    if args.map:
        gebruik_regelmap(args.map)
    bestanden = controleer_regelmap()
    controleer_dekking(lees_aef(), alle_regios())
    waar = args.map or (str(regelmap()) if regelmap() else "het pakket")
    docs = controle.docs_map() if args.docs is None else Path(args.docs)
    if docs is None or not docs.is_dir():
        _schrijf(f"In orde ({waar}): {', '.join(bestanden)}\n")
        _fout(
            "de pagina's van de site (docs/) zijn niet gevonden: citaten en ankers zijn niet gecontroleerd "
            "(geef de map op met --docs)",
            soort="let op",
        )
        return 0
    problemen = controle.controleer_bronnen(docs)
    if problemen:
        for p in problemen:
            _fout(p)
        return FOUTCODE
    _schrijf(f"In orde ({waar}): {', '.join(bestanden)}; alle citaten en ankers gevonden in {docs}\n")
    return 0


def _nieuwe_regio(args: argparse.Namespace) -> int:
    if args.map:
        gebruik_regelmap(args.map)
    regels = regelmap() or Path(__file__).resolve().parent / "rules"
    docs = controle.docs_map() if args.docs is None else Path(args.docs)
    if docs is None or not docs.is_dir():
        raise AfsprakenFout("de map met de pagina's van de site (docs/) is niet gevonden; geef hem op met --docs")
    nieuw = nieuwe_regio.maak(args.code, args.naam, lees_datum(args.geldig_vanaf, "geldig_vanaf"), regels, docs)
    problemen = nieuwe_regio.controleer(nieuw)
    if problemen:  # never written half: the skeleton itself must pass the checks
        for p in problemen:
            _fout(p)
        return FOUTCODE
    nieuwe_regio.schrijf(nieuw)
    _schrijf(nieuwe_regio.volgende_stappen(nieuw))
    return 0


def _regio_codes() -> list[str]:
    try:
        return list(regio_codes())
    except AfsprakenFout:  # a broken rules folder must not break --help; 'controleer' explains it
        return ["(zie de regelbestanden)"]


def main(argv: list[str] | None = None) -> int:
    _console_veilig()
    parser = maak_parser()
    args = parser.parse_args(argv)
    try:
        uitkomst: int = args.functie(args)
        return uitkomst
    except AfsprakenFout as e:
        _fout(str(e))
        return FOUTCODE
    except BrokenPipeError:
        return 0
    except Exception as e:  # nooit een traceback voor de gebruiker
        if os.environ.get("AFSPRAKENWIJZER_DEBUG"):
            raise
        _fout(
            f"interne fout van de rekenhulp ({kort(f'{type(e).__name__}: {e}')}); meld dit aan de beheerder van de site"
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
