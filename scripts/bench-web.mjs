// `make bench`, browser half: bundle sizes (raw and gzip) and the time from module import to the
// panel's first render in headless Chromium (median of 10 cold page loads, performance.mark in the page).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, openPage, panelState, startServer } from '../tests/e2e/harness.mjs';

const size = (files) => {
  const raw = files.reduce((n, f) => n + readFileSync(`dist/${f}`).length, 0);
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length, 0);
  return { raw, gz };
};
const line = (name, value, unit) => console.log(`${name.padEnd(34)} ${String(value).padStart(10)} ${unit}`);
const report = (name, files) => {
  const { raw, gz } = size(files);
  line(`${name} raw`, raw, 'bytes');
  line(`${name} gzip`, gz, 'bytes');
};

report('wasm (engine_bg.wasm)', ['engine_bg.wasm']);
report('JS glue (engine.js)', ['engine.js']);
report('element (before-you-rely.js)', ['before-you-rely.js']);
// What a page downloads: the element, the glue and the wasm.
report('payload (js + wasm)', ['before-you-rely.js', 'engine.js', 'engine_bg.wasm']);
report('dist/ total', readdirSync('dist'));

const server = await startServer();
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < 10; i++) {
    const { page, context } = await openPage(browser, server.origin);
    await page.goto(server.origin + '/');
    if ((await panelState(page)) !== 'ready') throw new Error('panel did not render');
    times.push(await page.evaluate(() => performance.measure('byr', 'byr:import', 'byr:rendered').duration));
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
times.sort((a, b) => a - b);
line('startup import->render median', ((times[4] + times[5]) / 2).toFixed(2), 'ms');
line('startup import->render min..max', `${times[0].toFixed(1)}..${times[9].toFixed(1)}`, 'ms');
