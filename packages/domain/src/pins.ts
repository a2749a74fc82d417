import type { Pin } from './codes';
import { text, type Text } from './text';

/**
 * The format of each PIN, as data for the console's guidance text (what the resident must choose
 * at the terminal). No function here takes or returns a PIN value: the system never holds one.
 */
export interface PinFormat {
  description: Text;
  locksAfterWrongTries: number;
}

const FOUR_DIGITS = text('数字4桁', '4 digits');

export const PIN_FORMAT: Readonly<Record<Pin, PinFormat>> = {
  signature: {
    description: text(
      '英大文字（A〜Z）と数字（0〜9）を組み合わせた6〜16桁（英字と数字をそれぞれ1つ以上）',
      '6–16 capital letters (A–Z) and digits (0–9), at least one of each',
    ),
    locksAfterWrongTries: 5,
  },
  user_auth: { description: FOUR_DIGITS, locksAfterWrongTries: 3 },
  resident_registry: { description: FOUR_DIGITS, locksAfterWrongTries: 3 },
  card_info: { description: FOUR_DIGITS, locksAfterWrongTries: 3 },
};
