// Types for the <before-you-rely> element module.

/** Resolves once the engine (engine_bg.wasm) is loaded; every panel on the page shares it. */
export function ready(): Promise<unknown>;

/** The `<before-you-rely>` element. Attributes: `lang` ("en" | "es"), `country` (ISO 3166-1 alpha-2). */
export class BeforeYouRelyElement extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): Promise<void>;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'before-you-rely': BeforeYouRelyElement;
  }
  interface HTMLElementEventMap {
    /** The panel has rendered. */
    'before-you-rely:ready': CustomEvent<void>;
  }
}
