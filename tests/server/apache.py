"""The built site behind Debian's Apache 2.4 with the shipped deploy/apache/.htaccess.

Apache runs on 127.0.0.1 with a temporary configuration that loads only the modules named on
the hosting page (``with_headers=False`` leaves mod_headers out, as Debian does by default).
At the root of the host the .htaccess is used unchanged; under a sub-path (``submap``) the site is a
folder of another site's DocumentRoot, with the one line edited that the hosting page says to edit.
Started as root, Apache hands its workers to www-data, which cannot read pytest's private
temporary folders: the site is therefore copied (times kept, for Last-Modified) into a
world-readable folder of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.server.fixtures import ServerError, free_port, require_server, stop, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
HTACCESS = ROOT / "deploy" / "apache" / ".htaccess"
MODULE_DIR = Path("/usr/lib/apache2/modules")
# What the hosting page asks for, plus what any Apache serving files has.
REQUIRED_MODULES = ("mpm_event", "authz_core", "dir", "mime", "filter", "deflate", "headers", "rewrite", "substitute")
# The line of the .htaccess that holds the sub-path (the hosting page, Apache).
SUBSTITUTE_LINE = 'Substitute "s|\\"/./|\\"/|n"'


def htaccess_for(submap: str) -> str:
    """The shipped .htaccess as the hosting page says to adapt it for a site at /<submap>/."""
    text = HTACCESS.read_text(encoding="utf-8")
    assert SUBSTITUTE_LINE in text, "de Substitute-regel van de hostingpagina staat niet in .htaccess"
    return text.replace(SUBSTITUTE_LINE, SUBSTITUTE_LINE.replace('\\"/|n', f'\\"/{submap}/|n')) if submap else text


def apache_path() -> str | None:
    for candidate in ("/usr/sbin/apache2", shutil.which("apache2") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def apache_config(work: Path, root: Path, site: Path, port: int, modules: tuple[str, ...]) -> str:
    loads = "\n".join(f"LoadModule {name}_module {MODULE_DIR / f'mod_{name}.so'}" for name in modules)
    user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
    return f"""
{loads}
ServerName localhost
Listen 127.0.0.1:{port}
DefaultRuntimeDir {work}
PidFile {work / "apache.pid"}
ErrorLog {work / "error.log"}
LogLevel warn
{user}
# As in Debian's stock apache2.conf and mime.conf.
TypesConfig /etc/mime.types
AccessFileName .htaccess
DocumentRoot {root}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {root}>
    Require all granted
</Directory>
<Directory {site}>
    AllowOverride FileInfo
    Require all granted
</Directory>
DirectoryIndex index.html
"""


@contextlib.contextmanager
def serve_with_apache(executable: str, built_site: Path, *, with_headers: bool = True, submap: str = ""):
    """Yields {"url", "log", "site"}: Apache serving a copy of ``built_site`` with the shipped .htaccess,
    at the root of the host or under /<submap>/ of another site."""
    work = Path(tempfile.mkdtemp(prefix="afsprakenwijzer-apache-"))
    try:
        work.chmod(0o755)
        root = work / "root"
        root.mkdir()
        root.chmod(0o755)
        site = root / submap if submap else root
        if submap:
            (root / "index.html").write_text("<!doctype html><title>Intranet</title><p>Een andere site.</p>")
        shutil.copytree(built_site, site, dirs_exist_ok=True)
        site.chmod(0o755)
        (site / ".htaccess").write_text(htaccess_for(submap), encoding="utf-8")
        modules = tuple(name for name in REQUIRED_MODULES if with_headers or name != "headers")
        port = free_port()
        config = work / "apache2.conf"
        config.write_text(apache_config(work, root, site, port, modules), encoding="utf-8")
        log = work / "error.log"
        check = subprocess.run([executable, "-t", "-f", str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise ServerError(f"apache2 -t keurt de configuratie af:\n{check.stderr}")
        process = subprocess.Popen(
            [executable, "-DFOREGROUND", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        url = f"http://127.0.0.1:{port}/{submap + '/' if submap else ''}"
        try:
            # Without mod_headers every answer is a 500: still an answer, so "serving".
            wait_until_serving(process, url, log, name="apache2", any_status=True)
            yield {"url": url, "log": log, "site": site}
        finally:
            stop(process)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _apache_fixture(built_site, *, with_headers: bool = True, submap: str = ""):
    executable = require_server(apache_path(), "apache2")
    try:
        with serve_with_apache(executable, built_site, with_headers=with_headers, submap=submap) as server:
            yield server
    except ServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def apache_server(built_site):
    """Apache with the modules the hosting page asks for."""
    yield from _apache_fixture(built_site, with_headers=True)


@pytest.fixture(scope="session")
def apache_without_headers(built_site):
    """Apache as Debian installs it: mod_headers not enabled."""
    yield from _apache_fixture(built_site, with_headers=False)


@pytest.fixture(scope="session")
def apache_subpath(built_site):
    """Apache with the site in /afspraken/ of another site, the .htaccess adapted as the hosting page says."""
    yield from _apache_fixture(built_site, submap="afspraken")


@pytest.fixture(scope="session")
def apache_url(apache_server) -> str:
    return apache_server["url"]
