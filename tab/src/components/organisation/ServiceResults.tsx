import { useId, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../../api/client';
import type { ServiceRoundChanges, ServiceSummary } from '../../api/types';
import { plural } from '../../format';
import { ChangesTable } from '../ChangesTable';
import { ExportButtons } from '../ExportButtons';
import { HeatmapLegend } from '../heatmap/HeatmapLegend';
import { OverviewTable } from '../OverviewTable';
import { CoverageTable } from './CoverageTable';
import { TeamChangesTable } from './TeamChangesTable';
import { TeamScoresTable } from './TeamScoresTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  line: { margin: 0 },
});

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={testId}>
      <Subtitle2 as="h3" id={id} className={styles.heading}>{title}</Subtitle2>
      {children}
    </section>
  );
}

/**
 * A service-wide round's released results (ServiceSummary): every condition by level across all
 * teams (the overview's grid: `organisation` is a RoundSummary), what those figures count, each
 * team's score per condition, the changes since the previous released service-wide round, and
 * the exports.
 */
export function ServiceResults(props: { api: Api; serviceRoundId: string; summary: ServiceSummary; changes?: ServiceRoundChanges }) {
  const { api, serviceRoundId, summary, changes } = props;
  const styles = useStyles();
  return (
    <>
      <ExportButtons download={(format) => api.organisation.download(serviceRoundId, format)} />
      <Section title="Every condition by level, all teams" testId="org-overview">
        <p className={styles.line} data-testid="org-respondents">
          {plural(summary.organisation.respondents, 'person', 'people')} answered, in {plural(summary.teams.length, 'team', 'teams')} (a person in two teams counts in each).
        </p>
        <HeatmapLegend />
        <OverviewTable summary={summary.organisation} across="teams" />
        <CoverageTable coverage={summary.coverage} />
      </Section>
      <Section title="Each team’s score" testId="org-by-team">
        <TeamScoresTable summary={summary} />
      </Section>
      <Section title="Changes since the last service-wide round" testId="org-changes">
        {changes ? (
          <>
            <ChangesTable conditions={changes.organisation} previousNumber={changes.previousNumber} roundName="service-wide round" />
            <TeamChangesTable changes={changes} />
          </>
        ) : (
          <MessageBar intent="info" data-testid="org-no-previous"><MessageBarBody>No earlier service-wide round with results to compare with.</MessageBarBody></MessageBar>
        )}
      </Section>
    </>
  );
}
