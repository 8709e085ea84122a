/** Progress of a run: the six pipeline stages, the current one's progress bar, and Cancel. */
import { Button, Caption1, Field, ProgressBar, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Stage } from '../../pipeline/run';

export const STAGES: { stage: Stage; label: string; doing: string }[] = [
  { stage: 'read', label: 'Read', doing: 'Reading the input tables' },
  { stage: 'validate', label: 'Validate', doing: 'Validating the input' },
  { stage: 'compute', label: 'Compute', doing: 'Forecasting and computing stock levels' },
  { stage: 'assess', label: 'Assess', doing: 'Assessing excess, risk and the opportunities (MOM)' },
  { stage: 'layout', label: 'Lay out', doing: 'Laying out the result tables' },
  { stage: 'write', label: 'Write', doing: 'Writing the results to the workbook' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  stages: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  stage: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  done: { color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface RunProgressProps {
  stage: Stage;
  fraction: number;
  cancelling: boolean;
  onCancel(): void;
}

export function RunProgress({ stage, fraction, cancelling, onCancel }: RunProgressProps) {
  const styles = useStyles();
  const position = STAGES.findIndex((s) => s.stage === stage);
  const current = STAGES[position];
  return (
    <div className={styles.root} data-testid="run-progress">
      <ol className={styles.stages} aria-label="Run stages">
        {STAGES.map((s, i) => (
          <li
            key={s.stage}
            className={mergeClasses(styles.stage, i < position && styles.done, i === position && styles.current)}
            aria-current={i === position ? 'step' : undefined}
          >
            {i < position ? `✓ ${s.label}` : s.label}
          </li>
        ))}
      </ol>
      <Field validationMessage={cancelling ? 'Cancelling…' : `${current.doing}…`} validationState="none">
        <ProgressBar value={fraction} max={1} thickness="large" aria-label={`${current.label} stage progress`} />
      </Field>
      <div>
        {/* Writing is not interruptible: results must be complete or not there at all. */}
        <Button onClick={onCancel} disabled={cancelling || stage === 'write'}>
          Cancel
        </Button>
      </div>
      <Caption1 className={styles.stage}>{`Stage ${position + 1} of ${STAGES.length}`}</Caption1>
    </div>
  );
}
