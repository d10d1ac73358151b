"""The page "Wijzigingen" for readers and the technical log for maintainers, generated at build time.

For readers (over/wijzigingen.md), from the rule data through the engine, in words:

- the versions of the agreements per region (``[[versie]]`` with ``geldig_vanaf`` / ``geldig_tot``);
- every change of the rules: what changed (both rules, each with its quoted sentence), from when, for which
  routes and options, why (the source's own words, where it gives a reason) and an example case the engine
  computes (``calculators.uitvoer.wijzigingen``);
- what was corrected when each text was published (its ``bron.bewerking``), and when its page last changed.

For maintainers (beheer/logboek.md): every commit that changed a published text or a rule file, newest
first, from ``git log``. CI builds a fresh clone, so the history is there. A build without git history (for
example from a downloaded archive) says so on the page instead of failing; a shallow clone says the list may be
incomplete. Reader pages show no commit codes or file names.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from calculators.basis.opmaak import datum_kort, hoofdletter
from calculators.recht.regios import alle_regios, document, documentmappen, regio_codes, regio_naam
from calculators.uitvoer.wijzigingen import wijzigingen_data

from .opmaak import Links

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def gevolgd() -> tuple[str, ...]:
    """The folders of the published texts (as the engine knows them) and the rules."""
    return (*(f"docs/{m.rstrip('/')}" for m in documentmappen()), "calculators/rules")


SOORT = {"A": "nieuw", "M": "gewijzigd", "D": "verwijderd", "T": "gewijzigd"}
RECORD, VELD = "\x1e", "\x1f"


lange_datum = datum_kort


def _cel(tekst: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(tekst).split()).replace("|", "\\|")


def _link_naar(doel: str, van: str) -> str:
    """A Markdown link target from page ``van`` to page ``doel`` (both paths under docs/)."""
    return posixpath.relpath(doel, posixpath.dirname(van) or ".")


def _md_pad(url: str) -> str:
    """'midden-brabant/samenwerkingsafspraken/' -> 'midden-brabant/samenwerkingsafspraken.md'."""
    return url.strip("/") + ".md"


def _git(*args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(
            ["git", "-c", "safe.directory=*", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None


@dataclass(frozen=True)
class Wijziging:
    datum: dt.date
    commit: str
    soort: str  # nieuw | gewijzigd | verwijderd
    pad: str  # relative to the repository root


def geschiedenis() -> list[Wijziging] | None:
    """Every change to a followed file, newest first; None without git history."""
    result = _git("log", "--no-renames", "--name-status", f"--format={RECORD}%h{VELD}%cs", "--", *gevolgd())
    if result is None or result.returncode != 0:
        return None
    wijzigingen = []
    for blok in result.stdout.split(RECORD)[1:]:
        kop, *regels = blok.strip("\n").split("\n")
        commit, datum = kop.split(VELD)
        for regel in regels:
            if not regel.strip():
                continue
            status, pad = regel.split("\t", 1)
            wijzigingen.append(Wijziging(dt.date.fromisoformat(datum), commit, SOORT.get(status[0], "gewijzigd"), pad))
    return wijzigingen


def is_ondiep() -> bool:
    result = _git("rev-parse", "--is-shallow-repository")
    return bool(result and result.stdout.strip() == "true")


def _front_matter(pad: Path) -> dict:
    tekst = pad.read_text(encoding="utf-8")
    if not tekst.startswith("---\n"):
        return {}
    return yaml.safe_load(tekst.split("---\n", 2)[1]) or {}


def _onderdeel(pad: str, van: str) -> str:
    """What a changed file is, for a reader: a linked page title, or the rules of a region."""
    bestand = ROOT / pad
    if pad.startswith("docs/") and pad.endswith(".md"):
        relatief = pad[len("docs/") :]
        if not bestand.exists():
            return f"{_cel(relatief)} (pagina bestaat niet meer)"
        meta = _front_matter(bestand)
        regio = regio_naam(meta["regio"]) if meta.get("regio") in regio_codes() else ""
        titel = meta.get("title") or relatief
        naam = f"{titel} ({regio})" if regio and regio not in titel else titel
        return f"[{_cel(naam)}]({_link_naar(relatief, van)})"
    if pad.startswith("calculators/rules/"):
        code = Path(pad).stem
        if code in regio_codes():
            return f"Rekenregels {_cel(regio_naam(code))} (`{Path(pad).name}`)"
        if code == "atw-lid3":
            return f"Met feestdagen gelijkgestelde dagen, Algemene termijnenwet art. 3 lid 3 (`{Path(pad).name}`)"
        return f"Rekenregels (`{Path(pad).name}`)"
    return f"`{_cel(pad)}`"


def versies_tabel(van: str) -> str:
    """The versions of the agreements per region that the calculators know, newest first."""
    rijen = []
    for regels in alle_regios().values():
        for versie in regels.versies:
            pagina = document(versie.bron.document).pagina
            regio = f"[{_cel(regels.naam)}]({_link_naar(_md_pad(pagina), van)})"
            tot = lange_datum(versie.geldig_tot - dt.timedelta(days=1)) if versie.geldig_tot else "nu geldig"
            rijen.append(
                (
                    versie.geldig_vanaf,
                    f"| {regio} | {_cel(versie.naam)} | {lange_datum(versie.geldig_vanaf)} "
                    f"| {tot} | {_cel(versie.toelichting or '')} |",
                )
            )
    rijen.sort(key=lambda rij: rij[0], reverse=True)
    kop = "| Regio | Versie van de afspraken | Geldig vanaf | Geldig tot en met | Toelichting |\n|---|---|---|---|---|"
    return "\n".join([kop, *(rij for _, rij in rijen)])


def geschiedenis_tabel(van: str) -> str:
    wijzigingen = geschiedenis()
    if wijzigingen is None:
        return (
            '!!! note "Geschiedenis niet beschikbaar"\n    Deze versie van de site is gebouwd zonder git-geschiedenis '
            "(bijvoorbeeld uit een gedownload archief). Bouw de site uit een git-kloon om hier alle wijzigingen te zien."
        )
    if not wijzigingen:
        return "Er zijn nog geen wijzigingen vastgelegd."
    regels = ["| Datum | Onderdeel | Wat | Vastlegging |", "|---|---|---|---|"]
    for w in wijzigingen:
        regels.append(f"| {lange_datum(w.datum)} | {_onderdeel(w.pad, van)} | {w.soort} | `{w.commit}` |")
    tabel = "\n".join(regels)
    if is_ondiep():
        tabel = (
            '!!! warning "Onvolledige geschiedenis"\n    Deze site is gebouwd uit een ondiepe git-kloon: '
            "oudere wijzigingen ontbreken in de lijst.\n\n" + tabel
        )
    return tabel


# --- for readers: the changes in words ----------------------------------------------------------------------------


def _citaat(bron: dict, links: Links) -> str:
    return f"“{_cel(bron['citaat'])}” {links.bron(bron, kort=True)}"


def _kant(kant: dict, links: Links) -> str:
    citaten = "; ".join(_citaat(b, links) for b in kant["bronnen"])
    return f"{kant['tekst']}" + (f" — {citaten}" if citaten else "")


def _wijziging_md(o: dict, links: Links) -> list[str]:
    regels = [
        f"**{o['naam']}** ({o['geval']})",
        "",
        f"- **Was:** {_kant(o['oud'], links)}",
        f"- **Wordt:** {_kant(o['nieuw'], links)}",
    ]
    if o["wat"]:
        regels.append(f"- **Wat verandert:** {'; '.join(o['wat'])}.")
    for reden in o["redenen"]:
        regels.append(f"- **Waarom, in de woorden van de tekst:** {_citaat(reden, links)}")
    if o["voorbeeld"]:
        regels.append(f"- **Voorbeeld, berekend door de rekenhulp:** {o['voorbeeld']}")
    return ['<div class="aw-wijziging" markdown>', "", *regels, "", "</div>", ""]


def _kop(w: dict) -> str:
    if w["nieuwe_versie_begint"]:
        return f"{w['regio_naam']}: nieuwe afspraken vanaf {w['datum_tekst']}"
    if all(o["nieuw"]["landelijk"] or o["oud"]["landelijk"] for o in w["onderdelen"]) and w["regio"] != "landelijk":
        return f"{w['regio_naam']}: het landelijk kader verandert op {w['datum_tekst']}"
    return f"{w['regio_naam']}: wijziging vanaf {w['datum_tekst']}"


def wijzigingen_in_woorden(van: str) -> str:
    """Every change of the rules, newest first: per region and date a heading, then each change."""
    links = Links(van)
    alle = sorted(
        (w for code in regio_codes() for w in wijzigingen_data(code)),
        key=lambda w: (w["datum"], w["regio"]),
        reverse=True,
    )
    if not alle:
        return "De regels zijn sinds de eerste versie van elke regio niet gewijzigd."
    uit = []
    for w in alle:
        uit += [f"### {_kop(w)} {{ #wijziging-{w['regio']}-{w['datum']} }}", ""]
        if w["nieuwe_versie_begint"]:
            oud, nieuw = w["oude_versie"], w["nieuwe_versie"]
            uit += [
                f"*{_cel(nieuw['naam'])}* in plaats van *{_cel(oud['naam'])}*. {_cel(nieuw['toelichting'] or '')}",
                "",
            ]
        elif w["regio"] != "landelijk":
            uit += [
                f"De afspraken van {w['regio_naam']} zelf blijven gelijk; de rekenhulp past hier het landelijk "
                "kader toe, omdat de regionale tekst erover zwijgt of niet beschikbaar is.",
                "",
            ]
        for o in w["onderdelen"]:
            uit += _wijziging_md(o, links)
    return "\n".join(uit)


def correcties(van: str) -> str:
    """Per published text: what was corrected when it was put on the site, and when its page last changed."""
    links = Links(van)
    uit = []
    for pad in sorted(p for m in documentmappen() for p in (DOCS / m).rglob("*.md")):
        meta = _front_matter(pad)
        bewerking = (meta.get("bron") or {}).get("bewerking")
        if not bewerking:
            continue
        relatief = pad.relative_to(DOCS).as_posix()
        datum = _laatst_gewijzigd(pad)
        laatst = f" De tekst op deze site is voor het laatst gewijzigd op {lange_datum(datum)}." if datum else ""
        uit.append(
            f"- [{_cel(meta.get('title') or relatief)}]({links.pagina(relatief)}): "
            f"{hoofdletter(_cel(bewerking))}{'' if bewerking.rstrip().endswith('.') else '.'}{laatst}"
        )
    return "\n".join(uit)


def _laatst_gewijzigd(pad: Path) -> dt.date | None:
    result = _git("log", "-1", "--format=%cs", "--", str(pad.relative_to(ROOT)))
    tekst = result.stdout.strip() if result is not None and result.returncode == 0 else ""
    return dt.date.fromisoformat(tekst) if tekst else None
