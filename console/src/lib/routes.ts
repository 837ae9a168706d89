import { VIEWS, type ViewId } from './access.ts';

/** The console's address lives in the URL fragment (#/user/u1): bookmarkable, and any path serves the page. */
export interface Route {
  readonly view: ViewId | null;
  readonly arg: string | null;
}

export function parseRoute(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const arg = rest.length > 0 ? decodeURIComponent(rest.join('/')) : '';
  return { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewId) : null, arg: arg === '' ? null : arg };
}

export function href(view: ViewId, arg?: string): string {
  return `#/${view}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ''}`;
}
