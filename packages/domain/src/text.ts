/** The console's two languages: Japanese (the counter's own) and English. */
export type Locale = 'ja' | 'en';

/** A piece of wording in both languages, for text the rules themselves produce (checklist lines, labels). */
export interface Text {
  ja: string;
  en: string;
}

export const text = (ja: string, en: string): Text => ({ ja, en });

/** The wording for `locale` (Japanese unless English is asked for). */
export function inLocale(value: Text, locale: Locale | string | undefined): string {
  return locale === 'en' ? value.en : value.ja;
}
