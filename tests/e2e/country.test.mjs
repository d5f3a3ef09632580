// The country comes from the browser's own settings, never the network, and the person can change it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, panelState, storageTrace, useDemo } from './harness.mjs';

const demo = useDemo();

const picker = (page) => page.locator('before-you-rely select#byr-country');

test('lang="es" in an es-MX browser proposes Mexico; the picker switches to Spain; no request made', async () => {
  const { page, context, foreign } = await openPage(demo.browser, demo.server.origin, { locale: 'es-MX', timezoneId: 'America/Mexico_City' });
  await page.goto(demo.server.origin + '/es.html');
  assert.equal(await panelState(page), 'ready');
  assert.equal(await picker(page).inputValue(), 'MX');
  assert.match(await page.locator('before-you-rely label[for="byr-country"]').innerText(), /¿No estás en México\?/);
  const cards = page.locator('before-you-rely #byr-help-cards');
  assert.match(await cards.innerText(), /911/, 'Mexico\'s emergency number');
  await picker(page).selectOption('ES');
  assert.match(await page.locator('before-you-rely label[for="byr-country"]').innerText(), /España/);
  assert.match(await cards.innerText(), /024/, 'Spain\'s suicide line');
  assert.match(await cards.innerText(), /112/, 'Spain\'s emergency number');
  assert.deepEqual(foreign, []);
  assert.deepEqual(await storageTrace(page), { cookies: 0, local: 0, session: 0, idb: [], writes: [], cookie: '' }, 'not remembered without opt-in');
  await context.close();
});

test('"Other" gives emergency guidance and findahelpline.com, with no invented number', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.origin, { locale: 'en-US' });
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  await picker(page).selectOption('other');
  const text = await page.locator('before-you-rely #byr-help-cards').innerText();
  assert.match(text, /local emergency number/);
  assert.equal(await page.locator('before-you-rely #byr-help-cards a[href="https://findahelpline.com"]').count(), 1);
  assert.doesNotMatch(text, /\d/, 'no digits: no number is guessed');
  await context.close();
});

test('the choice is remembered only when the person opts in, and unticking erases it', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.origin, { locale: 'en-US' });
  await page.goto(demo.server.origin + '/');
  await panelState(page);
  await picker(page).selectOption('GB');
  assert.equal((await storageTrace(page)).local, 0);
  await page.locator('before-you-rely #byr-country-remember').check();
  await page.reload();
  await panelState(page);
  assert.equal(await picker(page).inputValue(), 'GB');
  assert.match(await page.locator('before-you-rely #byr-help-cards').innerText(), /116 123/, 'Samaritans');
  await page.locator('before-you-rely #byr-country-remember').uncheck();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();
});
