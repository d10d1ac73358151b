"""How usable is a timeline answer: on a phone, in a calendar, on paper?

Prints figures; asserts nothing (the browser tests check the limits). For a few cases opened as a
shared link in Debian chromium:

- on a phone (390×844, mobile emulation): the page height from the top of the headline to the top of
  the actions (agenda, link, print), and the page's whole height;
- the calendar file from the agenda button: number of events, bytes, the longest title, reminders;
- printed on A4 (page.pdf, print media, as window.print() does): the number of pages.

Usage: .venv/bin/python benchmarks/antwoord.py [--site PATH]   (without --site: builds this checkout)
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.omgeving import launch_chromium  # noqa: E402
from tests.conftest import build_site, serve  # noqa: E402

CASES = {
    "Zuid-Limburg direct, contacttermijn op Eerste Kerstdag": "regio=zuid-limburg&route=direct&melding=2026-11-27&peildatum=2026-12-10",
    "Midden-Brabant direct (eenvoudig)": "regio=midden-brabant&route=direct&melding=2025-04-24&peildatum=2025-04-28",
    "Zuid-Limburg onderzoek, na de veiligheidsbeoordeling": "regio=zuid-limburg&route=onderzoek&melding=2025-03-03&peildatum=2025-03-20",
}
ANTWOORD = "#tijdlijn [data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
ACTIES = "#tijdlijn [data-aw-resultaat]:not([hidden]) .aw-acties"
WAIT_MS = 120_000


def _top(page, selector: str) -> float:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().top + window.scrollY")


def op_telefoon(browser, base: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{base}rekenhulpen/?rekenhulp=tijdlijn&{query}#tijdlijn")
    page.locator(ANTWOORD).wait_for(timeout=WAIT_MS)
    uit = {
        "kop_tot_acties": _top(page, ACTIES) - _top(page, ANTWOORD),
        "pagina": page.evaluate("document.documentElement.scrollHeight"),
    }
    context.close()
    return uit


def agenda(browser, base: str, query: str, work: Path) -> dict:
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}rekenhulpen/?rekenhulp=tijdlijn&{query}#tijdlijn")
    page.locator(ANTWOORD).wait_for(timeout=WAIT_MS)
    with page.expect_download(timeout=WAIT_MS) as download:
        page.get_by_role("button", name=re.compile("agenda", re.IGNORECASE)).first.click()
    pad = work / download.value.suggested_filename
    download.value.save_as(pad)
    context.close()
    tekst = pad.read_bytes().decode("utf-8")
    ontvouwen = re.sub(r"\r\n[ \t]", "", tekst)
    titels = [t.rstrip("\r") for t in re.findall(r"^SUMMARY:(.*)$", ontvouwen, flags=re.MULTILINE)]
    peildatum = re.search(r"peildatum=(\d{4})-(\d\d)-(\d\d)", query)
    begin = re.findall(r"^DTSTART;VALUE=DATE:(\d{8})\r?$", ontvouwen, flags=re.MULTILINE)
    return {
        "events": tekst.count("BEGIN:VEVENT"),
        "bytes": len(tekst.encode("utf-8")),
        "voor_peildatum": sum(d < "".join(peildatum.groups()) for d in begin),
        "langste_titel": max((len(t.replace("\\", "")) for t in titels), default=0),
        "herinneringen": tekst.count("BEGIN:VALARM"),
    }


def afdruk(browser, base: str, query: str, work: Path) -> int:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(f"{base}rekenhulpen/?rekenhulp=tijdlijn&{query}#tijdlijn")
    page.locator(ANTWOORD).wait_for(timeout=WAIT_MS)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = work / "afdruk.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="een gebouwde site (standaard: deze checkout bouwen)")
    args = parser.parse_args()
    with ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="aw-antwoord-"))
        stack.callback(shutil.rmtree, work, True)
        site = args.site
        if site is None:
            site = work / "site"
            gebouwd = build_site(site)
            if gebouwd.returncode != 0:
                sys.exit(gebouwd.stderr[-2000:])
        httpd = serve(site)
        stack.callback(httpd.shutdown)
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        browser = launch_chromium(stack)
        for naam, query in CASES.items():
            telefoon = op_telefoon(browser, base, query)
            ics = agenda(browser, base, query, work)
            paginas = afdruk(browser, base, query, work)
            print(f"{naam}:")
            print(
                f"  telefoon 390×844: kop tot acties {telefoon['kop_tot_acties']:.0f} px, pagina {telefoon['pagina']} px"
            )
            print(
                f"  agenda: {ics['events']} afspraken ({ics['voor_peildatum']} vóór de peildatum), {ics['bytes']} bytes, langste titel {ics['langste_titel']} tekens, "
                f"{ics['herinneringen']} herinneringen"
            )
            print(f"  afdruk A4: {paginas} pagina's")


if __name__ == "__main__":
    main()
