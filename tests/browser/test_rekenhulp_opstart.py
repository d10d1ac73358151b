"""How the calculator's runtime starts: from the build's memory snapshot, falling back to a normal
boot when the snapshot is damaged or for another build, and failing fast and clearly when the host
serves the runtime wrongly (a condition the tests wait for; the time it took is printed)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time

import pytest

from tests.conftest import BROWSER_WAIT_MS

pytestmark = pytest.mark.browser

READY = "Rekenhulp is klaar voor gebruik."
ANTWOORD = "[data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
CASUS = "?regio=zuid-limburg&route=direct&melding=2025-04-24&peildatum=2025-05-02"
BOOT_TIMEOUT = BROWSER_WAIT_MS  # one generous bound for every wait (tests/conftest.py)


def config(built_site) -> dict:
    html = (built_site / "rekenhulpen" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="aw-rekenkern-config">') + len('id="aw-rekenkern-config">')
    return json.loads(html[start:html.index("</script>", start)])


KEPT_COPY = "afsprakenwijzer-rekenkern"  # the Cache Storage name in rekenhulp-snapshot.js


def test_the_snapshot_path_is_taken_and_again_on_a_repeat_visit(page, site_url, built_site):
    snapshot = config(built_site)["snapshot"]
    bestand = built_site / snapshot["url"].split("../")[-1]
    assert hashlib.sha256(bestand.read_bytes()).hexdigest() == snapshot["sha256"]
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    eerste = page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.momenten")
    # After the first answer the unpacked snapshot is kept; the repeat visit restores that copy and does
    # not fetch the file again.
    page.wait_for_function("window.__awRekenhulp.snapshotBewaard === true", timeout=BOOT_TIMEOUT)
    opgehaald = []
    page.on("request", lambda request: opgehaald.append(request.url) if request.url.endswith(".snapshot") else None)
    page.reload()
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.momenten") == eerste
    assert opgehaald == []
    assert page.evaluate("window.__awRekenhulp.snapshotBewaard") is None  # nothing to keep this time


def test_a_kept_copy_that_does_not_restore_is_dropped(page, site_url):
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    page.wait_for_function("window.__awRekenhulp.snapshotBewaard === true", timeout=BOOT_TIMEOUT)
    # Spoil the kept copy without changing its length: only the restore itself can tell.
    page.evaluate("""async (naam) => { const cache = await caches.open(naam); const [sleutel] = await cache.keys();
        const bytes = new Uint8Array(await (await cache.match(sleutel)).arrayBuffer());
        bytes.fill(0, 0, 64); await cache.put(sleutel, new Response(bytes)); }""", KEPT_COPY)
    page.reload()
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.partij") == "lokaal-team"
    page.wait_for_function("(naam) => caches.has(naam).then((er) => !er)", arg=KEPT_COPY, timeout=BOOT_TIMEOUT)
    page.reload()  # the server's snapshot again, and a new copy kept
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    page.wait_for_function("window.__awRekenhulp.snapshotBewaard === true", timeout=BOOT_TIMEOUT)


def test_a_damaged_snapshot_falls_back_to_a_normal_boot(page, site_url):
    def beschadigd(route):
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 0xFF  # one flipped byte: the sha256 no longer matches
        route.fulfill(body=bytes(body), headers={"content-type": "application/octet-stream"})

    page.route("**/*.snapshot", beschadigd)
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.partij") == "lokaal-team"


def test_a_snapshot_of_another_build_is_not_restored(page, site_url, built_site):
    # A snapshot whose Pyodide build id differs (as after a Pyodide upgrade), with a matching sha256 in the
    # page: Pyodide itself refuses it, and the worker boots normally.
    c = config(built_site)
    ruw = bytearray(gzip.decompress((built_site / c["snapshot"]["url"].split("../")[-1]).read_bytes()))
    ruw[16:48] = bytes(32)  # the build id in the snapshot header
    vreemd = gzip.compress(bytes(ruw), compresslevel=1)
    sha = hashlib.sha256(vreemd).hexdigest()

    def pagina(route):
        response = route.fetch()
        html = response.text().replace(c["snapshot"]["sha256"], sha)
        route.fulfill(response=response, body=html)

    page.route(re.compile(r".*/rekenhulpen/(\?.*)?$"), pagina)
    page.route("**/*.snapshot", lambda route: route.fulfill(body=vreemd, headers={"content-type": "application/octet-stream"}))
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"


def _faalt_snel(page, site_url, route_pattern, handler) -> tuple[str, float]:
    page.route(route_pattern, handler)
    begin = time.monotonic()
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    failure = page.locator(".aw-status-balk--mislukt")
    failure.wait_for(timeout=BOOT_TIMEOUT)
    duur = time.monotonic() - begin
    page.unroute_all(behavior="ignoreErrors")  # a runtime request still in the handler when the page closes
    print(f"{route_pattern}: melding na {duur:.1f} s")
    return failure.inner_text(), duur


@pytest.mark.parametrize("mime", ["text/plain", "application/octet-stream"])
def test_wasm_with_a_wrong_mime_type_names_the_cause_not_a_time_out(page, site_url, mime):
    def verkeerd(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": mime})

    tekst, _ = _faalt_snel(page, site_url, "**/*.wasm", verkeerd)
    assert "application/wasm" in tekst and mime in tekst
    assert "seconden" not in tekst  # not the time-out message
    assert page.get_by_role("button", name="Tijdlijn berekenen").is_disabled()
    assert page.get_by_role("link", name="termijnentabellen per regio").is_visible()


def test_a_truncated_wasm_names_the_cause(page, site_url):
    def afgekapt(route):
        if route.request.method != "GET":  # the preflight's HEAD has no body to cut
            route.continue_()
            return
        response = route.fetch()
        route.fulfill(response=response, body=response.body()[: 1_000_000])

    tekst, _ = _faalt_snel(page, site_url, "**/*.wasm", afgekapt)
    assert "onvolledig of beschadigd" in tekst and "seconden" not in tekst
    assert page.locator(".aw-status-balk--mislukt details summary").inner_text() == "Technische melding"


def test_a_missing_runtime_gives_a_dutch_explanation(page, site_url):
    tekst, _ = _faalt_snel(page, site_url, "**/*.wasm", lambda route: route.fulfill(status=404, body="niet gevonden"))
    assert "pyodide.asm.wasm" in tekst and "HTTP 404" in tekst


def test_a_login_page_instead_of_the_runtime_is_recognised(page, site_url):
    tekst, _ = _faalt_snel(page, site_url, "**/*.wasm",
                           lambda route: route.fulfill(body="<html>Inloggen</html>", headers={"content-type": "text/html"}))
    assert "webpagina in plaats van pyodide.asm.wasm" in tekst


def test_a_runtime_that_arrives_after_the_time_out_still_answers(page, site_url):
    # Hold the runtime back until the page has given up (time-out shortened for the test), then let it
    # through: the queued calculation is answered and nothing stays busy.
    held = []
    page.add_init_script("window.__awStartTimeoutMs = 1500")
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(".aw-status-balk--mislukt", has_text="reageert niet").wait_for(timeout=BOOT_TIMEOUT)
    from tests.browser.test_rekenhulpen import laat_door

    laat_door(page, held)
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    page.get_by_text(READY).wait_for()
    assert page.locator("[data-aw-app]").get_attribute("aria-busy") is None
    assert page.get_by_role("button", name="Tijdlijn berekenen").get_attribute("aria-busy") is None
