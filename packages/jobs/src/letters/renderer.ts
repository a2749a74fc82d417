import type * as Letters from '@madoguchi/letters';

let loaded: typeof Letters | undefined;

/**
 * The letter renderer, loaded by the first job that renders: pdfkit, fontkit and the font weigh
 * some 35 MB and 0.4 s, which the API (it only enqueues jobs) should not carry.
 */
export function letterRenderer(): typeof Letters {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as said above
  return (loaded ??= require('@madoguchi/letters') as typeof Letters);
}
