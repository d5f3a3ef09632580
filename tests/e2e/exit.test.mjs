// Quick exit, for someone who may be watched: "Leave quickly" (in the panel and in the guard card) and
// Esc pressed twice replace the page with a neutral one, so Back does not return, after wiping what
// the panel held. The neutral page is routed to a tiny local reply, so nothing leaves the test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panelState, useDemo } from './harness.mjs';

const NEUTRAL = 'https://neutral.example/weather';
const DEFAULT_EXIT = /^https:\/\/www\.google\.com\//;

const demo = useDemo();

/**
 * Opens `path` with `exitUrl` configured (unless `config` is false). Requests to the neutral page are
 * held until `release()` so a test can look at the old page while the navigation is under way.
 */
async function open(path = '/', { exitUrl = NEUTRAL, configure = true } = {}) {
  const opened = await openPage(demo.browser, demo.server.origin);
  const { page, context } = opened;
  let release;
  const released = new Promise((r) => { release = r; });
  const arrived = [];
  const neutral = (route) => {
    arrived.push(route.request().url());
    return released.then(() => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny.</p>' }));
  };
  await context.route(/^https:\/\/(neutral\.example|www\.google\.com)\//, neutral);
  await page.goto(demo.server.origin + path);
  assert.equal(await panelState(page), 'ready');
  if (configure) await page.evaluate((url) => { document.querySelector('before-you-rely').config = { exitUrl: url }; }, exitUrl);
  const historyBefore = await page.evaluate(() => history.length);
  const wiped = [];
  await page.exposeFunction('__byrWiped', (w) => wiped.push(w));
  await page.evaluate(() => {
    const root = document.querySelector('before-you-rely').shadowRoot;
    new MutationObserver(() => {
      if (root.childNodes.length === 0) window.__byrWiped({ children: 0, text: root.textContent });
    }).observe(root, { childList: true });
  });
  return { ...opened, release, arrived, historyBefore, wiped, panel: page.locator('before-you-rely') };
}

/**
 * Waits for the request to the neutral page, checks the old page was wiped first, then lets it load.
 * (While the navigation is pending the old page cannot be evaluated, so a MutationObserver set up by
 * `watchWipe` reports what the shadow root held when it emptied.)
 */
async function expectLeft(opened, url = NEUTRAL) {
  const { page, arrived, release, historyBefore } = opened;
  for (let i = 0; i < 60 && (arrived.length === 0 || opened.wiped.length === 0); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(arrived.length > 0, 'the neutral page was requested');
  assert.deepEqual(opened.wiped, [{ children: 0, text: '' }], 'the panel was emptied before the page went');
  release();
  await page.waitForURL((u) => (typeof url === 'string' ? u.href === url : url.test(u.href)), { timeout: 5000 });
  assert.match(await page.locator('p').innerText(), /Sunny/);
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'replaced, not pushed: history did not grow');
  await page.goBack().catch(() => {});
  assert.ok(!page.url().startsWith(demo.server.origin), `Back does not return to the panel (at ${page.url()})`);
  assert.deepEqual(opened.foreign, []);
  assert.deepEqual(opened.errors, []);
}

/** True if the page is still on the panel after `ms`. */
async function stays(opened, ms = 1300) {
  await opened.page.waitForTimeout(ms);
  assert.equal(opened.arrived.length, 0, 'no navigation to the neutral page');
  assert.ok(opened.page.url().startsWith(demo.server.origin));
  assert.ok(await opened.page.evaluate(() => !!document.querySelector('before-you-rely').shadowRoot.querySelector('section.panel')));
}

describe('quick exit', () => {
  test('"Leave quickly" is visible, honest, and replaces the page after clearing the check-in text', async () => {
    const opened = await open();
    const { panel } = opened;
    const button = panel.getByRole('button', { name: 'Leave quickly' });
    assert.ok(await button.isVisible());
    assert.match(await panel.locator('.exit').innerText(), /does not erase your browser history/);
    await panel.locator('#byr-checkin-input').fill('Things at home are frightening');
    await button.click({ noWaitAfter: true });
    await expectLeft(opened);
    await opened.context.close();
  });

  test('Esc twice within a second leaves; one Esc, or two far apart, does not', async () => {
    const opened = await open();
    await opened.panel.locator('#byr-checkin-input').fill('something private');
    await opened.page.keyboard.press('Escape');
    await stays(opened);
    await opened.page.keyboard.press('Escape'); // 1.3 s after the first: a new first press
    await stays(opened, 200);
    assert.equal(await opened.panel.locator('#byr-checkin-input').inputValue(), 'something private');
    await opened.page.waitForTimeout(1100);
    await opened.page.keyboard.press('Escape');
    await opened.page.waitForTimeout(300);
    await opened.page.keyboard.press('Escape');
    await expectLeft(opened);
    await opened.context.close();
  });

  test('in guard mode, the card offers "Leave quickly" too', async () => {
    const opened = await open('/chat.html');
    const { page, panel } = opened;
    await page.locator('#message').fill('I took all my pills an hour ago');
    await page.locator('#send').click();
    const card = panel.locator('dialog#byr-guard-card');
    await card.waitFor({ state: 'visible' });
    const button = card.getByRole('button', { name: 'Leave quickly' });
    assert.ok(await button.isVisible());
    assert.match(await card.innerText(), /does not erase your browser history/);
    await button.click({ noWaitAfter: true });
    await expectLeft(opened);
    await opened.context.close();
  });

  test('the default neutral page is https, and a non-https exitUrl is refused', async () => {
    const opened = await open('/', { configure: false });
    await opened.panel.getByRole('button', { name: 'Leave quickly' }).click({ noWaitAfter: true });
    await expectLeft(opened, DEFAULT_EXIT);
    await opened.context.close();

    const warned = await open('/', { configure: false });
    const warnings = [];
    warned.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await warned.page.evaluate(() => { document.querySelector('before-you-rely').config = { exitUrl: 'http://neutral.example/weather' }; });
    assert.ok(warnings.some((w) => /exitUrl must be an https: URL/.test(w)));
    await warned.panel.getByRole('button', { name: 'Leave quickly' }).click({ noWaitAfter: true });
    await expectLeft(warned, DEFAULT_EXIT);
    await warned.context.close();
  });

  test('Spanish wording is honest too', async () => {
    const opened = await open('/es.html', { configure: false });
    const text = await opened.panel.locator('.exit').innerText();
    assert.match(text, /Salir rápido/);
    assert.match(text, /No borra tu historial del navegador/);
    await opened.context.close();
  });
});
