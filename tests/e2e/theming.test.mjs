// Theming and layout: the host's custom properties and ::part() rules reach the panel; dark mode and
// reduced motion are respected; at 200% zoom nothing scrolls sideways; dir="rtl" lays it out right to left.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { openPage, panelState, useDemo } from './harness.mjs';

const TEST_PAGE = '/theming-test.html';

const demo = useDemo();

/** A same-origin host page with `css` in its own stylesheet and `attrs` on the element. */
function hostPage({ css = '', attrs = '', htmlAttrs = 'lang="en"' } = {}) {
  return `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Theming</title><link rel="stylesheet" href="/site.css"><style>${css}</style>
<script type="module" src="/widget/before-you-rely.js"></script></head>
<body><main id="content"><h1>Host page</h1><before-you-rely country="US" ${attrs}><p>Fallback: call 988.</p></before-you-rely></main></body></html>`;
}

async function open(page = {}, context = {}) {
  const opened = await openPage(demo.browser, demo.server.origin, { context });
  await opened.page.route(demo.server.origin + TEST_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(page) }));
  await opened.page.goto(demo.server.origin + TEST_PAGE);
  assert.equal(await panelState(opened.page), 'ready');
  return opened;
}

/** Computed style properties of the first element matching `sel` in the shadow root. */
function styleOf(page, sel, props) {
  return page.evaluate(({ sel, props }) => {
    const e = document.querySelector('before-you-rely').shadowRoot.querySelector(sel);
    const cs = getComputedStyle(e);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }, { sel, props });
}

