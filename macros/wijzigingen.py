"""The "Wijzigingen" page, generated at build time.

Two lists, both from the checkout itself, so nobody has to keep them up to date by hand:

- the versions of the agreements per region, from the rule data of the calculators
  (``calculators/rules/<regio>.toml``, ``[[versie]]`` with ``geldig_vanaf`` / ``geldig_tot``);
- every commit that changed a published agreement text (``docs/<document folder>/``) or a rule
  file (``calculators/rules/``), newest first, from ``git log``.

CI builds a fresh clone, so the history is there. A build without git history (for example
from a downloaded archive) says so on the page instead of failing; a shallow clone says the
list may be incomplete.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from calculators.basis.opmaak import datum_kort
from calculators.recht.regios import alle_regios, document, documentmappen, regio_codes, regio_naam

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
        return subprocess.run(["git", "-c", "safe.directory=*", *args], cwd=ROOT,
                              capture_output=True, text=True, check=False, timeout=30)
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
        relatief = pad[len("docs/"):]
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
            rijen.append((versie.geldig_vanaf, f"| {regio} | {_cel(versie.naam)} | {lange_datum(versie.geldig_vanaf)} "
                                               f"| {tot} | {_cel(versie.toelichting or '')} |"))
    rijen.sort(key=lambda rij: rij[0], reverse=True)
    kop = ("| Regio | Versie van de afspraken | Geldig vanaf | Geldig tot en met | Toelichting |\n"
           "|---|---|---|---|---|")
    return "\n".join([kop, *(rij for _, rij in rijen)])


def geschiedenis_tabel(van: str) -> str:
    wijzigingen = geschiedenis()
    if wijzigingen is None:
        return ("!!! note \"Geschiedenis niet beschikbaar\"\n    Deze versie van de site is gebouwd zonder git-geschiedenis "
                "(bijvoorbeeld uit een gedownload archief). Bouw de site uit een git-kloon om hier alle wijzigingen te zien.")
    if not wijzigingen:
        return "Er zijn nog geen wijzigingen vastgelegd."
    regels = ["| Datum | Onderdeel | Wat | Vastlegging |", "|---|---|---|---|"]
    for w in wijzigingen:
        regels.append(f"| {lange_datum(w.datum)} | {_onderdeel(w.pad, van)} | {w.soort} | `{w.commit}` |")
    tabel = "\n".join(regels)
    if is_ondiep():
        tabel = ("!!! warning \"Onvolledige geschiedenis\"\n    Deze site is gebouwd uit een ondiepe git-kloon: "
                 "oudere wijzigingen ontbreken in de lijst.\n\n" + tabel)
    return tabel
