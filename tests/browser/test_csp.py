"""The site under the shipped Content-Security-Policy, behind the shipped nginx configuration,
in Debian chromium: no page, diagram, search or calculator triggers a CSP violation, and no
request leaves the site's own origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser
KLAAR = "Rekenhulp is klaar voor gebruik."
# Reports violations to the test the moment they happen, across navigations.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__awViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
});
"""


def site_pages(site: Path) -> dict[str, Path]:
    """URL path (relative to the site root) of every HTML page the build wrote -> its file."""
    pages = {}
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        pages[relative.removesuffix("index.html")] = html
    return pages


def calculator_pages(site: Path) -> list[str]:
    return [
        path
        for path, html in site_pages(site).items()
        if 'id="aw-rekenkern-config"' in html.read_text(encoding="utf-8")
    ]


class Watch:
    """Collects CSP violations (event and console), console errors and foreign requests."""

    def __init__(self, page, base_url: str):
        self.origin = urlparse(base_url).netloc
        self.violations: list[str] = []
        self.console_errors: list[str] = []
        self.foreign: list[str] = []
        page.expose_function("__awViolation", lambda text: self.violations.append(text))
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self._console)
        page.on("worker", lambda worker: worker.on("console", self._console))
        page.context.on("request", self._request)

    def _console(self, message):
        text = message.text
        # Chromium spells it "Content Security policy" for WebAssembly, and reports violations
        # inside the calculator's worker only on the console (the event fires in the worker).
        if "content security policy" in text.lower() or "content-security-policy" in text.lower():
            self.violations.append(f"console: {text}")
        elif message.type == "error":
            self.console_errors.append(text)

    def _request(self, request):
        url = urlparse(request.url)
        if url.scheme in {"http", "https", "ws", "wss"} and url.netloc != self.origin:
            self.foreign.append(request.url)

    def assert_clean(self):
        assert self.violations == [], self.violations[:10]
        assert self.console_errors == [], self.console_errors[:10]
        assert self.foreign == [], self.foreign[:10]


def test_every_page_without_csp_violations(page, nginx_url, built_site):
    watch = Watch(page, nginx_url)
    for path in site_pages(built_site):
        page.goto(nginx_url + path, wait_until="load")
        # Diagrams render after load with the site's own Mermaid (inline SVG styles).
        diagrams = page.locator("pre.aw-diagram")
        if diagrams.count():
            # A function, not an expression: Playwright evaluates expressions with eval(),
            # which this very CSP forbids.
            page.wait_for_function(
                "() => [...document.querySelectorAll('pre.aw-diagram')].every(p => p.dataset.awRendered)"
            )
            assert page.locator("pre.aw-diagram[data-aw-rendered=ja]").count() == diagrams.count(), path
        page.wait_for_load_state("networkidle")  # every request of the page has been made (and checked)
    watch.assert_clean()
    # Material sets these in the externalised bootstrap script: proof that it ran.
    assert page.evaluate("typeof __md_get === 'function' && __md_scope instanceof URL")


def test_material_features_work_with_externalised_scripts(page, nginx_url):
    watch = Watch(page, nginx_url)
    page.emulate_media(color_scheme="light")
    page.goto(nginx_url, wait_until="load")
    # Palette toggle (system -> light -> dark): Material stores the choice, and the
    # externalised palette script applies it on the next page before it is painted.
    for _ in range(3):
        if page.locator("body").get_attribute("data-md-color-scheme") == "slate":
            break
        media = page.locator("body").get_attribute("data-md-color-media")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("(m) => document.body.getAttribute('data-md-color-media') !== m", arg=media)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(nginx_url + "start-hier/", wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # Search runs in Material's own worker.
    page.keyboard.press("/")
    # Typed, not fill(): Material reads the query on keyup (or when its worker is ready); a fill()
    # that lands just after the worker is ready is never searched.
    page.keyboard.type("veiligheid")
    page.locator(".md-search-result__item").first.wait_for()  # the worker builds its index first
    # The share button is an <a href="javascript:void(0)">: a javascript: URL would be a violation.
    page.locator("[data-md-component=search-share]").click()
    # Material answers the click with its "copied" dialog: the click has been handled by then.
    page.locator(".md-dialog--active").wait_for()
    watch.assert_clean()


def test_page_under_a_subpath_without_csp_violations(page, nginx_subpath_url):
    watch = Watch(page, nginx_subpath_url)
    page.goto(nginx_subpath_url + "start-hier/", wait_until="load")
    assert page.locator("article h1").count() == 1
    assert page.evaluate("__md_scope.pathname") == urlparse(nginx_subpath_url).path
    page.wait_for_load_state("networkidle")
    watch.assert_clean()


def start_and_calculate(page, url: str, watch: Watch) -> None:
    """Open a calculator page, wait until the engine is ready, compute once with the form's defaults and a date in
    each field a reader must fill in (the meldingsdatum starts empty)."""
    page.goto(url, wait_until="load")
    status = page.locator("[data-aw-status]")
    # Ready, or failed for good (a stall message may still turn into "ready").
    page.locator(".aw-status-balk--klaar, .aw-status-balk--mislukt:not(.aw-status-balk--vastgelopen)").wait_for()
    assert status.inner_text().strip() == KLAAR, f"{url}: {status.inner_text()} {watch.violations}"
    # One calculation with the form's defaults: the engine's answer (a result with its schedule and
    # timeline, or the list of what to fill in) renders too.
    for verplicht in page.locator("[data-aw-rekenhulp]:not([hidden]) input[required]").all():
        verplicht.fill("2025-04-24")
    # (On 'Regelwijziging voorbereiden' the engine answers a rule change: the same worker, the same button.)
    page.locator(
        "[data-aw-rekenhulp]:not([hidden]) [data-aw-bereken], [data-aw-voorbereiden] [data-aw-bereken]"
    ).click()
    page.locator("[data-aw-antwoord], [data-aw-foutsamenvatting]:not([hidden])").first.wait_for()


def test_calculators_are_ready_under_the_csp(page, nginx_url, built_site):
    pages = calculator_pages(built_site)
    assert pages, "geen rekenhulppagina's in de site"
    watch = Watch(page, nginx_url)
    for path in pages:
        start_and_calculate(page, nginx_url + path, watch)
    watch.assert_clean()
