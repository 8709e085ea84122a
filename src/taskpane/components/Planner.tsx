/**
 * The planning UI: the workbook, then four steps as tabs (Inputs, Validate, Run, Results). State
 * lives in hooks (src/taskpane/state); the panels only show it. The last tab is remembered per user.
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TableName } from '../../model/contract';
import { createAnalysisRunner } from '../analysis/create-runner';
import type { AnalysisRunner } from '../analysis/runner';
import type { HostSession } from '../host/session';
import { withColumnMapping, withTableSource } from '../state/scenario-edit';
import { withBudget } from '../state/frontier';
import { useAnalysisRun } from '../state/use-analysis-run';
import { useInputs } from '../state/use-inputs';
import { useScenario } from '../state/use-scenario';
import { useValidation } from '../state/use-validation';
import { useWorkbook } from '../state/use-workbook';
import { InputsPanel } from './InputsPanel';
import { Notice } from './Notice';
import { ResultsPanel } from './ResultsPanel';
import { RunPanel } from './RunPanel';
import { ValidatePanel } from './ValidatePanel';
import { WorkbookBar } from './WorkbookBar';

const TABS = ['inputs', 'validate', 'run', 'results'] as const;
type TabId = (typeof TABS)[number];
const TAB_LABELS: Record<TabId, string> = { inputs: 'Inputs', validate: 'Validate', run: 'Run', results: 'Results' };
const TAB_PREFERENCE = 'spp.tab';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
});

function isTab(value: unknown): value is TabId {
  return typeof value === 'string' && (TABS as readonly string[]).includes(value);
}

export interface PlannerProps {
  session: HostSession;
  /** Where the analysis runs; a Web Worker unless a test says otherwise. */
  createRunner?: () => AnalysisRunner;
}

export function Planner({ session, createRunner = createAnalysisRunner }: PlannerProps) {
  const styles = useStyles();
  const workbook = useWorkbook(session);
  const { port } = workbook;
  const scenario = useScenario(port);
  const inputs = useInputs(port, scenario.scenario);
  const validation = useValidation(port, scenario.scenario);
  const { setLastRun } = scenario;
  const analysis = useAnalysisRun({ port, scenario: scenario.scenario, lastRun: scenario.lastRun, onLastRun: setLastRun, createRunner });
  const [tab, setTabState] = useState<TabId>(() => {
    const saved = session.preferences.get(TAB_PREFERENCE);
    return isTab(saved) ? saved : 'inputs';
  });
  const setTab = useCallback(
    (next: TabId) => {
      setTabState(next);
      session.preferences.set(TAB_PREFERENCE, next);
    },
    [session],
  );

  // A finished run shows its results.
  const phase = analysis.state.phase;
  useEffect(() => {
    if (phase === 'done') setTab('results');
  }, [phase, setTab]);

  const { setScenario } = scenario;
  // A frontier point picked on the Results tab: the scenario takes the budget, then the run starts with it
  // (the run callback changes with the scenario, so the effect below runs the new one).
  const planAtBudget = useRef(false);
  const { run } = analysis;
  useEffect(() => {
    if (!planAtBudget.current) return;
    planAtBudget.current = false;
    void run();
  }, [run]);
  const onPlanAtBudget = useCallback(
    (budget: number) => {
      planAtBudget.current = true;
      setScenario((s) => withBudget(s, budget));
    },
    [setScenario],
  );
  const onSourceChange = useCallback((name: TableName, source: string) => setScenario((s) => withTableSource(s, name, source)), [setScenario]);
  const onColumnChange = useCallback((name: TableName, key: string, header: string) => setScenario((s) => withColumnMapping(s, name, key, header)), [setScenario]);

  return (
    <div className={styles.root}>
      <WorkbookBar workbook={workbook} />
      {scenario.loadWarning && <Notice intent="warning">{scenario.loadWarning}</Notice>}
      {port && (
        <>
          <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => isTab(data.value) && setTab(data.value)} aria-label="Planning steps">
            {TABS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {TAB_LABELS[id]}
              </Tab>
            ))}
          </TabList>
          <div className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'inputs' && (
              <InputsPanel
                port={port}
                inspection={inputs.inspection}
                loading={inputs.loading}
                error={inputs.error}
                onRefresh={inputs.refresh}
                onSourceChange={onSourceChange}
                onColumnChange={onColumnChange}
                selectedRange={session.selectedRange?.bind(session)}
              />
            )}
            {tab === 'validate' && <ValidatePanel validation={validation} session={session} />}
            {tab === 'run' && (
              <RunPanel
                session={session}
                scenario={scenario.scenario}
                onScenarioChange={setScenario}
                inspection={inputs.inspection}
                lastRun={scenario.lastRun}
                run={analysis.state}
                onRun={() => void analysis.run()}
                onCancel={analysis.cancel}
                onShowResults={() => setTab('results')}
              />
            )}
            {tab === 'results' && <ResultsPanel analysis={analysis.latest} session={session} onPlanAtBudget={onPlanAtBudget} busy={analysis.state.phase === 'running'} />}
          </div>
        </>
      )}
    </div>
  );
}
