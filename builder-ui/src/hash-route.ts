// Hash-based routing (`#/pipelines/abc?x=1`) so deep links work when the bundle is served as
// static files: no server-side route table has to know about UI paths.
import { useEffect, useState } from 'react';

export const DEFAULT_ROUTE_PATH = '/inbox';

export type HashRoute = {
  path: string;
  segments: string[];
  query: URLSearchParams;
};

export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, '') || DEFAULT_ROUTE_PATH;
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { path, segments, query: new URLSearchParams(queryPart) };
}

export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}

export function hrefFor(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
