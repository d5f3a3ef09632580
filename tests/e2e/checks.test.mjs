// The self-checks in a real browser: one question at a time, crisis help first after a positive answer
// about suicide (and never a reassuring label beside it), follow-up offers, keyboard only, axe, Spanish,
// and nothing stored or sent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, openPage, panelState, storageTrace, useDemo } from './harness.mjs';

const demo = useDemo();

const CLEAN = { cookies: 0, local: 0, session: 0, idb: [], writes: [], cookie: '' };

async function open(lang) {
  const opened = await openPage(demo.browser, demo.server.origin);
  await opened.page.goto(demo.server.origin + '/');
  assert.equal(await panelState(opened.page), 'ready');
  if (lang) await opened.page.$eval('before-you-rely', (el, l) => el.setAttribute('lang', l), lang);
  return opened;
}

const panel = (page) => page.locator('before-you-rely');
const checks = (page) => panel(page).locator('#byr-checks');

async function take(page, name) {
  await checks(page).getByRole('button', { name: `Take the ${name}`, exact: true }).click();
}

/** Ticks the choice scoring `value` on the current question and presses Next. */
async function answer(page, value) {
  await checks(page).locator(`fieldset.question input[value="${value}"]`).check();
  await checks(page).getByRole('button', { name: 'Next', exact: true }).click();
}

async function answerAll(page, values) {
  for (const v of values) await answer(page, v);
}

/** The panel's text as a person (or a screen reader) would get it. */
const panelText = (page) => page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.textContent);

const activeId = (page) => page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.activeElement?.id ?? null);

/** True when the element matching `a` comes before the one matching `b` in the shadow root. */
const comesBefore = (page, a, b) => page.evaluate(([a, b]) => {
  const root = document.querySelector('before-you-rely').shadowRoot;
  const [x, y] = [root.querySelector(a), root.querySelector(b)];
  return Boolean(x && y && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING));
}, [a, b]);

