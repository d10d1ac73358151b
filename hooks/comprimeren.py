"""MkDocs hook, the last one: a compressed copy beside every file a browser downloads compressed.

Every text file (pages, styles, scripts, the search index, the web app manifest, the service worker), the
Python runtime (``.wasm``), the memory snapshot and the build's two standard libraries get a ``.gz`` (gzip, level
9) and a ``.br`` (brotli, quality 11) beside them. The shipped server configurations send those as they are
when the browser accepts the encoding (nginx ``gzip_static``/``brotli_static``, Apache's rewrite rules, see
``deploy/``): the best compression, made once here, never on a request. A server without those rules sends
the files as before. ``deploy/controleer-hosting`` checks that compression is on.

Brotli needs Node (the build uses it for the snapshot anyway); without it only the ``.gz`` files are made.
Compressed copies are kept in ``.cache/gecomprimeerd/`` by the sha256 of the file, so the runtime (which
takes most of the time) is compressed once per version, not on every build.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import time
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.comprimeren")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "hooks" / "comprimeer.mjs"
CACHE = ROOT / ".cache" / "gecomprimeerd"
# Another version of the compressor gives other files: part of every cache key.
INSTELLINGEN = hashlib.sha256(SCRIPT.read_bytes() + b"gzip9").hexdigest()[:8]
TEKST = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".ics"}
RUNTIME = {".wasm", ".snapshot"}
# The build's standard libraries (the reduced one and the compiled one for a boot) are stored uncompressed inside
# (zipimport then reads without unpacking): the whole file compresses well. python_stdlib.zip and the wheels are compressed per file already.
GEDEELTELIJK = ("assets/rekenkern/*/stdlib-*.zip",)
KLEINST = 512  # smaller files gain nothing worth a second request's bookkeeping
# The site's 404 page is rewritten by the web server under a sub-path (nginx sub_filter, Apache Substitute),
# which it cannot do to a compressed copy.
NIET = {"404.html"}
CACHE_DAGEN = 3  # copies no build used for this long go


def te_comprimeren(site: Path) -> list[Path]:
    """The files that get a compressed copy (source maps not: no reader downloads them)."""
    paden = {p for p in site.rglob("*") if p.is_file() and (p.suffix in TEKST or p.suffix in RUNTIME)}
    paden.update(p for patroon in GEDEELTELIJK for p in site.glob(patroon))
    return sorted(p for p in paden if p.stat().st_size >= KLEINST and p.relative_to(site).as_posix() not in NIET)


def _sleutel(pad: Path) -> str:
    digest = hashlib.sha256()
    with pad.open("rb") as stroom:
        for blok in iter(lambda: stroom.read(1 << 20), b""):
            digest.update(blok)
    return f"{digest.hexdigest()}-{INSTELLINGEN}"


def _maak(taken: list[dict]) -> bool:
    """Compress with Node (gzip and brotli); False when Node is missing or fails."""
    node = shutil.which("node")
    if node is None or not taken:
        return node is not None
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps(taken), capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        log.warning("Comprimeren met Node mislukt; alleen gzip:\n%s", result.stderr[-2000:])
        return False
    return True


def comprimeer(site: Path) -> dict[str, int]:
    """Write the .gz and .br copies beside the files; returns counts for the build log."""
    CACHE.mkdir(parents=True, exist_ok=True)
    bestanden = te_comprimeren(site)
    sleutels = {pad: _sleutel(pad) for pad in bestanden}
    nieuw = [
        pad
        for pad in bestanden
        if not (CACHE / f"{sleutels[pad]}.br").is_file() or not (CACHE / f"{sleutels[pad]}.gz").is_file()
    ]
    met_brotli = _maak(
        [
            {"bron": str(pad), "gz": str(CACHE / f"{sleutels[pad]}.gz"), "br": str(CACHE / f"{sleutels[pad]}.br")}
            for pad in nieuw
        ]
    )
    if not met_brotli:
        log.warning("Node.js ontbreekt: alleen .gz naast de bestanden, geen .br (brotli).")
        for pad in nieuw:
            (CACHE / f"{sleutels[pad]}.gz").write_bytes(gzip.compress(pad.read_bytes(), compresslevel=9, mtime=0))
    geschreven = {"gz": 0, "br": 0}
    for pad in bestanden:
        grootte = pad.stat().st_size
        for soort in ("gz", "br"):
            kopie = CACHE / f"{sleutels[pad]}.{soort}"
            if not kopie.is_file():
                continue
            os.utime(kopie)  # in use: kept by the clean-up below
            if kopie.stat().st_size < grootte:  # a copy that is not smaller would only cost the server a lookup
                shutil.copyfile(kopie, pad.with_name(f"{pad.name}.{soort}"))
                geschreven[soort] += 1
    _ruim_op()
    return geschreven


def _ruim_op() -> None:
    grens = time.time() - CACHE_DAGEN * 86400
    for kopie in CACHE.iterdir():
        if kopie.stat().st_mtime < grens:
            kopie.unlink(missing_ok=True)


@event_priority(-300)  # the very last: after the service worker's lists (-200)
def on_post_build(config):
    begin = time.perf_counter()
    geschreven = comprimeer(Path(config["site_dir"]))
    log.info(
        "Gecomprimeerd naast de bestanden: %d × .gz, %d × .br (%.1f s)",
        geschreven["gz"],
        geschreven["br"],
        time.perf_counter() - begin,
    )
