// The check-in box: screened on the device as the person types; help comes first when it matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panelState, storageTrace, useDemo } from './harness.mjs';

const demo = useDemo();

async function typeAndWait(page, text) {
  const box = page.locator('before-you-rely textarea#byr-checkin-input');
  await box.fill(text);
  await page.waitForTimeout(500); // the debounce is 250 ms
}

/** The ids of the panel's top-level parts, in order. */
const order = (page) => page.evaluate(() =>
  [...document.querySelector('before-you-rely').shadowRoot.querySelector('section.panel').children]
    .map((e) => e.id || e.className || e.tagName));

test('ordinary and idiomatic text leaves the panel calm', async () => {
  const { page, context, foreign } = await openPage(demo.browser, demo.server.origin);
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  const before = await order(page);
  for (const text of ["I'm not suicidal, just tired", 'this exam is killing me lol', 'how do I kill a Python process']) {
    await typeAndWait(page, text);
    assert.deepEqual(await order(page), before, text);
    assert.equal(await page.locator('before-you-rely #byr-help-message').innerText(), '', text);
  }
  assert.deepEqual(foreign, []);
  await context.close();
});

test('crisis language moves help first with a calm message, and says why', async () => {
  const { page, context, foreign } = await openPage(demo.browser, demo.server.origin);
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  await typeAndWait(page, 'i just want to die, everyone would be better off without me');
  const parts = await order(page);
  assert.ok(parts.indexOf('byr-help') < parts.indexOf('intro'), `help first: ${parts}`);
  assert.match(await page.locator('before-you-rely #byr-help-message').innerText(), /deserve/);
  await page.locator('before-you-rely #byr-checkin-why summary').click();
  assert.match(await page.locator('before-you-rely #byr-checkin-why details').innerText(), /want to die/);
  assert.deepEqual(foreign, []);
  assert.deepEqual((await storageTrace(page)).writes, [], 'nothing stored');
  await context.close();
});

test('an emergency puts the emergency number first', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.origin);
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  await typeAndWait(page, 'I took all my pills an hour ago');
  const first = page.locator('before-you-rely #byr-help-cards > li').first();
  assert.ok(await first.locator('a[href="tel:911"]').count() === 1, 'emergency first');
  assert.match(await page.locator('before-you-rely #byr-help-message').innerText(), /safety/);
  await context.close();
});

test('abuse gets abuse wording and the abuse line before the general line', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.origin);
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  await typeAndWait(page, 'my husband hits me and says he will kill me if I leave');
  assert.match(await page.locator('before-you-rely #byr-help-message').innerText(), /No one deserves/);
  await context.close();
});

test('the JS API screens text and returns UTF-16 spans', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.origin);
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  const result = await page.evaluate(async () => {
    const m = await import('/widget/before-you-rely.js');
    await m.ready();
    const text = '😔😔 i want to kill myself';
    const r = m.screen(text, { lang: 'en' });
    return { level: r.level, spans: r.evidence.map((e) => text.slice(e.start, e.end)) };
  });
  assert.ok(['urgent', 'emergency'].includes(result.level), result.level);
  assert.ok(result.spans.some((s) => /kill myself/.test(s)), JSON.stringify(result.spans));
  await context.close();
});

test('the module exports resources() and prompts() with the panel\'s own engines', async () => {
  const { page, context, foreign } = await openPage(demo.browser, demo.server.origin);
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  const result = await page.evaluate(async () => {
    const m = await import('/widget/before-you-rely.js');
    await m.ready();
    const abuse = m.resources('US', { categories: ['abuse'] });
    const emergency = m.resources('US', { level: 'emergency' });
    const unknown = m.resources('ZZ');
    const gentle = m.prompts({ level: 'urgent', count: 5, seed: 7 });
    const again = m.prompts({ level: 'urgent', count: 5, seed: 7 });
    return {
      abuseFirst: abuse.find((r) => r.kind === 'line').phone,
      emergencyFirst: emergency[0],
      unknown: unknown.map((r) => r.kind),
      gentle: gentle.prompts.map((p) => p.prompt.intensity),
      showHelp: gentle.show_help,
      same: JSON.stringify(gentle) === JSON.stringify(again),
    };
  });
  assert.equal(result.abuseFirst, '1-800-799-7233');
  assert.equal(result.emergencyFirst.kind, 'emergency');
  assert.equal(result.emergencyFirst.number, '911');
  assert.deepEqual(result.unknown.sort(), ['emergency_guidance', 'find_a_helpline']);
  assert.ok(result.gentle.every((i) => i === 'gentle'), result.gentle.join());
  assert.equal(result.showHelp, true);
  assert.ok(result.same, 'deterministic for a seed');
  assert.deepEqual(foreign, []);
  await context.close();
});
