import { makeStyles, tokens } from '@fluentui/react-components';
import { NO_RATES_BY_LEVEL, responseRateText, type TeamSize } from '@domain/responseRate';

const useStyles = makeStyles({
  rate: { margin: 0 },
  note: { margin: 0, maxWidth: '80ch', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The domain's wording, with the typographic apostrophe the tab writes everywhere else. */
const typographic = (text: string) => text.replace(/'/g, '’');

/**
 * The round's response rate, "Response rate: 37 of 52 members (71%).", against the team's
 * members now (an open round) or kept at close; without a team size, why there is none
 * (bot/domain/responseRate.ts).
 */
export function ResponseRate(props: { respondents: number; teamSize: TeamSize; open: boolean }) {
  const styles = useStyles();
  return <p className={styles.rate} data-testid="response-rate">{typographic(responseRateText(props.respondents, props.teamSize, props.open))}</p>;
}

/** Where people look for response rates by level (people by level): there can be none, and why. */
export function NoRatesByLevel() {
  const styles = useStyles();
  return <p className={styles.note} data-testid="no-rates-by-level">{typographic(NO_RATES_BY_LEVEL)}</p>;
}
