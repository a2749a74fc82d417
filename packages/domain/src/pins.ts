import type { Pin } from './codes';

/**
 * The format of each PIN, as data for the console's guidance text (what the resident must choose
 * at the terminal). No function here takes or returns a PIN value: the system never holds one.
 */
export interface PinFormat {
  description: string;
  locksAfterWrongTries: number;
}

export const PIN_FORMAT: Readonly<Record<Pin, PinFormat>> = {
  signature: { description: '英大文字（A〜Z）と数字（0〜9）を組み合わせた6〜16桁（英字と数字をそれぞれ1つ以上）', locksAfterWrongTries: 5 },
  user_auth: { description: '数字4桁', locksAfterWrongTries: 3 },
  resident_registry: { description: '数字4桁', locksAfterWrongTries: 3 },
  card_info: { description: '数字4桁', locksAfterWrongTries: 3 },
};
