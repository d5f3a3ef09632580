// "Before you rely on AI" and "Find a person to talk to": the content, the consultation prep note
// (download and print made on the device), the host's directory link, accessibility and privacy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, openPage, panelState, storageTrace, useDemo } from './harness.mjs';

const demo = useDemo();

const ANSWERS = {
  'What I want help with': 'Sleeping badly since the move',
  "What hasn't worked before": 'An app that sent reminders',
  'What I need from a therapist': 'Someone patient who explains things',
  'My questions': 'Can we meet in the evening?\nDo you work with students?',
};

// Runs before the page's scripts: records print() calls instead of opening the print dialog, both on
// the page itself and on any frame the widget prints from, with the text that frame would print.
function recordPrints() {
  const prints = [];
  Object.defineProperty(window, '__byrPrints', { value: prints });
  if (window !== window.top) return;
  window.print = () => prints.push({ frame: 'page', text: document.body.innerText });
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get() {
      const w = contentWindow.get.call(this);
      if (w) {
        w.print = () => prints.push({
          frame: 'iframe',
          url: w.location.href,
          text: w.document.body.innerText,
          lang: w.document.documentElement.lang,
          loads: w.document.querySelectorAll('script, link, img, iframe, object, embed').length,
        });
      }
      return w;
    },
  });
}

async function open(options) {
  const opened = await openPage(demo.browser, demo.server.origin, options);
  await opened.context.addInitScript(recordPrints);
  await opened.page.goto(demo.server.origin + '/');
  assert.equal(await panelState(opened.page), 'ready');
  return opened;
}

async function fill(panel, { standard = true } = {}) {
  for (const [label, text] of Object.entries(ANSWERS)) await panel.getByLabel(label).fill(text);
  const box = panel.getByLabel('Add the questions above to my note');
  if (standard) await box.check(); else await box.uncheck();
}

