/** An instant from the API (ISO string) as the desk reads it: Japanese style, in Tokyo time whatever the PC's zone. */
export const japanDateTime = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
