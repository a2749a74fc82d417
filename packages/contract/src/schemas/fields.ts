import { isIsoDate, isVisibleText, normalizeName, textFormProblems } from '@madoguchi/domain';
import { z } from 'zod';

/**
 * The fields requests are made of, read the way a person types them: widths folded, spaces
 * trimmed, each problem a catalogue code (`kana_only`), never a bare zod message.
 */

/**
 * Text as people type it, refused when it cannot be stored whatever it says: control characters
 * (NUL…), unpaired surrogates, direction overrides (each its own code). Every free-text field of
 * a request starts from it, so such text is refused before anything is written or numbered.
 */
export const plainText = z.string().superRefine((text, ctx) => {
  for (const problem of textFormProblems(text)) ctx.addIssue({ code: 'custom', message: problem });
});

/** Text that must show something: not only spaces and invisible characters. */
export const visibleText = plainText.refine(isVisibleText, { error: 'text_invisible_only' });

/** A calendar day as YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, { error: 'date_malformed' });

/** An id of a row. */
export const uuid = z.uuid({ error: 'uuid_malformed' });

/** Katakana (full-width; half-width is converted), with spaces allowed between words. */
export const kana = visibleText
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(50)
      .regex(/^[\u30A0-\u30FF\u3000 ]+$/, { error: 'kana_only' }),
  );

/** Search text from a list's box. */
export const searchText = (max: number) => plainText.pipe(z.string().trim().min(1).max(max));

/** A name as written (kanji, kana or letters), variant characters kept; digits have no place in it. */
export const personName = visibleText.transform(normalizeName).pipe(
  z
    .string()
    .min(1)
    .max(50)
    .regex(/^[^\d]+$/, { error: 'name_has_digits' }),
);

/** 〒 7 digits, with or without the hyphen; stored as NNN-NNNN. */
export const postalCode = plainText
  .transform((s) => s.normalize('NFKC').replace(/[-‐ー−]/g, ''))
  .pipe(z.string().regex(/^\d{7}$/, { error: 'postal_code_malformed' }))
  .transform((s) => `${s.slice(0, 3)}-${s.slice(3)}`);

export const address = visibleText.transform((s) => s.trim()).pipe(z.string().min(1).max(200));

/** A clerk's free-text remark (checked for secrets by the domain's guards where it is stored). */
export const note = plainText.pipe(z.string().max(500)).nullish();

/** The version of a record the caller's screen showed: a stale one is a conflict. */
export const version = z.number().int().positive();

/** Ids picked from a list, each once. */
export const distinctIds = (max: number) =>
  z
    .array(uuid)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'case_listed_twice' });
