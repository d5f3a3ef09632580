// strict.html is served with a strict CSP and Trusted Types: the widget must work with no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panelState, useDemo } from './harness.mjs';

const demo = useDemo();

test('renders and screens under the strict CSP with no violation reported', async () => {
  const { page, context, foreign, errors } = await openPage(demo.browser, demo.server.origin);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const response = await page.goto(demo.server.origin + '/strict.html');
  assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
  assert.equal(await panelState(page), 'ready');
  await page.locator('before-you-rely textarea#byr-checkin-input').fill('I took all my pills an hour ago');
  await page.waitForTimeout(500);
  assert.match(await page.locator('before-you-rely #byr-help-message').innerText(), /safety/);
  assert.equal(await page.locator('before-you-rely #byr-help-cards > li').first().locator('a[href="tel:911"]').count(), 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
