"""mkdocs-macros module: pages get their forms, tables, comparisons and infographics from the
rule data in calculators/, so no page states a deadline by hand.

Macros for the pages (all output is generated from ``calculators`` and its rule files):

- ``rekenhulpen_pagina()``: the three calculators (tijdlijn, werkdagen, terugkoppeling) on one page.
- ``leesroute()``: the reading route for newcomers (the page "Start hier").
- ``oefenen_pagina()``: the practice cases per region (the page "Oefenen").
- ``termijnen_in_een_oogopslag(regio)``: the deadline summary at the top of an agreement page.
- ``aangevuld_uit_landelijk(regio)``: the note where a page is not the agreement text itself.
- ``regio_vergelijking()``: all regions side by side (the page "Regio's vergeleken").
- ``verschillen_matrix()``: region x topic in one table (the page "Verschillen in één oogopslag").
- ``naast_elkaar()``: two regions or two versions side by side (the page "Naast elkaar").
- ``criteria_vergelijking()``: the criteria a–g of 'Werken aan veiligheid' per region.
- ``overige_afspraken()``: the other sourced facts per region.
- ``teamnamen()``: each region's own word for the lokaal team, in one sentence.
- ``infographic(regio)``: the infographic of one region as inline SVG plus its text version; ``infographics()``:
  every region's, under its heading.
- ``termijn(regio, regelcode)``: one term in the engine's words, e.g. "7 dagen na de overdracht".
- ``regelbestand_controle(voorbeeld)``: the validator's real message for a broken example.
- ``regelbestanden()``: every region's rule file with its text and versions (for policy staff).
- ``regelwijziging_formulier()``: the form of "Regelwijziging voorbereiden".
- ``wijzigingen_in_woorden()``, ``wijzigingen_versies()``, ``wijzigingen_correcties()``: the page "Wijzigingen";
  ``wijzigingen_geschiedenis()``: the maintainers' log of commits.

Templates and pages can also read the data itself: ``afsprakenwijzer_regels`` is the
``macros.gegevens.Gegevens`` of the build (per region: versions, rules and facts as plain data,
and ``geldend(regio, moment, route)`` for the rules that apply, national fallback included).
"""

from __future__ import annotations

from pathlib import Path

from calculators.basis.begrippen import LANDELIJK
from calculators.recht.regios import regio_codes, regio_naam

from . import beheer, matrix, oefenen, rekenhulpen, termijnen, vergelijking, voorbereiden, wijzigingen
from . import infographic as _infographic
from . import leesroute as _leesroute
from . import naast_elkaar as _naast_elkaar
from .gegevens import Gegevens
from .opmaak import Links

INFOGRAPHIC_PAGINA = "vergelijking/infographic.md"


