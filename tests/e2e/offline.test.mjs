// After one visit to offline.html (which registers www/sw.js), the panel works with the network off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelState, useDemo } from './harness.mjs';

const demo = useDemo();

test('a reload with the context offline still shows a working panel that screens text', async () => {
  // No request routing here: Playwright routes would bypass the service worker being tested.
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  const foreign = [];
  page.on('request', (r) => !r.url().startsWith(demo.server.origin) && foreign.push(r.url()));
  await page.goto(demo.server.origin + '/offline.html');
  assert.equal(await panelState(page), 'ready');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // Wait until the worker controls the page, so the reload is served through it.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  assert.equal(await panelState(page), 'ready');
  await page.locator('before-you-rely textarea#byr-checkin-input').fill('I took all my pills an hour ago');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('before-you-rely #byr-help-cards > li').first().locator('a[href="tel:911"]').count(), 1);
  assert.deepEqual(foreign, []);
  await context.close();
});
