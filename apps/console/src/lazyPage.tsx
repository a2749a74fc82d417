import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/** A page loaded when first opened, with `preload()` to fetch its code before anyone asks. */
export type LazyPage = ComponentType & { preload(): Promise<unknown> };

const pages: LazyPage[] = [];

/** A page loaded apart from the first screen, so the login and the home screen do not wait for every desk's code. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyPage {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  const LazyPage = Object.assign(
    function LazyPage() {
      return (
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      );
    },
    { preload: load },
  );
  pages.push(LazyPage);
  return LazyPage;
}

/**
 * Fetch every desk's code once the home screen is up and the browser is idle, so the first click
 * on a list, a case or the registration form does not wait for the network and the parser.
 */
export function preloadPages(): void {
  const idle = window.requestIdleCallback ?? ((work: () => void) => window.setTimeout(work, 200));
  idle(() => void Promise.all(pages.map((p) => p.preload().catch(() => undefined))));
}
