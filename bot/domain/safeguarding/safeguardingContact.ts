/**
 * Where a concern about a child goes, as the organisation configures it (SAFEGUARDING_CONTACT_TEXT,
 * SAFEGUARDING_CONTACT_URL): shown at once to a person whose comment looks as if it identifies
 * someone or discloses risk, since an anonymous audit is not a route for a safeguarding concern
 * (shared/domain/self-audit.md, "Safeguarding and free text").
 */
export interface SafeguardingContact {
  /** Plain text, at most 500 characters: who to tell and how. */
  readonly text: string;
  /** An https page with the organisation's safeguarding procedures, if it has one. */
  readonly url?: string;
}

/** Said when an organisation has configured nothing: true everywhere, and names no local team. */
export const DEFAULT_SAFEGUARDING_CONTACT_TEXT =
  "If you are worried about a child, follow your organisation's safeguarding procedures today: speak to your manager or your duty team. If a child is in immediate danger, call 999.";
