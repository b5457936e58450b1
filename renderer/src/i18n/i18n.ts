import type { ReactiveController, ReactiveControllerHost } from 'lit';

/*
 * Simplified Chinese first, English switchable (issue #5). Each component keeps its own messages
 * next to its code (defineMessages) so screens stay independent; a LocaleController re-renders a
 * component when the language changes. Messages from the main side (errors, preflight) are
 * written in Chinese there and are shown as they come.
 */

export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'campaign-studio.locale';

function stored(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Locale = stored();
const listeners = new Set<() => void>();

export const locale = (): Locale => current;

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or storage full: the switch still holds for this session.
  }
  document.documentElement.lang = next;
  for (const l of [...listeners]) l();
}

export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export interface Message {
  zh: string;
  en: string;
}

/**
 * A component's messages: `t('key', { n: 3 })` gives the current language's text with {n}
 * replaced. Keys are checked by TypeScript, so a missing translation fails the build.
 */
export function defineMessages<K extends string>(messages: Record<K, Message>) {
  return (key: K, params: Record<string, string | number> = {}): string => {
    const m = messages[key];
    const text = current === 'en' ? m.en : m.zh;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Re-renders its host when the language changes. */
export class LocaleController implements ReactiveController {
  private off: (() => void) | undefined;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.off = onLocaleChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.off?.();
  }
}
