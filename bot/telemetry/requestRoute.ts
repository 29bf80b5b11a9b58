/**
 * Names each incoming request in Application Insights by the route that served it
 * (`GET /healthz`, `POST /api/teams/:teamId/rounds`), as the OpenTelemetry HTTP conventions ask
 * of the web framework. OpenTelemetry's HTTP instrumentation no longer records the request's full
 * URL on a server span, and has no instrumentation for restify 12, so without this the exporter
 * names every request by its method alone ("GET"). A route template also keeps team and round ids
 * out of the operation name; a path that matched no route keeps the method alone.
 */
interface ServerSpan {
  setAttribute(name: string, value: string): unknown;
  updateName(name: string): unknown;
}

/** restify puts the matched route on the request (`getRoute()`: `{ path: '/healthz', … }`), or nothing. */
interface RoutedRequest {
  readonly method?: string;
  getRoute?(): { readonly path?: unknown } | undefined;
}

// OpenTelemetry's ATTR_HTTP_ROUTE: the exporter names a request `${method} ${http.route}`.
const HTTP_ROUTE = 'http.route';

/** For the HTTP instrumentation's `applyCustomAttributesOnSpan`, called as each response finishes. */
export function nameRequestByRoute(span: ServerSpan, request: unknown): void {
  const routed = request as RoutedRequest;
  if (typeof routed.getRoute !== 'function') return; // an outgoing call (ClientRequest): named by the exporter
  const path = routed.getRoute()?.path;
  if (typeof path !== 'string' || !path) return;
  span.setAttribute(HTTP_ROUTE, path);
  span.updateName(`${routed.method ?? 'GET'} ${path}`);
}
