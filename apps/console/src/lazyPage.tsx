import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/** A page loaded when first opened, so the first screen does not wait for every desk's code. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): ComponentType {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
