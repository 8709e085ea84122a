/**
 * Where an input table is read from: its contract name (default), another table or sheet of the
 * workbook, or (in Excel) the selected range.
 */
import { Button, Field, Select } from '@fluentui/react-components';
import type { TableName } from '../../model/contract';
import { isRangeAddress } from '../../pipeline/run';
import type { TableStatus, WorkbookObject } from '../state/input-inspection';
import { usePanelStyles } from './layout-styles';

export interface TableSourcePickerProps {
  status: TableStatus;
  available: WorkbookObject[];
  onChange(name: TableName, source: string): void;
  /** Excel only: reads the selection's address. */
  selectedRange?: () => Promise<string | null>;
}

/** One entry per name: reading a name finds its table before a sheet of that name. */
function distinctSources(available: WorkbookObject[]): WorkbookObject[] {
  const byName = new Map<string, WorkbookObject>();
  for (const object of available) {
    const key = object.name.toLowerCase();
    const known = byName.get(key);
    if (!known || (known.source === 'sheet' && object.source === 'table')) byName.set(key, object);
  }
  return [...byName.values()];
}

function objectLabel(object: WorkbookObject): string {
  return object.source === 'table' ? `${object.name} (table on ${object.sheet})` : `${object.name} (sheet)`;
}

export function TableSourcePicker({ status, available, onChange, selectedRange }: TableSourcePickerProps) {
  const panel = usePanelStyles();
  const name = status.spec.name;
  const current = status.custom ? status.source : '';
  const knownSources = new Set(available.map((o) => o.name));
  return (
    <div className={panel.section}>
      <Field label={`Read ${name} from`}>
        <Select value={current} onChange={(_, data) => onChange(name, data.value)} data-testid={`source-${name}`}>
          <option value="">{`${name} (its own name)`}</option>
          {distinctSources(available)
            .filter((o) => o.name.toLowerCase() !== name.toLowerCase())
            .map((o) => (
              <option key={o.name} value={o.name}>
                {objectLabel(o)}
              </option>
            ))}
          {current && !knownSources.has(current) && <option value={current}>{isRangeAddress(current) ? `Range ${current}` : current}</option>}
        </Select>
      </Field>
      {selectedRange && (
        <div className={panel.row}>
          <Button
            size="small"
            onClick={async () => {
              const address = await selectedRange();
              if (address) onChange(name, address);
            }}
          >
            Use selected range
          </Button>
        </div>
      )}
    </div>
  );
}
