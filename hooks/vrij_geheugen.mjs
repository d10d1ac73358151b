// Zeros the free memory in a Pyodide memory snapshot (build time, hooks/snapshot.mjs).
//
// Python in Pyodide allocates with dlmalloc (there is no pymalloc). What it frees keeps its old bytes: after the
// warm-up about 2 MB of the heap is such garbage, which compresses like the live data around it. dlmalloc never
// reads the content of a free chunk beyond its own bookkeeping, so zeros there change nothing for the restored
// runtime and compress to almost nothing: the snapshot file gets a tenth smaller with brotli.
//
// dlmalloc's heap (wasm32) is one run of chunks from the start of the heap to the program break: each chunk starts
// with its predecessor's size (4 bytes) and its own size, whose bit 1 says "in use". A free chunk keeps its list
// pointers in the 24 bytes after that (the tree chunks' are the largest), and its size again at the start of the
// next chunk. The walk must end exactly at the break; any other outcome means a heap this code does not know,
// and the snapshot is left as it is.

const IN_GEBRUIK = 2;
const KOP = 8;  // predecessor's size + own size
const BOEKHOUDING = KOP + 24;  // what a free chunk holds for dlmalloc itself
const UITLIJNING = 8;

/* Zeros the free chunks of the heap [begin, einde) in ``snapshot`` (Pyodide's format: its memory starts at the
 * offset in bytes 4–8 of the header). Returns {chunks, bytes} zeroed, or null when the heap is not as expected
 * (then nothing is changed). */
export function wisVrijGeheugen(snapshot, begin, einde) {
  const start = new DataView(snapshot.buffer, snapshot.byteOffset, 16).getUint32(4, true);
  const geheugen = snapshot.subarray(start);
  if (einde > geheugen.length || begin >= einde) return null;
  const zicht = new DataView(geheugen.buffer, geheugen.byteOffset, geheugen.byteLength);
  let p = begin + ((UITLIJNING - ((begin + KOP) % UITLIJNING)) % UITLIJNING);
  const vrij = [];
  while (p < einde - KOP) {
    const kop = zicht.getUint32(p + 4, true);
    const grootte = kop & ~7;
    if (grootte < 2 * KOP || p + grootte > einde) return null;
    if (!(kop & IN_GEBRUIK) && grootte > BOEKHOUDING) vrij.push([p + BOEKHOUDING, p + grootte]);
    p += grootte;
  }
  if (p !== einde) return null;
  let bytes = 0;
  for (const [van, tot] of vrij) {
    geheugen.fill(0, van, tot);
    bytes += tot - van;
  }
  return { chunks: vrij.length, bytes: bytes };
}
