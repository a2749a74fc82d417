import type { Response } from 'express';
import { z } from 'zod';

/**
 * react-admin's simple-rest list protocol, shared by every list route: `filter`, `sort` and
 * `range` as JSON in the query string; the answer's range and total in `Content-Range`.
 */
export const MAX_PAGE = 100;

const json = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON の形式が正しくありません。' });
        return z.NEVER;
      }
    })
    .pipe(schema);

export function simpleRestQuery<F extends z.ZodType, const S extends readonly [string, ...string[]]>(filter: F, sortable: S) {
  return z.object({
    filter: json(filter).optional(),
    sort: json(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    range: json(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(([from, to]) => to >= from && to - from < MAX_PAGE, { error: `範囲は1回に${MAX_PAGE}件までです。` }),
    ).optional(),
  });
}

/**
 * `Content-Range: letters 0-24/310`, readable by the console across origins; with `capped`, the
 * total is a floor (there are at least that many) and `X-Total-Capped: true` says so.
 */
export function setContentRange(res: Response, resource: string, from: number, count: number, total: number, capped = false): void {
  const to = count ? from + count - 1 : from;
  res.setHeader('Content-Range', `${resource} ${from}-${to}/${total}`);
  if (capped) res.setHeader('X-Total-Capped', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Total-Capped');
}
