import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];

/**
 * Table storage addresses an entity by its keys in the URL's path, `/<table>(PartitionKey='…',RowKey='…')`,
 * and queries a table at `/<table>()?$filter=…`, with keys in the filter and continuation tokens.
 * Our keys hold Entra object ids and respondent HMACs: traced as they are, one operation's calls
 * would sit side by side in Application Insights and link a person to their pseudonym. So every
 * URL a span carries loses them, and a dependency is named by its table alone.
 */
const ENTITY_ADDRESS = /(\/[A-Za-z][A-Za-z0-9]*)\(([^)]*)\)(\?[^#]*)?/g;
const ADDRESSES_ENTITIES = /\/[A-Za-z][A-Za-z0-9]*\(/;

export function redactTableKeys(url: string): string {
  return url.replace(ENTITY_ADDRESS, (_whole, table: string, keys: string, query: string | undefined) => `${table}(${keys ? 'redacted' : ''})${query ? '?redacted' : ''}`);
}

// Where HTTP and Azure SDK spans keep a URL, or its path and query, in the old and new conventions.
const URL_ATTRIBUTES = ['http.url', 'url.full', 'http.target', 'url.path', 'url.query'] as const;

/** Rewrites a span's URL attributes as it starts, before anything can export them. */
export const tableKeyRedaction: SpanProcessor = {
  onStart(span) {
    const urls = URL_ATTRIBUTES.flatMap((name) => {
      const value = span.attributes[name];
      return typeof value === 'string' ? [{ name, value }] : [];
    });
    if (!urls.some(({ value }) => ADDRESSES_ENTITIES.test(value))) return;
    for (const { name, value } of urls) {
      // url.query is the query string alone, without the path that shows it is Table storage's.
      span.setAttribute(name, name === 'url.query' ? 'redacted' : redactTableKeys(value));
    }
  },
  onEnd() {},
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};
