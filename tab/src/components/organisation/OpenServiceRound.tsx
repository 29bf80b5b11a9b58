import { useId, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { dayInWords, isCalendarDay, latestCloseDay, proposedCloseDay, ukDayOf } from '@domain/closeDate';
import type { OrganisationApi } from '../../api/organisationApi';
import type { OrganisationTeam, ServiceRoundListing } from '../../api/types';
import { plural } from '../../format';
import { useFormStyles } from '../formStyles';

/** The close date offered: two weeks from today (UK), which the admin can change. */
const DEFAULT_DAYS_TO_CLOSE = 14;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  line: { margin: 0 },
});

/**
 * An admin opens a service-wide round (POST /api/organisation/service-rounds): a close date
 * (today to 90 days ahead, UK), then a confirmation naming every team to be asked, since it
 * opens a round and posts cards in each. The API's refusal (a round already open, no teams to
 * ask, a date out of range) is shown in its own words.
 */
export function OpenServiceRound(props: { api: OrganisationApi; teams: readonly OrganisationTeam[]; onOpened: (round: ServiceRoundListing) => void }) {
  const form = useFormStyles();
  const styles = useStyles();
  const headingId = useId();
  const [now] = useState(() => new Date());
  const [closesOn, setClosesOn] = useState(() => proposedCloseDay(now, DEFAULT_DAYS_TO_CLOSE));
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [opened, setOpened] = useState<ServiceRoundListing | null>(null);
  const asked = props.teams.filter((team) => !team.leftOut);

  const confirm = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(isCalendarDay(closesOn) ? null : 'Please choose the day the round closes.');
    setConfirming(isCalendarDay(closesOn));
  };
  const open = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const round = await props.api.openServiceRound(closesOn);
      setOpened(round);
      setConfirming(false);
      props.onOpened(round);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The service-wide round could not be opened just now. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={form.form} aria-labelledby={headingId} onSubmit={confirm} noValidate data-testid="open-service-round">
      <strong id={headingId} className={form.wide}>Open a service-wide round</strong>
      <p className={`${styles.line} ${form.wide}`}>
        A round opens in every team taking part at once, with one close date. Each team’s practice champions see and run their own round.
      </p>
      {opened && (
        <MessageBar intent="success" className={form.wide} data-testid="service-round-opened"><MessageBarBody>
          Service-wide round {opened.number} is opening in {plural(opened.teamsAsked, 'team', 'teams')}: its cards are posted in each team’s channel within Teams’ limits.
          See how each team’s opening went under “Service-wide rounds”.
        </MessageBarBody></MessageBar>
      )}
      {failure && <MessageBar intent="error" className={form.wide} data-testid="open-service-round-failed"><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
      <Field label="Close date" hint="Every team’s round closes at the end of this day (UK time)." >
        <Input type="date" name="closesOn" value={closesOn} min={ukDayOf(now)} max={latestCloseDay(now)} disabled={confirming}
          onChange={(_event, data) => { setClosesOn(data.value); setOpened(null); }} />
      </Field>
      {!confirming && (
        <div className={form.buttons}>
          <Button type="submit" appearance="primary" disabled={asked.length === 0}>Open a service-wide round…</Button>
        </div>
      )}
      {confirming && (
        <div className={form.wide} data-testid="confirm-service-round">
          <p className={styles.line}>
            Closing at the end of {dayInWords(closesOn)}. {asked.length === 1 ? 'This team' : `These ${asked.length} teams`} will be asked:
          </p>
          <ul className={styles.list} data-testid="teams-to-ask">
            {asked.map((team) => <li key={team.teamId}>{team.teamName}</li>)}
          </ul>
          <p className={styles.line} data-testid="already-open-note">
            A team that already has a round open keeps it, and no round opens there: the service-wide round’s response rates say which.
          </p>
        </div>
      )}
      {confirming && (
        <div className={form.buttons}>
          <Button type="button" appearance="primary" disabled={saving} onClick={() => void open()}>
            {saving ? 'Opening…' : `Open the round in ${plural(asked.length, 'team', 'teams')}`}
          </Button>
          <Button type="button" disabled={saving} onClick={() => setConfirming(false)}>Back</Button>
        </div>
      )}
    </form>
  );
}
