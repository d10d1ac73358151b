"""Reading the built site the way a reader would: page files, visible text, normalisation."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def html_path(site: Path, markdown_path: str) -> Path:
    """docs/a/b.md -> site/a/b/index.html (use_directory_urls), docs/a/index.md -> site/a/index.html."""
    stem = markdown_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_text(path: Path) -> str:
    """The readable text of a page's article, without permalinks and footnote back-references."""
    document = soup(path)
    article = document.select_one("article") or document
    for node in article.select("a.headerlink, a.footnote-backref, sup[id^=\"fnref\"], .aw-bron"):
        node.decompose()
    return normalise(article.get_text(""))


def markdown_pages() -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "includes" not in p.parts)
