import * as japaneseModule from '@bicstone/ra-language-japanese';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { en } from './en';
import { ja } from './ja';

/**
 * The package is CommonJS with `exports.default`; depending on the bundler its messages arrive as
 * the module, its `default`, or its `default.default`. Unwrap until the messages themselves appear.
 */
export function unwrapMessages(module: unknown): typeof englishMessages {
  let value = module as { ra?: unknown; default?: unknown };
  while (value && !value.ra && value.default) value = value.default as typeof value;
  return value as unknown as typeof englishMessages;
}

const japaneseMessages = unwrapMessages(japaneseModule);

/** react-admin keys newer than the Japanese pack; the completeness test names any that appear. */
const japanesePackGaps = {
  ra: {
    page: { dashboard: 'ホーム' },
    validation: { unique: '既に使われています' },
    guesser: { empty: { title: '表示するデータがありません', message: 'データの取得先を確認してください' } },
  },
};

type Messages = { [key: string]: string | Messages };

function deepMerge(...layers: Messages[]): Messages {
  const out: Messages = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      const current = out[key];
      out[key] = typeof value === 'object' && typeof current === 'object' ? deepMerge(current, value) : value;
    }
  }
  return out;
}

export const messages = {
  ja: deepMerge(japaneseMessages as unknown as Messages, japanesePackGaps, ja) as unknown as typeof englishMessages,
  en: deepMerge(englishMessages as unknown as Messages, en) as unknown as typeof englishMessages,
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.ja), 'ja', [
  { locale: 'ja', name: ja.madoguchi.language.ja },
  { locale: 'en', name: ja.madoguchi.language.en },
]);
