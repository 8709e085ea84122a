/** A one-line message (success, warning, error, info) that wraps instead of widening the pane. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({ bar: { minWidth: 0 }, body: { whiteSpace: 'normal', overflowWrap: 'anywhere' } });

export function Notice({ intent, title, children }: { intent: 'success' | 'warning' | 'error' | 'info'; title?: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" className={styles.bar}>
      <MessageBarBody className={styles.body}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
