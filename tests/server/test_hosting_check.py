"""deploy/controleer-hosting, the self-check for IT: a verdict on the first line, problems ranked as
blocking / slows down / advice, exit codes as documented, never a traceback. It passes behind the
shipped nginx and Apache configurations (also under a sub-path), and names each fault of a small,
deliberately broken server (tests/server/storingsserver.py)."""

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
from tests.server.apache import SUBSTITUTE_LINE
from tests.server.helpers import ROOT, SECURITY_HEADERS
from tests.server.storingsserver import SUBMAP, certificaat, storingsserver

TOOL = ROOT / "deploy" / "controleer-hosting"
WERKT = "De rekenhulp werkt op deze server: ja — en offline gebruik: nee (daarvoor is HTTPS nodig)"
WERKT_NIET = "De rekenhulp werkt op deze server: nee"
# Short, so that a stall is recognised in seconds (the default is 20 s).
WACHTTIJD = "2"


def run_tool(url: str, *extra: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(TOOL), url, *extra], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stdout + result.stderr and result.stderr == "", result.stderr
    return result


def load_tool():
    loader = importlib.machinery.SourceFileLoader("controleer_hosting", str(TOOL))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    sys.modules[loader.name] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


def lines_with(output: str, word: str) -> list[str]:
    return [line for line in output.splitlines() if word in line]


def section(output: str, heading: str) -> str:
    """The text of one ranked section (BLOKKEREND, VERTRAAGT, ADVIES), empty if it is absent."""
    parts = output.split("\n\n")
    return next((part for part in parts if part.startswith(heading + " (")), "")


def test_tool_expects_the_shipped_headers_manifest_and_version_file():
    from hooks.browser_runtime import RUNTIME_MANIFEST
    from hooks.versie import VERSION_FILE

    tool = load_tool()
    assert tool.SECURITY_HEADERS == SECURITY_HEADERS
    assert tool.MANIFEST == RUNTIME_MANIFEST and tool.VERSION_FILE == VERSION_FILE


def test_tool_is_one_python39_file_with_only_the_standard_library():
    source = TOOL.read_text(encoding="utf-8")
    assert os.access(TOOL, os.X_OK) and source.startswith("#!/usr/bin/env python3\n")
    tree = ast.parse(source, feature_version=(3, 9))  # no match, no except*, no 3.10+ syntax
    imported = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)


def test_the_exit_codes_are_documented_where_it_is_used():
    help_text = subprocess.run([sys.executable, str(TOOL), "--help"], capture_output=True, text=True).stdout
    guide = (ROOT / "docs" / "beheer" / "hosting.md").read_text(encoding="utf-8")
    for code, meaning in (
        ("0", "in orde"),
        ("1", "blokkerend"),
        ("2", "niet bereikbaar"),
        ("3", "vertraagt"),
        ("4", "controle vastgelopen"),
    ):
        assert f"{code} {meaning}" in help_text, code
        assert f"| `{code}` |" in guide, code


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_passes_behind_the_shipped_nginx_config(nginx_server, where):
    result = run_tool(nginx_server[where])
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0] == WERKT
    assert result.stdout.splitlines()[1].startswith(f"Gecontroleerd: {nginx_server[where]} — versie ")
    assert not section(result.stdout, "BLOKKEREND") and not section(result.stdout, "VERTRAAGT")
    assert lines_with(
        result.stdout,
        "rekenhulp-bestanden compleet en ongewijzigd onder " + ("/afspraken/" if where == "subpath" else "/ "),
    )
    in_orde = lines_with(result.stdout, "In orde")[0]
    for check in (
        "404-pagina",
        "voorgecomprimeerde bestanden",
        "momentopname gecomprimeerd",
        "webapp-manifest",
        "service worker en zijn",
    ):
        assert check in in_orde, check


@pytest.mark.parametrize("fixture", ["apache_url", "apache_subpath"])
def test_passes_behind_apache_with_the_shipped_htaccess(request, fixture):
    server = request.getfixturevalue(fixture)
    result = run_tool(server if isinstance(server, str) else server["url"])
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0] == WERKT
    in_orde = lines_with(result.stdout, "In orde")[0]
    for check in ("404-pagina", "voorgecomprimeerde bestanden", "service worker en zijn"):
        assert check in in_orde, check


