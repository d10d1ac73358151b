"""Prestaties van de site: bouwtijd, gewicht van pagina's, zoekindex, externe verzoeken en de tijd
tot het eerste resultaat van een rekenhulp.

Geen test: het script drukt cijfers af (en zegt per doel of het gehaald is). Gemeten met Debian
chromium (Playwright) tegen de gebouwde site achter Debian nginx met de meegeleverde configuratie
(deploy/nginx/, zoals in de tests); zonder nginx met python's http.server, zonder compressie.

- strikte bouwtijd: ``mkdocs build --strict``, N keer, mediaan (doel ≤ 20 s);
- overgedragen bytes en aantal verzoeken, koud (lege cache), voor de startpagina, een lange
  afsprakenpagina (het AEF-rapport) en een rekenhulppagina; documentatiepagina's zonder de
  zoekindex, die eenmalig op de achtergrond laadt (doel ≤ 500 KB);
- de zoekindex: grootte op schijf en gecomprimeerd;
- verzoeken naar een andere herkomst dan de site, over alle pagina's (doel 0);
- tijd van navigeren tot het eerste resultaat van de rekenhulp tijdlijn, koud, mediaan.

    .venv/bin/python benchmarks/site.py [--bouwruns 3] [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.omgeving import launch_chromium, serve_site  # noqa: E402
from tests.conftest import build_site  # noqa: E402

DOEL_BOUWTIJD_S = 20.0
DOEL_PAGINA_KB = 500
PAGINAS = {
    "startpagina": "",
    "lange afsprakenpagina (AEF-rapport)": "achtergrond/aef-samen-werken-aan-een-veilig-thuis/",
    "afspraken met processchema's (Zuid-Limburg)": "zuid-limburg/samenwerkingsafspraken/",
    "rekenhulppagina (tot ‘klaar’)": "rekenhulpen/",
}
RESULTAAT_URL = "rekenhulpen/?rekenhulp=tijdlijn&regio=midden-brabant&route=direct&melding=2025-04-24#tijdlijn"
KLAAR = ".aw-status-balk--klaar"
RESULTAAT = "#tijdlijn [data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"


def bouwtijden(runs: int, work: Path) -> tuple[list[float], Path]:
    tijden = []
    for run in range(runs):
        target = work / f"site-{run}"
        started = time.perf_counter()
        result = build_site(target)
        tijden.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"mkdocs build --strict mislukt:\n{result.stderr[-3000:]}")
    return tijden, target


def zoekindex(site: Path) -> tuple[int, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


class Verzoeken:
    """Every request of a browser context: what went over the wire, and what left the site."""

    def __init__(self, context, base: str):
        self.origin = urlparse(base).netloc
        self.klaar: list = []
        self.extern: list[str] = []
        context.on("requestfinished", lambda request: self.klaar.append(request))
        context.on("request", self._extern)

    def _extern(self, request):
        url = urlparse(request.url)
        if url.scheme in {"http", "https", "ws", "wss"} and url.netloc != self.origin:
            self.extern.append(request.url)

    def totaal(self, zonder_zoekindex: bool) -> tuple[int, int, list[tuple[int, str]]]:
        """Bytes over the wire (compressed body + headers), number of requests, largest files."""
        verzoeken = [r for r in self.klaar if not (zonder_zoekindex and r.url.endswith("search_index.json"))]
        groottes = []
        for request in verzoeken:
            sizes = request.sizes()
            groottes.append((sizes["responseBodySize"] + sizes["responseHeadersSize"], request.url))
        return sum(g for g, _ in groottes), len(verzoeken), sorted(groottes, reverse=True)[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bouwruns", type=int, default=3, help="aantal strikte builds (mediaan)")
    parser.add_argument("--runs", type=int, default=3, help="aantal koude metingen van het eerste resultaat")
    args = parser.parse_args()
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        print(f"Bouwen: {args.bouwruns}× mkdocs build --strict …", flush=True)
        tijden, site = bouwtijden(args.bouwruns, work)
        index_ruw, index_gzip = zoekindex(site)

        base, server = serve_site(stack, site, work)
        browser = launch_chromium(stack)

        # Weight of three pages, each in a fresh context (cold cache).
        gewicht = {}
        for naam, pad in PAGINAS.items():
            context = browser.new_context(locale="nl-NL")
            verzoeken = Verzoeken(context, base)
            page = context.new_page()
            page.goto(base + pad, wait_until="load")
            if "rekenhulpen" in pad:
                page.locator(KLAAR).wait_for(timeout=90_000)
            page.wait_for_load_state("networkidle")
            documentatie = "rekenhulpen" not in pad
            gewicht[naam] = (*verzoeken.totaal(zonder_zoekindex=documentatie), documentatie)
            context.close()

        # Third-party requests on every page the build wrote (one context, as a reader browsing).
        context = browser.new_context(locale="nl-NL")
        alle = Verzoeken(context, base)
        page = context.new_page()
        paginas = sorted(site.rglob("*.html"))
        for html in paginas:
            page.goto(base + html.relative_to(site).as_posix().removesuffix("index.html"), wait_until="load")
            if page.locator("[data-aw-rekenhulp]").count():
                page.locator(
                    ".aw-status-balk--klaar, .aw-status-balk--mislukt:not(.aw-status-balk--vastgelopen)"
                ).wait_for(timeout=90_000)
        page.wait_for_load_state("networkidle")
        context.close()

        # Time to the first calculator result: a shared link, cold cache.
        eerste = []
        for _ in range(args.runs):
            context = browser.new_context(locale="nl-NL")
            page = context.new_page()
            started = time.perf_counter()
            page.goto(base + RESULTAAT_URL)
            page.locator(RESULTAAT).wait_for(timeout=90_000)
            eerste.append(time.perf_counter() - started)
            context.close()

    def doel(gehaald: bool) -> str:
        return "gehaald" if gehaald else "NIET GEHAALD"

    bouw = statistics.median(tijden)
    print(f"\nSite-benchmark — server: {server}")
    print(
        f"\n  strikte bouwtijd      {bouw:6.1f} s mediaan van {len(tijden)} "
        f"({', '.join(f'{t:.1f}' for t in tijden)} s)   doel ≤ {DOEL_BOUWTIJD_S:.0f} s: {doel(bouw <= DOEL_BOUWTIJD_S)}"
    )
    print("\n  overgedragen, koude cache (documentatiepagina's zonder zoekindex):")
    for naam, (grootte, aantal, grootste, documentatie) in gewicht.items():
        regel = f"  {naam:<44} {grootte / 1024:8,.0f} KB in {aantal:3d} verzoeken"
        if documentatie:
            regel += f"   doel ≤ {DOEL_PAGINA_KB} KB: {doel(grootte / 1024 <= DOEL_PAGINA_KB)}"
        print(regel)
        if not documentatie or grootte / 1024 > DOEL_PAGINA_KB:
            for bytes_, url in grootste:
                print(f"      {bytes_ / 1024:8,.0f} KB  {url.removeprefix(base)}")
    print(
        f"\n  zoekindex             {index_ruw / 1024:8,.0f} KB op schijf, {index_gzip / 1024:,.0f} KB gecomprimeerd (gzip -6)"
    )
    print(
        f"  externe verzoeken     {len(alle.extern):8d} over {len(paginas)} pagina's   doel 0: {doel(not alle.extern)}"
    )
    for url in alle.extern[:10]:
        print(f"      {url}")
    print(
        f"  eerste resultaat      {statistics.median(eerste):8.2f} s mediaan van {len(eerste)} koude starts "
        f"({', '.join(f'{t:.2f}' for t in eerste)} s), gedeelde link tijdlijn"
    )


if __name__ == "__main__":
    main()
