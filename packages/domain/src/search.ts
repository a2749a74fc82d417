import { hasKanji, katakanaOf, nameSearchKey } from './names';
import { formatReceiptNumber, parseReceiptNumber, readInquiryNumber } from './numbers';

/**
 * What a search box entry can mean: an exact receipt number, an inquiry number (typed loosely),
 * the start of a kana name (hiragana read as katakana), or the start of a name as written (kanji,
 * a common form finding its variants). Only the readings the entry fits are searched, which keeps
 * each search on its index; the console says which readings it took.
 */
export interface SearchReading {
  /** As stored when typed with its municipality's code (`131083-HQ-2026-00042`); else the rest (`HQ-2026-00042`), which the caller's municipality completes. */
  receiptNumber?: string;
  inquiryNumber?: string;
  kana?: string;
  /** The name's search key (see `nameSearchKey`): matched against the start of family + given name. */
  name?: string;
}

export function readSearch(q: string): SearchReading {
  const receipt = parseReceiptNumber(q);
  const inquiry = readInquiryNumber(q);
  const kana = katakanaOf(q).replace(/[\s\u3000]/g, '');
  return {
    ...(receipt ? { receiptNumber: receiptReading(receipt) } : {}),
    ...(inquiry.ok ? { inquiryNumber: inquiry.value } : {}),
    ...(/^[\u30A0-\u30FF]+$/.test(kana) ? { kana } : {}),
    ...(hasKanji(q) ? { name: nameSearchKey(q) } : {}),
  };
}

function receiptReading(receipt: NonNullable<ReturnType<typeof parseReceiptNumber>>): string {
  const { municipalityCode, officeCode, year, sequence } = receipt;
  if (municipalityCode) return formatReceiptNumber(municipalityCode, officeCode, year, sequence);
  // The same number without the municipality's code: formatted with a placeholder code, then cut.
  return formatReceiptNumber('000000', officeCode, year, sequence).slice('000000-'.length);
}

/** Whether a search's receipt number carries its municipality's code (else the caller's completes it). */
export function receiptNumberHasMunicipality(receiptNumber: string): boolean {
  return parseReceiptNumber(receiptNumber)?.municipalityCode !== undefined;
}

/** Whether an entry means anything to search for (an entry that is none of them finds nothing). */
export function isSearchable(reading: SearchReading): boolean {
  return Object.keys(reading).length > 0;
}
