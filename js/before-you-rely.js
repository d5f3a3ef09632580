// <before-you-rely>: the custom element. The class is JavaScript because wasm-bindgen cannot extend
// HTMLElement from Rust; everything it shows comes from the Rust engine through `mount`.
// If anything fails (the .wasm 404s, a CSP blocks WebAssembly, an old browser, a panic), the light-DOM
// fallback content written inside the tag by the host stays visible: it always carries crisis help.
import init, { mount, screenWords } from './engine.js';

// The engines, for programmatic use once `ready()` has resolved (see README "JavaScript API").
export { prompts, resources } from './engine.js';

// `screen` reads the engine's result straight from wasm memory (see `screen_words` in src/web/api.rs):
// u32 words, strings as address + length of text that never moves, decoded once and kept here.
let memory = null;
let words = null;
let bytes = null;
const names = new Map();
const utf8 = new TextDecoder();

function name(i) {
  const at = words[i];
  const key = at + words[i + 1] * 2 ** 32;
  let s = names.get(key);
  if (s === undefined) names.set(key, (s = utf8.decode(bytes.subarray(at, at + words[i + 1]))));
  return s;
}

/** `screen(text, {lang})` → `{level, categories, evidence, distress}` (spans in UTF-16 units). */
export function screen(text, options) {
  const lang = typeof options?.lang === 'string' ? options.lang : undefined;
  let i = screenWords(String(text ?? ''), lang) >>> 2;
  if (!words?.length) {
    // First call, or the memory grew (which detaches the old views).
    words = new Uint32Array(memory.buffer);
    bytes = new Uint8Array(memory.buffer);
  }
  const level = name(i);
  const categories = [];
  for (let n = words[i + 2], j = 0; j < n; j++) categories.push(name(i + 3 + 2 * j));
  i += 3 + 2 * words[i + 2];
  const evidence = [];
  for (let n = words[i++]; n > 0; n--, i += 10) {
    evidence.push({ category: name(i), level: name(i + 2), subject: name(i + 4), rule: name(i + 6), start: words[i + 8], end: words[i + 9] });
  }
  const distress = [];
  for (let n = words[i++]; n > 0; n--, i += 4) distress.push({ rule: name(i), start: words[i + 2], end: words[i + 3] });
  return { level, categories, evidence, distress };
}

performance.mark('byr:import');

const TAG = 'before-you-rely';
let loading = null;

/** Loads and instantiates the engine once per page, however many panels there are. */
export function ready() {
  loading ??= init({ module_or_path: new URL('./engine_bg.wasm', import.meta.url) }).then((exports) => {
    memory = exports.memory;
    return exports;
  });
  return loading;
}

/** Shows the host's fallback content again: the shadow root holds only a slot for the light DOM. */
function showFallback(element, error) {
  element.shadowRoot.replaceChildren(document.createElement('slot'));
  element.setAttribute('data-state', 'fallback');
  console.warn(`<${TAG}>: showing the fallback content:`, error);
}

export class BeforeYouRelyElement extends HTMLElement {
  static observedAttributes = ['lang', 'country', 'hold-at'];

  #panel = null;
  #config = undefined;

  constructor() {
    super();
    // Until the panel renders, the slot shows the host's fallback content.
    this.attachShadow({ mode: 'open' }).append(document.createElement('slot'));
  }

  async connectedCallback() {
    try {
      await ready();
      if (!this.isConnected || this.#panel) return;
      this.#panel = mount(this, this.shadowRoot);
      if (this.#config !== undefined) this.#panel.setConfig(this.#config);
      this.setAttribute('data-state', 'ready');
      performance.mark('byr:rendered');
      this.dispatchEvent(new CustomEvent(`${TAG}:ready`, { bubbles: true, composed: true }));
    } catch (error) {
      this.#panel = null;
      showFallback(this, error);
    }
  }

  disconnectedCallback() {
    this.#panel?.free();
    this.#panel = null;
  }

  attributeChangedCallback() {
    this.#guard(() => this.#panel?.attributeChanged());
  }

  /** Host config (same shape as the JSON `<script type="application/json">` child). */
  get config() {
    return this.#config;
  }

  set config(value) {
    this.#config = value;
    this.#guard(() => this.#panel?.setConfig(value));
  }

  /**
   * Screens a message the host is about to send. Resolves true when it may be sent, false when the
   * person chose to talk to someone instead. Never rejects: if the engine is unavailable, it resolves true.
   */
  async check(text) {
    try {
      await ready();
      if (!this.#panel) return true;
      return await this.#panel.check(String(text ?? ''));
    } catch (error) {
      showFallback(this, error);
      return true;
    }
  }

  #guard(call) {
    if (!this.#panel) return;
    try {
      call();
    } catch (error) {
      this.#panel = null;
      showFallback(this, error);
    }
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, BeforeYouRelyElement);
}
