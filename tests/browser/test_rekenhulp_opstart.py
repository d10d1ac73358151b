"""How the calculator's runtime starts: booted from the compiled standard library on a first visit over HTTPS,
from the build's memory snapshot once it is on the device or on a plain-HTTP intranet host, falling back to a
normal boot when the snapshot is damaged, stalled or for another build, and failing fast and clearly when the
host serves the runtime wrongly.

Every fault test waits for a condition (the specific message, or the answer) and prints how long it
took from navigation (run with -s to see the figures)."""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import time
import zlib

import pytest

from tests.browser.test_rekenhulpen import laat_door
from tests.conftest import BROWSER_WAIT_MS, INTRANET_HOST

pytestmark = pytest.mark.browser

READY = "Rekenhulp is klaar voor gebruik."
ANTWOORD = "[data-aw-resultaat]:not([hidden]) [data-aw-antwoord]"
MELDING = ".aw-status-balk--mislukt"
VASTGELOPEN = ".aw-status-balk--vastgelopen"
CASUS = "?regio=zuid-limburg&route=direct&melding=2025-04-24&peildatum=2025-05-02"
BOOT_TIMEOUT = BROWSER_WAIT_MS  # one generous bound for every wait (tests/conftest.py)

# Where the worker keeps the unpacked snapshot (rekenhulp-opslag.js): one IndexedDB store.
KEPT_COPY = """(wat) => new Promise((klaar, mislukt) => {
  const open = indexedDB.open("afsprakenwijzer-rekenkern", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("snapshot");
  open.onerror = () => mislukt(open.error);
  open.onsuccess = () => {
    const store = open.result.transaction("snapshot", wat === "bederf" ? "readwrite" : "readonly").objectStore("snapshot");
    const sleutels = store.getAllKeys();
    sleutels.onsuccess = async () => {
      if (wat === "aantal") { klaar(sleutels.result.length); return; }
      const [sleutel] = sleutels.result;
      const lees = store.get(sleutel);
      lees.onsuccess = async () => {
        const bytes = new Uint8Array(await lees.result.arrayBuffer());
        bytes.fill(0, 0, 64);  // spoiled, same length: only the restore itself can tell
        const tx = open.result.transaction("snapshot", "readwrite");
        tx.objectStore("snapshot").put(new Blob([bytes]), sleutel);
        tx.oncomplete = () => klaar(bytes.length);
      };
    };
  };
})"""


