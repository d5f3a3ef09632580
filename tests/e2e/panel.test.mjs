// The drop-in widget in a real browser: renders, stays private, falls back safely, is accessible.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, openPage, panelControls, panelState, storageTrace, tabThroughPanel, useDemo } from './harness.mjs';

const demo = useDemo();

describe('index.html', () => {
  test('the element renders its panel with help first reachable', async () => {
    const { page, foreign, errors, context } = await openPage(demo.browser, demo.server.origin);
    await page.goto(demo.server.origin + '/');
    assert.equal(await panelState(page), 'ready');
    const panel = page.locator('before-you-rely');
    await assert.doesNotReject(panel.getByRole('heading', { name: 'Before you rely on AI' }).waitFor());
    const help = panel.locator('section#byr-help');
    assert.match(await help.innerText(), /Need help now\?/);
    assert.ok(await help.locator('a[href="tel:988"]').count() >= 1, 'call 988');
    assert.ok(await help.locator('a[href="sms:988"]').count() >= 1, 'text 988');
    assert.equal(await help.locator('a[href="https://988lifeline.org"]').count(), 1, 'chat 988lifeline.org');
    assert.equal(await help.locator('a[href="tel:911"]').count(), 1, 'emergency 911');
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('no network request other than the page\'s own files, no cookies, no storage', async () => {
    const { page, requests, foreign, context } = await openPage(demo.browser, demo.server.origin);
    await page.goto(demo.server.origin + '/');
    await panelState(page);
    await page.locator('before-you-rely').getByRole('button', { name: 'Need help now?' }).click();
    await page.waitForTimeout(300);
    assert.deepEqual(foreign, [], 'requests to other origins');
    const own = requests.map((u) => new URL(u).pathname).sort();
    for (const path of own) {
      assert.ok(/^\/(|index\.html|site\.css|favicon\.svg|widget\/(before-you-rely\.js|engine\.js|engine_bg\.wasm))$/.test(path), `unexpected request ${path}`);
    }
    const trace = await storageTrace(page);
    assert.deepEqual(trace, { cookies: 0, local: 0, session: 0, idb: [], writes: [], cookie: '' });
    await context.close();
  });

  test('the help button moves focus to the help section', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.goto(demo.server.origin + '/');
    await panelState(page);
    await page.locator('before-you-rely').getByRole('button', { name: 'Need help now?' }).click();
    const focused = await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.activeElement?.id);
    assert.equal(focused, 'byr-help-title');
    await context.close();
  });

  test('lang="es" renders Spanish and country switches the lines', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.goto(demo.server.origin + '/');
    await panelState(page);
    await page.$eval('before-you-rely', (el) => el.setAttribute('lang', 'es'));
    await assert.doesNotReject(page.locator('before-you-rely').getByRole('heading', { name: 'Antes de confiar en la IA' }).waitFor());
    await context.close();
  });

  test('axe: no WCAG 2.2 A/AA violations with the panel open', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.goto(demo.server.origin + '/');
    await panelState(page);
    await assertAccessible(page);
    await context.close();
  });

  test('keyboard only: Tab reaches every control in the panel, folded ones opened by keyboard', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.goto(demo.server.origin + '/');
    await panelState(page);
    const reached = await tabThroughPanel(page);
    const controls = await panelControls(page);
    assert.ok(controls.length >= 8, `found ${controls.length} controls`);
    assert.deepEqual(controls.filter((c) => !reached.has(c)), [], 'controls Tab never reached');
    await context.close();
  });
});

describe('fallback content', () => {
  const fallbackVisible = async (page) => {
    assert.equal(await panelState(page), 'fallback');
    const link = page.locator('before-you-rely a[href="tel:988"]');
    assert.ok(await link.isVisible(), 'the fallback crisis line is visible');
    assert.ok(await page.locator('before-you-rely a[href="tel:911"]').isVisible(), 'the emergency number is visible');
  };

  test('stays visible when the .wasm 404s', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.route('**/engine_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(demo.server.origin + '/');
    await fallbackVisible(page);
    await context.close();
  });

  test('stays visible when a CSP blocks WebAssembly', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.route(demo.server.origin + '/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" } });
    });
    await page.goto(demo.server.origin + '/');
    await fallbackVisible(page);
    await context.close();
  });

  test('stays visible when the engine panics while mounting', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    // A Rust panic in wasm32 (panic = "abort") reaches JavaScript as a RuntimeError from the export.
    await page.route('**/engine.js', async (route) => {
      const response = await route.fetch();
      const glue = (await response.text()).replace(
        /export function mount\(([^)]*)\) \{/,
        'export function mount($1) { throw new WebAssembly.RuntimeError("unreachable executed");',
      );
      assert.match(glue, /unreachable executed/, 'patched the glue');
      await route.fulfill({ response, body: glue });
    });
    await page.goto(demo.server.origin + '/');
    await fallbackVisible(page);
    await context.close();
  });

  test('stays visible when the module itself is missing', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.origin);
    await page.route('**/widget/before-you-rely.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(demo.server.origin + '/');
    assert.ok(await page.locator('before-you-rely a[href="tel:988"]').isVisible());
    await context.close();
  });
});
