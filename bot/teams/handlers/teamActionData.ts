import type { z } from 'zod';
import { teamOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';

/**
 * A card action's data, read with its schema, when the action came from the team the card names:
 * a champion's button (open, extend, settings, close) acts on that team only. Undefined when the
 * data does not parse, the activity is not from a team, or the card names another team; the
 * handler then answers BAD_REQUEST, saying where the button works.
 */
export function teamActionData<T extends { readonly teamId: string }>(
  turn: Pick<TeamsTurn, 'activity'>,
  schema: z.ZodType<T>,
  data: unknown,
): { readonly team: NonNullable<ReturnType<typeof teamOf>>; readonly data: T } | undefined {
  const parsed = schema.safeParse(data);
  const team = teamOf(turn.activity);
  if (!parsed.success || !team || team.teamId !== parsed.data.teamId) return undefined;
  return { team, data: parsed.data };
}
