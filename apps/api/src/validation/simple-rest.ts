import type { Answer } from '../http/answer';
import { z } from 'zod';

/**
 * react-admin's simple-rest list protocol, shared by every list route: `filter`, `sort` and
 * `range` as JSON in the query string; the answer's range and total in `Content-Range`.
 */
export const MAX_PAGE = 100;
/** How far into a list a page may start: past it, a filter finds faster than paging (and OFFSET stays cheap). */
export const MAX_OFFSET = 10_000;

const json = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'json_malformed' });
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
        .refine(([from, to]) => to >= from && to - from < MAX_PAGE, { error: 'range_too_large', params: { max: MAX_PAGE } })
        .refine(([from]) => from <= MAX_OFFSET, { error: 'range_too_far', params: { max: MAX_OFFSET } }),
    ).optional(),
  });
}

/** How many rows a list answers when the caller names no range. */
const DEFAULT_PAGE = 25;

export type SortOrder = 'ASC' | 'DESC';

/** The part of a parsed simple-rest query a page is cut by. */
export interface PageQuery<S extends string = string> {
  sort?: [S, SortOrder];
  range?: [number, number];
}

/** Where a page starts, how long it is, and its order (ties broken by id, so pages never overlap). */
export interface PageWindow {
  orderBy: { [field: string]: 'asc' | 'desc' }[];
  skip: number;
  take: number;
}

/** One page of a list, and the total for `Content-Range` (with `capped`, a floor: at least that many). */
export interface ListPage<T> {
  rows: T[];
  from: number;
  total: number;
  capped: boolean;
}

/**
 * Where a page's rows come from: a page at a time, counted or not, or — for a counted list whose
 * statements can — the page and the list's size in one statement (`rowsCounted`).
 */
export type PageSource<T> =
  | {
      rows(window: PageWindow): Promise<T[]>;
      /**
       * The list's size, counted up to `cap + 1` rows. Without it the list is not counted (a search
       * whose matches could be many): one row past the page says whether another page follows.
       */
      count?(cap: number): Promise<number>;
    }
  | {
      /**
       * The page and the list's size (counted as `count`) in one statement: one round trip instead
       * of two. The size rides on the page's rows, so a page with none gives `undefined` — an empty
       * list from the start; past the list's end, `count` counts it.
       */
      rowsCounted(window: PageWindow, cap: number): Promise<{ rows: T[]; total: number | undefined }>;
      count(cap: number): Promise<number>;
    };

/** One page of a list the way every list route cuts it: sort, range, tie-break and total. */
export async function page<T>(
  query: PageQuery,
  defaultSort: [string, SortOrder],
  source: PageSource<T>,
  countCap = Number.MAX_SAFE_INTEGER,
): Promise<ListPage<T>> {
  const [field, order] = query.sort ?? defaultSort;
  const [from, to] = query.range ?? [0, DEFAULT_PAGE - 1];
  const size = Math.min(to - from + 1, MAX_PAGE);
  const window = (take: number): PageWindow => ({ orderBy: [{ [field]: order === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip: from, take });
  let rows: T[];
  let total: number;
  if ('rowsCounted' in source) {
    const counted = await source.rowsCounted(window(size), countCap);
    rows = counted.rows;
    total = counted.total ?? (from === 0 ? 0 : await source.count(countCap));
  } else if (source.count) {
    // The page and the total side by side on two connections: a list needs no transaction.
    [rows, total] = await Promise.all([source.rows(window(size)), source.count(countCap)]);
  } else {
    const found = await source.rows(window(size + 1));
    const more = found.length > size;
    rows = found.slice(0, size);
    return { rows, from, total: from + rows.length + (more ? 1 : 0), capped: more };
  }
  return { rows, from, total: Math.min(total, countCap), capped: total > countCap };
}

/**
 * `Content-Range: letters 0-24/310`, readable by the console across origins; with `capped`, the
 * total is a floor (there are at least that many) and `X-Total-Capped: true` says so.
 */
export function setContentRange(res: Answer, resource: string, { rows, from, total, capped }: ListPage<unknown>): void {
  const to = rows.length ? from + rows.length - 1 : from;
  res.header('Content-Range', `${resource} ${from}-${to}/${total}`);
  if (capped) res.header('X-Total-Capped', 'true');
  res.header('Access-Control-Expose-Headers', 'Content-Range, X-Total-Capped');
}
