import { redactTableKeys, tableKeyRedaction } from '../../bot/telemetry/tableKeyRedaction';

const ACCOUNT = 'https://practiceaudit1.table.core.windows.net';

describe('table keys in traced URLs', () => {
  it.each([
    ['an entity address', `${ACCOUNT}/practiceauditAnswers(PartitionKey='round-1',RowKey='C01-53f1ba39')`, `${ACCOUNT}/practiceauditAnswers(redacted)`],
    ['a query, filter and continuation tokens', `${ACCOUNT}/practiceauditAnswers()?$filter=PartitionKey%20eq%20%27r%27&NextRowKey=1!8!QzAx`, `${ACCOUNT}/practiceauditAnswers()?redacted`],
    ['a path with its query (http.target)', "/devstoreaccount1/t1Champions(PartitionKey='MTk6',RowKey='MDAw')?$select=RowKey", '/devstoreaccount1/t1Champions(redacted)?redacted'],
  ])('are removed from %s', (_what, url, redacted) => {
    expect(redactTableKeys(url)).toBe(redacted);
  });

  it.each([
    ['creating a table', `${ACCOUNT}/Tables`],
    ['a batch', `${ACCOUNT}/$batch`],
    ['a Teams connector call', 'https://smba.trafficmanager.net/uk/v3/conversations/19%3Ateam%40thread.tacv2/activities/170?x=1'],
  ])('leave %s as it is', (_what, url) => {
    expect(redactTableKeys(url)).toBe(url);
  });
});

/** Enough of an SDK span for the processor: its attributes, and setAttribute. */
function spanWith(attributes: Record<string, unknown>) {
  const span = { attributes: { ...attributes }, setAttribute: (name: string, value: unknown) => ((span.attributes as Record<string, unknown>)[name] = value) };
  return span;
}

describe('the span processor', () => {
  const start = (span: ReturnType<typeof spanWith>) => tableKeyRedaction.onStart(span as never, undefined as never);

  it("rewrites every URL attribute of a span that addresses table rows, the query string's own attribute too", () => {
    const span = spanWith({
      'http.method': 'GET',
      'url.full': `${ACCOUNT}/t1Answers()?$filter=PartitionKey%20eq%20%27r%27`,
      'url.path': '/t1Answers()',
      'url.query': "$filter=PartitionKey eq 'r' and RowKey ge 'C01-'",
      'http.url': `${ACCOUNT}/t1Members(PartitionKey='team',RowKey='53f1ba39')`,
      'http.target': "/t1Members(PartitionKey='team',RowKey='53f1ba39')",
    });
    start(span);
    expect(span.attributes).toEqual({
      'http.method': 'GET',
      'url.full': `${ACCOUNT}/t1Answers()?redacted`,
      'url.path': '/t1Answers()',
      'url.query': 'redacted',
      'http.url': `${ACCOUNT}/t1Members(redacted)`,
      'http.target': '/t1Members(redacted)',
    });
  });

  it('leaves other spans alone: incoming requests, Teams, creating tables', () => {
    const incoming = { 'http.url': 'https://practiceaudit1.azurewebsites.net/api/teams/19%3Ax/rounds?level=practitioner', 'url.query': 'level=practitioner' };
    const span = spanWith(incoming);
    start(span);
    expect(span.attributes).toEqual(incoming);
  });
});
