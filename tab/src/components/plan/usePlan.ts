import { useCallback, useEffect, useState } from 'react';
import type { PlanApi } from '../../api/client';
import { ApiError } from '../../api/request';
import type { PlanAction } from '../../api/types';

/** Which plan is shown: the team's living plan, or a closed round's as it stood at its close. */
export type PlanMode = 'living' | 'frozen';

/** A plan as the view shows it, whichever route it came from. */
export interface ShownPlan {
  readonly mode: PlanMode;
  readonly actions: readonly PlanAction[];
  /** A champion, and the plan is the living one. */
  readonly canEdit: boolean;
  /** Today in the UK (YYYY-MM-DD), from the API. */
  readonly today: string;
  /** ISO 8601 when the actions are the plan as it stood at a round's close; null for the living plan. */
  readonly frozenAt: string | null;
}

/**
 * Loads the plan `mode` names: GET /api/teams/:teamId/plan (living) or …/rounds/:roundId/plan
 * (frozen). `reload()` reads it again, keeping the plan on screen until the new one arrives;
 * a plan of the other mode is never shown as this one's (it is undefined until loaded).
 */
export function usePlan(api: PlanApi, teamId: string, roundId: string, mode: PlanMode) {
  const [plan, setPlan] = useState<ShownPlan | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const loading: Promise<ShownPlan> = mode === 'living'
      ? api.livingPlan(teamId, controller.signal).then((reply) => ({ ...reply, mode, frozenAt: null }))
      : api.roundPlan(teamId, roundId, controller.signal).then((reply) => ({ ...reply, mode }));
    loading.then(
      (loaded) => {
        if (controller.signal.aborted) return;
        setError(null);
        setPlan(loaded);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        // The API's words for what it refused (403: not the team's); ours when it failed or was not reached.
        const refused = failure instanceof ApiError && failure.status > 0 && failure.status < 500;
        setError(refused ? failure.message : 'The plan could not be loaded just now. Please try again.');
      },
    );
    return () => controller.abort();
  }, [api, teamId, roundId, mode, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  /** Shows an action as the API answered it after a change (a note added), without reading the whole plan again. */
  const update = useCallback((action: PlanAction) => {
    setPlan((shown) => shown && { ...shown, actions: shown.actions.map((a) => (a.actionId === action.actionId ? action : a)) });
  }, []);
  return { plan: plan?.mode === mode ? plan : undefined, error, reload, update };
}
