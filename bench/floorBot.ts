import { TableClient } from '@azure/data-tables';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import * as restify from 'restify';

/**
 * The floor: the least a botbuilder bot on restify can do with an answer. No validation,
 * no reads, no HMAC, no card building: one Table upsert per invoke, then a fixed card.
 * Same stack as the service (restify, CloudAdapter in local mode, @azure/data-tables with
 * the same client options), so the gap between the two is the service's own work.
 *
 * Run as its own process by bench/run.ts: PORT, TABLES_CONNECTION_STRING, FLOOR_TABLE.
 */
const RECORDED_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Answer recorded', wrap: true }],
};

class FloorBot extends ActivityHandler {
  constructor(private readonly table: TableClient) {
    super();
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const data = (context.activity.value as { action?: { data?: Record<string, unknown> } } | undefined)?.action?.data ?? {};
    await this.table.upsertEntity(
      {
        partitionKey: String(data.roundId),
        rowKey: `${String(data.conditionId)}-${context.activity.from.aadObjectId ?? context.activity.from.id}`,
        rating: String(data.rating),
        level: String(data.level),
        comment: typeof data.comment === 'string' ? data.comment : '',
        answeredAt: new Date().toISOString(),
        via: String(data.via),
      },
      'Replace',
    );
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: RECORDED_CARD } };
  }
}

async function main(): Promise<void> {
  const connectionString = process.env.TABLES_CONNECTION_STRING ?? '';
  const table = TableClient.fromConnectionString(connectionString, process.env.FLOOR_TABLE ?? 'floorAnswers', {
    retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1500 },
    allowInsecureConnection: connectionString.includes('DefaultEndpointsProtocol=http;'),
  });
  await table.createTable();

  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new FloorBot(table);
  const server = restify.createServer({ name: 'floor-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 262_144, mapParams: false }));
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`floor bot failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
