/**
 * Inputs: which contract tables and columns were found, which are missing, and where to read a
 * missing or misnamed one from (another table or sheet, or the selected range in Excel).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TableName } from '../../model/contract';
import type { WorkbookPort } from '../../workbook/port';
import type { InputInspection, TableStatus } from '../state/input-inspection';
import { ColumnMappingList } from './ColumnMappingList';
import { CreateTemplateButton } from './CreateTemplateButton';
import { usePanelStyles } from './layout-styles';
import { Notice } from './Notice';
import { TableSourcePicker } from './TableSourcePicker';
import { TableStatusBadge } from './TableStatusIcon';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  panelBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
});

export interface InputsPanelProps {
  port: WorkbookPort;
  inspection: InputInspection | null;
  loading: boolean;
  error: string | null;
  onRefresh(): void;
  onSourceChange(name: TableName, source: string): void;
  onColumnChange(name: TableName, key: string, header: string): void;
  selectedRange?: () => Promise<string | null>;
}

function whereFound(status: TableStatus): string {
  const found = status.found;
  if (!found) return status.custom ? `Nothing found at ${status.source}` : status.spec.required ? 'Required, not found' : 'Optional, not found';
  const where = found.kind === 'table' ? `table ${found.name} on sheet ${found.sheet}` : found.kind === 'range' ? `range ${status.source}` : `sheet ${found.sheet}`;
  const missing = status.missingColumns.length ? `; missing ${status.missingColumns.join(', ')}` : '';
  return `${where}, ${found.rows} rows${missing}`;
}

export function InputsPanel(props: InputsPanelProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { inspection } = props;
  if (!inspection) {
    return props.error ? <Notice intent="error" title="The workbook could not be read">{props.error}</Notice> : <Spinner size="small" label="Reading the workbook…" />;
  }
  return (
    <div className={panel.panel}>
      <Body1>Input tables are matched by name and their columns by header. Point a missing table at another table or sheet, and map any column.</Body1>
      {props.error && <Notice intent="error">{props.error}</Notice>}
      <Accordion multiple collapsible aria-label="Input tables">
        {inspection.tables.map((status) => (
          <AccordionItem key={status.spec.name} value={status.spec.name} data-testid={`input-${status.spec.name}`}>
            <AccordionHeader size="small">
              <span className={styles.header}>
                <span>{status.spec.name}</span>
                <TableStatusBadge status={status} />
              </span>
            </AccordionHeader>
            <Caption1 className={mergeClasses(panel.muted, panel.wrap)} data-testid={`where-${status.spec.name}`}>
              {whereFound(status)}
            </Caption1>
            <AccordionPanel>
              <div className={styles.panelBody}>
                <Caption1 className={panel.wrap}>{status.spec.purpose}</Caption1>
                <TableSourcePicker status={status} available={inspection.available} onChange={props.onSourceChange} selectedRange={props.selectedRange} />
                {status.found ? <ColumnMappingList status={status} onChange={props.onColumnChange} /> : null}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <CreateTemplateButton port={props.port} tables={inspection.tables} onCreated={props.onRefresh} />
      {props.loading && <Spinner size="tiny" label="Updating…" />}
    </div>
  );
}
