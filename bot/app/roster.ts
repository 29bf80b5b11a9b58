/**
 * A team's members, as Teams' roster lists them (issue 10): the response rate's denominator and
 * the people reminders go to. Never stored: read from Teams with its paged member calls when
 * needed, and cached per instance for a while (teams of thousands take several pages).
 */
export interface RosterMember {
  /** The Teams user id (29:…): what a one-to-one chat is opened with. */
  readonly teamsUserId: string;
  /** The Entra object id, which respondent ids are made from; a member Teams gives none for cannot be matched to answers. */
  readonly entraObjectId?: string;
  readonly name: string;
  /** A guest from another organisation (Teams' userRole "guest"): counted, not reminded. */
  readonly guest: boolean;
}

export interface TeamRoster {
  /**
   * Every person in the team (bots left out), read page by page through the team's stored
   * conversation and cached for a few minutes. Rejects with Teams' status when Teams refuses
   * (403: the app is no longer in the team); AuditError ROUND_NOT_FOUND-style codes are not used here.
   * A failed read is kept briefly too (tabs poll); with `retryFailed`, one kept from before is not
   * served and Teams is asked again (a reminder wave, which someone may be waiting on).
   */
  membersOf(teamId: string, options?: { readonly retryFailed?: boolean }): Promise<readonly RosterMember[]>;
  /** Drops what this instance keeps of the team's roster (a failed read included): its next read asks Teams. */
  forget(teamId: string): void;
}
