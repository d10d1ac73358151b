"""How fast is the in-browser calculator, against the floor of a bare Pyodide boot?

Prints figures; asserts nothing. One Playwright run (Debian chromium) against the built site
behind nginx with the shipped configuration (http.server when nginx is missing):

- time from navigation to the first result, cold cache and warm cache (median of N runs);
- the same for a bare page that only boots Pyodide in a Web Worker from the same server and
  runs 1+1: the floor any Pyodide calculator can reach;
- recompute time for a second calculation on the same page;
- bytes transferred and requests for a calculator page and a documentation page.

Usage: .venv/bin/python benchmarks/rekenhulp.py [--runs 5] [--site PATH]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.omgeving import launch_chromium, serve_site  # noqa: E402
from tests.conftest import build_site  # noqa: E402

QUERY = "rekenhulpen/tijdlijn/?regio=midden-brabant&route=onderzoek&melding=2025-04-24"
RESULT = "[data-aw-resultaat]:not([hidden])"

BARE_PAGE = """<!doctype html><html lang="nl"><meta charset="utf-8"><title>Pyodide-vloer</title>
<p id="uit">bezig</p>
<script src="bare.js"></script></html>"""
BARE_SCRIPT = """const worker = new Worker("bare-worker.js", {type: "module"});
worker.onmessage = (e) => { document.getElementById("uit").textContent = "klaar " + e.data; };
worker.postMessage({index: location.origin + "/assets/pyodide/VERSION/", lock: location.origin + "/LOCK"});"""
BARE_WORKER = """self.onmessage = async (e) => {
  const { loadPyodide } = await import(e.data.index + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: e.data.index, lockFileURL: e.data.lock });
  self.postMessage(String(pyodide.runPython("1+1")));
};"""


def prepare_site(site: Path | None, work: Path) -> Path:
    if site is None:
        site = work / "site"
        started = time.perf_counter()
        result = build_site(site)
        if result.returncode != 0:
            sys.exit(f"bouwen mislukt:\n{result.stderr[-2000:]}")
        print(f"site gebouwd in {time.perf_counter() - started:.1f} s")
    else:
        site = Path(shutil.copytree(site, work / "site"))
    version = next((site / "assets" / "pyodide").iterdir()).name
    bare = site / "pyodide-vloer"
    bare.mkdir()
    (bare / "index.html").write_text(BARE_PAGE)
    lock = next(site.glob("assets/rekenkern/*/pyodide-lock.json")).relative_to(site).as_posix()
    (bare / "bare.js").write_text(BARE_SCRIPT.replace("VERSION", version).replace("LOCK", lock))
    (bare / "bare-worker.js").write_text(BARE_WORKER)
    return site


def transferred(page, url: str, wait) -> tuple[int, int, int]:
    """Bytes over the wire, number of requests, and .wasm bytes for one navigation."""
    seen = []

    def record(request):
        seen.append(request)

    page.on("requestfinished", record)
    page.goto(url)
    wait()
    page.wait_for_load_state("networkidle")  # the requests that follow the result have finished too
    page.remove_listener("requestfinished", record)
    total = wasm = 0
    # Documentation pages are judged without the search index (it loads once, in the background).
    seen = [r for r in seen if not r.url.endswith("search_index.json")]
    for request in seen:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if request.url.endswith(".wasm"):
            wasm += size
    return total, len(seen), wasm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="een al gebouwde site/ (standaard: nu bouwen)")
    args = parser.parse_args()
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        site = prepare_site(args.site, work)
        base, server = serve_site(stack, site, work)
        browser = launch_chromium(stack)

        def timed(page, url: str, selector: str) -> float:
            started = time.perf_counter()
            page.goto(url)
            page.locator(selector).wait_for(timeout=90_000)
            return time.perf_counter() - started

        figures: dict[str, list[float]] = {k: [] for k in (
            "vloer koud", "vloer warm", "resultaat koud", "resultaat warm", "herberekening", "  waarvan in pagina", "  waarvan in worker")}
        for _ in range(args.runs):
            for label, url, selector in (("vloer", base + "pyodide-vloer/", "text=klaar 2"),
                                         ("resultaat", base + QUERY, RESULT)):
                context = browser.new_context()
                page = context.new_page()
                figures[f"{label} koud"].append(timed(page, url, selector))
                page.goto("about:blank")
                figures[f"{label} warm"].append(timed(page, url, selector))
                if label == "resultaat":
                    page.get_by_label("Meldingsdatum").fill("2025-12-19")
                    started = time.perf_counter()
                    page.get_by_role("button", name="Tijdlijn berekenen").click()
                    page.wait_for_function("window.__awRekenhulp.laatsteAntwoord.resultaat.invoer.melding === '2025-12-19'")
                    figures["herberekening"].append(time.perf_counter() - started)
                    figures["  waarvan in pagina"].append(page.evaluate("window.__awRekenhulp.laatsteDoorlooptijd") / 1000)
                    figures["  waarvan in worker"].append(page.evaluate("window.__awRekenhulp.laatsteRekentijd") / 1000)
                context.close()

        context = browser.new_context()
        page = context.new_page()
        calc = transferred(page, base + QUERY, lambda: page.locator(RESULT).wait_for(timeout=90_000))
        context.close()
        docs = {}
        for name, path in (("startpagina", ""), ("lange afsprakenpagina (AEF-rapport)", "achtergrond/aef-samen-werken-aan-een-veilig-thuis/")):
            context = browser.new_context()
            page = context.new_page()
            docs[name] = transferred(page, base + path, lambda: page.wait_for_load_state("networkidle"))
            context.close()

    print(f"\nRekenhulp-benchmark — server: {server}, {args.runs} runs, mediaan (min–max)")
    for label, values in figures.items():
        print(f"  {label:<16} {statistics.median(values) * 1000:8.0f} ms   ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})")
    floor_cold, floor_warm = statistics.median(figures["vloer koud"]), statistics.median(figures["vloer warm"])
    print(f"  eerste resultaat / vloer: koud {statistics.median(figures['resultaat koud']) / floor_cold:.2f}×, "
          f"warm {statistics.median(figures['resultaat warm']) / floor_warm:.2f}×   (doel ≤ 1,25×)")
    print("\n  overgedragen, koud, zonder zoekindex (doel documentatiepagina's ≤ 500 KB):")
    print(f"  rekenhulppagina: {calc[0] / 1024:,.0f} KB in {calc[1]} verzoeken (waarvan .wasm {calc[2] / 1024:,.0f} KB)")
    for name, (size, count, wasm) in docs.items():
        print(f"  {name}: {size / 1024:,.0f} KB in {count} verzoeken (.wasm: {wasm} bytes; doel 0)")


if __name__ == "__main__":
    main()
