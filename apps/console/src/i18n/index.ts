import * as japaneseModule from '@bicstone/ra-language-japanese';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { en } from './en';
import { ja } from './ja';

// Under Vite the package's CommonJS default export arrives as the module object.
const japaneseMessages = ((japaneseModule as { default?: unknown }).default ?? japaneseModule) as typeof englishMessages;

export const messages = {
  ja: { ...japaneseMessages, ...ja },
  en: { ...englishMessages, ...en },
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.ja), 'ja', [
  { locale: 'ja', name: ja.madoguchi.language.ja },
  { locale: 'en', name: ja.madoguchi.language.en },
]);
