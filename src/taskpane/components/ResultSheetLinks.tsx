/**
 * The result sheets of the run. In Excel each one is a link that activates the sheet; standalone,
 * the sheets travel in the downloaded workbook instead.
 */
import { Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { HostSession } from '../host/session';
import { usePanelStyles } from './layout-styles';
import { Notice } from './Notice';

export function ResultSheetLinks({ session, sheets }: { session: HostSession; sheets: string[] }) {
  const panel = usePanelStyles();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = session.download?.bind(session);
  return (
    <section className={panel.section} aria-label="Result sheets" data-testid="result-sheets">
      <Subtitle2 as="h3">Result sheets</Subtitle2>
      {session.mode === 'excel' ? (
        <ul className={panel.list}>
          {sheets.map((sheet) => (
            <li key={sheet}>
              <Button appearance="subtle" size="small" onClick={() => void session.activateSheet(sheet)}>
                {`Go to ${sheet}`}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <Caption1 className={panel.wrap}>{`The results workbook holds your inputs unchanged plus ${sheets.join(', ')}.`}</Caption1>
      )}
      {download && (
        <div>
          <Button
            appearance="primary"
            disabled={downloading}
            onClick={async () => {
              setDownloading(true);
              setError(null);
              try {
                await download();
              } catch (failure) {
                setError(failure instanceof Error ? failure.message : String(failure));
              } finally {
                setDownloading(false);
              }
            }}
          >
            Download results workbook
          </Button>
        </div>
      )}
      {error && <Notice intent="error" title="The download failed">{error}</Notice>}
    </section>
  );
}
