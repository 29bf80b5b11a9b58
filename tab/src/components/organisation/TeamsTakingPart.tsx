import { useState } from 'react';
import { MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import type { OrganisationApi } from '../../api/organisationApi';
import type { OrganisationTeam } from '../../api/types';
import { formatDate } from '../../format';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';

/**
 * The organisation's teams (every team with the app installed) and, for admins, a "Leave out"
 * switch per team (PUT /api/organisation/teams/:teamId): a team left out is not asked in
 * service-wide rounds and not shown in the organisation view. `onChanged`: read the teams again.
 */
export function TeamsTakingPart(props: { api: OrganisationApi; teams: readonly OrganisationTeam[]; onChanged: () => void }) {
  const table = useTableStyles();
  // What this tab saved, shown until the teams are read again (onChanged).
  const [saved, setSaved] = useState<{ readonly teams: readonly OrganisationTeam[]; readonly leftOut: ReadonlyMap<string, boolean> }>({ teams: props.teams, leftOut: new Map() });
  const savedNow = saved.teams === props.teams ? saved.leftOut : new Map<string, boolean>();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const change = async (team: OrganisationTeam, leftOut: boolean) => {
    setBusy(team.teamId);
    setFailure(null);
    try {
      const changed = await props.api.setLeftOut(team.teamId, leftOut);
      setSaved((before) => ({ teams: props.teams, leftOut: new Map(before.teams === props.teams ? before.leftOut : []).set(changed.teamId, changed.leftOut) }));
      props.onChanged();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The change could not be saved just now. Please try again.');
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {failure && <MessageBar intent="error" data-testid="leave-out-failed"><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
      <DataTable testId="org-teams" caption="Teams with Practice Audit installed. A team left out is not asked in service-wide rounds and not shown in the organisation view." columns={['Team', 'Installed', 'Left out']}>
        {props.teams.map((team) => {
          const leftOut = savedNow.get(team.teamId) ?? team.leftOut;
          return (
            <tr key={team.teamId} data-team={team.teamId}>
              <th scope="row" className={table.rowHead}>{team.teamName}</th>
              <td className={table.cell}>{formatDate(team.installedAt)}</td>
              <td className={table.cell}>
                <Switch
                  checked={leftOut}
                  disabled={busy === team.teamId}
                  label={<>Leave out<span className={table.visuallyHidden}> {team.teamName}</span></>}
                  onChange={(_event, data) => void change(team, data.checked)}
                />
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
