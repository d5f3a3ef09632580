// Types for the <before-you-rely> element module.

/** Resolves once the engine (engine_bg.wasm) is loaded; every panel on the page shares it. */
export function ready(): Promise<unknown>;

export type Level = 'none' | 'support' | 'concern' | 'urgent' | 'emergency';
export type Category = 'suicide' | 'self_harm' | 'abuse' | 'sexual_violence' | 'harm_to_others' | 'psychosis' | 'overdose';

/** One finding. `start`/`end` are UTF-16 offsets into the screened text (ready for `String#slice`). */
export interface Evidence {
  category: Category;
  level: Level;
  subject: 'self' | 'other';
  rule: string;
  start: number;
  end: number;
}

export interface Screening {
  level: Level;
  categories: Category[];
  evidence: Evidence[];
}

/** Screens text for crisis language on the device. Call after `await ready()`. */
export function screen(text: string, options?: { lang?: 'en' | 'es' }): Screening;

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
