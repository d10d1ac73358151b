"""The site builds strictly, every page renders, and every published text names its source."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

from tests.site.helpers import DOCS, ROOT, html_path, markdown_pages, soup


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bronvermelding = load_hook("bronvermelding")


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path} heeft geen front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_renders_with_one_title(built_site, page):
    path = html_path(built_site, page)
    assert path.exists(), f"{page} is niet gebouwd"
    document = soup(path)
    assert document.html["lang"] == "nl"
    assert len(document.select("article h1")) == 1, f"{page}: precies één paginatitel verwacht"


@pytest.mark.parametrize("page", [p for p in markdown_pages() if bronvermelding.is_document_page(p)])
def test_every_document_page_names_its_source(built_site, page):
    meta = front_matter(DOCS / page)
    assert bronvermelding.missing_bron_fields(meta) == []
    assert (ROOT.parent / "shared" / "seeds" / meta["bron"]["bronbestand"]).exists()
    shown = soup(html_path(built_site, page)).select_one(".aw-bron")
    assert shown is not None and meta["bron"]["organisatie"] in shown.get_text()


def test_a_document_page_without_source_stops_the_build():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="zuid-limburg/nieuw.md"), meta={"title": "Nieuw"})
    with pytest.raises(PluginError, match="bronvermelding ontbreekt.*bron"):
        bronvermelding.on_page_markdown("# Nieuw", page, {}, None)


def test_a_source_block_missing_one_field_is_named():
    meta = {"bron": {"titel": "T", "organisatie": "O", "datum": "2020", "versie": "", "bronbestand": "x.txt"}}
    assert bronvermelding.missing_bron_fields(meta) == ["bron.versie"]


def test_search_is_dutch_and_finds_domain_words(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    text = " ".join(doc["text"] for doc in index["docs"])
    for word in ("veiligheidsbeoordeling", "zicht op veiligheid", "lokale (wijk)team", "monitoring"):
        assert word in text.lower(), word
