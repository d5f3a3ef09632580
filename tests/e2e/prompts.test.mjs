// The journaling prompts and the private journal in a real browser: memory only unless the person
// opts in, one storage key when they do, nothing left behind after "Forget everything", a damaged
// store never breaks the panel, prompts never loop, deep prompts only on request.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, openPage, panelState, storageTrace, useDemo } from './harness.mjs';

const KEY = 'before-you-rely:journal';
const NOTHING = { cookies: 0, local: 0, session: 0, idb: [], writes: [], cookie: '' };

const demo = useDemo();

async function open(options) {
  const opened = await openPage(demo.browser, demo.server.origin, options);
  await opened.page.goto(demo.server.origin + '/');
  assert.equal(await panelState(opened.page), 'ready');
  return { ...opened, panel: opened.page.locator('before-you-rely') };
}

async function reload(page) {
  await page.reload();
  assert.equal(await panelState(page), 'ready');
}

async function write(panel, text) {
  await panel.getByRole('button', { name: 'Start writing' }).click();
  await panel.getByLabel('Your writing').fill(text);
  await panel.getByRole('button', { name: 'Save to my journal' }).click();
}

const entries = (panel) => panel.locator('.journal .entries .entry-text').allInnerTexts();
const promptText = (panel) => panel.locator('#byr-prompt-text').innerText();
const keepBox = (panel) => panel.getByRole('checkbox', { name: 'Keep my journal on this device' });

