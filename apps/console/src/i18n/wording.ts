import { formatDate, inLocale, labelOf, localize, westernYear, type CodeList, type IsoDate, type Locale, type Refusal, type Text } from '@madoguchi/domain';
import { useLocaleState } from 'react-admin';

/** The console's language now (Japanese unless the user chose English). */
export function useLocale(): Locale {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'ja';
}

/**
 * Wording the domain produces, in the console's language: checklist lines and alternatives
 * (`Text`), code labels (states, routes, PINs, document types), refusals by their code, dates.
 */
export function useWording() {
  const locale = useLocale();
  return {
    locale,
    text: (value: Text) => inLocale(value, locale),
    label: <T extends string>(list: CodeList<T>, value: T) => labelOf(list, value, locale),
    refusal: (r: Pick<Refusal, 'code' | 'message' | 'params'>) => localize(r, locale),
    date: (date: IsoDate) => formatDate(date, locale),
    westernDate: (date: IsoDate) => westernYear(date, locale),
    /** Items of a list: 「A、B」 or "A, B". */
    list: (items: readonly string[]) => items.join(locale === 'en' ? ', ' : '、'),
    /** An aside: 「（…）」 or " (…)". */
    aside: (inner: string) => (locale === 'en' ? ` (${inner})` : `（${inner}）`),
    /** Between a label and its value: 「：」 or ": ". */
    colon: locale === 'en' ? ': ' : '：',
    /** Between two facts on one line: 「 ・ 」 or " · ". */
    dot: locale === 'en' ? ' · ' : ' ・ ',
  };
}

/** A code list as react-admin choices in the console's language: the code as id, its label as name. */
export function useChoices() {
  const locale = useLocale();
  return <T extends string>(list: CodeList<T>) => list.values.map((id) => ({ id, name: labelOf(list, id, locale) }));
}
