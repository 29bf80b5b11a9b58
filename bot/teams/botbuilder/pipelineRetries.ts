// botbuilder 4.23's ConnectorClient runs on @azure/core-client, whose pipeline retries on its
// own: 429/503 with Retry-After, and 408/5xx and network errors with exponential backoff (up to
// 3 retries each), outside our pacing (a retry would take no slot) and not for 412.
// connectorPipeline.ts puts our own retry policy in its place. The connector's `noRetryPolicy`
// option is declared but ignored, so this removes the policy by name.
//
// It reaches into a private field (`client.pipeline`). The Teams port (teamsPort.ts) does not
// make that unnecessary: every send does go through the port, and the port could pace and
// retry around each call, but botbuilder's own retry would still run inside each attempt,
// unpaced, retrying network errors (a post that reached Teams would show twice) and
// multiplying our tries (5 × 4). ConnectorClient's public options cannot turn it off: they
// pass no retry options to core-client, and a policy given through `requestPolicyFactories`
// runs outside its retry loop. So the reach stays, kept in this folder, so that every call to
// Teams is paced per attempt and retried once, by our policy. Moving off botbuilder (the
// Agents SDK's or the Teams SDK's client) retires it with the folder.
// After a botbuilder upgrade, the test for it (connectorDelivery.spec.ts) says if it still works.

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
