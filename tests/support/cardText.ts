/** Everything a person would read on a card (texts, facts, button titles), flattened for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label', 'placeholder']) {
      if (typeof element[key] === 'string') parts.push(element[key]);
    }
    for (const value of Object.values(element)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return parts.join('\n');
}

/** The Adaptive Card inside an activity the bot sent, or inside an invoke response body. */
export function cardOf(activityOrInvokeBody: unknown): Record<string, unknown> | undefined {
  const body = activityOrInvokeBody as { attachments?: { content?: unknown }[]; value?: unknown; type?: string };
  if (body?.type === 'application/vnd.microsoft.card.adaptive') return body.value as Record<string, unknown>;
  return body?.attachments?.[0]?.content as Record<string, unknown> | undefined;
}

/** The Action.Execute data a card would send, to press its buttons in tests. */
export function executeActions(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute') found.push({ title: String(element.title), verb: String(element.verb), data: (element.data ?? {}) as Record<string, unknown> });
    for (const value of Object.values(element)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

/**
 * The values a card's inputs hold as sent (prefilled or not), by input id: what Teams merges into
 * an Action.Execute's data when the person presses a button without touching them.
 */
export function inputValues(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string' && element.value !== undefined) {
      values[element.id] = element.value;
    }
    for (const value of Object.values(element)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return values;
}

/** The card's button with this verb, to press it; throws, showing the card, when it has none. */
export function buttonWithVerb(card: unknown, verb: string): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`No ${verb} button on the card:\n${cardText(card)}`);
  return found;
}
