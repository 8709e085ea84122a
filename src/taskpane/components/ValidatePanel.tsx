/** Validate: check the input as a run would read it and list every problem. */
import { Body1, Button, Spinner } from '@fluentui/react-components';
import type { HostSession } from '../host/session';
import type { ValidationState } from '../state/use-validation';
import { IssueList } from './IssueList';
import { usePanelStyles } from './layout-styles';
import { Notice } from './Notice';

export function ValidatePanel({ validation, session }: { validation: ValidationState; session: HostSession }) {
  const panel = usePanelStyles();
  const { issues } = validation;
  const errors = issues?.filter((i) => i.severity === 'error').length ?? 0;
  return (
    <div className={panel.panel}>
      <Body1>Checks every input table and cell before a run. Errors stop a run; warnings do not.</Body1>
      <div className={panel.row}>
        <Button appearance="primary" onClick={() => void validation.validate()} disabled={validation.checking}>
          Validate input
        </Button>
        {validation.checking && <Spinner size="tiny" label="Checking…" />}
      </div>
      {validation.error && <Notice intent="error" title="The input could not be read">{validation.error}</Notice>}
      {issues && !validation.checking && (
        <>
          {issues.length === 0 && <Notice intent="success">No problems found: the input is ready to run.</Notice>}
          {issues.length > 0 && errors === 0 && <Notice intent="info">Only warnings: the input can be run.</Notice>}
          <IssueList issues={issues} session={session} />
        </>
      )}
    </div>
  );
}
