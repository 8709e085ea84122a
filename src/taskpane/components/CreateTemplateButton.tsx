/**
 * "Create input template": adds the contract tables that were not found (with notes, validation and
 * example rows) and says which were created. Existing tables are never touched.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { inputTemplate } from '../../model/template';
import type { WorkbookPort } from '../../workbook/port';
import type { TableStatus } from '../state/input-inspection';
import { Notice } from './Notice';

type Outcome = { kind: 'created'; names: string[] } | { kind: 'failed'; message: string } | null;

export function CreateTemplateButton({ port, tables, onCreated }: { port: WorkbookPort; tables: TableStatus[]; onCreated(): void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const missing = new Set(tables.filter((t) => !t.found).map((t) => t.spec.name as string));

  async function create() {
    setBusy(true);
    try {
      const names = await port.createInputTables(inputTemplate().filter((t) => missing.has(t.name)));
      setOutcome({ kind: 'created', names });
      onCreated();
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div>
        <Button onClick={create} disabled={busy}>
          Create input template
        </Button>
      </div>
      {outcome?.kind === 'created' &&
        (outcome.names.length ? (
          <Notice intent="success" title="Template created">
            Added {outcome.names.join(', ')} with example rows. Replace the examples with your data.
          </Notice>
        ) : (
          <Notice intent="info">Every input table already exists; nothing was added.</Notice>
        ))}
      {outcome?.kind === 'failed' && (
        <Notice intent="error" title="The template could not be created">
          {outcome.message}
        </Notice>
      )}
    </>
  );
}
