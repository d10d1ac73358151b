"""The package IT installs (scripts/pakket) and the version it carries: built from the last commit,
complete, verifiable with sha256sum, and naming its version in the footer and in versie.json."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
import zipfile

import pytest

from tests.conftest import ROOT

VERSIE = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
NAAM = f"afsprakenwijzer-{VERSIE}"


def test_de_voettekst_en_versie_json_noemen_de_versie(built_site):
    versie = json.loads((built_site / "versie.json").read_text(encoding="utf-8"))
    assert versie["versie"] == VERSIE
    assert versie["pyodide"] and versie["rekenkern"] and len(versie["gebouwd"]) == 10
    for pagina in ("index.html", "404.html", "rekenhulpen/index.html"):
        html = (built_site / pagina).read_text(encoding="utf-8")
        assert f"Versie {VERSIE}, gebouwd op " in html, pagina


@pytest.fixture(scope="module")
def pakket(tmp_path_factory):
    doel = tmp_path_factory.mktemp("dist")
    resultaat = subprocess.run([str(ROOT / "scripts" / "pakket"), "--naar", str(doel)], cwd=ROOT, capture_output=True,
                               text=True, timeout=900, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
    if resultaat.returncode != 0:
        pytest.fail(f"scripts/pakket faalde:\n{resultaat.stdout[-2000:]}\n{resultaat.stderr[-3000:]}")
    return doel


def test_het_pakket_is_met_sha256sum_te_controleren(pakket, tmp_path):
    assert (pakket / "SHA256SUMS").read_text().split() == [
        subprocess.run(["sha256sum", f"{NAAM}.zip"], cwd=pakket, capture_output=True, text=True, check=True).stdout.split()[0],
        f"{NAAM}.zip"]
    with zipfile.ZipFile(pakket / f"{NAAM}.zip") as archief:
        archief.extractall(tmp_path)
    map_ = tmp_path / NAAM
    controle = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=map_, capture_output=True, text=True)
    assert controle.returncode == 0, controle.stdout + controle.stderr
    vermeld = {regel.split("  ", 1)[1] for regel in (map_ / "SHA256SUMS").read_text().splitlines()}
    aanwezig = {p.relative_to(map_).as_posix() for p in map_.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert vermeld == aanwezig


def test_het_pakket_bevat_de_site_van_de_laatste_commit_en_de_configuraties(pakket, tmp_path):
    with zipfile.ZipFile(pakket / f"{NAAM}.zip") as archief:
        namen = set(archief.namelist())
        archief.extractall(tmp_path)
        # unzip keeps the mode: the check runs as deploy/controleer-hosting
        assert archief.getinfo(f"{NAAM}/deploy/controleer-hosting").external_attr >> 16 & 0o111
    map_ = tmp_path / NAAM
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    versie = json.loads((map_ / "site" / "versie.json").read_text(encoding="utf-8"))
    assert versie == {**versie, "versie": VERSIE, "commit": commit, "gebouwd": "2026-01-01"}
    assert "Versie " + VERSIE + ", gebouwd op 1 januari 2026." in (map_ / "site" / "index.html").read_text(encoding="utf-8")
    for bestand in ("site/index.html", "site/404.html", "site/assets/rekenhulp-bestanden.json", "deploy/apache/.htaccess",
                    "deploy/iis/web.config", "deploy/nginx/afsprakenwijzer.conf", "deploy/csp.txt", "LEESMIJ.txt"):
        assert f"{NAAM}/{bestand}" in namen, bestand
    assert not any(part in naam for naam in namen for part in ("/.venv/", "/node_modules/", "/.cache/", "/.git/"))
    leesmij = (map_ / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert leesmij.startswith(f"Afsprakenwijzer {VERSIE}\n") and commit in leesmij
    assert "INSTALLEREN IN DRIE STAPPEN" in leesmij and "controleer-hosting" in leesmij and "{" not in leesmij