def define_env(env):
    """Register the macros the pages use."""

    gegevens = Gegevens()  # read once per build; a changed rule file shows after the next build
    env.variables["afsprakenwijzer_regels"] = gegevens

    # `mkdocs serve` (./scripts/start): rebuild when a rule file changes, not only the docs.
    watch = env.conf.get("watch")
    if isinstance(watch, list):
        import calculators
        from calculators.basis import bestanden

        map_ = str(bestanden.regelmap() or Path(calculators.__file__).parent / "rules")
        if map_ not in watch:
            watch.append(map_)

    def naar(pad: str) -> str:
        """A link from the current page to a site path (works under any sub-path)."""
        diepte = env.page.url.count("/") if env.page and env.page.url else 0
        return "../" * diepte + pad

    def links() -> Links:
        return Links(env.page.file.src_uri)

    @env.macro
    def rekenhulpen_pagina() -> str:
        """The three calculators on one page, as tabs sharing one Python runtime."""
        return rekenhulpen.pagina(tabellen_link=naar("vergelijking/"))

    @env.macro
    def leesroute() -> str:
        """The reading route for newcomers: per step what to remember (terms from the rule data), time, place."""
        return _leesroute.pagina(gegevens, Path(env.conf["docs_dir"]), links())

    @env.macro
    def oefenen_pagina() -> str:
        """Practice cases per region, generated from the rule data and answered by the engine."""
        return oefenen.pagina(naar)

    @env.macro
    def termijnen_in_een_oogopslag(regio: str | None = None) -> str:
        """Every deadline of the page's agreement (default: front matter ``regio``)."""
        regio = regio or env.page.meta.get("regio")
        return termijnen.blok(gegevens, regio, links(), INFOGRAPHIC_PAGINA)

    @env.macro
    def aangevuld_uit_landelijk(regio: str | None = None) -> str:
        """The note on a page that is not the agreement itself: what comes from the national framework."""
        return termijnen.aangevuld_uit_landelijk(gegevens, regio or env.page.meta.get("regio"), links())

    @env.macro
    def regio_vergelijking() -> str:
        return vergelijking.tabel(gegevens, links())

    @env.macro
    def verschillen_matrix() -> str:
        """Region x topic in one table (the page 'Verschillen in één oogopslag')."""
        return matrix.matrix(gegevens, links())

    @env.macro
    def naast_elkaar() -> str:
        """Two regions or two versions side by side (the page 'Naast elkaar')."""
        return _naast_elkaar.pagina(gegevens, links())

    @env.macro
    def criteria_vergelijking() -> str:
        return vergelijking.criteria(gegevens, links())

    @env.macro
    def teamnamen() -> str:
        """One sentence: each region's own word for the lokaal team (rule data [partijen])."""
        return vergelijking.teamnamen(gegevens, links())

    @env.macro
    def overige_afspraken() -> str:
        return vergelijking.feiten(gegevens, links())

    @env.macro
    def infographic(regio: str) -> str:
        return _infographic.figuur(gegevens, regio, links())

    @env.macro
    def infographics() -> str:
        """Every region's infographic under its own heading, in the order of the menu (the regions are the rule
        files: a new region gets its infographic without an edit here)."""
        delen = []
        for code in [*(c for c in regio_codes() if c != LANDELIJK), LANDELIJK]:
            delen += [f"## {regio_naam(code)} {{ #{code} .aw-ig-kop }}", "", infographic(code), ""]
        return "\n".join(delen)

    @env.macro
    def termijn(regio: str, code: str) -> str:
        """One term in the engine's words, as it applies on the region's reference date."""
        return gegevens.regel(regio, code)["termijn_tekst"]

    @env.macro
    def regelwijziging_formulier() -> str:
        """The form of 'Regelwijziging voorbereiden' (every rule value of every region to start from)."""
        return voorbereiden.formulier()

    @env.macro
    def regelbestand_controle(voorbeeld: str) -> str:
        return beheer.controle(voorbeeld)

    @env.macro
    def regelbestanden() -> str:
        """The rule file of every region, for the page for policy staff."""
        return beheer.regelbestanden(gegevens, links())

    # The page "Wijzigingen" and the maintainers' log (macros/wijzigingen.py).
    @env.macro
    def wijzigingen_in_woorden() -> str:
        return wijzigingen.wijzigingen_in_woorden(env.page.file.src_uri)

    @env.macro
    def wijzigingen_versies() -> str:
        return wijzigingen.versies_tabel(env.page.file.src_uri)

    @env.macro
    def wijzigingen_correcties() -> str:
        return wijzigingen.correcties(env.page.file.src_uri)

    @env.macro
    def wijzigingen_geschiedenis() -> str:
        return wijzigingen.geschiedenis_tabel(env.page.file.src_uri)


def on_post_page_macros(env):
    """A page the reading route leads to gets the route's bars around the part to read."""
    if env.page and env.page.file:
        env.markdown = _leesroute.voeg_stappen_in(
            env.markdown, env.page.file.src_uri, Links(env.page.file.src_uri), Path(env.conf["docs_dir"])
        )
