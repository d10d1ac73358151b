"""The snapshot's free memory is zeroed chunk by chunk, and only when the heap is the one dlmalloc lays out
(hooks/vrij_geheugen.mjs; that a zeroed snapshot still calculates is proven at build time, hooks/snapshot.mjs)."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess

import pytest

from tests.conftest import IN_CI, ROOT

KOP = 16  # Pyodide's snapshot header in these tests: the memory starts right after it
BEGIN = 8  # the heap's first chunk (its memory at BEGIN + 8 is 8-aligned)

RUN = """
import { wisVrijGeheugen } from "%s";
const invoer = JSON.parse(process.argv[1]);
const snapshot = Uint8Array.from(invoer.bytes);
const uit = wisVrijGeheugen(snapshot, invoer.begin, invoer.einde);
console.log(JSON.stringify({ uit: uit, bytes: Array.from(snapshot) }));
"""


def heap(chunks: list[tuple[int, bool]]) -> tuple[bytearray, int]:
    """A snapshot whose heap holds ``chunks`` ((size, in use), ...), every byte 0xAA except the chunk heads."""
    geheugen = bytearray(b"\xaa" * (BEGIN + sum(size for size, _ in chunks)))
    plek = BEGIN
    for size, in_gebruik in chunks:
        struct.pack_into("<I", geheugen, plek + 4, size | 1 | (2 if in_gebruik else 0))
        plek += size
    kop = bytearray(KOP)
    struct.pack_into("<I", kop, 4, KOP)
    return kop + geheugen, plek


def wis(snapshot: bytearray, einde: int) -> tuple[dict | None, bytes]:
    node = shutil.which("node")
    if node is None:
        if IN_CI:
            pytest.fail("node ontbreekt in CI (scripts/setup)")
        pytest.skip("node ontbreekt")
    script = RUN % (ROOT / "hooks" / "vrij_geheugen.mjs").as_uri()
    invoer = json.dumps({"bytes": list(snapshot), "begin": BEGIN, "einde": einde})
    result = subprocess.run(
        [node, "--input-type=module", "-e", script, invoer], capture_output=True, text=True, check=True
    )
    uit = json.loads(result.stdout)
    return uit["uit"], bytes(uit["bytes"])


def test_alleen_de_inhoud_van_vrije_chunks_wordt_nul():
    snapshot, einde = heap([(48, True), (96, False), (32, True)])
    uit, na = wis(snapshot, einde)
    assert uit == {"chunks": 1, "bytes": 96 - 32}
    vrij = KOP + BEGIN + 48  # where the free chunk starts in the file
    assert na[vrij + 32 : vrij + 96] == bytes(64)  # its content
    assert na[vrij : vrij + 32] == bytes(snapshot[vrij : vrij + 32])  # dlmalloc's own bookkeeping stays
    assert na[:vrij] == bytes(snapshot[:vrij]) and na[vrij + 96 :] == bytes(snapshot[vrij + 96 :])


@pytest.mark.parametrize("einde_verschuiving", [8, -8])
def test_een_heap_die_niet_precies_op_de_programmagrens_eindigt_blijft_onaangeroerd(einde_verschuiving):
    snapshot, einde = heap([(48, True), (96, False), (32, True)])
    uit, na = wis(snapshot, einde + einde_verschuiving)
    assert uit is None and na == bytes(snapshot)