describe('self-checks', () => {
  test('mounting shows the five checks, not a diagnosis, and the ASQ clinician note', async () => {
    const { page, context } = await open();
    const section = checks(page);
    await assert.doesNotReject(section.getByRole('heading', { name: 'Self-checks' }).waitFor());
    for (const name of ['ASQ', 'PHQ-9', 'PHQ-2', 'GAD-7', 'GAD-2']) {
      assert.equal(await section.getByRole('button', { name: `Take the ${name}`, exact: true }).count(), 1, name);
    }
    const text = await section.innerText();
    assert.match(text, /This is a screening questionnaire, not a diagnosis\./);
    assert.match(text, /tested with a doctor or nurse asking the questions/);
    await context.close();
  });

  test('PHQ-9 with item 9 = 1 and total 3: crisis help first, never "minimal", ASQ offered', async () => {
    const { page, context, foreign, errors } = await open();
    await take(page, 'PHQ-9');
    assert.equal(await activeId(page), 'byr-checks-name', 'focus moves to the check');
    assert.match(await checks(page).innerText(), /Question 1 of 9/);
    assert.match(await checks(page).innerText(), /Over the last 2 weeks/);
    assert.match(await checks(page).locator('.check-source').innerText(), /Pfizer/);
    assert.equal(await comesBefore(page, 'section.panel > .intro', '#byr-help'), true, 'help after the intro before any answer');
    // Items 1–8: one item at 2, the rest 0. Item 9: 1. Total 3 (which alone would be "minimal").
    await answerAll(page, [0, 0, 2, 0, 0, 0, 0, 0]);
    assert.equal(await activeId(page), 'byr-checks-question', 'focus follows to each new question');
    assert.doesNotMatch(await panelText(page), /minimal/i);
    await answer(page, 1);
    // Crisis help moves first at once, before the flow has even ended (the difficulty item comes next).
    assert.equal(await comesBefore(page, '#byr-help', '#byr-checks'), true, 'help before the self-checks');
    assert.equal(await comesBefore(page, '#byr-help', 'section.panel > .intro'), true, 'help before the intro');
    assert.match(await checks(page).innerText(), /You said you have had thoughts of death/);
    assert.match(await panel(page).locator('#byr-help-message').innerText(), /\S/, 'the help section speaks');
    assert.doesNotMatch(await panel(page).locator('#byr-help-message').innerText(), /someone else/);
    // Nothing was typed in the check-in box: the message speaks of the answers, not of what was "written".
    assert.match(await panel(page).locator('#byr-help-message').innerText(), /^Your answers suggest you may be going through something serious/);
    assert.doesNotMatch(await panel(page).locator('#byr-help-message').innerText(), /putting that into words|What you wrote/);
    assert.doesNotMatch(await panelText(page), /minimal/i);
    await answer(page, 0); // "how difficult": asked because some item was above 0
    assert.equal(await activeId(page), 'byr-checks-result', 'focus moves to the result');
    const result = await checks(page).innerText();
    assert.match(result, /Your result/);
    assert.ok(result.indexOf('You said you have had thoughts of death') < result.indexOf('not a diagnosis'), 'crisis lead on top');
    assert.doesNotMatch(result, /Your score/, 'no score beside a crisis-first result');
    assert.doesNotMatch(await panelText(page), /minimal|mild|negative/i);
    assert.equal(await checks(page).getByRole('button', { name: 'Take the ASQ', exact: true }).count(), 1, 'ASQ offered');
    assert.equal(await comesBefore(page, '#byr-help', '#byr-checks'), true);
    // The offered ASQ starts from the result; the help stays first while it is answered.
    await take(page, 'ASQ');
    assert.match(await checks(page).innerText(), /Ask Suicide-Screening Questions/);
    assert.equal(await comesBefore(page, '#byr-help', '#byr-checks'), true, 'starting the ASQ keeps help first');
    assert.deepEqual(await storageTrace(page), CLEAN);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('ASQ with one yes and "right now" = yes puts the emergency number first', async () => {
    const { page, context, foreign, errors } = await open();
    await take(page, 'ASQ');
    assert.match(await checks(page).locator('.check-source').innerText(), /National Institute of Mental Health/);
    assert.equal(
      await checks(page).locator('.check-source a').getAttribute('href'),
      'https://www.nimh.nih.gov/research/research-conducted-at-nimh/asq-toolkit-materials',
    );
    assert.equal(await checks(page).getByRole('button', { name: "I'd rather not answer" }).count(), 1);
    await answer(page, 1); // yes to item 1
    assert.equal(await comesBefore(page, '#byr-help', '#byr-checks'), true, 'any positive moves help first');
    await answerAll(page, [0, 0, 0]);
    assert.match(await checks(page).innerText(), /Question 5 of 5/);
    await answer(page, 1); // yes: thoughts right now
    const first = panel(page).locator('#byr-help-cards > li:first-child a[href="tel:911"]');
    assert.equal(await first.count(), 1, 'the emergency number is the first card');
    assert.match(await panel(page).locator('#byr-help-message').innerText(), /^Your answers suggest it is important to talk to someone right now/);
    assert.equal(await comesBefore(page, '#byr-help', 'section.panel > .intro'), true);
    const result = await checks(page).innerText();
    assert.match(result, /Positive screen: thoughts of suicide right now/);
    assert.match(result, /call your local emergency number/);
    assert.doesNotMatch(await panelText(page), /Negative screen|minimal/i);
    // Start over wipes the answers and the signal: help goes back below the check-in box.
    await checks(page).getByRole('button', { name: 'Start over' }).click();
    assert.match(await checks(page).innerText(), /Question 1 of 4/);
    assert.equal(await comesBefore(page, 'section.panel > .intro', '#byr-help'), true, 'help no longer first');
    assert.equal(await checks(page).locator('input:checked').count(), 0);
    assert.deepEqual(await storageTrace(page), CLEAN);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('PHQ-9 total 16 with item 9 = 0: the prompts turn gentle, with help close by', async () => {
    const { page, context, foreign, errors } = await open();
    const prompts = panel(page).locator('section.prompts');
    const GENTLE_NOW = 'Here are some gentle prompts. Help is close by if you need it.';
    assert.equal(await prompts.getByText(GENTLE_NOW).count(), 0, 'no gentle-now note before the check');
    await take(page, 'PHQ-9');
    await answerAll(page, [2, 2, 2, 2, 2, 2, 2, 2, 0, 1]); // total 16, item 9 = 0, then "how difficult"
    assert.match(await checks(page).innerText(), /Your score: 16 of 27/);
    assert.equal(await prompts.getByText(GENTLE_NOW).count(), 1, 'the prompts say they are gentle now');
    assert.equal(await panel(page).locator('#byr-help-message').innerText(), '', 'no suicide item: no crisis wording');
    const another = prompts.getByRole('button', { name: 'Another prompt' });
    for (let i = 0; i <= 15; i++) {
      assert.equal(await prompts.locator('.prompt-card').getAttribute('data-intensity'), 'gentle', `prompt ${i}`);
      assert.equal(await prompts.locator('.prompt-card .caution').count(), 0);
      if (i < 15) await another.click();
    }
    // Starting the PHQ-9 over sets its total aside: the prompts are no longer held to gentle ones.
    await checks(page).getByRole('button', { name: 'Start over' }).click();
    assert.equal(await prompts.getByText(GENTLE_NOW).count(), 0, 'the note goes with the score');
    assert.deepEqual(await storageTrace(page), CLEAN);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('after every flow: no storage, no cookies, no request to another origin', async () => {
    const { page, context, foreign, requests } = await open();
    await take(page, 'PHQ-2');
    await answerAll(page, [3, 3]);
    await take(page, 'PHQ-9');
    await answerAll(page, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await checks(page).getByRole('button', { name: 'Choose another check' }).click();
    await take(page, 'GAD-2');
    await checks(page).getByRole('button', { name: 'Skip' }).click();
    await answer(page, 0);
    assert.match(await checks(page).innerText(), /Some questions were skipped, so there is no score\./);
    assert.equal(await checks(page).getByRole('button', { name: /^Take the / }).count(), 0, 'nothing offered after an incomplete GAD-2');
    await checks(page).getByRole('button', { name: 'Choose another check' }).click();
    await take(page, 'ASQ');
    await checks(page).getByRole('button', { name: "I'd rather not answer" }).click();
    await answerAll(page, [0, 0, 0, 0]);
    await page.waitForTimeout(200);
    assert.deepEqual(await storageTrace(page), CLEAN);
    assert.deepEqual(foreign, []);
    for (const url of requests) assert.ok(url.startsWith(demo.server.origin + '/'), url);
    await context.close();
  });

  test('keyboard only: the PHQ-2 with Tab, Space, Enter and arrow keys', async () => {
    const { page, context } = await open();
    const active = () => page.evaluate(() => {
      const el = document.querySelector('before-you-rely').shadowRoot.activeElement;
      return el ? { tag: el.tagName, text: el.textContent, id: el.id, type: el.type ?? '', value: el.value ?? '' } : null;
    });
    const tabTo = async (predicate, what) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const a = await active();
        if (a && predicate(a)) return a;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Take the PHQ-2', 'Take the PHQ-2');
    await page.keyboard.press('Enter');
    assert.equal((await active()).id, 'byr-checks-name');
    // Question 1: Tab into the group, arrow down twice ("More than half the days" = 2), Tab to Next, Enter.
    await tabTo((a) => a.type === 'radio', 'the first choice');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await active()).value, '2');
    await tabTo((a) => a.text === 'Next', 'Next');
    await page.keyboard.press('Enter');
    assert.equal((await active()).id, 'byr-checks-question');
    assert.match(await checks(page).innerText(), /Question 2 of 2/);
    // Back with the keyboard, the earlier answer is still ticked; then forward again with Space.
    await tabTo((a) => a.text === 'Back', 'Back');
    await page.keyboard.press('Space');
    assert.match(await checks(page).innerText(), /Question 1 of 2/);
    assert.equal(await checks(page).locator('input:checked').getAttribute('value'), '2');
    await tabTo((a) => a.text === 'Next', 'Next');
    await page.keyboard.press('Space');
    // Question 2: Space ticks the first choice, arrow down to "Several days" (1).
    await tabTo((a) => a.type === 'radio', 'the first choice');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await tabTo((a) => a.text === 'Next', 'Next');
    await page.keyboard.press('Enter');
    assert.equal((await active()).id, 'byr-checks-result');
    const result = await checks(page).innerText();
    assert.match(result, /Your score: 3 of 6 — at or above the screening cut-off/);
    assert.equal(await checks(page).getByRole('button', { name: 'Take the PHQ-9', exact: true }).count(), 1);
    // Skip and Start over are reachable too.
    await tabTo((a) => a.text === 'Start over', 'Start over');
    await page.keyboard.press('Enter');
    assert.match(await checks(page).innerText(), /Question 1 of 2/);
    await tabTo((a) => a.text === 'Skip', 'Skip');
    await page.keyboard.press('Enter');
    assert.match(await checks(page).innerText(), /Question 2 of 2/);
    await context.close();
  });

  test('Next with nothing ticked asks for an answer and keeps the question', async () => {
    const { page, context } = await open();
    await take(page, 'GAD-2');
    await checks(page).getByRole('button', { name: 'Next', exact: true }).click();
    assert.match(await checks(page).innerText(), /Please choose an answer first/);
    assert.match(await checks(page).innerText(), /Question 1 of 2/);
    assert.equal((await page.evaluate(() => document.querySelector('before-you-rely').shadowRoot.activeElement?.type)), 'radio');
    await context.close();
  });

  test('follow-ups and band boundaries', async () => {
    const { page, context } = await open();
    // PHQ-2 ≥ 3 offers the PHQ-9, and the button starts it.
    await take(page, 'PHQ-2');
    await answerAll(page, [2, 1]);
    assert.match(await checks(page).innerText(), /worth taking the full PHQ-9/);
    await take(page, 'PHQ-9');
    assert.match(await checks(page).innerText(), /Question 1 of 9/);
    // PHQ-9 total 10 (item 9 = 0): "moderate", talk with a professional.
    await answerAll(page, [3, 3, 3, 1, 0, 0, 0, 0, 0, 1]);
    let result = await checks(page).innerText();
    assert.match(result, /Your score: 10 of 27 — moderate/);
    assert.match(result, /talking with a doctor or a licensed mental-health professional/);
    assert.equal(await checks(page).getByRole('button', { name: 'Take the ASQ', exact: true }).count(), 0);
    assert.equal(await comesBefore(page, 'section.panel > .intro', '#byr-help'), true, 'no crisis signal: help stays where it was');
    // One below: 9 is "mild".
    await checks(page).getByRole('button', { name: 'Start over' }).click();
    await answerAll(page, [3, 3, 3, 0, 0, 0, 0, 0, 0, 1]);
    assert.match(await checks(page).innerText(), /Your score: 9 of 27 — mild/);
    // GAD-2 ≥ 3 offers the GAD-7; GAD-2 below 3 does not.
    await checks(page).getByRole('button', { name: 'Choose another check' }).click();
    await take(page, 'GAD-2');
    await answerAll(page, [3, 0]);
    result = await checks(page).innerText();
    assert.match(result, /worth taking the full GAD-7/);
    assert.equal(await checks(page).getByRole('button', { name: 'Take the GAD-7', exact: true }).count(), 1);
    await checks(page).getByRole('button', { name: 'Start over' }).click();
    await answerAll(page, [1, 1]);
    assert.match(await checks(page).innerText(), /Your score: 2 of 6 — below the screening cut-off/);
    assert.equal(await checks(page).getByRole('button', { name: 'Take the GAD-7', exact: true }).count(), 0);
    await context.close();
  });

  test('axe: no WCAG 2.2 A/AA violations with a question and with a result on screen', async () => {
    const { page, context } = await open();
    const axe = async (when) => {
      await assertAccessible(page, when);
    };
    await take(page, 'PHQ-9');
    await axe('question');
    await answerAll(page, [0, 0, 2, 0, 0, 0, 0, 0]);
    await checks(page).locator('fieldset.question input[value="1"]').check();
    await axe('question with a choice ticked');
    await checks(page).getByRole('button', { name: 'Next', exact: true }).click();
    await axe('question after a crisis answer');
    await answer(page, 0);
    await axe('crisis result');
    await take(page, 'ASQ');
    await answerAll(page, [0, 0, 0, 0]);
    await axe('ASQ result');
    await checks(page).getByRole('button', { name: 'Choose another check' }).click();
    await take(page, 'GAD-7');
    await answerAll(page, [1, 1, 1, 1, 1, 1, 1, 1]);
    await axe('GAD-7 result');
    await context.close();
  });

  test('lang="es": the PHQ-9 and its controls in Spanish', async () => {
    const { page, context } = await open('es');
    const section = checks(page);
    await assert.doesNotReject(section.getByRole('heading', { name: 'Autoevaluaciones' }).waitFor());
    assert.match(await section.innerText(), /Este es un cuestionario de detección, no un diagnóstico\./);
    await section.getByRole('button', { name: 'Responder el PHQ-9', exact: true }).click();
    const text = await section.innerText();
    assert.match(text, /Poco interés o placer en hacer cosas/);
    assert.match(text, /Pregunta 1 de 9/);
    assert.match(text, /Durante las últimas 2 semanas/);
    assert.equal(await section.getByRole('radio', { name: 'Ningún día' }).count(), 1);
    assert.equal(await section.getByRole('button', { name: 'Siguiente' }).count(), 1);
    // Switching language mid-check keeps the place and re-words it.
    await section.locator('fieldset.question input[value="1"]').check();
    await section.getByRole('button', { name: 'Siguiente' }).click();
    await page.$eval('before-you-rely', (el) => el.setAttribute('lang', 'en'));
    await assert.doesNotReject(section.getByText('Question 2 of 9').waitFor());
    assert.match(await section.innerText(), /Feeling down, depressed, or hopeless/);
    await context.close();
  });
});