def test_a_bare_static_server_works_but_lacks_headers_compression_and_caching(site_url):
    # Right MIME types, but no security headers, no Cache-Control and no gzip: the calculator works, the
    # missing headers block going live, the rest slows it down.
    result = run_tool(site_url)
    assert result.returncode == 1, result.stdout
    assert result.stdout.splitlines()[0] == WERKT
    blocking = section(result.stdout, "BLOKKEREND")
    for name in SECURITY_HEADERS:
        assert f"{name} ontbreekt" in blocking, name
    assert "ongecomprimeerd" in section(result.stdout, "VERTRAAGT")
    assert "niet een jaar bewaard" in section(result.stdout, "VERTRAAGT")
    assert "Nederlandse 404-pagina" in section(result.stdout, "ADVIES")


def test_apache_without_mod_headers_reports_one_cause_and_stops(apache_without_headers):
    result = run_tool(apache_without_headers["url"])
    assert result.returncode == 2, result.stdout
    assert result.stdout.splitlines()[0].startswith(WERKT_NIET)
    assert "mod_headers" in result.stdout and "status 500" in result.stdout
    # One cause, not a dozen misleading fixes for MIME types, gzip or ETags.
    assert [line for line in result.stdout.splitlines() if line.lstrip().startswith(("1.", "2."))] == [
        line for line in result.stdout.splitlines() if line.lstrip().startswith("1.")
    ]
    assert "Oplossing" in result.stdout and result.stdout.count("Oplossing") == 1
    assert "In orde" not in result.stdout and "MIME" not in result.stdout


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
    assert result.stdout.splitlines()[0].startswith(WERKT_NIET)
    blocking = section(result.stdout, "BLOKKEREND")
    assert f"{wasm.name}: 1.000.000 bytes, verwacht" in blocking
    assert f"{wheel.name}: inhoud gewijzigd" in blocking
    assert f"{stdlib.name}: status 404" in blocking
    assert "rsync -a --delete" in blocking


def test_unreachable_site_exits_with_2():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_tool(f"http://127.0.0.1:{port}/")
    assert result.returncode == 2 and "niet bereikbaar" in result.stdout and "verbinding geweigerd" in result.stdout
    assert result.stdout.splitlines()[0].startswith(WERKT_NIET)


def test_an_unknown_host_name_is_a_dutch_line_not_a_traceback():
    result = run_tool("http://bestaat-niet.invalid/afspraken/")
    assert result.returncode == 2 and "is onbekend" in result.stdout


# ---------- one fault at a time (tests/server/storingsserver.py) ----------


@pytest.fixture(scope="module")
def storing(built_site):
    """Run the tool against the fault server with one fault: (exit code, output)."""

    def run(fault: str) -> tuple[int, str]:
        with storingsserver(built_site, fault) as url:
            result = run_tool(url, "--wachttijd", WACHTTIJD)
        print(f"\n--- {fault} ---\n{result.stdout}")
        return result.returncode, result.stdout

    return run


def test_fault_server_without_faults_passes(storing):
    code, output = storing("geen")
    assert code == 0 and output.splitlines()[0] == WERKT
    assert "Gecontroleerd: http://127.0.0.1:" in output and SUBMAP in output.splitlines()[1]


def test_gzip_with_the_uncompressed_length_is_advice_and_the_file_is_still_checked(storing):
    # The browser copes: the calculator works; other programs and proxies would wait for bytes that never come.
    code, output = storing("gzip-verkeerde-lengte")
    assert code == 0 and output.splitlines()[0] == WERKT
    advice = section(output, "ADVIES")
    assert "verkeerde lengte" in advice and "pyodide.asm.wasm: gecomprimeerd (gzip)" in advice
    assert "rekenhulp-bestanden compleet en ongewijzigd" in lines_with(output, "In orde")[0]


