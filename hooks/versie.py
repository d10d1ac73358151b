"""MkDocs hook: which version of the site this is, for the reader (the footer) and for IT (versie.json).

The version is the project's own (pyproject.toml); the build date is the day of the build, or the
day of SOURCE_DATE_EPOCH when that is set (a reproducible build); the commit is the checkout's, or
AFSPRAKENWIJZER_COMMIT when the source is an export without git (scripts/pakket). versie.json sits at
a fixed address in the site root, so deploy/controleer-hosting can report which version a server has.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import tomllib
from pathlib import Path

from calculators.basis.opmaak import datum_kort

ROOT = Path(__file__).resolve().parent.parent
VERSION_FILE = "versie.json"


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def commit() -> str | None:
    if os.environ.get("AFSPRAKENWIJZER_COMMIT"):
        return os.environ["AFSPRAKENWIJZER_COMMIT"]
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def on_config(config):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    gebouwd = build_date()
    config.extra["versie"] = {
        "versie": project["version"],
        "gebouwd": gebouwd.isoformat(),
        "gebouwd_tekst": datum_kort(gebouwd),
        "commit": commit(),
    }
    return config


def on_post_build(config):
    versie = config.extra["versie"]
    rekenkern = config.extra.get("rekenkern") or {}
    data = {
        "versie": versie["versie"],
        "gebouwd": versie["gebouwd"],
        "commit": versie["commit"],
        "pyodide": rekenkern.get("pyodide_versie"),
        "rekenkern": rekenkern.get("lock_url", "").split("/")[-2] if rekenkern.get("lock_url") else None,
    }
    (Path(config["site_dir"]) / VERSION_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
