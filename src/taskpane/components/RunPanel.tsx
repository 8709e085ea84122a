/**
 * Run: scenario settings, the Run button, progress with Cancel, and what came of the run. Results
 * are written only when the input has no errors; otherwise the errors are listed here.
 */
import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Scenario } from '../../pipeline/run';
import type { HostSession } from '../host/session';
import { formatTimestamp } from '../state/format';
import type { InputInspection } from '../state/input-inspection';
import type { LastRun } from '../../pipeline/scenario-store';
import type { RunState } from '../state/use-analysis-run';
import { IssueList } from './IssueList';
import { usePanelStyles } from './layout-styles';
import { Notice } from './Notice';
import { RunProgress } from './RunProgress';
import { ScenarioSettings } from './ScenarioSettings';

export interface RunPanelProps {
  session: HostSession;
  scenario: Scenario;
  onScenarioChange(update: (current: Scenario) => Scenario): void;
  inspection: InputInspection | null;
  lastRun: LastRun | null;
  run: RunState;
  onRun(): void;
  onCancel(): void;
  onShowResults(): void;
}

export function RunPanel(props: RunPanelProps) {
  const panel = usePanelStyles();
  const [settingsValid, setSettingsValid] = useState(true);
  const { run } = props;
  const running = run.phase === 'running';
  return (
    <div className={panel.panel}>
      <Body1>Forecasts demand, recommends base-stock levels against the SLA targets, backtests them and writes the result sheets.</Body1>
      {props.lastRun && (
        <Caption1 className={panel.muted} data-testid="last-run">{`Last run ${formatTimestamp(props.lastRun.timestamp)}, engine ${props.lastRun.engineVersion}`}</Caption1>
      )}
      <ScenarioSettings scenario={props.scenario} inspection={props.inspection} onChange={props.onScenarioChange} onValidity={setSettingsValid} />
      <div className={panel.row}>
        <Button appearance="primary" onClick={props.onRun} disabled={running || !settingsValid}>
          Run analysis
        </Button>
        {!settingsValid && <Caption1>Fix the highlighted fields first.</Caption1>}
      </div>
      {running && <RunProgress stage={run.stage} fraction={run.fraction} cancelling={run.cancelling} onCancel={props.onCancel} />}
      <div role="status" aria-live="polite" className={panel.section}>
        {run.phase === 'done' && (
          <Notice intent="success" title="Analysis complete">
            The result sheets were written to the workbook.{' '}
            <Button appearance="transparent" size="small" onClick={props.onShowResults}>
              Show results
            </Button>
          </Notice>
        )}
        {run.phase === 'cancelled' && <Notice intent="info" title="Run cancelled">Nothing was written; the previous results are unchanged.</Notice>}
        {run.phase === 'failed' && <Notice intent="error" title="The run failed">{run.message}</Notice>}
        {run.phase === 'invalid' && (
          <Notice intent="error" title="The input has errors">
            No results were written. Fix the problems below and run again.
          </Notice>
        )}
        {(run.phase === 'done' || run.phase === 'invalid') && run.scenarioWarning && <Notice intent="warning">{run.scenarioWarning}</Notice>}
      </div>
      {run.phase === 'invalid' && <IssueList issues={run.issues} session={props.session} />}
    </div>
  );
}
