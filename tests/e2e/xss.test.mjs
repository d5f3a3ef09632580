// Hostile input: a corpus of classic XSS payload shapes (tests/e2e/xss-payloads.txt) fed through every
// config field, both as the JSON <script type="application/json"> child and as the `config` property,
// and through every text box a person can type into. Nothing may run, nothing may leave the page, no
// markup may appear in the shadow root, and the panel must keep rendering.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, panelState, useDemo } from './harness.mjs';

const PAYLOADS = readFileSync(new URL('./xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('# '));

// Several strings keys, including the panel title and the help lead.
const STRING_KEYS = ['panel.title', 'panel.intro', 'help.lead', 'help.hours', 'help.call', 'exit.button', 'exit.note', 'checkin.label', 'human.prep_heading', 'ai.heading'];
const TEST_PAGE = '/xss-test.html';

const demo = useDemo();

/** Every config field gets the batch of payloads (host lines: at most 20 per config, so 6 payloads × 3 lines). */
function configFor(batch) {
  const joined = batch.join(' ').slice(0, 1900);
  const strings = Object.fromEntries(STRING_KEYS.map((k, i) => [k, i % 2 ? joined : batch[i % batch.length]]));
  for (const p of batch) strings[p] = 'unknown key';
  const resources = batch.flatMap((p, i) => [
    { name: p, phone: '988', hours: p.slice(0, 80), topics: [p], languages: [p], country: 'US' },
    { name: p.slice(0, 120), phone: '988', hours: p.slice(0, 80) },
    { name: `Line ${i}`, phone: p, phone_option: p, sms: p, sms_keyword: p, chat_url: p, url: p, hours: p, topics: ['x'], languages: ['en'], country: p },
  ]);
  resources.push({ name: batch[0].slice(0, 120), sms: '741741', sms_keyword: batch[0], chat_url: batch[0], url: batch[0], hours: batch[0] });
  const sections = Object.fromEntries([...batch.map((p) => [p, false]), ['checks', true], ['prompts', true], ['ai', true], ['human', true]]);
  return {
    strings,
    resources,
    exitUrl: batch[0],
    holdAt: batch[batch.length - 1],
    directoryLink: { label: batch[0].slice(0, 200), url: batch[batch.length > 1 ? 1 : 0] },
    sections,
  };
}

/** A same-origin page with the widget and `config` as its JSON child (escaped as a careful host would). */
function pageWith(config) {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title>
<script type="module" src="/widget/before-you-rely.js"></script></head>
<body><main><h1>Test page</h1><before-you-rely country="US"><script type="application/json">${json}</script>
<p>Fallback: call 988.</p></before-you-rely></main></body></html>`;
}

/** Runs in the page: everything wrong in a shadow root (and in the print frame, if any). */
function audit(selector) {
  const host = document.querySelector(selector);
  const root = host.shadowRoot;
  const bad = [];
  const banned = 'script,iframe:not(#byr-prep-print),frame,img,svg,object,embed,style,math,link,meta,base,video,audio,source,template,noscript,portal,marquee,xmp,form[action],input[type=image]';
  for (const e of root.querySelectorAll(banned)) bad.push(`element <${e.localName}>`);
  const urlAttrs = ['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'style'];
  const docs = [root];
  const frame = root.getElementById('byr-prep-print');
  if (frame?.contentDocument) docs.push(frame.contentDocument);
  for (const doc of docs) {
    for (const e of doc.querySelectorAll('*')) {
      for (const a of e.attributes) {
        const v = a.value.toLowerCase().replace(/[\s\u0000-\u001f]/g, '');
        if (a.name.startsWith('on')) bad.push(`<${e.localName} ${a.name}>`);
        if (urlAttrs.includes(a.name) && /javascript:|vbscript:|data:|url\(|expression\(/.test(v)) bad.push(`<${e.localName} ${a.name}="${a.value.slice(0, 60)}">`);
      }
    }
  }
  if (frame?.contentDocument?.querySelector('script,iframe,img,svg,object,embed,style,math,link')) bad.push('markup in the print frame');
  for (const a of root.querySelectorAll('a[href]')) {
    if (!/^(https:|tel:|sms:|mailto:)/i.test(a.getAttribute('href'))) bad.push(`link ${a.getAttribute('href').slice(0, 60)}`);
  }
  const ready = host.dataset.state === 'ready' && !!root.querySelector('section.panel, #byr-guard, [part="guard"]');
  if (!ready) bad.push(`not rendered (state ${host.dataset.state})`);
  if (host.mode !== 'guard' && host.getAttribute('mode') !== 'guard' && !root.querySelector('#byr-title')?.textContent) bad.push('no title');
  return bad;
}

/** A page that reports every way a payload could have run: __xss calls (in any frame), dialogs, warnings. */
async function openHostile(path, html, init) {
  const opened = await openPage(demo.browser, demo.server.origin);
  if (init) await opened.context.addInitScript(init);
  const hits = [];
  const warnings = [];
  await opened.context.exposeFunction('__xss', (n) => hits.push(String(n)));
  opened.page.on('dialog', (d) => { hits.push(`dialog: ${d.message()}`); d.dismiss(); });
  opened.page.on('console', (m) => { if (m.type() === 'warning' && m.text().includes('before-you-rely')) warnings.push(m.text()); });
  if (html) await opened.page.route(demo.server.origin + TEST_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await opened.page.goto(demo.server.origin + path);
  assert.equal(await panelState(opened.page), 'ready');
  return { ...opened, hits, warnings };
}

// A headless print dialog would block: the print frame's print() does nothing here.
function stubPrint() {
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get() {
      const w = contentWindow.get.call(this);
      if (w) w.print = () => {};
      return w;
    },
  });
}

function assertClean(opened, bad, what) {
  assert.deepEqual(bad, [], `${what}: the shadow root stays plain`);
  assert.deepEqual(opened.hits, [], `${what}: no payload ran`);
  assert.deepEqual(opened.foreign, [], `${what}: no request left the page`);
  assert.deepEqual(opened.errors, [], `${what}: no page errors`);
}

const batches = (size) => Array.from({ length: Math.ceil(PAYLOADS.length / size) }, (_, i) => PAYLOADS.slice(i * size, i * size + size));

describe('hostile config', () => {
  test('the corpus is big enough and every executable payload is detectable', () => {
    assert.ok(PAYLOADS.length >= 100, `${PAYLOADS.length} payloads`);
    const tagged = PAYLOADS.filter((p) => /__xss\(|evil\.example/.test(p));
    assert.ok(tagged.length >= 100, `${tagged.length} tagged payloads`);
  });

  test('the detectors work: a planted handler and request are caught', async () => {
    const opened = await openHostile('/');
    await opened.page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('src', 'https://evil.example/probe');
      img.setAttribute('onerror', "window.__xss('probe')");
      document.querySelector('before-you-rely').shadowRoot.append(img);
    });
    await opened.page.waitForTimeout(200);
    const bad = await opened.page.evaluate(audit, 'before-you-rely');
    assert.ok(bad.includes('element <img>') && bad.includes('<img onerror>'), bad.join());
    assert.deepEqual(opened.hits, ['probe']);
    assert.deepEqual(opened.foreign, ['https://evil.example/probe']);
    await opened.context.close();
  });

  test('as the JSON child: batches of payloads in every field', async () => {
    for (const batch of batches(6)) {
      const opened = await openHostile(TEST_PAGE, pageWith(configFor(batch)));
      await opened.page.waitForTimeout(50);
      assertClean(opened, await opened.page.evaluate(audit, 'before-you-rely'), `JSON child ${JSON.stringify(batch[0]).slice(0, 40)}`);
      assert.ok(opened.warnings.some((w) => /exitUrl must be an https: URL|unknown section/.test(w)), 'rejections are reported');
      assert.ok(opened.warnings.some((w) => /host line/.test(w)), `rejected host lines are reported: ${opened.warnings.join('\n')}`);
      await opened.context.close();
    }
  });

  test('as the config property: one payload per field, every payload; and non-object configs', async () => {
    const opened = await openHostile('/');
    await opened.page.evaluate(`window.__audit = ${audit}`);
    const bad = await opened.page.evaluate(async ({ payloads, configs }) => {
      const host = document.querySelector('before-you-rely');
      const out = [];
      const check = (what) => { for (const b of window.__audit('before-you-rely')) out.push(`${what}: ${b}`); };
      for (let i = 0; i < payloads.length; i++) {
        host.config = configs[i];
        check(`payload ${i}`);
        if (host.shadowRoot.getElementById('byr-title').textContent === payloads[i]) window.__shownAsText = (window.__shownAsText ?? 0) + 1;
        host.config = payloads[i];
        check(`config = payload ${i}`);
        await new Promise((r) => setTimeout(r, 0));
      }
      host.config = [payloads[0]];
      check('array config');
      host.config = { strings: [payloads[0]], resources: payloads[0], sections: payloads[0], directoryLink: payloads[0] };
      check('wrong shapes');
      return out;
    }, { payloads: PAYLOADS, configs: PAYLOADS.map((p) => configFor([p])) });
    assertClean(opened, bad, 'config property');
    const shown = await opened.page.evaluate(() => window.__shownAsText);
    assert.ok(shown >= 100, `the title override showed ${shown} payloads as plain text`);
    assert.ok(opened.warnings.some((w) => /config must be a JSON object/.test(w)), 'a non-object config is reported');
    assert.ok(opened.warnings.some((w) => /directoryLink needs/.test(w)));
    assert.ok(opened.warnings.some((w) => /holdAt/.test(w)));
    assert.ok(opened.warnings.some((w) => /host line/.test(w)));
    // The hostile exitUrls were all refused: "Leave quickly" still goes to an https page.
    await opened.context.close();
  });

  test('a JSON child that is not JSON at all is reported and the panel still renders', async () => {
    const html = pageWith({}).replace('{}', PAYLOADS.slice(0, 20).join('\n').replace(/<\//g, '<\\/'));
    const opened = await openHostile(TEST_PAGE, html);
    assertClean(opened, await opened.page.evaluate(audit, 'before-you-rely'), 'invalid JSON');
    assert.ok(opened.warnings.some((w) => /not valid JSON/.test(w)));
    await opened.context.close();
  });
});

describe('hostile text from the person', () => {
  test('the check-in box', async () => {
    const opened = await openHostile('/');
    const panel = opened.page.locator('before-you-rely');
    for (const text of [PAYLOADS.join('\n'), ...PAYLOADS.slice(0, 5)]) {
      await panel.locator('#byr-checkin-input').fill(text);
      await opened.page.waitForTimeout(350);
      assertClean(opened, await opened.page.evaluate(audit, 'before-you-rely'), 'check-in');
    }
    await opened.context.close();
  });

  test('the guard textarea on chat.html, sent', async () => {
    const opened = await openHostile('/chat.html');
    for (const text of [PAYLOADS.join('\n'), ...batches(40).map((b) => b.join(' '))]) {
      await opened.page.locator('#message').fill(text);
      await opened.page.locator('#send').click();
      await opened.page.waitForTimeout(250);
      assertClean(opened, await opened.page.evaluate(audit, 'before-you-rely'), 'guard');
    }
    const sent = await opened.page.locator('#transcript li.you').count();
    assert.ok(sent >= 1, 'the messages went through to the (mock) chat');
    assert.equal(await opened.page.locator('#transcript script, #transcript img').count(), 0);
    await opened.context.close();
  });

  test('the journal and the prep note', async () => {
    const opened = await openHostile('/', null, stubPrint);
    const panel = opened.page.locator('before-you-rely');
    const all = PAYLOADS.join('\n');
    await panel.getByRole('button', { name: 'Start writing' }).click();
    await panel.getByLabel('Your writing').fill(all);
    await panel.getByRole('button', { name: 'Save to my journal' }).click();
    await panel.getByRole('button', { name: 'Start writing' }).click().catch(() => {});
    await panel.getByLabel('Your writing').fill(PAYLOADS[0]).catch(() => {});
    await panel.getByRole('button', { name: 'Save to my journal' }).click().catch(() => {});
    const entries = await panel.locator('.journal .entries .entry-text').allTextContents();
    assert.ok(entries.includes(all), 'the entry shows the text as text');
    assertClean(opened, await opened.page.evaluate(audit, 'before-you-rely'), 'journal');

    for (const id of ['byr-prep-help-with', 'byr-prep-not-worked', 'byr-prep-need', 'byr-prep-my-questions']) {
      await panel.locator(`#${id}`).fill(all);
    }
    const [download] = await Promise.all([opened.page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    assert.match(download.url(), /^blob:/);
    await panel.getByRole('button', { name: 'Print' }).click();
    await opened.page.waitForTimeout(100);
    assertClean(opened, await opened.page.evaluate(audit, 'before-you-rely'), 'prep note and its print frame');
    await opened.context.close();
  });
});
