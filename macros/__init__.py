"""mkdocs-macros module: pages get their forms, tables, comparisons and infographics from the
rule data in calculators/, so no page states a deadline by hand."""

from __future__ import annotations

from . import rekenhulpen


def define_env(env):
    """Register the macros the pages use."""

    def naar(pad: str) -> str:
        """A link from the current page to a site path (works under any sub-path)."""
        diepte = env.page.url.count("/") if env.page and env.page.url else 0
        return "../" * diepte + pad

    @env.macro
    def rekenhulp_formulier(soort: str) -> str:
        """The calculator form of one kind: tijdlijn, werkdagen or terugkoppeling."""
        return rekenhulpen.formulier_voor(soort, tabellen_link=naar("vergelijking/"))
