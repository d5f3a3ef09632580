// Writes dist/package.json from pkg.json (+ the crate version) and dist/integrity.json with a
// SHA-384 Subresource Integrity hash of every file in dist/.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const pkg = JSON.parse(readFileSync('pkg.json', 'utf8'));
const version = readFileSync('Cargo.toml', 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

const files = readdirSync(dist).filter((f) => f !== 'package.json' && f !== 'integrity.json').sort();
const entry = `./${pkg.entry}`;
const manifest = {
  name: pkg.name,
  version,
  description: pkg.description,
  license: pkg.license,
  keywords: pkg.keywords,
  type: 'module',
  main: entry,
  module: entry,
  types: `./${pkg.types}`,
  exports: {
    '.': { types: `./${pkg.types}`, default: entry },
    './engine.js': { types: './engine.d.ts', default: './engine.js' },
    './engine_bg.wasm': './engine_bg.wasm',
    './package.json': './package.json',
  },
  files: [...files, 'integrity.json'],
  sideEffects: pkg.sideEffects,
};
writeFileSync(join(dist, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const integrity = {};
for (const f of [...files, 'package.json']) {
  integrity[f] = 'sha384-' + createHash('sha384').update(readFileSync(join(dist, f))).digest('base64');
}
writeFileSync(join(dist, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
console.log(`dist: ${files.length + 2} files, version ${version}`);
