/**
 * The busy indicator of the standalone page while the workbook file is read or written in its Web
 * Worker: a Fluent progress bar, determinate when the worker reports a fraction, moving otherwise,
 * with what is happening in words (a large workbook takes seconds; the page stays usable).
 */
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { FileActivity } from '../state/use-workbook';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export const FILE_ACTIVITY_TEXT: Record<FileActivity['stage'], string> = {
  open: 'Reading the workbook…',
  save: 'Writing the results workbook…',
};

export function FileProgress({ activity }: { activity: FileActivity | null }) {
  const styles = useStyles();
  if (!activity) return null;
  const text = FILE_ACTIVITY_TEXT[activity.stage];
  return (
    <div className={styles.box} role="status" data-testid="file-progress">
      <ProgressBar thickness="large" value={activity.fraction > 0 ? activity.fraction : undefined} aria-label={text} />
      <Caption1>{text}</Caption1>
    </div>
  );
}
