/**
 * A reply already written as JSON text, sent as it is (no formatter). For replies read far more
 * often than they change (a released service-wide round's view: 100 KB or more at 50 teams),
 * so each read does not serialise them again.
 */
export class JsonBody {
  constructor(readonly text: string) {}
}

const written = new WeakMap<object, JsonBody>();

/** `value` as JSON text, written once per object: the same object (from a cache) is never serialised twice. */
export function jsonOnce(value: object): JsonBody {
  let body = written.get(value);
  if (!body) written.set(value, (body = new JsonBody(JSON.stringify(value))));
  return body;
}