def config(built_site) -> dict:
    html = (built_site / "rekenhulpen" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="aw-rekenkern-config">') + len('id="aw-rekenkern-config">')
    return json.loads(html[start : html.index("</script>", start)])


def snapshot_file(built_site):
    return built_site / config(built_site)["snapshot"]["url"].split("../")[-1]


def figure(label: str, begin: float) -> float:
    seconds = time.monotonic() - begin
    print(f"\n  {label}: {seconds:.1f} s na navigatie")
    return seconds


def test_the_snapshot_file_is_named_after_its_content(built_site):
    # The browser does not hash the file: its address holds the sha256, which the build sets and this checks.
    # It checks the Adler-32 and the sizes; the .gz beside it (for a server that does not compress) is the file.
    snapshot = config(built_site)["snapshot"]
    data = snapshot_file(built_site).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert digest == snapshot["sha256"] and f"engine-{digest[:12]}.snapshot" in snapshot["url"]
    assert zlib.adler32(data) == snapshot["adler32"] and len(data) == snapshot["bytes"]
    assert data[:8] == b"AWSNAP\x01\x00" and struct.unpack("<I", data[8:12])[0] == snapshot["raw_bytes"]
    assert gzip.decompress(snapshot_file(built_site).with_suffix(".snapshot.gz").read_bytes()) == data


def snapshot_eerst(page) -> None:
    """Take the snapshot on the first visit too (as the start rule does over plain HTTP), to test its path."""
    page.add_init_script("window.__awStartpad = 'snapshot';")


def test_a_first_visit_boots_from_the_compiled_stdlib_and_the_repeat_visit_restores_the_snapshot(
    page, site_url, built_site
):
    # Over HTTPS (here: 127.0.0.1, a secure context) the first start boots: on a phone network that answers
    # first (docs/beheer/hosting.md). The compiled standard library comes instead of python_stdlib.zip, and
    # no snapshot is asked for before the answer.
    opgehaald = []
    page.on("request", lambda request: opgehaald.append(request.url) if not request.service_worker else None)
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    assert page.evaluate("window.__awRekenhulp.startpad.pad") == "opstart"
    opstart_stdlib = config(built_site)["opstart_stdlib"]["url"].split("../")[-1]
    assert any(url.endswith(opstart_stdlib) for url in opgehaald), opgehaald
    assert not any(url.endswith("python_stdlib.zip") or ".snapshot" in url for url in opgehaald), opgehaald
    eerste = page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.momenten")
    # After the first answer the worker adds the modules the engine could still import later (rekenhulp-later.js).
    page.wait_for_function("window.__awRekenhulp.nageladen === true", timeout=BOOT_TIMEOUT)
    # And the service worker keeps the runtime, the snapshot with it; the repeat visit restores its copy.
    page.wait_for_function("window.__awOffline.rekenkernBewaard === true", timeout=BOOT_TIMEOUT)
    van_de_service_worker = []
    page.on(
        "response",
        lambda response: (
            van_de_service_worker.append(response.from_service_worker) if response.url.endswith(".snapshot") else None
        ),
    )
    page.reload()
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    assert page.evaluate("window.__awRekenhulp.startpad.reden") == "al op dit apparaat"
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.momenten") == eerste
    assert van_de_service_worker == [True]
    assert page.evaluate("window.__awRekenhulp.snapshotBewaard") is None  # no second copy in IndexedDB


def test_the_snapshot_path_asks_for_the_gz_when_the_server_does_not_compress(page, site_url):
    # A server that sends the snapshot uncompressed (this one) is asked for the .gz beside it instead.
    snapshot_eerst(page)
    opgehaald = []
    page.on("request", lambda request: opgehaald.append(request.url) if ".snapshot" in request.url else None)
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    assert any(url.endswith(".snapshot.gz") for url in opgehaald), opgehaald
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.partij") == "lokaal-team"


@pytest.fixture
def intranet_page(intranet_browser):
    context = intranet_browser.new_context(locale="nl-NL")
    context.set_default_timeout(BROWSER_WAIT_MS)
    page = context.new_page()
    yield page
    context.close()


def test_a_kept_copy_that_does_not_restore_is_dropped(intranet_page, site_url, built_site):
    # Over plain HTTP (no service worker) the unpacked snapshot is kept in IndexedDB after the first answer.
    page = intranet_page
    base = site_url.replace("127.0.0.1", INTRANET_HOST)
    page.goto(f"{base}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    page.wait_for_function("window.__awRekenhulp.snapshotBewaard === true", timeout=BOOT_TIMEOUT)
    page.reload()  # restored from the kept copy
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    assert page.evaluate(KEPT_COPY, "bederf") == config(built_site)["snapshot"]["raw_bytes"]
    page.reload()
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.partij") == "lokaal-team"
    page.wait_for_function(f"({KEPT_COPY})('aantal').then((n) => n === 0)", timeout=BOOT_TIMEOUT)
    page.reload()  # nothing on the device: a boot, and a new copy kept
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    page.wait_for_function("window.__awRekenhulp.snapshotBewaard === true", timeout=BOOT_TIMEOUT)


# As a compressing server hands it over (the browser unpacked it): not the whole file on the wire, so the worker
# reads it instead of asking for the .gz.
GECOMPRIMEERD = {"content-type": "application/octet-stream", "content-encoding": "identity"}


@pytest.mark.parametrize("welke", ["gz", "ongecomprimeerd"])
def test_a_damaged_snapshot_falls_back_to_a_normal_boot(page, site_url, welke):
    snapshot_eerst(page)

    def beschadigd(route):
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 0xFF  # one flipped byte: the gzip check (CRC32) or the Adler-32 fails
        route.fulfill(
            body=bytes(body),
            headers=GECOMPRIMEERD if welke == "ongecomprimeerd" else {"content-type": "application/gzip"},
        )

    page.route("**/*.snapshot.gz" if welke == "gz" else "**/*.snapshot", beschadigd)
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.partij") == "lokaal-team"


def zelfde_adler32(data: bytearray, plek: int) -> None:
    """Change three bytes so that the Adler-32 stays the same (+1, -2, +1): only what reads the content notices."""
    assert data[plek] < 255 and data[plek + 1] >= 2 and data[plek + 2] < 255
    data[plek] += 1
    data[plek + 1] -= 2
    data[plek + 2] += 1


def test_a_snapshot_of_another_build_is_not_restored(page, site_url, built_site):
    snapshot_eerst(page)
    # A snapshot file with the right size and checksum whose Pyodide build id differs (as after a Pyodide
    # upgrade): Pyodide itself refuses it, and the worker boots normally.
    data = bytearray(snapshot_file(built_site).read_bytes())
    runs = struct.unpack("<I", data[12:16])[0]
    begin = 16 + runs * 8  # the first page of memory: Pyodide's header, with the build id at bytes 16–48
    plek = next(p for p in range(begin + 16, begin + 46) if data[p] < 255 and data[p + 1] >= 2 and data[p + 2] < 255)
    zelfde_adler32(data, plek)
    assert zlib.adler32(bytes(data)) == config(built_site)["snapshot"]["adler32"]
    page.route("**/*.snapshot", lambda route: route.fulfill(body=bytes(data), headers=GECOMPRIMEERD))
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"


def test_a_stalled_snapshot_is_dropped_and_the_engine_boots_without_it(page, site_url):
    snapshot_eerst(page)
    held = []
    page.route("**/*.snapshot*", lambda route: held.append(route))  # asked for, never answered
    begin = time.monotonic()
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    figure("snapshot blijft hangen → antwoord (start zonder snapshot)", begin)
    assert held, "het snapshot werd niet opgevraagd"
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    assert page.locator(MELDING).count() == 0  # the reader saw no message, only the time it took
    page.unroute_all(behavior="ignoreErrors")


# The status bar's class each time it changes, from the first moment: what the reader saw, in order.
RECORD_STATUS = """new MutationObserver(() => {
  const status = document.querySelector("[data-aw-status]");
  if (!status) return;
  const soort = status.className.includes("vastgelopen") ? "vastgelopen" : (status.className.match(/aw-status-balk--(\\w+)/) || [])[1];
  const reeks = (window.__statusReeks = window.__statusReeks || []);
  if (soort && reeks[reeks.length - 1] !== soort) reeks.push(soort);
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"], childList: true });"""


def _open_tot_melding(page, site_url, pattern: str, handler, label: str, soort: str = MELDING):
    """Open the calculator with ``pattern`` answered by ``handler``, recording the status bar; the message
    (``soort``: failed, or stalled), once it shows, with the seconds it took printed."""
    page.add_init_script(RECORD_STATUS)
    page.route(pattern, handler)
    begin = time.monotonic()
    page.goto(f"{site_url}rekenhulpen/{CASUS}")
    melding = page.locator(soort)
    melding.wait_for(timeout=BOOT_TIMEOUT)
    figure(label, begin)
    return melding


def test_a_stalled_runtime_is_reported_in_seconds_and_a_late_one_still_answers(page, site_url):
    # The runtime (.wasm) is asked for and never answered: within seconds the reader is told why, in
    # Dutch. When it does arrive, the queued calculation is answered; a stale "loading" state never
    # replaces the message on the way.
    held = []

    def houd_vast(route):
        if route.request.method == "HEAD":  # the check beforehand sees a healthy server
            route.continue_()
        else:
            held.append(route)

    melding = _open_tot_melding(
        page, site_url, "**/pyodide.asm.wasm", houd_vast, ".wasm blijft hangen → melding", VASTGELOPEN
    )
    assert "komt niet binnen" in melding.inner_text()
    assert "Uw berekening volgt zodra de rekenhulp klaar is." in melding.inner_text()
    assert "pyodide.asm.wasm: geen antwoord van de server" in melding.locator("details code").text_content()
    assert page.get_by_role("button", name="Tijdlijn berekenen").is_enabled()  # the runtime may still come
    laat_door(page, held)
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    page.get_by_text(READY).wait_for()
    assert page.evaluate("window.__statusReeks") == ["laden", "vastgelopen", "klaar"]
    assert page.locator("[data-aw-app]").get_attribute("aria-busy") is None
    assert page.get_by_role("button", name="Tijdlijn berekenen").get_attribute("aria-busy") is None


def test_worker_scripts_that_never_arrive_are_reported_and_a_late_start_still_answers(page, site_url):
    # One of the worker's own modules hangs: the worker cannot report anything, so the page itself says so.
    held = []
    melding = _open_tot_melding(
        page,
        site_url,
        "**/rekenhulp-laden.js",
        lambda route: held.append(route),
        "script van de worker blijft hangen → melding",
        VASTGELOPEN,
    )
    assert "komt niet op gang" in melding.inner_text()
    assert "rekenhulp-worker.js" in melding.locator("details code").text_content()
    laat_door(page, held, "**/rekenhulp-laden.js")
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.__statusReeks") == ["laden", "vastgelopen", "klaar"]


def _faalt_snel(page, site_url, route_pattern, handler, label: str):
    """The failure message's text and its technical detail."""
    failure = _open_tot_melding(page, site_url, route_pattern, handler, label)
    page.unroute_all(behavior="ignoreErrors")  # a runtime request still in the handler when the page closes
    tekst = failure.inner_text()
    assert "null" not in tekst.splitlines()  # no stray line for an absent part
    detail = failure.locator("details code")
    return tekst, detail.text_content() if detail.count() else ""


@pytest.mark.parametrize("mime", ["text/plain", "application/octet-stream"])
def test_wasm_with_a_wrong_mime_type_names_the_cause_not_a_time_out(page, site_url, mime):
    def verkeerd(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": mime})

    tekst, detail = _faalt_snel(page, site_url, "**/*.wasm", verkeerd, f".wasm als {mime} → melding")
    assert "verkeerd bestandstype" in tekst and "application/wasm" in tekst
    assert mime in detail and mime not in tekst  # the technical part only in the disclosure
    assert page.get_by_role("button", name="Tijdlijn berekenen").is_disabled()
    assert page.get_by_role("link", name="termijnentabellen per regio").is_visible()


def test_a_truncated_wasm_names_the_cause(page, site_url):
    def afgekapt(route):
        if route.request.method != "GET":  # the preflight's HEAD has no body to cut
            route.continue_()
            return
        response = route.fetch()
        route.fulfill(response=response, body=response.body()[:1_000_000])

    tekst, detail = _faalt_snel(page, site_url, "**/*.wasm", afgekapt, ".wasm afgekapt → melding")
    assert "onvolledig of beschadigd" in tekst and "pyodide.asm.wasm" in detail
    assert page.locator(f"{MELDING} details summary").inner_text() == "Technische melding"


def test_a_missing_runtime_gives_a_dutch_explanation(page, site_url):
    tekst, detail = _faalt_snel(
        page,
        site_url,
        "**/*.wasm",
        lambda route: route.fulfill(status=404, body="niet gevonden"),
        ".wasm 404 → melding",
    )
    assert "Op de server ontbreekt de rekenomgeving." in tekst
    assert "pyodide.asm.wasm · HTTP 404" in detail


def test_a_login_page_instead_of_the_runtime_is_recognised(page, site_url):
    tekst, detail = _faalt_snel(
        page,
        site_url,
        "**/*.wasm",
        lambda route: route.fulfill(
            body='<html><form><input type="password"></form>Inloggen</html>', headers={"content-type": "text/html"}
        ),
        "aanmeldpagina in plaats van .wasm → melding",
    )
    assert "aanmeldpagina" in tekst and "text/html" in detail


LOGIN_PAGE = '<!doctype html><title>Aanmelden</title><form method="post"><label>Wachtwoord <input type="password"></label></form>'
PROXY_PAGE = "<!doctype html><title>ERROR: The requested URL could not be retrieved</title><p>Squid: connection to the server failed"


def _vervang_lijst(soort: str, site_url: str):
    """The lock file (pyodide-lock.json) as a host with a login, a proxy or a page fallback answers it."""

    def handler(route):
        if soort == "webpagina":  # a server that answers every unknown address with its start page
            route.fulfill(
                status=200,
                body="<!doctype html><html lang=nl><title>Afsprakenwijzer</title><h1>Start</h1></html>",
                headers={"content-type": "text/html; charset=utf-8"},
            )
        elif soort == "aanmelden":  # single sign-on in front of the site: a redirect to its login page
            route.fulfill(status=302, headers={"location": site_url + "sso/login?terug=lock"})
        else:  # a proxy that could not reach the server
            route.fulfill(
                status=502,
                body=PROXY_PAGE,
                headers={"content-type": "text/html", "x-squid-error": "ERR_CONNECT_FAIL 111"},
            )

    return handler


@pytest.mark.parametrize(
    "soort, oorzaak, oplossing",
    [
        ("webpagina", "gewone webpagina", "hele map site/ opnieuw"),
        ("aanmelden", "aanmeldpagina", "zonder aparte aanmelding"),
        ("proxy", "proxy of beveiligingsfilter", "laten doorlaten"),
    ],
)
def test_a_lock_file_replaced_by_a_page_names_which_page(page, site_url, soort, oorzaak, oplossing):
    page.route("**/sso/login*", lambda route: route.fulfill(body=LOGIN_PAGE, headers={"content-type": "text/html"}))
    tekst, detail = _faalt_snel(
        page,
        site_url,
        "**/pyodide-lock.json",
        _vervang_lijst(soort, site_url),
        f"pyodide-lock.json als {soort} → melding",
    )
    assert oorzaak in tekst and oplossing in tekst
    assert "lijst met onderdelen van de rekenkern" in tekst
    assert detail.startswith("pyodide-lock.json · HTTP") and "text/html" in detail
    assert "kon niet worden gestart" not in tekst  # not the generic message


def test_plain_http_on_an_intranet_host_name_gets_the_fast_start(intranet_page, site_url):
    # http://intranet.test/ is no secure context: no crypto.subtle, no Cache Storage. The first visit boots;
    # after its answer the snapshot is fetched, checked and kept, so the repeat visit restores it and fetches
    # no snapshot.
    page = intranet_page
    url = site_url.replace("127.0.0.1", INTRANET_HOST) + "rekenhulpen/" + CASUS
    begin = time.monotonic()
    page.goto(url)
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    figure("gewoon HTTP op intranet.test, eerste bezoek → antwoord", begin)
    assert page.evaluate("[isSecureContext, typeof caches, typeof crypto.subtle]") == [False, "undefined", "undefined"]
    assert page.evaluate("window.__awOffline.status") == "uit"  # no service worker over plain HTTP
    assert page.evaluate("window.__awRekenhulp.via") == "opstart"
    page.wait_for_function("window.__awRekenhulp.snapshotBewaard === true", timeout=BOOT_TIMEOUT)
    opgehaald = []
    page.on("request", lambda request: opgehaald.append(request.url) if request.url.endswith(".snapshot") else None)
    begin = time.monotonic()
    page.reload()
    page.locator(ANTWOORD).wait_for(timeout=BOOT_TIMEOUT)
    figure("gewoon HTTP op intranet.test, tweede bezoek → antwoord", begin)
    assert page.evaluate("window.__awRekenhulp.via") == "snapshot"
    assert opgehaald == []
    assert page.evaluate("window.__awRekenhulp.laatsteAntwoord.resultaat.op_peildatum.partij") == "lokaal-team"