@pytest.mark.parametrize(
    "fault, found",
    [
        ("wasm-als-octet-stream", "pyodide.asm.wasm: application/octet-stream (moet application/wasm)"),
        ("wasm-hangt", "pyodide.asm.wasm: hangt: na 100.000 bytes kwam er 2 s niets meer"),
        ("wasm-zonder-antwoord", "pyodide.asm.wasm: geen antwoord (de server zweeg 2 s: het verzoek hangt)"),
        ("aanmeldpagina-voor-rekenkern", "een webpagina in plaats van het bestand (een aanmeldpagina)"),
        ("csp-zonder-wasm", "houdt de rekenhulp tegen"),
    ],
)
def test_a_fault_that_stops_the_calculator_is_named_and_blocks(storing, fault, found):
    code, output = storing(fault)
    assert code == 1 and output.splitlines()[0].startswith(WERKT_NIET)
    assert found in section(output, "BLOKKEREND")


def test_missing_security_headers_block_going_live_but_the_calculator_works(storing):
    code, output = storing("zonder-headers")
    assert code == 1 and output.splitlines()[0] == WERKT
    assert "Content-Security-Policy ontbreekt" in section(output, "BLOKKEREND")


def test_a_missing_snapshot_only_slows_down(storing):
    code, output = storing("snapshot-ontbreekt")
    assert code == 3 and output.splitlines()[0] == WERKT
    assert "momentopname" in section(output, "VERTRAAGT") and not section(output, "BLOKKEREND")


def test_no_compression_slows_down(storing):
    code, output = storing("geen-compressie")
    assert code == 3 and "pyodide.asm.wasm: niet gecomprimeerd" in section(output, "VERTRAAGT")


def test_a_404_page_without_its_sub_path_gets_the_apache_line_to_add(storing):
    code, output = storing("404-zonder-submap")
    assert code == 0
    advice = section(output, "ADVIES")
    assert "opmaak van de 404-pagina laadt niet" in advice
    # The very line the hosting page says to write, with this sub-path filled in (as tests/server/apache.py does).
    assert SUBSTITUTE_LINE.replace('\\"/|n', f'\\"{SUBMAP}|n') in advice


def test_a_start_page_that_fails_is_reported_once(storing):
    code, output = storing("startpagina-500")
    assert code == 2 and output.splitlines()[0].startswith(WERKT_NIET)
    assert output.count("Oplossing") == 1 and "overgeslagen" in output


def test_compressing_on_every_request_instead_of_the_builds_copies_is_advice(storing):
    code, output = storing("zelf-comprimeren")
    assert code == 0 and output.splitlines()[0] == WERKT
    advice = section(output, "ADVIES")
    assert "bij elk verzoek zelf" in advice and "pyodide.asm.wasm:" in advice and "gzip_static on" in advice


@pytest.mark.parametrize(
    "fault, found",
    [
        ("sw-als-tekst", "sw.js: text/plain (moet text/javascript"),
        ("offline-bestand-gewijzigd", "begrippenlijst/: inhoud anders dan in deze bouw"),
    ],
)
def test_what_stops_offline_use_is_named(storing, fault, found):
    code, output = storing(fault)
    assert code == 0 and output.splitlines()[0] == WERKT  # the site works; only the offline copy would not be made
    assert found in section(output, "ADVIES") and "geen offline kopie" in section(output, "ADVIES")


def test_over_https_with_manifest_and_service_worker_the_verdict_is_offline_yes(built_site, tmp_path):
    with storingsserver(built_site, "geen", https=certificaat(tmp_path)) as url:
        result = run_tool(url, "--geen-certificaatcontrole")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0] == "De rekenhulp werkt op deze server: ja — en offline gebruik: ja"
    in_orde = lines_with(result.stdout, "In orde")[0]
    assert "HTTPS" in in_orde and "service worker en zijn" in in_orde


def test_over_https_a_file_that_differs_says_offline_no(built_site, tmp_path):
    with storingsserver(built_site, "offline-bestand-gewijzigd", https=certificaat(tmp_path)) as url:
        result = run_tool(url, "--geen-certificaatcontrole")
    assert (
        result.stdout.splitlines()[0]
        == "De rekenhulp werkt op deze server: ja — en offline gebruik: nee (zie hieronder)"
    )
    assert "begrippenlijst/: inhoud anders dan in deze bouw" in section(result.stdout, "ADVIES")