describe('theming', () => {
  test('the host\'s custom properties change the panel', async () => {
    const plain = await open();
    const before = await styleOf(plain.page, '.exit-button', ['border-top-color', 'font-family']);
    await plain.context.close();

    const css = `before-you-rely { --byr-accent: rgb(150, 20, 90); --byr-font: Georgia, serif; --byr-background: rgb(250, 250, 240);
      --byr-color: rgb(10, 20, 30); --byr-radius: 3px; }`;
    const { page, context } = await open({ css });
    const themed = await styleOf(page, '.exit-button', ['border-top-color', 'font-family']);
    assert.notDeepEqual(themed, before);
    assert.equal(themed['border-top-color'], 'rgb(150, 20, 90)');
    assert.match(themed['font-family'], /Georgia/);
    const panel = await styleOf(page, 'section.panel', ['background-color', 'color', 'border-top-left-radius']);
    assert.deepEqual(panel, { 'background-color': 'rgb(250, 250, 240)', color: 'rgb(10, 20, 30)', 'border-top-left-radius': '3px' });
    assert.equal((await styleOf(page, 'a.action.primary', ['background-color']))['background-color'], 'rgb(150, 20, 90)');
    await context.close();
  });

  test('::part(panel) and ::part(help) are styleable from the page', async () => {
    const css = `before-you-rely::part(panel) { border: 5px dashed rgb(0, 128, 0); }
      before-you-rely::part(help) { background-color: rgb(255, 240, 200); outline: 2px solid rgb(1, 2, 3); }`;
    const { page, context } = await open({ css });
    const panel = await styleOf(page, '[part~="panel"]', ['border-top-width', 'border-top-style', 'border-top-color']);
    assert.deepEqual(panel, { 'border-top-width': '5px', 'border-top-style': 'dashed', 'border-top-color': 'rgb(0, 128, 0)' });
    const help = await styleOf(page, '[part~="help"]', ['background-color', 'outline-color']);
    assert.deepEqual(help, { 'background-color': 'rgb(255, 240, 200)', 'outline-color': 'rgb(1, 2, 3)' });
    await context.close();
  });

  test('dark mode switches the colours, and both schemes pass axe colour contrast', async () => {
    const looks = {};
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await open({}, { colorScheme });
      looks[colorScheme] = await styleOf(page, 'section.panel', ['background-color', 'color']);
      const results = await new AxeBuilder({ page }).include('before-you-rely').withRules(['color-contrast']).analyze();
      const violations = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target} ${n.failureSummary}`));
      assert.deepEqual(violations, [], `${colorScheme}: no contrast violations`);
      const all = await new AxeBuilder({ page }).include('before-you-rely').analyze();
      assert.deepEqual(all.violations.map((v) => v.id), [], `${colorScheme}: axe clean`);
      await context.close();
    }
    assert.notEqual(looks.dark['background-color'], looks.light['background-color']);
    assert.notEqual(looks.dark.color, looks.light.color);
  });

  test('reduced motion turns transitions off', async () => {
    const durations = {};
    for (const reducedMotion of ['no-preference', 'reduce']) {
      const { page, context } = await open({}, { reducedMotion });
      durations[reducedMotion] = await page.evaluate(() => [...document.querySelector('before-you-rely').shadowRoot.querySelectorAll('*')]
        .flatMap((e) => getComputedStyle(e).transitionDuration.split(', ').concat(getComputedStyle(e).animationDuration.split(', ')))
        .filter((d) => d !== '0s'));
      await context.close();
    }
    assert.ok(durations['no-preference'].length > 0, 'there is a transition to turn off');
    assert.deepEqual(durations.reduce, [], 'nothing moves');
  });
});

/** Runs in the page: every box in the panel that scrolls sideways or reaches outside the panel. */
function overflow() {
  const root = document.querySelector('before-you-rely').shadowRoot;
  const panel = root.querySelector('section.panel');
  const edge = panel.getBoundingClientRect();
  const bad = [];
  const boxes = [panel, ...root.querySelectorAll('.card, .help, section, .prep, .notice, .crisis-first, details, ul, p, label, textarea, select, button, a')];
  for (const e of boxes) {
    if (!e.checkVisibility()) continue;
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline') bad.push(`${e.localName}.${e.className} scrolls ${e.scrollWidth}>${e.clientWidth}`);
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.left < edge.left - 1 || r.right > edge.right + 1)) bad.push(`${e.localName}.${e.className} outside the panel [${Math.round(r.left)}, ${Math.round(r.right)}] vs [${Math.round(edge.left)}, ${Math.round(edge.right)}]`);
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) bad.push(`the page scrolls sideways ${document.documentElement.scrollWidth}>${document.documentElement.clientWidth}`);
  return bad;
}

describe('layout', () => {
  test('at 200% zoom (a 320 CSS px viewport) nothing scrolls sideways and all text is in view', async () => {
    for (const lang of ['en', 'es']) {
      const { page, context } = await open({ htmlAttrs: `lang="${lang}"` }, { viewport: { width: 320, height: 720 } });
      // Open everything that folds, and the journal's writing box, so they are measured too.
      await page.evaluate(() => { for (const d of document.querySelector('before-you-rely').shadowRoot.querySelectorAll('details')) d.open = true; });
      assert.deepEqual(await page.evaluate(overflow), [], `${lang} at 320px`);
      await context.close();
    }
    // The same at 640 px with CSS zoom 2 on the page.
    const { page, context } = await open({ css: 'html { zoom: 2; }' }, { viewport: { width: 640, height: 720 } });
    assert.deepEqual(await page.evaluate(overflow), [], 'zoom: 2 at 640px');
    await context.close();
  });

  for (const where of ['element', 'page']) {
    test(`dir="rtl" on the ${where} lays the panel out right to left`, async () => {
      const opts = where === 'element' ? { attrs: 'dir="rtl"' } : { htmlAttrs: 'lang="en" dir="rtl"' };
      const { page, context } = await open(opts);
      const layout = await page.evaluate(() => {
        const root = document.querySelector('before-you-rely').shadowRoot;
        const box = (s) => root.querySelector(s).getBoundingClientRect();
        const panel = box('section.panel');
        return {
          direction: getComputedStyle(root.querySelector('section.panel')).direction,
          titleRightGap: panel.right - box('#byr-title').right,
          titleLeftGap: box('#byr-title').left - panel.left,
          titleRightOfButton: box('#byr-title').left > box('.panel-header button').right,
          listPadding: getComputedStyle(root.querySelector('.ai-lists ul')).paddingRight,
        };
      });
      assert.equal(layout.direction, 'rtl');
      assert.ok(layout.titleRightGap < layout.titleLeftGap, `the title starts on the right: ${JSON.stringify(layout)}`);
      assert.ok(layout.titleRightOfButton, 'the header reads right to left');
      assert.notEqual(layout.listPadding, '0px', 'list indents are on the right');
      assert.deepEqual(await page.evaluate(overflow), []);
      await context.close();
    });
  }
});
