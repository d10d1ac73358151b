"""The calculator behind Debian's Apache with the shipped .htaccess, in Debian chromium: it starts,
computes a result, and the policy Apache sends causes no violation."""

from __future__ import annotations

import pytest

from tests.browser.test_csp import Watch, calculator_pages, start_and_calculate

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("fixture", ["apache_url", "apache_subpath"])
def test_calculator_gives_a_result_behind_apache(page, request, built_site, fixture):
    server = request.getfixturevalue(fixture)
    url = server if isinstance(server, str) else server["url"]  # at the root, or under /afspraken/
    watch = Watch(page, url)
    start_and_calculate(page, url + calculator_pages(built_site)[0], watch)
    assert page.locator("[data-aw-antwoord]").count() == 1  # an answer, not the list of what to fill in
    watch.assert_clean()
