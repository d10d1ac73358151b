"""A second build of the site with a changed copy of the rule files (one per test session)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

REGELS = ROOT / "calculators" / "rules"

# The changes: a regional term (Midden-Brabant: 7 days to pick up a direct handover) and a
# national one that West-Brabant uses as its fallback (triage in 5 working days).
OPPAKKEN_OUD, OPPAKKEN_NIEUW = 7, 13
TRIAGE_OUD, TRIAGE_NIEUW = 5, 6


def wijzig_regel(tekst: str, code: str, oud: str, nieuw: str) -> str:
    start = tekst.index(f'code = "{code}"')
    begin = tekst.rindex("[[regel]]", 0, start)
    volgende = re.search(r"^\[\[", tekst[start:], flags=re.M)
    eind = start + volgende.start() if volgende else len(tekst)
    blok = tekst[begin:eind]
    assert oud in blok, f"{oud!r} staat niet in regel {code}"
    return tekst[:begin] + blok.replace(oud, nieuw, 1) + tekst[eind:]


@pytest.fixture(scope="session")
def gewijzigde_regels(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("regels") / "rules"
    shutil.copytree(REGELS, map_)
    mb = map_ / "midden-brabant.toml"
    mb.write_text(
        wijzig_regel(
            mb.read_text(encoding="utf-8"),
            "overdracht-oppakken",
            f"aantal = {OPPAKKEN_OUD}\n",
            f"aantal = {OPPAKKEN_NIEUW}\n",
        ),
        encoding="utf-8",
    )
    landelijk = map_ / "landelijk.toml"
    landelijk.write_text(
        wijzig_regel(
            landelijk.read_text(encoding="utf-8"),
            "triage-termijn",
            f"aantal = {TRIAGE_OUD}\n",
            f"aantal = {TRIAGE_NIEUW}\n",
        ),
        encoding="utf-8",
    )
    return map_


@pytest.fixture(scope="session")
def gewijzigde_site(tmp_path_factory, gewijzigde_regels) -> Path:
    target = tmp_path_factory.mktemp("site-gewijzigd") / "site"
    result = build_site(target, env={"AFSPRAKENWIJZER_REGELS": str(gewijzigde_regels)})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict met gewijzigde regels faalde:\n{result.stderr[-4000:]}")
    return target


@pytest.fixture
def standaard_regelmap():
    """Tests that load rules in this process start and end with the package's own files."""
    from calculators.basis import bestanden

    bestanden.gebruik_regelmap(None)
    yield
    bestanden.gebruik_regelmap(None)
