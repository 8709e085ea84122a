/**
 * Which workbook header feeds each contract column: automatic (header synonyms) unless the user
 * picks one. The choices go to the scenario's columnOverrides.
 */
import { Caption1, Field, Select } from '@fluentui/react-components';
import type { TableName } from '../../model/contract';
import type { ColumnStatus, TableStatus } from '../state/input-inspection';
import { usePanelStyles } from './layout-styles';

export interface ColumnMappingListProps {
  status: TableStatus;
  onChange(name: TableName, key: string, header: string): void;
}

function requirement(column: ColumnStatus): string {
  const required = column.spec.required;
  if (required === true) return 'required';
  return typeof required === 'string' ? `required ${required}` : 'optional';
}

function automaticLabel(column: ColumnStatus): string {
  if (column.mappedTo !== null) return 'Automatic';
  return column.header ? `Automatic: ${column.header}` : 'Automatic: not found';
}

export function ColumnMappingList({ status, onChange }: ColumnMappingListProps) {
  const panel = usePanelStyles();
  const name = status.spec.name;
  return (
    <ul className={panel.list} aria-label={`Columns of ${name}`}>
      {status.columns.map((column) => {
        const missing = status.missingColumns.includes(column.spec.key);
        return (
          <li key={column.spec.key}>
            <Field
              label={`${column.spec.key} (${requirement(column)})`}
              validationState={missing ? 'error' : undefined}
              validationMessage={missing ? `No header matches ${column.spec.key}; pick the column that holds it.` : undefined}
            >
              <Select
                value={column.mappedTo ?? ''}
                onChange={(_, data) => onChange(name, column.spec.key, data.value)}
                data-testid={`column-${name}-${column.spec.key}`}
              >
                <option value="">{automaticLabel(column)}</option>
                {status.headers.map((header, i) => (
                  <option key={`${i}:${header}`} value={header}>
                    {header}
                  </option>
                ))}
                {column.mappedTo !== null && !status.headers.includes(column.mappedTo) && <option value={column.mappedTo}>{`${column.mappedTo} (not in the header row)`}</option>}
              </Select>
            </Field>
          </li>
        );
      })}
      {name === 'Demand' && <Caption1 className={panel.muted}>Period and Quantity are not needed in the wide layout (one column per period).</Caption1>}
    </ul>
  );
}
