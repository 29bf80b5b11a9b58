import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Api } from '../api/client';
import type { RoundListItem, RoundPlan } from '../api/types';
import { formatUkDay, plural } from '../format';
import { useRoundEvidence, useRoundParticipation, useRoundSummary } from '../hooks/roundFeed';
import { DisagreementTable } from '../components/DisagreementTable';
import { ResponseRate } from '../components/ResponseRate';
import { PrintEvidence } from '../components/print/PrintEvidence';
import { PrintOverviewTable } from '../components/print/PrintOverviewTable';
import { PrintPlan } from '../components/print/PrintPlan';
import { usePrintStyles } from '../components/print/printStyles';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { ...typographyStyles.title3, margin: 0 },
  line: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

/** The plan route's answer, or why there is none. */
type PlanRead = { readonly plan: RoundPlan } | { readonly error: string } | null;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>{title}</Subtitle2>
      {children}
    </section>
  );
}

/**
 * A closed round on paper, for a meeting (issue 11): the team and round, who answered and the
 * response rate, the overview's figures, where levels disagree, the evidence notes, and the
 * round's plan as the plan route gives it. Nothing else: no comments, no names of staff. It asks
 * the browser to print once everything has loaded (`window.print()`), and can be printed again
 * or left with its buttons, which, like the rest of the tab's controls, do not print
 * (printStyles.ts: black on white whatever the Teams theme).
 */
export function PrintView({ api, teamId, round, onBack }: { api: Api; teamId: string; round: RoundListItem; onBack: () => void }) {
  usePrintStyles();
  const styles = useStyles();
  const summary = useRoundSummary();
  const participation = useRoundParticipation();
  const evidence = useRoundEvidence();
  const [planRead, setPlanRead] = useState<PlanRead>(null);
  const printed = useRef(false);
  // When the page was put together: said on it, and the day a plan without one is "as it stands" on.
  const [preparedAt] = useState(() => new Date().toISOString());
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  // The Print button that opened this view is gone: the keyboard starts from the page's title.
  useEffect(() => title.current?.focus(), []);

  useEffect(() => {
    const controller = new AbortController();
    api.plans.roundPlan(teamId, round.roundId, controller.signal).then(
      (plan) => setPlanRead({ plan }),
      (error: unknown) => { if (!controller.signal.aborted) setPlanRead({ error: error instanceof Error ? error.message : 'The plan could not be loaded.' }); },
    );
    return () => controller.abort();
  }, [api, teamId, round.roundId]);

  const settled = (read: { data: unknown; error: unknown }) => read.data !== undefined || read.error !== undefined;
  const ready = summary.data !== undefined && settled(participation) && settled(evidence) && planRead !== null;
  useEffect(() => {
    if (!ready || printed.current) return;
    printed.current = true;
    window.print();
  }, [ready]);

  const opened = formatUkDay(round.openedAt);
  const closed = formatUkDay(round.closedAt);
  return (
    <article className={styles.page} data-print="root" data-testid="print-view" aria-labelledby={titleId}>
      <div className={styles.controls} data-print="hide">
        <Button onClick={onBack}>Back to the audit views</Button>
        <Button appearance="primary" disabled={!ready} onClick={() => window.print()}>Print</Button>
      </div>
      <header>
        <h1 id={titleId} ref={title} tabIndex={-1} className={styles.title}>Practice audit{round.teamName ? `: ${round.teamName}` : ''}</h1>
        <p className={styles.line} data-testid="print-round">
          Audit round {round.number}: opened {opened}{closed ? `, closed ${closed}` : ''}. Printed on {formatUkDay(preparedAt)}.
        </p>
      </header>
      {!ready && <Spinner size="small" label="Preparing the page to print…" />}
      {summary.error && <MessageBar intent="error"><MessageBarBody>{summary.error.message}</MessageBarBody></MessageBar>}
      {summary.data && (
        <>
          <Section title="Who answered">
            <p className={styles.line} data-testid="print-respondents">{plural(summary.data.respondents, 'person', 'people')} answered.</p>
            {participation.data && <ResponseRate respondents={summary.data.respondents} teamSize={participation.data.teamSize} open={false} />}
          </Section>
          <Section title="Overview">
            <PrintOverviewTable summary={summary.data} />
          </Section>
          <Section title="Where levels disagree">
            <DisagreementTable summary={summary.data} />
          </Section>
        </>
      )}
      <Section title="Evidence: how do you know?">
        {evidence.data && <PrintEvidence notes={evidence.data.notes} />}
        {evidence.error && <p>The evidence notes could not be loaded: {evidence.error.message}</p>}
      </Section>
      <Section title="Plan">
        {planRead && 'plan' in planRead && <PrintPlan plan={planRead.plan} roundNumber={round.number} preparedAt={preparedAt} />}
        {planRead && 'error' in planRead && <p>The plan could not be loaded: {planRead.error}</p>}
      </Section>
    </article>
  );
}
