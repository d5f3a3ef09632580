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

// Where the wasm's bytes go: the code and data sections, each gzipped on its own.
function wasmSections(bytes) {
  const sections = {};
  let i = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[i++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const len = leb();
    sections[id] = bytes.subarray(i, i + len);
    i += len;
  }
  return sections;
}
const sections = wasmSections(readFileSync('dist/engine_bg.wasm'));
line('wasm code section gzip', gzipSync(sections[10], { level: 9 }).length, 'bytes');
line('wasm data section gzip', gzipSync(sections[11], { level: 9 }).length, 'bytes');

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
// Screen latency in the browser: the same kind of short messages the native bench uses.
const latency = await (async () => {
  const server2 = await startServer();
  const browser2 = await launch();
  try {
    const { page } = await openPage(browser2, server2.origin);
    await page.goto(server2.origin + '/');
    await panelState(page);
    return await page.evaluate(async () => {
      const m = await import('/widget/before-you-rely.js');
      await m.ready();
      const samples = [
        'can you help me write an email to my landlord', 'this exam is killing me lol',
        'i feel so alone lately', 'i want to kill myself tonight', 'how do i kill a python process',
        'me quiero morir', 'what is a good recipe for lentil soup', 'my boyfriend hits me when he drinks',
      ];
      // 40 batches of 2500 messages: on a shared machine one long run mostly measures the other
      // processes, so report the median batch and the best one (closest to the uncontended cost).
      // (A batch takes milliseconds: performance.now() is coarsened to 0.1 ms in a page like this.)
      for (let i = 0; i < 2000; i++) m.screen(samples[i % samples.length]); // warm up
      const batches = [];
      for (let b = 0; b < 40; b++) {
        const t0 = performance.now();
        for (let i = 0; i < 2500; i++) m.screen(samples[i % samples.length]);
        batches.push(((performance.now() - t0) * 1000) / 2500);
      }
      batches.sort((a, b) => a - b);
      const median = (batches[19] + batches[20]) / 2;
      return { perMessageUs: median, bestUs: batches[0], perSecond: 1e6 / median };
    });
  } finally {
    await browser2.close();
    server2.stop();
  }
})();
line('wasm screen latency (JS API, median)', latency.perMessageUs.toFixed(2), 'µs/message');
line('wasm screen latency (JS API, best)', latency.bestUs.toFixed(2), 'µs/message');
line('wasm screen throughput (JS API)', Math.round(latency.perSecond), 'messages/s');

times.sort((a, b) => a - b);
line('startup import->render median', ((times[4] + times[5]) / 2).toFixed(2), 'ms');
line('startup import->render min..max', `${times[0].toFixed(1)}..${times[9].toFixed(1)}`, 'ms');