describe('the journal', () => {
  test('is off by default: an entry lives in memory only and leaves no trace', async () => {
    const { page, panel, context, errors, foreign } = await open();
    assert.equal(await keepBox(panel).isChecked(), false);
    await write(panel, 'A quiet walk by the river.');
    await assert.doesNotReject(panel.locator('#byr-prompts-status', { hasText: 'not being saved' }).waitFor());
    assert.deepEqual(await entries(panel), ['A quiet walk by the river.']);
    assert.deepEqual(await storageTrace(page), NOTHING, 'nothing written while the journal is not kept');
    await reload(page);
    assert.deepEqual(await entries(panel), [], 'the entry is gone after a reload');
    assert.match(await panel.locator('.journal').innerText(), /No entries yet\./);
    assert.deepEqual(await storageTrace(page), NOTHING);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('kept on this device: survives a reload, exports as Markdown, and "Forget everything" empties storage', async () => {
    const { page, panel, context, errors } = await open();
    await keepBox(panel).check();
    let trace = await storageTrace(page);
    assert.equal(trace.local, 1);
    assert.deepEqual([...new Set(trace.writes)], [`storage:${KEY}`], 'one key, nothing else');
    await write(panel, 'First line.\nSecond line.');
    await assert.doesNotReject(panel.locator('#byr-prompts-status', { hasText: 'Saved on this device.' }).waitFor());
    await write(panel, 'Another day, another entry.');
    assert.deepEqual(await entries(panel), ['Another day, another entry.', 'First line.\nSecond line.'], 'newest first');

    await reload(page);
    assert.equal(await keepBox(panel).isChecked(), true, 'the toggle shows on');
    assert.deepEqual(await entries(panel), ['Another day, another entry.', 'First line.\nSecond line.']);
    trace = await storageTrace(page);
    assert.deepEqual({ cookies: trace.cookies, session: trace.session, idb: trace.idb, writes: trace.writes }, { cookies: 0, session: 0, idb: [], writes: [] }, 'loading writes nothing');

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export' }).click()]);
    assert.match(download.suggestedFilename(), /\.md$/);
    const file = await readFile(await download.path(), 'utf8');
    assert.match(file, /^# My journal/);
    assert.ok(file.includes('First line.\nSecond line.'), file);
    assert.ok(file.includes('Another day, another entry.'), file);
    assert.ok(file.indexOf('First line.') < file.indexOf('Another day'), 'exported oldest first');

    // Delete one entry: the store is rewritten.
    await panel.getByRole('button', { name: 'Delete this entry' }).first().click();
    assert.deepEqual(await entries(panel), ['First line.\nSecond line.']);
    assert.ok(!(await page.evaluate((k) => localStorage.getItem(k), KEY)).includes('Another day'));

    await panel.getByRole('button', { name: 'Forget everything' }).click();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY) !== null, true, 'nothing happens before confirming');
    await panel.getByRole('button', { name: 'Yes, forget everything' }).click();
    await assert.doesNotReject(panel.locator('#byr-journal-status', { hasText: 'anything this panel saved on this device' }).waitFor());
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    trace = await storageTrace(page);
    assert.deepEqual({ cookies: trace.cookies, local: trace.local, session: trace.session, idb: trace.idb }, { cookies: 0, local: 0, session: 0, idb: [] });
    assert.deepEqual(await entries(panel), []);
    assert.equal(await keepBox(panel).isChecked(), false);

    await reload(page);
    assert.deepEqual(await entries(panel), []);
    assert.deepEqual(await storageTrace(page), NOTHING);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('turning it off removes the saved journal', async () => {
    const { page, panel, context } = await open();
    await keepBox(panel).check();
    await write(panel, 'Kept for a moment.');
    await keepBox(panel).uncheck();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(await entries(panel), ['Kept for a moment.'], 'still shown for this visit');
    await context.close();
  });

  test('a damaged store shows a plain message, offers what can be read, and Reset clears it', async () => {
    const { page, panel, context, errors } = await open();
    const good = 'byr-journal v1\nen-gr-01\t2025-03-01T10:22:33Z\tThree good things.\tThe sun came out.\n';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, good + 'garbage \\q without an end']);
    await reload(page);
    const journal = panel.locator('.journal');
    assert.match(await journal.innerText(), /We couldn't read your saved journal/);
    assert.match(await journal.innerText(), /We could still read 1 of your entries\./);
    assert.equal(await keepBox(panel).count(), 0, 'no toggle that could overwrite it');
    // A new entry stays in memory; the damaged store is left as it is.
    await write(panel, 'Written while the store was damaged.');
    assert.ok((await page.evaluate((k) => localStorage.getItem(k), KEY)).includes('garbage'));
    assert.deepEqual(await storageTrace(page).then((t) => t.writes), []);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export what can be read' }).click()]);
    assert.ok((await readFile(await download.path(), 'utf8')).includes('The sun came out.'));

    await panel.getByRole('button', { name: 'Start a new journal' }).click();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    await assert.doesNotReject(keepBox(panel).waitFor());
    assert.equal(await keepBox(panel).isChecked(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a journal from another version is left alone and reported', async () => {
    const { page, panel, context, errors } = await open();
    const foreign = 'byr-journal v9\nsomething we cannot read\n';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, foreign]);
    await reload(page);
    assert.equal(await panelState(page), 'ready');
    assert.match(await panel.locator('.journal').innerText(), /made by a different version/);
    assert.equal(await panel.getByRole('button', { name: 'Export what can be read' }).count(), 0);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), foreign, 'left as it is');
    await panel.getByRole('button', { name: 'Start a new journal' }).click();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('storage that throws is reported, not fatal', async () => {
    const { page, panel, context, errors } = await open();
    await page.evaluate(() => {
      Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await keepBox(panel).click();
    await assert.doesNotReject(panel.getByText("This browser can't save your journal right now").waitFor());
    assert.equal(await keepBox(panel).isChecked(), false);
    await write(panel, 'Still here in memory.');
    assert.deepEqual(await entries(panel), ['Still here in memory.']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the prompts', () => {
  test('"Another prompt" twenty times gives twenty-one different prompts, none deep', async () => {
    const { panel, context } = await open();
    const seen = [await promptText(panel)];
    for (let i = 0; i < 20; i++) {
      await panel.getByRole('button', { name: 'Another prompt' }).click();
      seen.push(await promptText(panel));
      assert.notEqual(await panel.locator('.prompt-card').getAttribute('data-intensity'), 'deep');
      assert.equal(await panel.locator('.prompt-card .caution').count(), 0);
    }
    assert.equal(new Set(seen).size, 21, seen.join('\n'));
    const focused = await panel.evaluate((el) => el.shadowRoot.activeElement?.id);
    assert.equal(focused, 'byr-prompts-another', 'focus stays on the button');
    await context.close();
  });

  test('deep prompts only with the toggle on, always with the caution', async () => {
    const { panel, context } = await open();
    const deep = panel.getByRole('checkbox', { name: 'Choose deeper prompts' });
    assert.equal(await deep.isChecked(), false);
    await deep.check();
    for (let i = 0; i < 5; i++) {
      assert.equal(await panel.locator('.prompt-card').getAttribute('data-intensity'), 'deep');
      assert.match(await panel.locator('.prompt-card .caution').innerText(), /You may feel worse at first/);
      await panel.getByRole('button', { name: 'Another prompt' }).click();
    }
    await deep.uncheck();
    assert.notEqual(await panel.locator('.prompt-card').getAttribute('data-intensity'), 'deep');
    assert.equal(await panel.locator('.prompt-card .caution').count(), 0);
    await context.close();
  });

  test('the theme picker narrows the prompts', async () => {
    const { panel, context } = await open();
    await panel.getByLabel('Theme').selectOption('loneliness');
    const themed = panel.locator('.prompt-card');
    const id = await themed.getAttribute('data-prompt');
    assert.ok(id.startsWith('en-'));
    assert.equal(await panel.getByLabel('Theme').inputValue(), 'loneliness');
    await context.close();
  });

  test('Spanish panel, Spanish prompts', async () => {
    const { page, panel, context } = await open();
    await page.$eval('before-you-rely', (el) => el.setAttribute('lang', 'es'));
    await assert.doesNotReject(panel.getByRole('heading', { name: 'Mi diario' }).waitFor());
    assert.ok((await panel.locator('.prompt-card').getAttribute('data-prompt')).startsWith('es-'));
    await context.close();
  });
});

describe('accessibility and privacy', () => {
  test('axe: no WCAG 2.2 A/AA violations with a prompt, the writing box and entries open', async () => {
    const { panel, page, context, foreign } = await open();
    await panel.getByRole('checkbox', { name: 'Choose deeper prompts' }).check();
    await write(panel, 'Something for the list.');
    await panel.getByRole('button', { name: 'Start writing' }).click();
    // Nothing is kept on this device here: the explanation must not speak of a saved journal.
    const explain = await panel.locator('#byr-journal-forget-explain').innerText();
    assert.match(explain, /^Clears everything you wrote here, and anything this panel saved on this device\./);
    assert.doesNotMatch(explain, /saved journal/);
    await panel.getByRole('button', { name: 'Forget everything' }).click();
    await page.waitForTimeout(200);
    await assertAccessible(page);
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('keyboard only: every prompt and journal control is reached by Tab and works with keys', async () => {
    const { page, panel, context, foreign } = await open();
    await write(panel, 'Keyboard entry.');
    await panel.getByRole('button', { name: 'Start writing' }).click();
    const mine = () => page.evaluate(() => {
      const slot = document.querySelector('before-you-rely').shadowRoot.querySelector('[data-slot="prompts"]');
      return [...slot.querySelectorAll('a[href], button, input, select, textarea')]
        .filter((e) => !e.disabled && e.offsetParent !== null)
        .map((e) => e.id || e.dataset.action || e.outerHTML.slice(0, 60));
    });
    const controls = await mine();
    assert.ok(controls.length >= 8, controls.join(', '));
    await page.locator('body').focus();
    const reached = new Set();
    for (let i = 0; i < 200 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.querySelector('before-you-rely').shadowRoot.activeElement;
        return el && el.closest('[data-slot="prompts"]') ? el.id || el.dataset.action || el.outerHTML.slice(0, 60) : null;
      });
      if (id) reached.add(id);
    }
    assert.deepEqual(controls.filter((c) => !reached.has(c)), [], 'controls Tab never reached');

    // Space toggles the keep checkbox; Enter presses "Another prompt"; focus stays put.
    await panel.locator('#byr-journal-keep').focus();
    await page.keyboard.press('Space');
    assert.equal(await keepBox(panel).isChecked(), true);
    assert.equal(await panel.evaluate((el) => el.shadowRoot.activeElement?.id), 'byr-journal-keep');
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    const before = await promptText(panel);
    await panel.locator('#byr-prompts-another').focus();
    await page.keyboard.press('Enter');
    assert.notEqual(await promptText(panel), before);
    assert.deepEqual(foreign, []);
    await context.close();
  });
});
