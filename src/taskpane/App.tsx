/**
 * Task pane shell: theme, product name and run mode. The planning UI mounts in <main>.
 */
import { Badge, Body1, Caption1, FluentProvider, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { RuntimeInfo } from './officeRuntime';
import { useHostTheme } from './theme';

export const PRODUCT_NAME = 'Service Parts Planner';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { flexGrow: 1, margin: 0 },
  badge: { flexShrink: 0 },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function modeLabel(runtime: RuntimeInfo): string {
  return runtime.mode === 'excel' ? 'Excel' : 'Standalone';
}

export function App({ runtime }: { runtime: RuntimeInfo }) {
  const theme = useHostTheme(runtime.mode);
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.shell}>
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
        <Body1>{runtime.mode === 'excel' ? 'Running inside Excel.' : 'Running standalone, outside Excel.'}</Body1>
        <Caption1>{runtime.reason}</Caption1>
      </main>
    </FluentProvider>
  );
}
