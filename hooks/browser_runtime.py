"""MkDocs hook: ship the self-hosted Python runtime and the rules engine with the site.

At build time this hook
- copies the Pyodide runtime from ``node_modules/pyodide`` (installed by ``npm ci``) into
  ``assets/pyodide/<pyodide-version>/``: the version in the path makes it safe to cache forever;
- packs the engine (``calculators``) and its pure-Python dependencies as wheels, straight
  from the files in this checkout and the virtual environment — no download, so the build
  also works on an intranet machine without internet;
- writes a small ``pyodide-lock.json`` that lists only those wheels with their sha256, so
  the browser loads them with ``pyodide.loadPackage`` (integrity-checked, no micropip);
- copies the self-hosted Mermaid used for the process diagrams;
- writes ``assets/rekenhulp-bestanden.json``: path, size and sha256 of every file the calculator
  loads, so ``deploy/controleer-hosting`` can tell IT whether a deployment is complete and unchanged.

Wheels and lock go to ``assets/rekenkern/<content-hash>/`` so every engine change gets a
new URL; the pages learn that URL through ``config.extra.rekenkern``.

It also makes a **memory snapshot** of the warmed-up engine (``hooks/snapshot.mjs``, run with
Node): the calculator page restores it instead of booting Python, which takes about a tenth of
the time. With it goes a **reduced standard library**: only the modules the engine can still import
after a restore (``hooks/stdlib_afsluiting.py``), instead of the whole ``python_stdlib.zip``. And for a
boot without the snapshot (the first start on a phone network, rekenhulp-startpad.js) a **compiled
standard library**: the modules a boot and the engine load, as .pyc. All three sit in the same
content-hash folder, their own sha256 in their names, so a rule change or another Pyodide gives other
URLs and an old snapshot is never restored. They are kept in ``.cache/rekenkern/`` so a rebuild of the
same engine does not redo them. If Node cannot make them, the build goes on without and the page boots
Python from ``python_stdlib.zip`` as before.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as metadata
import io
import json
import logging
import shutil
import subprocess
import tempfile
import tomllib
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from packaging.requirements import Requirement

from calculators.basis import bestanden

log = logging.getLogger("mkdocs.hooks.browser_runtime")

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
PYODIDE_PACKAGE = NODE_MODULES / "pyodide"
# The ES-module build: the page loads the core (~230 KB) and only the chunks a flowchart needs,
# instead of the 2.7 MB all-in-one script.
MERMAID_DIST = NODE_MODULES / "mermaid" / "dist"
MERMAID_MODULE = MERMAID_DIST / "mermaid.esm.min.mjs"
MERMAID_CHUNKS = MERMAID_DIST / "chunks" / "mermaid.esm.min"
# The files pyodide.mjs needs to boot when the lock file is our own.
PYODIDE_RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
ENGINE_PACKAGE = "calculators"
ENGINE_DEPENDENCIES = ("python-dateutil", "six")
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # reproducible wheels: same source, same hash
# dateutil's bundled time-zone database is only used by dateutil.tz, which the engine never
# imports; leaving it out saves the browser ~150 KB on every cold start.
LEFT_OUT_OF_DEPENDENCY_WHEELS = ("dateutil/zoneinfo/dateutil-zoneinfo.tar.gz",)

# Environment markers as Pyodide's Python sees them, so platform-only requirements
# (e.g. colorama on Windows) do not end up as dependencies in our lock file.
PYODIDE_MARKERS = {"sys_platform": "emscripten", "platform_system": "Emscripten", "os_name": "posix", "extra": ""}

# Fixed URL (relative to the site root) of the runtime manifest; deploy/controleer-hosting reads it.
RUNTIME_MANIFEST = "assets/rekenhulp-bestanden.json"
# The calculators' own scripts, next to the runtime directories (which are listed whole); the rule-change page
# runs in the same worker and needs its published sources (hooks/regelwijziging.py writes them first).
CALCULATOR_SCRIPTS = (
    "assets/javascripts/rekenhulp*.js",
    "assets/javascripts/regelwijziging.js",
    "assets/regelwijziging/bronnen-*.json",
)

SETUP_HINT = "Voer eerst de installatie uit: ./scripts/start (of ./scripts/test)."
SNAPSHOT_SCRIPT = ROOT / "hooks" / "snapshot.mjs"
# Everything that decides what the snapshot and the reduced standard library hold: another version of any
# of these makes them anew.
SNAPSHOT_MAKERS = (
    SNAPSHOT_SCRIPT,
    ROOT / "hooks" / "vrij_geheugen.mjs",
    ROOT / "hooks" / "stdlib_afsluiting.py",
    ROOT / "overrides" / "assets" / "javascripts" / "rekenhulp-snapshotbestand.js",
)
SNAPSHOT_CACHE = ROOT / ".cache" / "rekenkern"
SNAPSHOTS_KEPT = 4
SNAPSHOT_FILE = "engine.snapshot"
STDLIB_FILE = "stdlib.zip"
OPSTART_STDLIB_FILE = "opstart.zip"
FIGURES_FILE = "cijfers.json"


@dataclass(frozen=True)
class Wheel:
    name: str
    version: str
    file_name: str
    imports: tuple[str, ...]
    depends: tuple[str, ...]
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _zip_wheel(entries: dict[str, bytes], dist_info: str) -> bytes:
    """A wheel is a zip with a RECORD of every file; sorted entries and fixed times keep it reproducible."""
    record_lines = [f"{path},{_record_hash(data)},{len(data)}" for path, data in sorted(entries.items())]
    record_lines.append(f"{dist_info}/RECORD,,")
    entries = {**entries, f"{dist_info}/RECORD": ("\n".join(record_lines) + "\n").encode()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(entries.items()):
            info = zipfile.ZipInfo(path, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def engine_wheel() -> Wheel:
    """Pack calculators/ (code and rule data) as a pure wheel, from the working tree.

    With another rules folder chosen (AFSPRAKENWIJZER_REGELS), its rule files go into the wheel:
    the calculator then uses the same rules as the pages of that build."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = project["name"], project["version"]
    dist_info = f"{name}-{version}.dist-info"
    entries: dict[str, bytes] = {}
    gekozen = bestanden.regelmap()
    regels = ROOT / ENGINE_PACKAGE / "rules"
    for path in sorted((ROOT / ENGINE_PACKAGE).rglob("*")):
        if gekozen is not None and path.is_relative_to(regels):
            continue  # the chosen folder's files only: the regions are the files that are there
        if path.is_file() and path.suffix in {".py", ".toml"} and "__pycache__" not in path.parts:
            entries[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    if gekozen is not None:
        for path in sorted(gekozen.rglob("*.toml")):
            entries[f"{ENGINE_PACKAGE}/rules/{path.relative_to(gekozen).as_posix()}"] = path.read_bytes()
    requires = "".join(f"Requires-Dist: {dep}\n" for dep in project.get("dependencies", []))
    entries[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        f"Summary: {project.get('description', '')}\n{requires}"
    ).encode()
    entries[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: afsprakenwijzer-build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    entries[f"{dist_info}/top_level.txt"] = f"{ENGINE_PACKAGE}\n".encode()
    return Wheel(
        name,
        version,
        f"{name}-{version}-py3-none-any.whl",
        (ENGINE_PACKAGE,),
        tuple(Requirement(dep).name for dep in project.get("dependencies", [])),
        _zip_wheel(entries, dist_info),
    )


def installed_wheel(dist_name: str) -> Wheel:
    """Re-pack an installed pure-Python distribution as a wheel (the exact version the tests ran with)."""
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError as exc:
        raise PluginError(f"Python-pakket '{dist_name}' ontbreekt in de omgeving. {SETUP_HINT}") from exc
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    entries: dict[str, bytes] = {}
    dist_info = None
    tag = "py3-none-any"
    for file in dist.files or []:
        parts = file.parts
        if (
            "__pycache__" in parts
            or file.suffix == ".pyc"
            or parts[0].startswith("..")
            or file.as_posix() in LEFT_OUT_OF_DEPENDENCY_WHEELS
        ):
            continue
        if parts[0].endswith(".dist-info"):
            dist_info = parts[0]
            if file.name in skip:
                continue
        entries[file.as_posix()] = Path(file.locate()).read_bytes()
        if file.name == "WHEEL" and parts[0].endswith(".dist-info"):
            tags = [
                line.split(":", 1)[1].strip()
                for line in entries[file.as_posix()].decode().splitlines()
                if line.startswith("Tag:")
            ]
            tag = ".".join(sorted({t.split("-")[0] for t in tags})) + "-none-any" if tags else tag
    if dist_info is None:
        raise PluginError(f"Geen metadata gevonden voor '{dist_name}'. {SETUP_HINT}")
    top_level = (dist.read_text("top_level.txt") or "").split()
    imports = tuple(top_level) or (dist_name.replace("-", "_"),)
    depends = tuple(
        requirement.name
        for requirement in map(Requirement, dist.requires or [])
        if requirement.marker is None or requirement.marker.evaluate(PYODIDE_MARKERS)
    )
    normalized = dist.metadata["Name"].replace("-", "_")
    file_name = f"{normalized}-{dist.version}-{tag}.whl"
    return Wheel(
        dist.metadata["Name"].lower(), dist.version, file_name, imports, depends, _zip_wheel(entries, dist_info)
    )


def pyodide_version() -> str:
    package_json = PYODIDE_PACKAGE / "package.json"
    if not package_json.exists():
        raise PluginError(f"Pyodide ontbreekt (node_modules/pyodide). {SETUP_HINT}")
    return json.loads(package_json.read_text(encoding="utf-8"))["version"]


def lock_file(wheels: list[Wheel]) -> dict:
    """A Pyodide lock file listing only our own wheels; Pyodide checks each sha256 on load."""
    upstream = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text(encoding="utf-8"))
    packages = {
        wheel.name: {
            "name": wheel.name,
            "version": wheel.version,
            "file_name": wheel.file_name,
            "install_dir": "site",
            "sha256": wheel.sha256,
            "package_type": "package",
            "imports": list(wheel.imports),
            "depends": [dep.lower() for dep in wheel.depends],
            "unvendored_tests": False,
            "shared_library": False,
        }
        for wheel in wheels
    }
    return {"info": upstream["info"], "packages": packages}


def bundle(extra_distributions: tuple[str, ...] = ()) -> tuple[str, list[Wheel], dict]:
    """The engine, its dependencies (and e.g. pytest for the in-Pyodide tests) as wheels plus their lock."""
    names = (*ENGINE_DEPENDENCIES, *extra_distributions)
    wheels = [engine_wheel(), *(installed_wheel(name) for name in names)]
    lock = lock_file(wheels)
    # The lock names every wheel by its sha256 (the engine's code and rules included); its 'info' does not name
    # the Pyodide release, so a patch upgrade would otherwise reuse a snapshot made by the old runtime.
    sleutel = {"pyodide": pyodide_version(), "lock": lock}
    content_hash = hashlib.sha256(json.dumps(sleutel, sort_keys=True).encode()).hexdigest()[:12]
    return content_hash, wheels, lock


def write_bundle(directory: Path, wheels: list[Wheel], lock: dict) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for wheel in wheels:
        (directory / wheel.file_name).write_bytes(wheel.data)
    (directory / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")


def make_snapshot(content_hash: str, wheels: list[Wheel]) -> tuple[Path, dict] | None:
    """A folder with the memory snapshot of the warmed-up engine (engine.snapshot, in the format of
    rekenhulp-snapshotbestand.js) and the reduced standard library (stdlib.zip), and their figures (pyodide
    version, sizes, time to make): made with Node or taken from the cache."""
    maker = hashlib.sha256(b"".join(path.read_bytes() for path in SNAPSHOT_MAKERS)).hexdigest()[:12]
    cached = SNAPSHOT_CACHE / f"{content_hash}-{maker}"
    if (cached / FIGURES_FILE).is_file():
        return cached, json.loads((cached / FIGURES_FILE).read_text(encoding="utf-8"))
    node = shutil.which("node")
    if node is None:
        log.warning("Node.js ontbreekt: de site wordt gebouwd zonder geheugensnapshot (de rekenhulp start dan trager).")
        return None
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for wheel in wheels:
            path = Path(tmp) / wheel.file_name
            path.write_bytes(wheel.data)
            paths.append(str(path))
        out = Path(tmp) / "uit"
        out.mkdir()
        # The format module is an ES module without package.json "type": Node says so once; nothing to act on.
        result = subprocess.run(
            [
                node,
                "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON",
                str(SNAPSHOT_SCRIPT),
                str(PYODIDE_PACKAGE),
                str(out),
                *paths,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0 or not all(
            (out / name).is_file() for name in (SNAPSHOT_FILE, STDLIB_FILE, OPSTART_STDLIB_FILE)
        ):
            log.warning("Geheugensnapshot maken mislukt; de site wordt zonder gebouwd:\n%s", result.stderr[-2000:])
            return None
        log.info("Geheugensnapshot gemaakt: %s", result.stdout.strip())
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        (out / FIGURES_FILE).write_text(json.dumps(figures), encoding="utf-8")
        shutil.rmtree(cached, ignore_errors=True)
        shutil.move(out, cached)
    _prune_snapshot_cache(keep=SNAPSHOTS_KEPT)
    return cached, figures


def _prune_snapshot_cache(keep: int) -> None:
    """Drop all but the newest snapshots (about 13 MB each): a few are kept because the tests also build
    with changed rule files, which is another engine and so another snapshot."""
    made = sorted((p for p in SNAPSHOT_CACHE.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in made[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    for leftover in SNAPSHOT_CACHE.glob("*.snapshot"):  # the single files of earlier builds
        leftover.unlink(missing_ok=True)
        leftover.with_suffix(".json").unlink(missing_ok=True)


_state: dict = {}


def on_config(config):
    version = pyodide_version()
    content_hash, wheels, lock = bundle()
    gemaakt = make_snapshot(content_hash, wheels)
    snapshot, figures = gemaakt if gemaakt else (None, {})
    _state.update(version=version, hash=content_hash, wheels=wheels, lock=lock, snapshot=snapshot)
    config.extra["rekenkern"] = {
        "pyodide_url": f"assets/pyodide/{version}/",
        "lock_url": f"assets/rekenkern/{content_hash}/pyodide-lock.json",
        "pakketten": [wheel.name for wheel in wheels],
        "pyodide_versie": version,
        # What the progress next to the calculate button counts against (unpacked sizes).
        "groottes": {name: (PYODIDE_PACKAGE / name).stat().st_size for name in PYODIDE_RUNTIME_FILES},
        "wielen": [[wheel.file_name, len(wheel.data)] for wheel in wheels],
        # What the page checks before it trusts a response: the snapshot's hash and size.
        "snapshot": None,
        "opstart_stdlib": None,
    }
    if snapshot is not None:
        data = (snapshot / SNAPSHOT_FILE).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        stdlib = hashlib.sha256((snapshot / STDLIB_FILE).read_bytes()).hexdigest()
        config.extra["rekenkern"]["snapshot"] = {
            "url": f"assets/rekenkern/{content_hash}/engine-{digest[:12]}.snapshot",
            "sha256": digest,
            "bytes": len(data),
            "adler32": zlib.adler32(data),
            "raw_bytes": figures.get("raw_bytes"),
            # What the engine can still import after the restore, instead of python_stdlib.zip.
            "stdlib_url": f"assets/rekenkern/{content_hash}/stdlib-{stdlib[:12]}.zip",
            "stdlib_bytes": (snapshot / STDLIB_FILE).stat().st_size,
        }
        # A boot without the snapshot: the standard library it needs, compiled, instead of python_stdlib.zip.
        opstart = hashlib.sha256((snapshot / OPSTART_STDLIB_FILE).read_bytes()).hexdigest()
        config.extra["rekenkern"]["opstart_stdlib"] = {
            "url": f"assets/rekenkern/{content_hash}/stdlib-opstart-{opstart[:12]}.zip",
            "bytes": (snapshot / OPSTART_STDLIB_FILE).stat().st_size,
        }
    if MERMAID_MODULE.exists():
        config.extra["mermaid_url"] = f"assets/vendor/mermaid-{_mermaid_version()}/mermaid.esm.min.mjs"
    return config


def _mermaid_version() -> str:
    return json.loads((MERMAID_DIST.parent / "package.json").read_text(encoding="utf-8"))["version"]


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_runtime_manifest(site: Path, runtime_dirs: list[Path]) -> Path:
    """List every file in the runtime directories (whatever they hold) plus the calculator scripts.

    Runs last in on_post_build, so files added to those directories later are covered too.
    """
    files = {path for directory in runtime_dirs for path in directory.rglob("*") if path.is_file()}
    files.update(path for pattern in CALCULATOR_SCRIPTS for path in site.glob(pattern) if path.is_file())
    manifest = {
        "format": 1,
        "pyodide_versie": _state["version"],
        "rekenkern": _state["hash"],
        "bestanden": [
            {"pad": path.relative_to(site).as_posix(), "grootte": path.stat().st_size, "sha256": _sha256_of(path)}
            for path in sorted(files)
        ],
    }
    target = site / RUNTIME_MANIFEST
    target.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return target


def on_post_build(config):
    site = Path(config["site_dir"])
    runtime_dir = site / "assets" / "pyodide" / _state["version"]
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_RUNTIME_FILES:
        source = PYODIDE_PACKAGE / name
        if not source.exists():
            raise PluginError(f"Pyodide-bestand ontbreekt: {source}. {SETUP_HINT}")
        shutil.copy2(source, runtime_dir / name)
    engine_dir = site / "assets" / "rekenkern" / _state["hash"]
    write_bundle(engine_dir, _state["wheels"], _state["lock"])
    snapshot = config.extra["rekenkern"]["snapshot"]
    if snapshot is not None:
        shutil.copyfile(_state["snapshot"] / SNAPSHOT_FILE, site / snapshot["url"])
        shutil.copyfile(_state["snapshot"] / STDLIB_FILE, site / snapshot["stdlib_url"])
        opstart = config.extra["rekenkern"]["opstart_stdlib"]
        shutil.copyfile(_state["snapshot"] / OPSTART_STDLIB_FILE, site / opstart["url"])
    if "mermaid_url" in config.extra:
        target = site / config.extra["mermaid_url"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(MERMAID_MODULE, target)
        shutil.copytree(
            MERMAID_CHUNKS,
            target.parent / "chunks" / "mermaid.esm.min",
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("*.map"),
        )
    write_runtime_manifest(site, [runtime_dir, engine_dir])
