/**
 * Task pane shell: theme, product name and run mode, with the planning UI in <main> once the host
 * session is ready.
 */
import { Badge, Body1, Caption1, FluentProvider, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Planner } from './components/Planner';
import type { HostSession } from './host/session';
import type { RuntimeInfo } from './officeRuntime';
import { useHostTheme } from './theme';

export const PRODUCT_NAME = 'Service Parts Planner';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { flexGrow: 1, margin: 0 },
  badge: { flexShrink: 0 },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  footer: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function modeLabel(runtime: RuntimeInfo): string {
  return runtime.mode === 'excel' ? 'Excel' : 'Standalone';
}

export function App({ runtime, session }: { runtime: RuntimeInfo; session?: HostSession }) {
  const theme = useHostTheme(runtime.mode);
  const styles = useStyles();
  return (
    // Layout on an inner element: FluentProvider copies its className to portals (tooltips,
    // popovers), and a full-height shell there would cover the pane.
    <FluentProvider theme={theme}>
      <div className={styles.shell}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" alt="" width={24} height={24} />
          <Subtitle1 as="h1" className={styles.title}>
            {PRODUCT_NAME}
          </Subtitle1>
          <Badge appearance="tint" color={runtime.mode === 'excel' ? 'brand' : 'informative'} className={styles.badge} data-testid="run-mode">
            {modeLabel(runtime)}
          </Badge>
        </header>
        <main className={styles.main}>
          {session ? <Planner session={session} /> : <Body1>{runtime.mode === 'excel' ? 'Running inside Excel.' : 'Running standalone, outside Excel.'}</Body1>}
        </main>
        <footer className={styles.footer}>
          <Caption1 data-testid="run-reason">{runtime.reason}</Caption1>
        </footer>
      </div>
    </FluentProvider>
  );
}
