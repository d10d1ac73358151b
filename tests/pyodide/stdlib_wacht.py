"""The guard of the run from the reduced standard library (run_in_pyodide.mjs --stdlib).

The calculator restores the engine from its snapshot with only the modules the engine can still import
(hooks/stdlib_afsluiting.py). The engine's tests need more (pytest's own modules): the full standard
library is there too, after the reduced one on sys.path. This guard notes every module that comes from
the full library because of the engine: the first frame outside the standard library that asked for it
belongs to an engine module restored from the snapshot. In the browser that import would fail, so the
run fails when the list is not empty. Imports caused by tests or pytest are theirs to make.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys


class Wacht(importlib.abc.MetaPathFinder):
    def __init__(self, volledig: str, kern: set[str], stdlib: tuple[str, ...]):
        self.volledig = volledig  # the full archive, e.g. /lib/volledig.zip
        self.kern = set(kern)  # the engine's modules in the snapshot
        self.stdlib = stdlib + ("<frozen ",)  # where standard library code lives (its frames are passed over)
        self.geleend: list[tuple[str, str]] = []  # (module, which engine code asked for it)
        self.beperkt: set[str] = set()  # modules the reduced archive gave

    def find_spec(self, name, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not spec.origin:
            return None
        if not spec.origin.startswith(self.volledig):
            if spec.origin.startswith(self.stdlib):
                self.beperkt.add(name)
            return None  # the usual finders find the same
        aanleiding = self.aanleiding(sys._getframe(1))
        if aanleiding is not None:
            self.geleend.append((name, aanleiding))
        return spec

    def aanleiding(self, frame) -> str | None:
        """The engine module (file:line) whose code led to this import, or None when it was not the engine's."""
        eigen = {Wacht.find_spec.__code__, Wacht.aanleiding.__code__}
        while frame is not None:
            code = frame.f_code
            if code in eigen or code.co_filename.startswith(self.stdlib):
                frame = frame.f_back
                continue
            module = frame.f_globals.get("__name__", "")
            return f"{module} ({code.co_filename}:{frame.f_lineno})" if module in self.kern else None
        return None


def installeer(volledig: str, beperkt: str, kern: set[str], ook: list[str] | tuple[str, ...] = ()) -> Wacht:
    """The full archive after the reduced one: on sys.path, and inside every package already loaded from the
    reduced one (a submodule is looked for in its package's __path__, not on sys.path). ``ook``: archives added
    behind the reduced one before (rekenhulp-later.js), whose code counts as the standard library's too."""
    sys.path.append(volledig)
    for module in list(sys.modules.values()):
        pad = getattr(module, "__path__", None)
        if isinstance(pad, list):
            pad.extend(volledig + p[len(beperkt) :] for p in list(pad) if p.startswith(beperkt + "/"))
    wacht = Wacht(volledig, kern, (beperkt, *ook, volledig))
    sys.meta_path.insert(0, wacht)
    return wacht
