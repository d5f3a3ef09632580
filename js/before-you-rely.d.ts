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

/** A way to reach a human, as shipped in the widget's verified data. */
export interface Line {
  name: string;
  phone: string | null;
  /** Menu option to choose once connected ("press 2"). */
  phone_option: string | null;
  phone_dial: string | null;
  sms: string | null;
  sms_keyword: string | null;
  sms_dial: string | null;
  whatsapp: string | null;
  chat_url: string | null;
  url: string | null;
  topics: string[];
  audience: string | null;
  hours: string | null;
  languages: string[];
  /** "secondary" lines are shown with "please check this number". */
  status: 'confirmed' | 'secondary';
  last_verified: string;
  source: string;
}

export type Resource =
  | { kind: 'emergency'; number: string; dial: string; service: string | null; also: { number: string; dial: string; service: string | null }[]; source: string; last_verified: string }
  | { kind: 'emergency_guidance' }
  | ({ kind: 'line' } & Line)
  | ({ kind: 'host_line' } & Partial<Line> & { name: string })
  | { kind: 'find_a_helpline'; url: string };

/** The ordered help for a country (ISO 3166-1 alpha-2), as the panel shows it. Call after `await ready()`. */
export function resources(
  country: string,
  options?: { categories?: Category[]; level?: Level; lang?: 'en' | 'es'; topic?: string },
): Resource[];

export interface Prompt {
  id: string;
  lang: 'en' | 'es';
  exercise: string;
  themes: string[];
  intensity: 'gentle' | 'reflective' | 'deep';
  minutes: number;
  text: string;
}

export interface PromptSelection {
  prompts: { prompt: Prompt; source: string | null; caution: string | null }[];
  distress: 'low' | 'moderate' | 'high';
  /** Keep crisis help visible next to the prompts. */
  show_help: boolean;
  deep_withheld: boolean;
  theme: string | null;
  theme_fell_back: boolean;
  pool_size: number;
  cycle_restarted: boolean;
}

/**
 * Journaling prompts for a state; gentler when `level` is concern or above. Deterministic for a seed;
 * pass the ids already shown in `history` so nothing repeats until the pool is used up.
 */
export function prompts(options?: {
  lang?: 'en' | 'es';
  level?: Level;
  theme?: string;
  count?: number;
  seed?: number;
  history?: string[];
  deep?: boolean;
}): PromptSelection;

/** Host configuration: the JSON `<script type="application/json">` child, or the `config` property. */
export interface Config {
  /** Switch sections off (the help section cannot be switched off). */
  sections?: Partial<Record<'checkin' | 'checks' | 'prompts' | 'ai' | 'human', boolean>>;
  /** Guard mode holds a message at or above this level (default "urgent"). */
  holdAt?: 'concern' | 'urgent' | 'emergency';
  /** Where "Leave quickly" goes (https only). */
  exitUrl?: string;
  /** The host's own "find a therapist" directory (https only). */
  directoryLink?: { label: string; url: string };
  /** The host's own lines (e.g. its counselling service): validated, shown as text. */
  resources?: { name: string; phone?: string; phone_option?: string; sms?: string; sms_keyword?: string; chat_url?: string; url?: string; topics?: string[]; hours?: string; languages?: string[]; country?: string }[];
  /** Replace the shipped lines for the country instead of adding to them (the emergency number stays). */
  replaceResources?: boolean;
  /** Override UI strings by key (see data/ui/<lang>/*.toml), as plain text. */
  strings?: Record<string, string>;
}

/**
 * The `<before-you-rely>` element. Attributes: `lang` ("en" | "es"), `country` (ISO 3166-1 alpha-2),
 * `mode="guard"` with `for="<input id>"` and `hold-at` ("concern" | "urgent" | "emergency").
 */
export class BeforeYouRelyElement extends HTMLElement {
  static observedAttributes: string[];
  config: Config | undefined;
  /** Screens a message before the host sends it: true = send, false = the person chose to talk to someone. */
  check(text: string): Promise<boolean>;
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
    /** After every check (typing in the panel, or a guarded send). Never carries the text. */
    'before-you-rely:screen': CustomEvent<{ level: Level; categories: Category[]; held: boolean }>;
    /** A help link was used: which line and how. Never a number the person typed. */
    'before-you-rely:resource': CustomEvent<{ resource: string; kind: 'call' | 'text' | 'chat' | 'web'; country: string }>;
  }
}
