"""MkDocs hook: the menu's 'Afspraken' lists every region the engine knows, from the rule files.

A region is registered in one place, its rule file (calculators/rules/<regio>.toml): the engine finds it in the
rules folder, and this hook gives it a place in the menu, with every page in the folder of its published text (its
agreement first). The regions come in the engine's order (by code), the national framework last, as on the
infographic page. mkdocs.yml holds an empty 'Afspraken' section for it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from calculators.basis.begrippen import LANDELIJK
from calculators.recht.regios import document, regio_codes, regio_naam

SECTIE = "Afspraken"


def menu(docs: Path) -> list[dict[str, list[str]]]:
    """Per region its name and its pages: the agreement, then the other pages of its folder."""
    uit = []
    for code in [*(c for c in regio_codes() if c != LANDELIJK), LANDELIJK]:
        hoofd = document(code).pagina.rstrip("/") + ".md"
        map_ = docs / Path(hoofd).parent
        overig = sorted(
            p.relative_to(docs).as_posix() for p in map_.glob("*.md") if p.relative_to(docs).as_posix() != hoofd
        )
        uit.append({regio_naam(code): [hoofd, *overig]})
    return uit


def on_config(config):
    sectie = next((item for item in config["nav"] or [] if isinstance(item, dict) and SECTIE in item), None)
    if sectie is None:
        raise PluginError(
            f"mkdocs.yml: het menu mist de sectie '{SECTIE}' (hooks/regio_menu.py vult haar met de regio's)"
        )
    sectie[SECTIE] = menu(Path(config["docs_dir"]))
    return config
