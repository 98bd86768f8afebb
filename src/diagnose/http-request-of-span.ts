import type { Span } from '../trace/span';

/** What a span tells of the HTTP request it served or sent; fields it does not tell are absent. */
export interface SpanHttpRequest {
  readonly method?: string;
  /** Concrete paths (`/orders/7`), from `url.path`, `http.target`, `url.full`, `http.url`. */
  readonly paths: readonly string[];
  /** Route patterns (`/orders/:id`, `/orders/{id}`), from `http.route` and a name like `GET /orders/:id`. */
  readonly routes: readonly string[];
}

const NAME = /^([A-Za-z]+)\s+(\/\S*)$/;

/** The method, paths and routes a span's attributes and name give, in old and new conventions. */
export function httpRequestOfSpan(span: Span): SpanHttpRequest {
  const a = span.attributes;
  const named = NAME.exec(span.name);
  const method = text(a['http.request.method']) ?? text(a['http.method']) ?? named?.[1];
  const paths = [text(a['url.path']), withoutQuery(text(a['http.target'])), pathOf(text(a['url.full'])), pathOf(text(a['http.url']))];
  const routes = [text(a['http.route']), named?.[2]];
  return {
    ...(method ? { method: method.toUpperCase() } : {}),
    paths: unique(paths),
    routes: unique(routes),
  };
}

/**
 * How a span's request is the request `method` `path`: by an equal `path`, by a `route` the path
 * fits, or not at all (`undefined`); the method must agree where the span tells one. Routes are
 * compared without regard to case (Zipkin lower-cases names).
 */
export function matchHttpRequest(span: SpanHttpRequest, method: string | undefined, path: string): 'path' | 'route' | undefined {
  if (method && span.method && span.method !== method.toUpperCase()) return undefined;
  const wanted = trimSlash(path);
  if (span.paths.some((p) => trimSlash(p) === wanted)) return 'path';
  return span.routes.some((route) => routePattern(route).test(wanted)) ? 'route' : undefined;
}

/** The path of a URL or of a path with a query; `undefined` when it has none. */
export function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (url.startsWith('/')) return withoutQuery(url);
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

function routePattern(route: string): RegExp {
  const source = trimSlash(route)
    .split('/')
    .map((segment) =>
      /^(:\w+\??|\{[^}]+\})$/.test(segment) ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`, 'i');
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function withoutQuery(target: string | undefined): string | undefined {
  return target?.split(/[?#]/, 1)[0];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}
