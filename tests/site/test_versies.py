"""Versions and changes: every published text shows its version, from when it applies and when
its page last changed (from git, also in a fresh, shallow or foreign-owned clone, as in CI),
the page "Wijzigingen" lists the versions of the agreements, and the maintainers' log lists every change to a
text or rule file."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from calculators.recht.regios import alle_regios
from tests.site.helpers import DOCS, ROOT, html_path, markdown_pages, normalise, soup


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bronvermelding = load_hook("bronvermelding")
DOCUMENTS = [p for p in markdown_pages() if bronvermelding.is_document_page(p)]
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None or not (ROOT / ".git").exists(), reason="geen git-checkout")


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", "-c", "safe.directory=*", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def front_matter(markdown_path: str) -> dict:
    return yaml.safe_load((DOCS / markdown_path).read_text(encoding="utf-8").split("---\n", 2)[1])


def source_block(site: Path, markdown_path: str) -> dict[str, str]:
    block = soup(html_path(site, markdown_path)).select_one(".aw-bron")
    assert block is not None, f"{markdown_path}: geen blok ‘Over deze tekst’"
    return {normalise(dt_.get_text()): normalise(dt_.find_next_sibling("dd").get_text()) for dt_ in block.select("dt")}


# ---------- every text: version, geldig vanaf, last change ----------

@pytest.mark.parametrize("page", DOCUMENTS)
def test_every_text_shows_its_version_validity_and_last_change(built_site, page):
    rows = source_block(built_site, page)
    meta = front_matter(page)
    assert rows["Versie"] == normalise(str(meta["bron"]["versie"]))

    vanaf = meta["bron"].get("geldig_vanaf")
    if vanaf:
        assert rows["Geldig vanaf"] == bronvermelding.lange_datum(vanaf)
    else:
        assert rows["Geldig vanaf"].startswith("niet vermeld in de bron")
        versie = bronvermelding.rule_version(meta.get("regio"))
        if versie:  # the date the calculators apply this text from, from the rule data
            assert bronvermelding.lange_datum(versie.geldig_vanaf) in rows["Geldig vanaf"]

    committed = git("log", "-1", "--format=%cs", "--", f"docs/{page}") if GIT else ""
    if committed:
        assert rows["Pagina laatst gewijzigd"] == bronvermelding.lange_datum(dt.date.fromisoformat(committed))
    else:  # a new page that is not committed yet, or a build without git
        assert rows["Pagina laatst gewijzigd"].startswith("onbekend")
    assert "Wijzigingen" in rows


@needs_git
def test_last_change_works_in_a_fresh_clone_from_any_working_directory(tmp_path, monkeypatch):
    clone = tmp_path / "kloon"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    page = "midden-brabant/samenwerkingsafspraken.md"
    expected = dt.date.fromisoformat(git("log", "-1", "--format=%cs", "HEAD", "--", f"docs/{page}"))
    monkeypatch.chdir(tmp_path)  # mkdocs may be started from elsewhere (mkdocs build -f …)
    assert bronvermelding.last_change(clone / "docs" / page) == expected


@needs_git
def test_last_change_works_in_a_shallow_clone(tmp_path):
    """CI systems often clone with --depth 1: then every page shows the date of that one commit."""
    clone = tmp_path / "ondiep"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    head = dt.date.fromisoformat(git("log", "-1", "--format=%cs", cwd=clone))
    assert bronvermelding.last_change(clone / "docs" / "midden-brabant" / "samenwerkingsafspraken.md") == head


@needs_git
@pytest.mark.skipif(os.geteuid() != 0, reason="alleen root kan de eigenaar van een kloon veranderen")
def test_last_change_works_in_a_clone_owned_by_another_user(tmp_path):
    """git refuses a repository owned by someone else ("dubious ownership") unless trusted."""
    clone = tmp_path / "van-een-ander"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    subprocess.run(["chown", "-R", "65534:65534", str(clone)], check=True)
    page = clone / "docs" / "midden-brabant" / "samenwerkingsafspraken.md"
    assert bronvermelding.last_change(page) is not None


def test_without_git_the_page_says_the_date_is_unknown(tmp_path):
    loose = tmp_path / "los.md"
    loose.write_text("# Los\n", encoding="utf-8")
    assert bronvermelding.last_change(loose) is None
    assert bronvermelding.last_change(tmp_path / "bestaat-niet" / "x.md") is None


# ---------- the page "Wijzigingen" ----------

def test_the_changes_page_lists_every_version_of_the_agreements(built_site):
    text = normalise(soup(html_path(built_site, "over/wijzigingen.md")).select_one("article").get_text(" "))
    for regels in alle_regios().values():
        for versie in regels.versies:
            assert normalise(versie.naam) in text, versie.naam
            assert bronvermelding.lange_datum(versie.geldig_vanaf) in text, (versie.naam, versie.geldig_vanaf)


@needs_git
def test_the_maintainers_log_lists_every_commit_to_a_text_or_rule_file(built_site):
    from macros import wijzigingen

    log = git("log", "--no-renames", "--name-only", "--format=%x1e%h %cs", "--", *wijzigingen.gevolgd())
    expected = []
    for block in (b for b in log.split("\x1e") if b.strip()):  # (str.strip() counts \x1e as space)
        head, *files = block.strip().split("\n")
        commit, datum = head.split()
        expected += [(commit, datum, f) for f in files if f.strip()]
    assert expected, "geen geschiedenis gevonden"
    table = soup(html_path(built_site, "beheer/logboek.md")).select("article table")[-1]
    rows = table.select("tbody tr")
    assert len(rows) == len(expected)
    for row, (commit, datum, path) in zip(rows, expected):
        cells = [normalise(td.get_text(" ")) for td in row.select("td")]
        assert cells[0] == bronvermelding.lange_datum(dt.date.fromisoformat(datum))
        assert cells[3] == commit
        if path.startswith("docs/") and (ROOT / path).exists():
            link = row.select_one("td a")
            assert link is not None, f"{path}: geen link naar de pagina"
            assert link["href"].rstrip("/").endswith(path[len("docs/"):].removesuffix(".md")), (path, link["href"])
        if path.startswith("calculators/rules/"):
            assert Path(path).name in cells[1]


def test_the_changes_page_says_so_when_there_is_no_history(monkeypatch):
    from macros import wijzigingen

    monkeypatch.setattr(wijzigingen, "_git", lambda *args: None)
    assert "Geschiedenis niet beschikbaar" in wijzigingen.geschiedenis_tabel("beheer/logboek.md")


@needs_git
def test_the_print_edition_cover_names_the_state_of_the_texts(built_site):
    cover = soup(built_site / "afdrukversie" / "index.html").select_one("#print-site-cover-page")
    assert cover is not None and "Stand van de teksten" in cover.get_text()
