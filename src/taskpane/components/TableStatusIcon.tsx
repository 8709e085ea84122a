/** Found / missing / optional-missing marker of an input table, with a text equivalent. */
import { Badge } from '@fluentui/react-components';
import type { TableStatus } from '../state/input-inspection';

export type TableState = 'found' | 'incomplete' | 'missing' | 'absent-optional';

export function tableState(status: TableStatus): TableState {
  if (status.found) return status.missingColumns.length ? 'incomplete' : 'found';
  return status.spec.required ? 'missing' : 'absent-optional';
}

const LABELS: Record<TableState, { text: string; color: 'success' | 'warning' | 'danger' | 'informative' }> = {
  found: { text: 'Found', color: 'success' },
  incomplete: { text: 'Columns missing', color: 'warning' },
  missing: { text: 'Missing', color: 'danger' },
  'absent-optional': { text: 'Not found (optional)', color: 'informative' },
};

export function TableStatusBadge({ status }: { status: TableStatus }) {
  const state = tableState(status);
  const label = LABELS[state];
  return (
    <Badge appearance="tint" color={label.color} data-testid={`table-state-${status.spec.name}`}>
      {label.text}
    </Badge>
  );
}
