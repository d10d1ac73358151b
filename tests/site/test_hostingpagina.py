"""The hosting page as IT reads it: installing the package first, and the calculator's own messages
quoted as the calculator really says them."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.site.helpers import soup

JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def test_de_hostingpagina_begint_met_het_pakket_in_drie_stappen(built_site):
    artikel = soup(built_site / "beheer" / "hosting" / "index.html").select_one("article")
    eerste = artikel.select_one("h2")
    assert eerste.get_text(strip=True).rstrip("¶") == "Het pakket installeren in drie stappen"
    stappen = eerste.find_next_sibling("ol").find_all("li", recursive=False)
    assert [stap.strong.get_text() for stap in stappen] == [
        "Controleer het pakket en zet de site op de server.", "Zet de configuratie van uw webserver erbij",
        "Controleer de installatie"]
    assert "sha256sum -c SHA256SUMS" in stappen[0].get_text() and "controleer-hosting" in stappen[2].get_text()


def test_de_meldingen_op_de_hostingpagina_zijn_die_van_de_rekenhulp():
    gids = (ROOT / "docs" / "beheer" / "hosting.md").read_text(encoding="utf-8")
    tabel = gids[gids.index("## Wat de rekenhulp zelf meldt"):gids.index("## Problemen oplossen")]
    meldingen = re.findall(r"^\| \*([^*]+)\*", tabel, re.MULTILINE)
    assert len(meldingen) >= 10, meldingen
    # In the scripts a variable part is a concatenation ("… al " + seconden + " seconden …"); on the page it is … or a figure.
    bronnen = re.sub(r'"\s*\+\s*[\w. /]+?\s*\+\s*"', "…", "".join(p.read_text(encoding="utf-8") for p in JAVASCRIPTS.glob("rekenhulp*.js")))
    # The names the loader fills in for "wat" (which file), as the reader sees them.
    namen = re.findall(r'^const [A-Z]+ = "(de [^"]+)";', (JAVASCRIPTS / "rekenhulp-laden.js").read_text(encoding="utf-8"), re.MULTILINE)
    assert "de rekenomgeving" in namen
    for melding in meldingen:
        for naam in sorted(namen, key=len, reverse=True):
            melding = melding.replace(naam, "…")
        for stuk in re.split(r"…|\d+", melding):
            assert stuk.strip() in bronnen, (melding, stuk)
