import { hasKanji, katakanaOf, nameSearchKey } from './names';
import { formatReceiptNumber, parseReceiptNumber, readInquiryNumber } from './numbers';

/**
 * What a search box entry can mean: an exact receipt number, an inquiry number (typed loosely),
 * the start of a kana name (hiragana read as katakana), or the start of a name as written (kanji,
 * a common form finding its variants). Only the readings the entry fits are searched, which keeps
 * each search on its index; the console says which readings it took.
 */
export interface SearchReading {
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
    ...(receipt ? { receiptNumber: formatReceiptNumber(receipt.officeCode, receipt.year, receipt.sequence) } : {}),
    ...(inquiry.ok ? { inquiryNumber: inquiry.value } : {}),
    ...(/^[\u30A0-\u30FF]+$/.test(kana) ? { kana } : {}),
    ...(hasKanji(q) ? { name: nameSearchKey(q) } : {}),
  };
}

/** Whether an entry means anything to search for (an entry that is none of them finds nothing). */
export function isSearchable(reading: SearchReading): boolean {
  return Object.keys(reading).length > 0;
}
