"""Which modules of the standard library the engine can still import after its memory snapshot is restored.

Runs inside Pyodide (hooks/snapshot.mjs executes this file there, after the engine has warmed up), because
only Pyodide's own Python reads its standard library's syntax and knows what it has loaded.

After a restore every module that was loaded when the snapshot was made is in memory; the standard library
archive is only read for a module imported later. What can be imported later is the import closure of the
engine: every import statement (at the top of a module or inside a function) of the engine, its
dependencies and Pyodide's own modules, followed through every module of the standard library they reach.
The modules of that closure that are not loaded yet form the reduced archive the calculator downloads
instead of the whole standard library. tests/pyodide proves it by running the engine's test suite from a
restored snapshot with only that archive.

A boot without the snapshot (rekenhulp-startpad.js) needs more: every module Python and Pyodide load while
they start, those the engine loads, and the same closure. ``opstart_archief`` packs them compiled (.pyc, so
the browser does not compile some 200 modules from source while the reader waits) and without their
docstrings (a sixth fewer bytes; nothing in a boot reads them). tests/pyodide boots from that archive and
runs the engine's test suite too.
"""

from __future__ import annotations

import ast
import importlib._bootstrap_external
import importlib.util
import io
import sys
import zipfile

# The packages whose code runs in the calculator after a restore, besides the engine's own wheels:
# Pyodide's bridge (runPython, results to JavaScript) and the module the worker calls to reseed.
PYODIDE_PAKKETTEN = ("_pyodide", "pyodide")
WORKER_MODULES = ("random",)
ZIP_TIJD = (1980, 1, 1, 0, 0, 0)  # the same archive for the same files: reproducible


def archief_pad() -> str:
    return next(pad for pad in sys.path if pad.endswith(".zip"))


def _in_archief(namen: set[str], module: str) -> str | None:
    pad = module.replace(".", "/")
    for kandidaat in (f"{pad}/__init__.py", f"{pad}.py"):
        if kandidaat in namen:
            return kandidaat
    return None


def _bron(module: str) -> str | None:
    geladen = sys.modules.get(module)
    spec = getattr(geladen, "__spec__", None) if geladen is not None else None
    if spec is None:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            return None
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_source"):
        return None
    try:
        return spec.loader.get_source(module)
    except (ImportError, OSError):
        return None


def imports_van(module: str, bron: str, is_pakket: bool) -> set[str]:
    """Every module an import statement in ``bron`` can load, with its parent packages; 'from p import x'
    counts p.x too, since x may be a submodule."""
    pakket = module if is_pakket else module.rpartition(".")[0]
    uit: set[str] = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            uit.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                delen = pakket.split(".")
                basis = ".".join(delen[: len(delen) - (knoop.level - 1)] + ([knoop.module] if knoop.module else []))
            else:
                basis = knoop.module or ""
            uit.add(basis)
            uit.update(f"{basis}.{alias.name}" for alias in knoop.names if alias.name != "*")
    met_ouders = set()
    for naam in uit:
        delen = naam.split(".")
        met_ouders.update(".".join(delen[:i]) for i in range(1, len(delen) + 1))
    return {naam for naam in met_ouders if naam}


def afsluiting(wortels: list[str], namen: set[str]) -> set[str]:
    gezien: set[str] = set()
    te_doen = list(wortels)
    while te_doen:
        module = te_doen.pop()
        if module in gezien:
            continue
        gezien.add(module)
        bron = _bron(module)
        if bron is None:
            continue
        pad = _in_archief(namen, module)
        is_pakket = (pad or "").endswith("__init__.py") or hasattr(sys.modules.get(module), "__path__")
        try:
            te_doen.extend(imports_van(module, bron, is_pakket) - gezien)
        except SyntaxError:
            continue
    return gezien


def wortels(engine_pakketten: list[str]) -> list[str]:
    """The engine's loaded modules, Pyodide's and the worker's: where a later import can start."""
    pakketten = (*engine_pakketten, *PYODIDE_PAKKETTEN)
    return sorted(naam for naam in sys.modules if naam.split(".")[0] in pakketten) + list(WORKER_MODULES)


def later_te_importeren(engine_pakketten: list[str]) -> list[str]:
    """The modules of the standard library archive the engine can still import, and is not holding yet."""
    with zipfile.ZipFile(archief_pad()) as archief:
        namen = set(archief.namelist())
    bereikt = afsluiting(wortels(engine_pakketten), namen)
    return sorted(m for m in bereikt if m not in sys.modules and _in_archief(namen, m))


def beperkt_archief(modules: list[str]) -> bytes:
    """The reduced archive: those modules' files, uncompressed (the web server compresses the whole file
    better than zip does per file, and zipimport then reads without unpacking)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(archief_pad()) as archief:
        namen = set(archief.namelist())
        with zipfile.ZipFile(uit, "w", zipfile.ZIP_STORED) as beperkt:
            for module in modules:
                pad = _in_archief(namen, module)
                if pad is None:
                    continue
                info = zipfile.ZipInfo(pad, date_time=ZIP_TIJD)
                info.external_attr = 0o644 << 16
                beperkt.writestr(info, archief.read(pad))
    return uit.getvalue()


def uit_archief(modules: list[str]) -> list[str]:
    """Those of ``modules`` that are in the standard library archive."""
    with zipfile.ZipFile(archief_pad()) as archief:
        namen = set(archief.namelist())
    return sorted(m for m in modules if _in_archief(namen, m))


class _ZonderDocstrings(ast.NodeTransformer):
    """Drops the docstring of every module, class and function (as ``python -OO`` does, asserts kept)."""

    def _kaal(self, knoop):
        self.generic_visit(knoop)
        eerste = knoop.body[0] if knoop.body else None
        if (
            isinstance(eerste, ast.Expr)
            and isinstance(eerste.value, ast.Constant)
            and isinstance(eerste.value.value, str)
        ):
            knoop.body = knoop.body[1:] or [ast.copy_location(ast.Pass(), eerste)]
        return knoop

    visit_Module = visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _kaal


def gecompileerd(bron: bytes, pad: str) -> bytes:
    """A .pyc of ``bron`` that Python uses without looking for its source (an unchecked hash-based pyc)."""
    boom = _ZonderDocstrings().visit(ast.parse(bron, pad))
    code = compile(boom, pad, "exec", dont_inherit=True)
    return bytes(importlib._bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(bron), checked=False))


def opstart_archief(modules: list[str]) -> bytes:
    """The archive for a boot without the snapshot: those modules compiled, uncompressed (as above). Each
    module keeps the file name it has when read from the archive (tracebacks, tests/pyodide/stdlib_wacht.py)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(archief_pad()) as archief:
        namen = set(archief.namelist())
        with zipfile.ZipFile(uit, "w", zipfile.ZIP_STORED) as opstart:
            for module in sorted(set(modules)):
                pad = _in_archief(namen, module)
                if pad is None:
                    continue
                info = zipfile.ZipInfo(pad + "c", date_time=ZIP_TIJD)
                info.external_attr = 0o644 << 16
                opstart.writestr(info, gecompileerd(archief.read(pad), f"{archief_pad()}/{pad}"))
    return uit.getvalue()
