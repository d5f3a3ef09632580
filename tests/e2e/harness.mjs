// Shared by the end-to-end tests: the demo server on a free loopback port, Debian's Chromium through
// playwright-core, and a page that records every request and every storage write it sees.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function freePort() {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  return port;
}

/** Starts scripts/serve.mjs (www/ + dist/) and resolves to its origin. */
export async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('demo:') && resolve());
    child.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Runs in every page before its scripts: records cookie and storage writes the page attempts.
function recordWrites() {
  const writes = [];
  Object.defineProperty(window, '__byrWrites', { value: writes });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) { writes.push(`storage:${k}`); return setItem.call(this, k, v); };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    get() { return cookie.get.call(this); },
    set(v) { writes.push(`cookie:${v}`); cookie.set.call(this, v); },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, ...rest) { writes.push(`indexeddb:${name}`); return open.call(this, name, ...rest); };
  if (navigator.serviceWorker) {
    // Service workers are opt-in for a host; the widget itself must not register one.
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (url, ...rest) => { writes.push(`serviceworker:${url}`); return register(url, ...rest); };
  }
}

/**
 * A fresh context and page. Every request is recorded; any request that is not to `origin` is
 * aborted and kept in `foreign`, so a test can assert there were none.
 */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', timezoneId: options.timezoneId, ...options.context });
  await context.addInitScript(recordWrites);
  const page = await context.newPage();
  const requests = [];
  const foreign = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    foreign.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, requests, foreign, errors };
}

/** Waits until the element has rendered its panel (or fallen back). Returns its data-state. */
export async function panelState(page, selector = 'before-you-rely') {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el && (el.dataset.state === 'ready' || el.dataset.state === 'fallback');
  }, selector, { timeout: 15000 });
  return page.$eval(selector, (el) => el.dataset.state);
}

/** Everything a page could have left behind: cookies, Web Storage, IndexedDB databases, recorded writes. */
export async function storageTrace(page) {
  const cookies = await page.context().cookies();
  const inPage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).map((d) => d.name),
    writes: window.__byrWrites ?? [],
    cookie: document.cookie,
  }));
  return { cookies: cookies.length, ...inPage };
}

/** Every focusable, visible control in the panel's shadow root (as short HTML snippets). */
export function panelControls(page, selector = 'before-you-rely') {
  return page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    return [...root.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')]
      .filter((e) => !e.disabled && e.checkVisibility())
      .map((e) => e.outerHTML.slice(0, 100));
  }, selector);
}

/**
 * Presses Tab (and Enter on a closed disclosure, so what it folds becomes reachable) until focus
 * leaves the page; returns the set of panel controls that received focus.
 */
export async function tabThroughPanel(page, selector = 'before-you-rely', limit = 400) {
  const reached = new Set();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate((s) => {
      const el = document.querySelector(s).shadowRoot.activeElement;
      if (!el) return null;
      const closedSummary = el.tagName === 'SUMMARY' && !el.parentElement.open;
      return { html: el.outerHTML.slice(0, 100), closedSummary };
    }, selector);
    if (focus) {
      reached.add(focus.html);
      if (focus.closedSummary) {
        await page.keyboard.press('Enter');
        reached.add(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.outerHTML.slice(0, 100), selector));
      }
    } else if (reached.size > 0) {
      break; // focus has moved past the panel
    }
  }
  return reached;
}

/** The WCAG 2.2 A/AA rule tags every accessibility check runs. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe on the widget (open shadow roots included) and asserts no WCAG 2.2 A/AA violation.
 * `when` labels the state in a failure message.
 */
export async function assertAccessible(page, when = '', selector = 'before-you-rely') {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${when} ${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`.trim());
  assert.deepEqual(found, []);
  assert.ok(results.passes.length > 0, 'axe ran');
}

/**
 * Starts the demo server and Chromium once for a test file (node:test before/after hooks) and
 * returns `{ server, browser }`, filled in when the hooks have run.
 */
export function useDemo() {
  const demo = { server: null, browser: null };
  before(async () => {
    demo.server = await startServer();
    demo.browser = await launch();
  });
  after(async () => {
    await demo.browser?.close();
    demo.server?.stop();
  });
  return demo;
}
