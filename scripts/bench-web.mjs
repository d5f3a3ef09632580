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
// Screen latency in the browser, through the JS API as a page calls it (warm, many messages). Two sets:
// the native bench's short messages (benches/screen.rs, no lang: the figure to hold against it) and
// real chat messages of realistic lengths with their lang (tests/screen/{en,es}.train{A,B}.tsv: 1,100
// texts, ~110 bytes on average, accents and emoji). The machine is shared and noisy, so each set runs
// in 5 fresh pages; each page reports its median and best batch, and the lines give the range over pages.
const SHORT = [
  'i had a really long day at work', 'this exam is killing me lol', 'can you help me write a cover letter',
  'i want to kill myself', 'me muero de hambre', 'ya no quiero vivir', 'how do i kill a python process',
  'i feel so lonely lately', "my dad hits me when he's drunk", 'what a lovely day, going to the beach',
];
const CHAT = ['en.trainA', 'en.trainB', 'es.trainA', 'es.trainB'].flatMap((f) =>
  readFileSync(`tests/screen/${f}.tsv`, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => [l.split('\t').slice(2).join('\t'), f.slice(0, 2)]));
const latency = await (async () => {
  const server2 = await startServer();
  const browser2 = await launch();
  const runs = { short: [], chat: [] };
  try {
    for (let run = 0; run < 5; run++) {
      const { page, context } = await openPage(browser2, server2.origin);
      await page.goto(server2.origin + '/');
      await panelState(page);
      const r = await page.evaluate(async ({ SHORT, CHAT }) => {
        const m = await import('/widget/before-you-rely.js');
        await m.ready();
        // Batches of ~10 ms: performance.now() is coarsened to 0.1 ms in a page like this.
        const batches = (call, perBatch) => {
          for (let i = 0; i < 20000; i++) call(i); // warm up
          const us = [];
          for (let b = 0; b < 20; b++) {
            const t0 = performance.now();
            for (let i = 0; i < perBatch; i++) call(i);
            us.push(((performance.now() - t0) * 1000) / perBatch);
          }
          us.sort((a, b) => a - b);
          return { median: (us[9] + us[10]) / 2, best: us[0] };
        };
        return {
          short: batches((i) => m.screen(SHORT[i % SHORT.length]), 10000),
          chat: batches((i) => { const [text, lang] = CHAT[i % CHAT.length]; m.screen(text, { lang }); }, 5 * CHAT.length),
        };
      }, { SHORT, CHAT });
      runs.short.push(r.short);
      runs.chat.push(r.chat);
      await context.close();
    }
  } finally {
    await browser2.close();
    server2.stop();
  }
  return runs;
})();
const range = (runs, key) => {
  const v = runs.map((r) => r[key]).sort((a, b) => a - b);
  return `${v[2].toFixed(2)} (${v[0].toFixed(2)}..${v[4].toFixed(2)})`;
};
line('wasm screen latency (JS API, median)', range(latency.short, 'median'), 'µs/message, short');
line('wasm screen latency (JS API, best)', range(latency.short, 'best'), 'µs/message, short');
line('wasm screen throughput (JS API)', Math.round(1e6 / latency.short.map((r) => r.median).sort((a, b) => a - b)[2]), 'messages/s, short');
line('wasm screen latency (chat, median)', range(latency.chat, 'median'), 'µs/message, 1,100 chat texts');
line('wasm screen latency (chat, best)', range(latency.chat, 'best'), 'µs/message, 1,100 chat texts');

times.sort((a, b) => a - b);
line('startup import->render median', ((times[4] + times[5]) / 2).toFixed(2), 'ms');
line('startup import->render min..max', `${times[0].toFixed(1)}..${times[9].toFixed(1)}`, 'ms');
