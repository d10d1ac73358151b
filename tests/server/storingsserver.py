"""A small, deliberately broken web server, to test deploy/controleer-hosting against the faults IT
meets: the built site under /afspraken/, served the way the shipped configuration serves it (MIME
types, security headers, caching, gzip, 304, the site's own 404 page with its sub-path), with one
fault switched on.

    with storingsserver(site, "wasm-hangt") as url: ...

A stall waits for the server to stop (an event), never for a fixed time.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import hashlib
import http.server
import re
import ssl
import subprocess
import threading
from pathlib import Path

from tests.server.helpers import SECURITY_HEADERS

SUBMAP = "/afspraken/"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
}
COMPRESSED = ("text/", "application/json", "application/wasm", "image/svg+xml", "application/xml")
VERSIONED = re.compile(
    r"/assets/(pyodide/[^/]+/|rekenkern/[^/]+/|vendor/[^/]+/|javascripts/inline/|"
    r"javascripts/bundle\.[0-9a-f]+\.min\.js|javascripts/workers/search\.[0-9a-f]+\.min\.js|"
    r"stylesheets/(main|palette)\.[0-9a-f]+\.min\.css)"
)
LOGIN_PAGE = (
    b'<!doctype html><html lang="nl"><title>Aanmelden</title><form method="post"><input type="password"></form></html>'
)

FAULTS = {
    "geen": "alles zoals de meegeleverde configuratie",
    "wasm-als-octet-stream": ".wasm met Content-Type application/octet-stream",
    "gzip-verkeerde-lengte": ".wasm gecomprimeerd, met de Content-Length van het ongecomprimeerde bestand",
    "wasm-hangt": ".wasm: headers, een deel van het bestand, daarna niets meer",
    "wasm-zonder-antwoord": ".wasm: geen enkel antwoord",
    "aanmeldpagina-voor-rekenkern": "assets/rekenkern/ geeft een aanmeldpagina (200, HTML)",
    "zonder-headers": "geen beveiligingsheaders",
    "csp-zonder-wasm": "een policy zonder 'wasm-unsafe-eval'",
    "snapshot-ontbreekt": "de momentopname geeft 404",
    "geen-compressie": "niets gecomprimeerd",
    "zelf-comprimeren": "comprimeert bij elk verzoek zelf (gzip niveau 1), zonder de .gz van de bouw",
    "sw-als-tekst": "sw.js als text/plain",
    "offline-bestand-gewijzigd": "een pagina van de lijst van de service worker is na de bouw gewijzigd",
    "404-zonder-submap": "de 404-pagina met de adressen van de hostroot (Apache zonder de Substitute-regel)",
    "startpagina-500": "elk verzoek een 500",
}


class Storingshandler(http.server.BaseHTTPRequestHandler):
    site: Path
    fault: str
    stop: threading.Event
    gzipped: dict
    verzoeken: list | None  # (method, path, status, body bytes sent), when asked for

    def log_message(self, *args):  # keep test output readable
        pass

    def version_string(self) -> str:
        return "Apache" if self.fault == "404-zonder-submap" else "storingsserver"

    def do_HEAD(self):
        self.antwoord(send_body=False)

    def do_GET(self):
        self.antwoord(send_body=True)

    def bestand(self) -> Path | None:
        path = self.path.split("?", 1)[0]
        if not path.startswith(SUBMAP):
            return None
        target = (self.site / path[len(SUBMAP) :]).resolve()
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() and self.site in target.parents else None

    def bestand_met(self, achtervoegsel: str) -> Path | None:
        """The file the request names, with a suffix added (its compressed copy), if there is one."""
        target = self.bestand()
        if self.fault == "offline-bestand-gewijzigd":
            return None  # the changed page must reach the client as changed, not as the build's copy
        kopie = target.with_name(target.name + achtervoegsel) if target else None
        return kopie if kopie is not None and kopie.is_file() else None

    def antwoord(self, send_body: bool):
        if self.fault == "startpagina-500":
            self.stuur(500, b"<h1>Internal Server Error</h1>", "text/html", send_body, headers=False)
            return
        target = self.bestand()
        path = self.path.split("?", 1)[0]
        if self.fault == "wasm-zonder-antwoord" and path.endswith(".wasm"):
            self.stop.wait()
            return
        if self.fault == "aanmeldpagina-voor-rekenkern" and "/assets/rekenkern/" in path:
            self.stuur(200, LOGIN_PAGE, "text/html; charset=utf-8", send_body)
            return
        if self.fault == "snapshot-ontbreekt" and path.endswith(".snapshot"):
            target = None
        if target is None:
            body = (self.site / "404.html").read_bytes()
            if self.fault != "404-zonder-submap":
                body = body.replace(b'"/./', b'"' + SUBMAP.encode())
            self.stuur(404, body, TYPES[".html"], send_body)
            return
        content_type = TYPES.get(target.suffix, "application/octet-stream")
        if self.fault == "wasm-als-octet-stream" and target.suffix == ".wasm":
            content_type = "application/octet-stream"
        if self.fault == "sw-als-tekst" and target.name == "sw.js":
            content_type = "text/plain"
        body = target.read_bytes()
        if self.fault == "offline-bestand-gewijzigd" and path.endswith("/begrippenlijst/"):
            body = body.replace(b"</body>", b"<!-- achteraf toegevoegd --></body>")
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(target.stat().st_mtime, usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            self.stuur(304, b"", content_type, False, extra={"ETag": etag, "Last-Modified": modified})
            return
        self.stuur(
            200,
            body,
            content_type,
            send_body,
            extra={"ETag": etag, "Last-Modified": modified},
            cache="public, max-age=31536000, immutable" if VERSIONED.search(path) else "no-cache",
            key=path,
        )

    def stuur(
        self,
        status: int,
        body: bytes,
        content_type: str,
        send_body: bool,
        *,
        headers: bool = True,
        extra: dict | None = None,
        cache: str = "no-cache",
        key: str = "",
    ):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if headers and self.fault != "zonder-headers":
            for name, value in SECURITY_HEADERS.items():
                if name == "Content-Security-Policy" and self.fault == "csp-zonder-wasm":
                    value = value.replace(" 'wasm-unsafe-eval'", "")
                self.send_header(name, value)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Cache-Control", cache)
        accepted = self.headers.get("Accept-Encoding", "")
        # As nginx's gzip_static: the build's .gz beside the file, as it is; else compressed here, quickly.
        beside = self.bestand_met(".gz")
        if (
            self.fault not in ("geen-compressie", "zelf-comprimeren")
            and status == 200
            and beside
            and "gzip" in accepted
            and self.fault != "gzip-verkeerde-lengte"
        ):
            self.gzipped[key] = beside.read_bytes()
        compress = (
            self.fault != "geen-compressie"
            and "gzip" in accepted
            and (content_type.startswith(COMPRESSED) or key in self.gzipped)
            and len(body) > 512
        )
        length = len(body)
        if compress:
            if key not in self.gzipped:
                self.gzipped[key] = gzip.compress(body, compresslevel=1)
            if not (self.fault == "gzip-verkeerde-lengte" and key.endswith(".wasm")):
                length = len(self.gzipped[key])
            body = self.gzipped[key]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(length))
        if self.fault == "gzip-verkeerde-lengte" and key.endswith(".wasm"):
            self.send_header("Connection", "close")  # the real body is shorter: the connection ends it
            self.close_connection = True
        self.end_headers()
        if self.verzoeken is not None:
            self.verzoeken.append(
                (self.command, key or self.path, status, len(body) if send_body and status != 304 else 0)
            )
        if not send_body or status == 304:
            return
        if self.fault == "wasm-hangt" and key.endswith(".wasm"):
            self.wfile.write(body[:100_000])
            self.wfile.flush()
            self.stop.wait()
            return
        self.wfile.write(body)


def certificaat(map_: Path) -> ssl.SSLContext:
    """A self-signed certificate for 127.0.0.1 (openssl), as an organisation's own would be to this tool."""
    sleutel, cert = map_ / "sleutel.pem", map_ / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(sleutel),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, sleutel)
    return context


@contextlib.contextmanager
def storingsserver(site: Path, fault: str, https: ssl.SSLContext | None = None, verzoeken: list | None = None):
    """The site under /afspraken/ on 127.0.0.1 with one fault (FAULTS); yields the site's address. With ``https``
    (certificaat()) over HTTPS; every answer is noted in ``verzoeken`` when given."""
    assert fault in FAULTS, fault
    stop = threading.Event()
    handler = type(
        "Handler",
        (Storingshandler,),
        {"site": site.resolve(), "fault": fault, "stop": stop, "gzipped": {}, "verzoeken": verzoeken},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if https is not None:
        server.socket = https.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if https else 'http'}://127.0.0.1:{server.server_address[1]}{SUBMAP}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
