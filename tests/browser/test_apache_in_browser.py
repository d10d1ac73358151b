"""The calculator behind Debian's Apache with the shipped .htaccess, in Debian chromium: it starts,
computes a result, and the policy Apache sends causes no violation."""

from __future__ import annotations

import pytest

from tests.browser.test_csp import KLAAR, Watch, calculator_pages

pytestmark = pytest.mark.browser


def test_calculator_gives_a_result_behind_apache(page, apache_url, built_site):
    path = calculator_pages(built_site)[0]
    watch = Watch(page, apache_url)
    page.goto(apache_url + path, wait_until="load")
    status = page.locator("[data-aw-status]")
    page.wait_for_function(
        "(s) => /klaar voor gebruik|kon niet|reageert niet|niet starten/.test(document.querySelector(s).textContent)",
        arg="[data-aw-status]")
    assert status.inner_text().strip() == KLAAR, f"{path}: {status.inner_text()} {watch.violations}"
    page.locator("[data-aw-bereken]").click()
    page.locator("#resultaat, [data-aw-foutsamenvatting]:not([hidden])").first.wait_for()
    assert page.locator("#resultaat").count() == 1
    watch.assert_clean()