describe('the AI and human sections', () => {
  test('the AI section shows what AI chat can and cannot do, and the closing line', async () => {
    const { page, context, errors } = await open();
    const ai = page.locator('before-you-rely section.ai');
    assert.equal(await ai.locator('h3').innerText(), 'AI chat and its limits');
    assert.equal(await ai.locator('.ai-can li').count(), 3);
    assert.equal(await ai.locator('.ai-cannot li').count(), 6);
    assert.match(await ai.locator('.ai-can').innerText(), /What AI chat can help with/);
    assert.match(await ai.locator('.ai-cannot').innerText(), /cannot reliably recognise a crisis/);
    assert.match(await ai.innerText(), /American Psychological Association advises against/);
    assert.equal((await ai.locator('.bridge').innerText()).trim(), 'AI can be a bridge, not a destination.');
    // Sources sit in a closed <details> that opens from the keyboard.
    const summary = ai.locator('details.ai-sources > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.match(await ai.locator('details.ai-sources').innerText(), /Kalam KT, et al\./);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the prep note downloads with the answers and, when ticked, the standard questions', async () => {
    const { page, context } = await open();
    const panel = page.locator('before-you-rely');
    await fill(panel);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    assert.equal(download.suggestedFilename(), 'notes-for-my-first-conversation.txt');
    assert.match(download.url(), /^blob:/);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /^# Notes for my first conversation with a therapist/);
    for (const answer of ['Sleeping badly since the move', 'An app that sent reminders', 'Someone patient who explains things']) {
      assert.ok(text.includes(answer), answer);
    }
    assert.ok(text.includes('- Can we meet in the evening?\n- Do you work with students?'));
    assert.ok(text.includes('Are you licensed, and where?'), 'standard questions included');
    assert.ok(text.includes('Made on this device; not sent anywhere.'));
    assert.match(await panel.locator('[role="status"]#byr-prep-status').innerText(), /not been sent anywhere/);

    // Unticked: only the person's own questions.
    await panel.getByLabel('Add the questions above to my note').uncheck();
    const [again] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    const plain = await readFile(await again.path(), 'utf8');
    assert.ok(plain.includes('Do you work with students?'));
    assert.ok(!plain.includes('Are you licensed, and where?'), 'standard questions left out');
    await context.close();
  });

  test('Print prints the note alone, from a frame that loads nothing', async () => {
    const { page, context, errors } = await open();
    const panel = page.locator('before-you-rely');
    await fill(panel);
    await panel.getByRole('button', { name: 'Print' }).click();
    const prints = await page.evaluate(() => window.__byrPrints);
    assert.equal(prints.length, 1, 'print() called once');
    const [printed] = prints;
    assert.equal(printed.frame, 'iframe', 'the host page itself is not printed');
    assert.equal(printed.url, 'about:blank');
    assert.equal(printed.lang, 'en');
    assert.equal(printed.loads, 0);
    assert.match(printed.text, /Notes for my first conversation with a therapist/);
    for (const answer of Object.values(ANSWERS).flatMap((a) => a.split('\n'))) assert.ok(printed.text.includes(answer), answer);
    assert.ok(printed.text.includes('Are you licensed, and where?'));
    assert.ok(!printed.text.includes('Quiet Harbour'), 'no host page content in the printout');
    // The print frame is invisible and out of the tab order.
    const frame = await page.evaluate(() => {
      const f = document.querySelector('before-you-rely').shadowRoot.getElementById('byr-prep-print');
      const r = f.getBoundingClientRect();
      return { w: r.width, h: r.height, tabindex: f.getAttribute('tabindex') };
    });
    assert.deepEqual(frame, { w: 0, h: 0, tabindex: '-1' });
    // Clear empties the form, drops the print frame and says so.
    await panel.getByRole('button', { name: 'Clear the form' }).click();
    for (const label of Object.keys(ANSWERS)) assert.equal(await panel.getByLabel(label).inputValue(), '');
    assert.equal(await panel.getByLabel('Add the questions above to my note').isChecked(), false);
    assert.match(await panel.locator('#byr-prep-status').innerText(), /empty again/);
    assert.equal(await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.getElementById('byr-prep-print')), null);
    const focused = await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.activeElement?.id);
    assert.equal(focused, 'byr-prep-help-with');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the note survives a language switch and nothing is stored or sent', async () => {
    const { page, context, foreign, requests } = await open();
    const panel = page.locator('before-you-rely');
    await fill(panel);
    await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    await panel.getByRole('button', { name: 'Print' }).click();
    await page.$eval('before-you-rely', (el) => el.setAttribute('lang', 'es'));
    assert.equal(await panel.getByLabel('En qué quiero ayuda').inputValue(), ANSWERS['What I want help with']);
    assert.equal(await panel.getByLabel('Añadir a mis notas las preguntas de arriba').isChecked(), true);
    await page.waitForTimeout(200);
    assert.deepEqual(foreign, [], 'requests to other origins');
    for (const url of requests) assert.ok(url.startsWith(demo.server.origin + '/') || url.startsWith('blob:'), url);
    const trace = await storageTrace(page);
    assert.deepEqual(trace, { cookies: 0, local: 0, session: 0, idb: [], writes: [], cookie: '' });
    await context.close();
  });

  test('the host\'s directory link shows when configured; a javascript: URL is never a link', async () => {
    const { page, context } = await open();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const human = page.locator('before-you-rely section.human');
    assert.equal(await human.locator('.directory-link').count(), 0, 'nothing without config');
    await page.$eval('before-you-rely', (el) => { el.config = { directoryLink: { label: 'Our counsellors', url: 'https://example.org/find' } }; });
    const link = human.getByRole('link', { name: 'Our counsellors' });
    assert.equal(await link.getAttribute('href'), 'https://example.org/find');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('referrerpolicy'), 'no-referrer');

    await page.$eval('before-you-rely', (el) => { el.config = { directoryLink: { label: 'Our counsellors', url: 'javascript:alert(1)' } }; });
    assert.equal(await human.getByRole('link', { name: 'Our counsellors' }).count(), 0);
    const bad = await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.querySelectorAll('a[href^="javascript:" i]').length);
    assert.equal(bad, 0);
    assert.ok(warnings.some((w) => /directoryLink/.test(w)), `a console warning (got ${JSON.stringify(warnings)})`);
    await context.close();
  });

  test('axe: no violations with both sections shown (sources open, directory link on)', async () => {
    const { page, context } = await open();
    await page.$eval('before-you-rely', (el) => { el.config = { directoryLink: { label: 'Our counsellors', url: 'https://example.org/find' } }; });
    const panel = page.locator('before-you-rely');
    await panel.locator('details.ai-sources > summary').click();
    await fill(panel);
    await panel.getByRole('button', { name: 'Download' }).click();
    await assertAccessible(page);
    await context.close();
  });

  test('keyboard only: Tab reaches every control of both sections; Space and Enter work them', async () => {
    const { page, context } = await open();
    await page.$eval('before-you-rely', (el) => { el.config = { directoryLink: { label: 'Our counsellors', url: 'https://example.org/find' } }; });
    const wanted = ['summary:Sources', 'a:Our counsellors', 'textarea:byr-prep-help-with', 'textarea:byr-prep-not-worked',
      'textarea:byr-prep-need', 'textarea:byr-prep-my-questions', 'input:byr-prep-standard',
      'button:prep-download', 'button:prep-print', 'button:prep-clear'];
    const active = () => page.evaluate(() => {
      const el = document.querySelector('before-you-rely').shadowRoot.activeElement;
      if (!el) return null;
      const tag = el.tagName.toLowerCase();
      return `${tag}:${el.dataset.action || el.id || el.textContent.trim()}`;
    });
    const reached = new Set();
    for (let i = 0; i < 250 && !wanted.every((w) => reached.has(w)); i++) {
      await page.keyboard.press('Tab');
      const now = await active();
      if (now) reached.add(now);
      if (now === 'input:byr-prep-standard' && !(await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.activeElement.checked))) {
        await page.keyboard.press('Space');
      }
      if (now === 'textarea:byr-prep-help-with') await page.keyboard.type('Typed from the keyboard');
    }
    assert.deepEqual(wanted.filter((w) => !reached.has(w)), [], 'controls Tab never reached');
    const panel = page.locator('before-you-rely');
    assert.equal(await panel.getByLabel('Add the questions above to my note').isChecked(), true, 'Space ticks the box');
    await panel.getByRole('button', { name: 'Download' }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.includes('Typed from the keyboard'));
    assert.ok(text.includes('Are you licensed, and where?'));
    await context.close();
  });

  test('lang="es" shows both sections in Spanish', async () => {
    const { page, context } = await open();
    await page.$eval('before-you-rely', (el) => el.setAttribute('lang', 'es'));
    const panel = page.locator('before-you-rely');
    assert.equal(await panel.locator('section.ai h3').innerText(), 'Los chats de IA y sus límites');
    assert.equal((await panel.locator('section.ai .bridge').innerText()).trim(), 'La IA puede ser un puente, no un destino.');
    assert.equal(await panel.locator('section.human h3').innerText(), 'Encuentra a una persona con quien hablar');
    await panel.getByLabel('En qué quiero ayuda').fill('Dormir mejor');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Descargar' }).click()]);
    assert.equal(download.suggestedFilename(), 'notas-para-mi-primera-conversacion.txt');
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /^# Notas para mi primera conversación con un terapeuta/);
    assert.ok(text.includes('Dormir mejor'));
    await context.close();
  });
});
