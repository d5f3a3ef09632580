// What we ship never turns text into markup and never evaluates strings as code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|new Function|eval\s*\(|setHTMLUnsafe)\b/;

function files(dir, ext) {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

test('dist/ JavaScript has no HTML sinks or eval', () => {
  const shipped = files('dist', '.js');
  assert.ok(shipped.length >= 2, 'dist/ is built');
  for (const f of shipped) assert.doesNotMatch(readFileSync(f, 'utf8'), FORBIDDEN, f);
});

test('the Rust browser layer never names an HTML sink', () => {
  for (const f of files('src', '.rs')) {
    const code = readFileSync(f, 'utf8').split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
    assert.doesNotMatch(code, /set_inner_html|set_outer_html|insert_adjacent_html|\.write_with_str|create_contextual_fragment/, f);
  }
});

test('dist/ ships a package.json and SRI hashes for every file', () => {
  const pkg = JSON.parse(readFileSync('dist/package.json', 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.ok(pkg.exports['.'] && pkg.types && pkg.files.length && pkg.sideEffects.includes('./before-you-rely.js'));
  const integrity = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
  for (const f of readdirSync('dist').filter((f) => f !== 'integrity.json')) {
    assert.match(integrity[f] ?? '', /^sha384-[A-Za-z0-9+/]{64}$/, f);
  }
});
