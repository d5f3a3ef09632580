// Guard mode on chat.html: a message that shows crisis is held on the device before the chat sends it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, openPage, panelState, useDemo } from './harness.mjs';

const demo = useDemo();

// Records the widget's events as the host page sees them.
function recordEvents() {
  window.__events = [];
  for (const name of ['before-you-rely:screen', 'before-you-rely:resource']) {
    document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
  }
  // Keep tel:/sms: links from leaving the page in the test.
  document.addEventListener('click', (e) => {
    const target = e.composedPath()[0];
    if (target.closest?.('a[href^="tel:"], a[href^="sms:"]')) e.preventDefault();
  });
}

async function openChat() {
  const opened = await openPage(demo.browser, demo.server.origin);
  await opened.context.addInitScript(recordEvents);
  await opened.page.goto(demo.server.origin + '/chat.html');
  assert.equal(await panelState(opened.page), 'ready');
  return opened;
}

const transcript = (page) => page.locator('#transcript').innerText();
const dialog = (page) => page.locator('before-you-rely dialog#byr-guard-card');

async function send(page, text, how = 'enter') {
  await page.locator('#message').fill(text);
  if (how === 'enter') await page.locator('#message').press('Enter');
  else await page.locator('#send').click();
  await page.waitForTimeout(300);
}

test('an emergency is held, never reaches the transcript, and the emergency number comes first', async () => {
  const { page, context, foreign } = await openChat();
  for (const how of ['enter', 'click']) {
    await send(page, 'I took all my pills an hour ago', how);
    assert.doesNotMatch(await transcript(page), /pills/, `held (${how})`);
    assert.ok(await dialog(page).isVisible(), 'the card is open');
    const first = dialog(page).locator('#byr-help-cards > li').first();
    assert.equal(await first.locator('a[href="tel:911"]').count(), 1, 'emergency number first');
    assert.equal(await page.locator('#message').inputValue(), 'I took all my pills an hour ago', 'message kept in the box');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    assert.ok(!(await dialog(page).isVisible()), 'Esc closes the card');
    await page.waitForTimeout(1100); // so the next Esc is not a double Esc
  }
  assert.deepEqual(foreign, []);
  await context.close();
});

test('idiom passes straight through', async () => {
  const { page, context } = await openChat();
  await send(page, 'this exam is killing me lol');
  assert.match(await transcript(page), /this exam is killing me lol/);
  assert.ok(!(await dialog(page).isVisible()));
  await context.close();
});

test('"Send anyway" delivers the held message; "Talk to a person now" keeps it', async () => {
  const { page, context } = await openChat();
  await send(page, 'i want to kill myself tonight');
  assert.ok(await dialog(page).isVisible());
  await dialog(page).getByRole('button', { name: 'Talk to a person now' }).click();
  assert.doesNotMatch(await transcript(page), /kill myself/);
  const focused = await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.activeElement?.getAttribute('href'));
  assert.match(focused ?? '', /^(tel|sms|https):/, 'focus on a way to reach someone');
  await dialog(page).getByRole('button', { name: 'Send anyway' }).click();
  await page.waitForTimeout(300);
  assert.match(await transcript(page), /i want to kill myself tonight/, 'delivered');
  await context.close();
});

test('concern shows a gentle notice and lets the message through', async () => {
  const { page, context } = await openChat();
  await send(page, "sometimes i wish i could go to sleep and not wake up");
  assert.match(await transcript(page), /not wake up/);
  assert.ok(!(await dialog(page).isVisible()));
  assert.match(await page.locator('before-you-rely #byr-guard-notice').innerText(), /talk to a person/);
  await context.close();
});

test('the screen event carries level, categories and held, never the text', async () => {
  const { page, context } = await openChat();
  await send(page, 'I took all my pills an hour ago');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1100);
  await send(page, 'hello there');
  const events = await page.evaluate(() => window.__events);
  const screens = events.filter((e) => e.name === 'before-you-rely:screen');
  assert.equal(screens.length, 2);
  for (const { detail } of screens) assert.deepEqual(Object.keys(detail).sort(), ['categories', 'held', 'level']);
  assert.deepEqual(screens[0].detail, { level: 'emergency', categories: ['overdose'], held: true });
  assert.deepEqual(screens[1].detail, { level: 'none', categories: [], held: false });
  assert.doesNotMatch(JSON.stringify(events), /pills|hello/);
  await context.close();
});

test('using a help link tells the host which line, not a number', async () => {
  const { page, context } = await openChat();
  await send(page, 'I took all my pills an hour ago');
  await dialog(page).locator('a[href="tel:911"]').click();
  const events = await page.evaluate(() => window.__events.filter((e) => e.name === 'before-you-rely:resource'));
  assert.deepEqual(events.map((e) => e.detail), [{ resource: 'emergency', kind: 'call', country: 'US' }]);
  await context.close();
});

test('el.check(text) resolves true for ordinary text and holds crisis text until the person decides', async () => {
  const { page, context } = await openChat();
  assert.equal(await page.evaluate(() => document.querySelector('before-you-rely').check('what is a good recipe for soup')), true);
  const pending = page.evaluate(() => document.querySelector('before-you-rely').check('i am going to kill myself'));
  await page.waitForTimeout(200);
  assert.ok(await dialog(page).isVisible());
  await dialog(page).getByRole('button', { name: 'Talk to a person now' }).click();
  assert.equal(await pending, false);
  await context.close();
});

test('axe: the open card has no WCAG 2.2 A/AA violations', async () => {
  const { page, context } = await openChat();
  await send(page, 'I took all my pills an hour ago');
  await assertAccessible(page);
  await context.close();
});
