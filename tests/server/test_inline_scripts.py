"""hooks/externalize_inline_scripts.py: the built site has no inline script the CSP would block."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "externalize_inline_scripts", ROOT / "hooks" / "externalize_inline_scripts.py"
)
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)


def test_no_executable_inline_script_in_any_page(built_site):
    offenders = []
    for path in sorted(built_site.rglob("*.html")):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if not script.get("src") and (script.get("type") or "").lower() in hook.EXECUTABLE_TYPES:
                offenders.append(f"{path.relative_to(built_site)}: {script.get_text()[:60]}")
    assert offenders == [], offenders[:10]


def test_every_external_script_exists_relative_to_its_page(built_site):
    for path in sorted(built_site.rglob("*.html")):
        if path.name == "404.html":
            continue  # refers to the site root by absolute path: checked over HTTP in test_headers
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script", src=True):
            assert (path.parent / script["src"]).resolve().is_file(), f"{path.relative_to(built_site)}: {script['src']}"


def test_scripts_move_to_files_and_data_blocks_stay(tmp_path):
    page = tmp_path / "a" / "b" / "index.html"
    page.parent.mkdir(parents=True)
    html = (
        "<head><script>var x = 1;</script></head><body>"
        '<script type="application/json" id="__config">{"a": 1}</script>'
        '<script type="module" async>import { a } from "/m.js";</script>'
        "<script defer>var y = 2;</script>"
        '<script src="../../assets/javascripts/bundle.0123abcd.min.js"></script></body>'
    )
    result = hook.externalize(html, page, tmp_path)
    assert '<script type="application/json" id="__config">{"a": 1}</script>' in result
    assert "var x" not in result and "import" not in result
    scripts = BeautifulSoup(result, "html.parser").find_all("script", src=True)
    classic, module, deferred = scripts[0], scripts[1], scripts[2]
    assert classic["src"].startswith("../../assets/javascripts/inline/") and not classic.get("type")
    assert module["type"] == "module" and module.has_attr("async")  # async still means something on a module
    assert not deferred.has_attr("defer")  # ignored inline, so it must not start to count in a file
    assert (page.parent / classic["src"]).read_text() == "var x = 1;"
    assert (page.parent / module["src"]).read_text() == 'import { a } from "/m.js";'


def test_module_script_with_relative_import_is_refused(tmp_path):
    with pytest.raises(PluginError, match="relatieve import"):
        hook.externalize('<script type="module">import "./m.js";</script>', tmp_path / "index.html", tmp_path)
