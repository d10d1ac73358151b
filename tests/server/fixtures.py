"""The built site behind Debian's nginx with the shipped configuration (deploy/nginx/).

One nginx process per test session, as the current user on 127.0.0.1, with two servers:
- ``nginx_url``: the site at the root of its host, from deploy/nginx/afsprakenwijzer-server.conf
  with only listen, server_name and root replaced;
- ``nginx_subpath_url``: the site under /afspraken/ (alias), the sub-path variant from the
  hosting guide.
Both include deploy/nginx/afsprakenwijzer.conf unchanged, so the tests check the real file. Where Debian's
brotli module is installed (libnginx-mod-http-brotli-static, scripts/setup-browser-tests), it is loaded and
deploy/nginx/brotli/afsprakenwijzer-brotli.conf is put beside the others, as the hosting page says.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_NGINX = ROOT / "deploy" / "nginx"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SUBPATH = "/afspraken/"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
BROTLI_SNIPPET = DEPLOY_NGINX / "brotli" / "afsprakenwijzer-brotli.conf"


def nginx_path() -> str | None:
    for candidate in ("/usr/sbin/nginx", shutil.which("nginx") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def root_server(port: int, site: Path) -> str:
    """The shipped example server block, pointed at the test site and port."""
    text = (DEPLOY_NGINX / "afsprakenwijzer-server.conf").read_text(encoding="utf-8")
    replacements = {
        r"^(\s*)listen\s+[^;]+;": rf"\g<1>listen 127.0.0.1:{port};",
        r"^(\s*)server_name\s+[^;]+;": r"\g<1>server_name localhost;",
        r"^(\s*)root\s+[^;]+;": rf"\g<1>root {site};",
    }
    for pattern, replacement in replacements.items():
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"{pattern} niet gevonden in afsprakenwijzer-server.conf"
    return text


def subpath_server(port: int, site: Path) -> str:
    return f"""
server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    location {SUBPATH} {{
        alias {site}/;
        include snippets/afsprakenwijzer.conf;
    }}
    error_page 404 {SUBPATH}404.html;
}}
"""


def main_config(work: Path, servers: str, *, brotli: bool | None = None) -> str:
    """A top-level nginx.conf that keeps every writable path inside ``work`` (with the brotli module when it is
    installed, unless ``brotli`` says otherwise)."""
    temp = "\n".join(
        f"    {name}_temp_path {work / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    laden = f"load_module {BROTLI_MODULE};\n" if (BROTLI_MODULE.exists() if brotli is None else brotli) else ""
    return f"""{laden}
# One process, in the foreground, as the current user: the fixture starts and stops it.
daemon off;
master_process off;
worker_processes 1;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 128; }}
http {{
    # As in Debian's stock nginx.conf, so the shipped snippet has to override what it needs.
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
{temp}
{servers}
}}
"""


# Generous: it only matters when the machine is very busy, and the loop ends as soon as the server answers.
STARTUP_DEADLINE = 120


def wait_until_serving(
    process: subprocess.Popen, url: str, log: Path, *, name: str = "nginx", any_status: bool = False
) -> None:
    """Return once ``url`` answers (with any HTTP status if ``any_status``); fail if the server exits."""
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"{name} stopte meteen:\n{_tail(log)}")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            if any_status:
                return
        except OSError:
            pass
        time.sleep(0.1)  # polling interval while waiting for the condition above, not a fixed wait
    raise ServerError(f"{name} reageerde niet op {url}:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else "(geen log)"


class ServerError(RuntimeError):
    pass


NginxError = ServerError


@contextlib.contextmanager
def serve_with_nginx(executable: str, site: Path, work: Path):
    """Debian nginx with the shipped config, serving ``site`` at / and under /afspraken/ (tests, benchmarks)."""
    # Relative includes resolve against the directory of nginx.conf: snippets/ holds the shipped files
    # themselves (links), as /etc/nginx/snippets/ does on a server.
    snippets = work / "snippets"
    snippets.mkdir()
    for conf in [*DEPLOY_NGINX.glob("*.conf"), *([BROTLI_SNIPPET] if BROTLI_MODULE.exists() else [])]:
        (snippets / conf.name).symlink_to(conf)
    ports = free_port(), free_port()
    config = work / "nginx.conf"
    config.write_text(main_config(work, root_server(ports[0], site) + subpath_server(ports[1], site)))
    log = work / "error.log"
    check = subprocess.run(
        [executable, "-t", "-p", str(work), "-c", str(config), "-e", str(log)], capture_output=True, text=True
    )
    if check.returncode != 0:
        raise NginxError(f"nginx -t keurt de configuratie af:\n{check.stderr}")
    process = subprocess.Popen(
        [executable, "-p", str(work), "-c", str(config), "-e", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    urls = {"root": f"http://127.0.0.1:{ports[0]}/", "subpath": f"http://127.0.0.1:{ports[1]}{SUBPATH}"}
    try:
        wait_until_serving(process, urls["root"], log)
        yield {**urls, "config": config, "log": log, "nginx -t": check.stderr}
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Ask the server to stop; kill it if it has not stopped within half a minute (a busy machine)."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def require_server(executable: str | None, package: str) -> str:
    """The server's executable; in CI a missing one fails (server tests never skip there)."""
    if executable is None:
        if IN_CI:
            pytest.fail(
                f"Debian {package} ontbreekt in CI: de servertests mogen daar niet overslaan (scripts/setup-browser-tests)."
            )
        pytest.skip(f"{package} ontbreekt (installeer met: sudo apt-get install {package}, of draai ./scripts/test)")
    return executable


@pytest.fixture(scope="session")
def nginx_server(built_site, tmp_path_factory):
    executable = require_server(nginx_path(), "nginx")
    try:
        with serve_with_nginx(executable, built_site, tmp_path_factory.mktemp("nginx")) as server:
            yield server
    except NginxError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def nginx_url(nginx_server) -> str:
    return nginx_server["root"]


@pytest.fixture(scope="session")
def nginx_subpath_url(nginx_server) -> str:
    return nginx_server["subpath"]
