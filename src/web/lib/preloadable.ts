/**
 * `React.lazy` with a `preload()`: a component whose code loads on demand, but which can be asked
 * for ahead of time (before the first render, or when the browser is idle) so that, once loaded,
 * it renders at once with no Suspense fallback. Each mounted instance keeps the form it mounted
 * with, so one that mounted lazily is never remounted (which would lose focus and state).
 */
import { createElement, lazy, useState, type ComponentType } from "react";

export interface Preloadable<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  preload: () => Promise<unknown>;
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Component(props: P) {
    const [Mounted] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Mounted, props);
  }
  return Object.assign(Component, { preload });
}
