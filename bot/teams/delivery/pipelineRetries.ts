// botbuilder 4.23's ConnectorClient runs on @azure/core-client, whose pipeline retries on its
// own: 429/503 with Retry-After, and 408/5xx with exponential backoff (up to 3 retries each),
// outside our pacing (a retry would take no slot) and not for 412. connectorPipeline.ts puts
// our own retry policy in its place. The connector's `noRetryPolicy` option is declared but
// ignored, so this removes the policy by name.
// It reaches into a private field: after a botbuilder upgrade, the test for it says if it still works.

interface PipelineLike {
  getOrderedPolicies(): Array<{ name: string }>;
  removePolicy(options: { name: string }): unknown;
}

const RETRY_POLICY_NAME = 'defaultRetryPolicy';

/** Removes the client's default retry policy. Returns false if the client's shape was unknown. */
export function disablePipelineRetries(connectorClient: object): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function') return false;
  pipeline.removePolicy({ name: RETRY_POLICY_NAME });
  return !pipeline.getOrderedPolicies().some((policy) => policy.name === RETRY_POLICY_NAME);
}
