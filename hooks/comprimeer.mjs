// Compresses files for hooks/comprimeren.py: reads a JSON list [{bron, gz, br}, ...] on stdin and writes each
// source file's gzip (level 9) and brotli (quality 11, 16 MB window) to the paths given. All files at once, on
// Node's worker threads: the largest (the .wasm, the snapshot) take most of the time, the rest runs beside them.
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const gz = promisify(gzip);
const br = promisify(brotliCompress);

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const taken = JSON.parse(Buffer.concat(chunks).toString("utf8"));

await Promise.all(taken.map(async function ({ bron, gz: gzPad, br: brPad }) {
  const data = await readFile(bron);
  const werk = [];
  if (gzPad) werk.push(gz(data, { level: 9 }).then((uit) => writeFile(gzPad, uit)));
  if (brPad) {
    werk.push(br(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).then((uit) => writeFile(brPad, uit)));
  }
  await Promise.all(werk);
}));
