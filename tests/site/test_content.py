"""Each published document against its source text in ../shared/seeds/.

The expectations per document live in tests/content/<seed>.toml: every numbered section
(number, anchor, title) and sample sentences that must read the same in the source and on
the page. Checking both sides keeps the expectations honest.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.site.helpers import DOCS, ROOT, article_text, html_path, normalise, soup

EXPECTATIONS = sorted((ROOT / "tests" / "content").glob("*.toml"))
DOCUMENT_PAGES = sorted(
    p.relative_to(DOCS).as_posix()
    for folder in ("midden-brabant", "west-brabant", "zuid-limburg", "landelijk", "achtergrond")
    for p in (DOCS / folder).glob("*.md")
)

# PDF/OCR artefacts that must not survive conversion.
ARTEFACTS = {
    "é for ë (OCR)": re.compile(r"cliéntsysteem|creéren|ideeén"),
    "'6f' for 'óf' (OCR)": re.compile(r"\b6f\b"),
    "'Eris' for 'Er is' (OCR)": re.compile(r"\bEris\b"),
    "page footer of the AEF report": re.compile(r"Andersson Elffers Felix\s*\d"),
    "page header/footer with page number": re.compile(r"Samen werken aan een veilig thuis\s*\|"),
    "word broken by a line-end hyphen": re.compile(r"\b[a-zà-ÿ]{3,}- (?!en\b|of\b|en/of\b|tot\b|als\b|dan\b|noch\b)[a-zà-ÿ]{3,}"),
    "footnote number glued to a word": re.compile(r"\(wijk\)teams\d"),
}


def load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_every_document_page_has_expectations():
    covered = {load(path)["pagina"] for path in EXPECTATIONS}
    assert DOCUMENT_PAGES, "geen documentpagina's gevonden"
    assert set(DOCUMENT_PAGES) - {"midden-brabant/terugkoppelbericht.md"} <= covered


def test_every_seed_is_published():
    published = {load(path)["bronbestand"] for path in EXPECTATIONS}
    assert {p.name for p in SEEDS.glob("*.txt")} <= published


@pytest.fixture(scope="module", params=EXPECTATIONS, ids=lambda p: p.stem)
def document(request, built_site):
    expectations = load(request.param)
    page = built_site and html_path(built_site, expectations["pagina"])
    return {
        **expectations,
        "seed": normalise((SEEDS / expectations["bronbestand"]).read_text(encoding="utf-8")),
        "html": page,
        "text": article_text(page),
    }


def test_sample_sentences_read_the_same_as_the_source(document):
    assert len(document["zinnen"]) >= 5
    for sentence in document["zinnen"]:
        wanted = normalise(sentence)
        assert wanted in document["seed"], f"niet in de bron: {sentence[:80]}"
        assert wanted in document["text"], f"niet op de pagina: {sentence[:80]}"


def test_every_numbered_section_has_its_anchor_and_title(document):
    page = soup(document["html"])
    for section in document.get("sectie", []):
        node = page.find(id=section["anker"])
        assert node is not None, f"anker #{section['anker']} ontbreekt ({section['nummer']})"
        text = normalise((node.get_text() or node.parent.get_text()).replace("¶", ""))
        assert normalise(section["titel"]) in text, f"#{section['anker']}: titel '{section['titel']}' niet in '{text[:120]}'"


def test_numbered_headings_of_the_source_are_all_expected(document):
    """Lines like '5.2.6 Monitoring' in the source must all be in the expectation file."""
    raw = (SEEDS / document["bronbestand"]).read_text(encoding="utf-8")
    expected = {section["nummer"].strip().rstrip(".") for section in document.get("sectie", [])}
    if not expected:
        pytest.skip("dit document heeft geen genummerde paragrafen")
    found = set()
    for line in raw.splitlines():
        match = re.match(r"^\s*(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-Z][^.]{2,70})$", line.rstrip())
        if match and not match.group(2).rstrip().endswith((",", ";")):
            found.add(match.group(1))
    missing = sorted(found - expected)
    assert not missing, f"genummerde koppen uit de bron ontbreken in de verwachtingen: {missing}"


def test_left_out_names_are_absent(document):
    for name in document.get("weggelaten", []):
        assert name not in document["text"], f"'{name}' hoort niet op de pagina"


@pytest.mark.parametrize("page", DOCUMENT_PAGES)
def test_no_ocr_or_pdf_artefacts_left(built_site, page):
    text = article_text(html_path(built_site, page))
    for label, pattern in ARTEFACTS.items():
        match = pattern.search(text)
        assert match is None, f"{page}: {label}: '…{text[max(0, match.start() - 30):match.end() + 30]}…'"
