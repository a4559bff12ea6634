// Brotli-compress files for hosts that serve precompressed copies (nginx brotli_static, Netlify,
// Cloudflare): Node's built-in zlib, so the build needs no brotli package.
// Usage: node tools/brotli.mjs FILE... -> writes FILE.br beside each, at the highest quality.
import { brotliCompressSync, constants } from "node:zlib";
import { readFileSync, writeFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  const data = readFileSync(file);
  const packed = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(`${file}.br`, packed);
}
