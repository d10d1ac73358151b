"""deploy/controleer-hosting, the self-check for IT: it passes behind the shipped nginx and Apache
configurations, and names what is wrong behind a bare server, an Apache without mod_headers and a
deployment with damaged runtime files."""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.util
import os
import shutil
import socket
import subprocess
import sys

import pytest

from tests.conftest import serve
from tests.server.helpers import ROOT, SECURITY_HEADERS

TOOL = ROOT / "deploy" / "controleer-hosting"


def run_tool(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), url], capture_output=True, text=True, timeout=600)


def load_tool():
    loader = importlib.machinery.SourceFileLoader("controleer_hosting", str(TOOL))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    sys.modules[loader.name] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


def lines_with(output: str, word: str) -> list[str]:
    return [line for line in output.splitlines() if word in line]


def test_tool_expects_the_shipped_headers_and_manifest():
    from hooks.browser_runtime import RUNTIME_MANIFEST

    tool = load_tool()
    assert tool.SECURITY_HEADERS == SECURITY_HEADERS
    assert tool.MANIFEST == RUNTIME_MANIFEST


def test_tool_is_one_python39_file_with_only_the_standard_library():
    source = TOOL.read_text(encoding="utf-8")
    assert os.access(TOOL, os.X_OK) and source.startswith("#!/usr/bin/env python3\n")
    tree = ast.parse(source, feature_version=(3, 9))  # no match, no except*, no 3.10+ syntax
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_passes_behind_the_shipped_nginx_config(nginx_server, where):
    result = run_tool(nginx_server[where])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FOUT" not in result.stdout and "controles in orde." in result.stdout
    assert lines_with(result.stdout, "Rekenhulp-bestanden compleet en ongewijzigd onder /afspraken/" if where == "subpath" else
                      "Rekenhulp-bestanden compleet en ongewijzigd onder / ")


def test_passes_behind_apache_with_the_shipped_htaccess(apache_url):
    result = run_tool(apache_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FOUT" not in result.stdout


def test_fails_behind_a_bare_static_server_and_names_the_headers(site_url):
    # Right MIME types, but no security headers, no Cache-Control and no gzip.
    result = run_tool(site_url)
    assert result.returncode == 1, result.stdout
    for name in SECURITY_HEADERS:
        assert lines_with(result.stdout, f"{name} ontbreekt"), name
    assert lines_with(result.stdout, "FOUT  Compressie")
    assert lines_with(result.stdout, "OK    MIME-type .wasm")
    assert lines_with(result.stdout, "OK    Rekenhulp-bestanden compleet")


def test_fails_behind_apache_without_mod_headers(apache_without_headers):
    result = run_tool(apache_without_headers["url"])
    assert result.returncode == 1, result.stdout
    assert lines_with(result.stdout, "Content-Security-Policy ontbreekt")
    assert "mod_headers" in result.stdout and "status 500" in result.stdout


def test_reports_missing_truncated_and_changed_runtime_files(built_site, tmp_path):
    # A hard-linked copy: the damaged files are replaced, never written through the links.
    site = tmp_path / "site"
    shutil.copytree(built_site, site, copy_function=os.link)
    wasm = next(site.glob("assets/pyodide/*/pyodide.asm.wasm"))
    wheel = next(site.glob("assets/rekenkern/*/*.whl"))
    stdlib = next(site.glob("assets/pyodide/*/python_stdlib.zip"))
    for path, data in ((wasm, wasm.read_bytes()[:1_000_000]), (wheel, wheel.read_bytes()[::-1])):
        path.unlink()
        path.write_bytes(data)
    stdlib.unlink()
    server = serve(site)
    try:
        result = run_tool(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
    assert result.returncode == 1
    assert lines_with(result.stdout, "FOUT  Rekenhulp-bestanden compleet")
    assert lines_with(result.stdout, f"{wasm.name}: 1.000.000 bytes, verwacht")
    assert lines_with(result.stdout, f"{wheel.name}: inhoud gewijzigd")
    assert lines_with(result.stdout, f"{stdlib.name}: status 404")
    assert "rsync -a --delete" in result.stdout


def test_unreachable_site_exits_with_2():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_tool(f"http://127.0.0.1:{port}/")
    assert result.returncode == 2 and "niet bereikbaar" in result.stdout
