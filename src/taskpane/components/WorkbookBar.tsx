/**
 * Which workbook the pane works on. Standalone: an "Open workbook (.xlsx)" file picker and a progress
 * bar while the file is read or the results workbook written; Excel: the open workbook needs no choosing.
 */
import { Body1Strong, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { WorkbookState } from '../state/use-workbook';
import { FileProgress } from './FileProgress';
import { usePanelStyles } from './layout-styles';
import { Notice } from './Notice';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS },
});

export function WorkbookBar({ workbook }: { workbook: WorkbookState }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const input = useRef<HTMLInputElement>(null);
  const { open } = workbook;
  return (
    <section className={styles.bar} aria-label="Workbook">
      {open && (
        <div className={panel.row}>
          <Button appearance={workbook.port ? 'secondary' : 'primary'} onClick={() => input.current?.click()} disabled={workbook.opening}>
            Open workbook (.xlsx)
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            aria-label="Workbook file (.xlsx)"
            data-testid="workbook-file"
            className={panel.visuallyHidden}
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = ''; // the same file can be opened again
              if (file) void open(file);
            }}
          />
        </div>
      )}
      <FileProgress activity={workbook.fileActivity} />
      {workbook.name ? (
        <Caption1 className={panel.wrap}>
          Workbook: <Body1Strong data-testid="workbook-name">{workbook.name}</Body1Strong>
        </Caption1>
      ) : (
        open && <Caption1 className={panel.muted}>Open an .xlsx workbook with the input tables (Parts, Locations, SLATiers, Demand, and optionally Inventory and Settings).</Caption1>
      )}
      {workbook.openError && (
        <Notice intent="error" title="Could not open the workbook">
          {workbook.openError}
        </Notice>
      )}
    </section>
  );
}
