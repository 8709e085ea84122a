/**
 * A result table as the results contract describes it: the contract's `pane` columns with their
 * headers, formats (percent, currency in the run's currency, integer, decimal, text) and header
 * notes, read from the JSON rows. Nothing about a column is written here.
 *
 * Accessible: a native table named by its heading, headers as column headers with their note as
 * description (and as a tooltip for mouse and keyboard users). The header row is one tab stop:
 * arrow keys move between the headers (showing each note), and the table scrolls sideways to the
 * focused header where it is wider than the pane.
 */
import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { useId } from 'react';
import { formatResultValue } from '../state/format';
import { paneColumns, valueAt, type JsonRecord, type PaneTableSpec } from '../state/result-rows';
import { usePanelStyles } from './layout-styles';

const CELL_PADDING = `0 ${tokens.spacingHorizontalXS}`;

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', minWidth: 0, maxWidth: '100%' },
  table: { tableLayout: 'auto', width: '100%' },
  header: {
    verticalAlign: 'bottom',
    whiteSpace: 'normal',
    fontWeight: tokens.fontWeightSemibold,
    padding: CELL_PADDING,
    minWidth: '3.5em',
  },
  headerText: {
    display: 'inline-block',
    borderRadius: tokens.borderRadiusSmall,
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: '3px',
    cursor: 'help',
    outlineStyle: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  cell: { padding: CELL_PADDING, whiteSpace: 'nowrap' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  alignEnd: { textAlign: 'right' },
  // The first column names the row: it stays in view while a wide table scrolls sideways.
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
});

const NUMERIC = new Set(['integer', 'decimal', 'percent', 'currency']);

export interface ContractTableProps {
  /** The contract's table (its columns; `id` names test ids). */
  spec: PaneTableSpec;
  rows: readonly JsonRecord[];
  currency: string;
  title: string;
  /** One line under the title: what the rows are (e.g. how they were chosen). */
  description?: string;
}

export function ContractTable({ spec, rows, currency, title, description }: ContractTableProps) {
  const panel = usePanelStyles();
  const headingId = useId();
  const descriptionId = useId();
  return (
    <section className={panel.section} aria-labelledby={headingId} data-testid={`table-${spec.id}`}>
      <Subtitle2 as="h3" id={headingId}>
        {title}
      </Subtitle2>
      {description && (
        <Caption1 id={descriptionId} className={mergeClasses(panel.muted, panel.wrap)}>
          {description}
        </Caption1>
      )}
      {rows.length > 0 && <RowsTable spec={spec} rows={rows} currency={currency} labelledBy={headingId} describedBy={description ? descriptionId : undefined} />}
    </section>
  );
}

function RowsTable({ spec, rows, currency, labelledBy, describedBy }: Pick<ContractTableProps, 'spec' | 'rows' | 'currency'> & { labelledBy: string; describedBy?: string }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const noteIds = useId();
  const headerNavigation = useArrowNavigationGroup({ axis: 'horizontal', memorizeCurrent: true });
  const columns = paneColumns(spec);
  return (
    // The arrow-key group sits on the wrapper: Tabster adds focus sentinels to its element, which inside a <tr> would become cells.
    <div className={styles.scroll} {...headerNavigation}>
      <Table size="extra-small" className={styles.table} aria-labelledby={labelledBy} aria-describedby={describedBy}>
        <TableHeader>
          <TableRow>
            {columns.map(({ column, path }, i) => (
              <TableHeaderCell key={path} scope="col" className={mergeClasses(styles.header, i === 0 && styles.sticky)} aria-describedby={`${noteIds}-${i}`} data-testid="column-header">
                <Tooltip content={column.note} relationship="inaccessible" withArrow>
                  <span tabIndex={0} className={mergeClasses(styles.headerText, NUMERIC.has(column.format) && styles.alignEnd)}>
                    {column.header}
                  </span>
                </Tooltip>
                <span id={`${noteIds}-${i}`} className={panel.visuallyHidden}>
                  {column.note}
                </span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r}>
              {columns.map(({ column, path }, i) => (
                <TableCell key={path} className={mergeClasses(styles.cell, NUMERIC.has(column.format) && styles.number, i === 0 && styles.sticky)}>
                  {formatResultValue(valueAt(row, path), column.format, currency)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
