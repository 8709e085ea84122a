/**
 * Problems in the input, errors apart from warnings, with counts. An issue that names a cell is a
 * button: clicking it (or Enter/Space) selects that cell in Excel.
 */
import { Badge, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatIssue, quoteSheetName, type ValidationIssue } from '../../model/types';
import type { HostSession } from '../host/session';
import { usePanelStyles } from './layout-styles';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeft: `4px solid ${tokens.colorStatusDangerBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorStatusWarningBorder2}` },
});

/** Lists longer than this are cut (a broken Demand table can yield thousands of lines). */
const MAX_SHOWN = 200;

export interface IssueListProps {
  issues: ValidationIssue[];
  session: HostSession;
}

export function IssueList({ issues, session }: IssueListProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [navigation, setNavigation] = useState<string | null>(null);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  async function goTo(issue: ValidationIssue) {
    const done = issue.cell ? await session.selectCell(issue.sheet, issue.cell) : await session.activateSheet(issue.sheet);
    const where = issue.cell ? `${quoteSheetName(issue.sheet)}!${issue.cell}` : issue.sheet;
    setNavigation(done ? null : `${where}: open the workbook in Excel to go there.`);
  }

  function group(title: string, list: ValidationIssue[], kind: 'error' | 'warning') {
    if (!list.length) return null;
    return (
      <section className={panel.section} aria-label={title} data-testid={`${kind}-list`}>
        <Subtitle2 as="h3">{`${title} (${list.length})`}</Subtitle2>
        <ul className={panel.list}>
          {list.slice(0, MAX_SHOWN).map((issue, index) => {
            const text = formatIssue(issue);
            const className = mergeClasses(styles.item, styles[kind]);
            return (
              <li key={index}>
                {issue.sheet ? (
                  <button type="button" className={mergeClasses(className, styles.clickable)} onClick={() => void goTo(issue)} data-testid="issue">
                    <span className={panel.visuallyHidden}>{kind === 'error' ? 'Error: ' : 'Warning: '}</span>
                    {text}
                  </button>
                ) : (
                  <div className={className} data-testid="issue">
                    <span className={panel.visuallyHidden}>{kind === 'error' ? 'Error: ' : 'Warning: '}</span>
                    {text}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {list.length > MAX_SHOWN && <Caption1 className={panel.muted}>{`${list.length - MAX_SHOWN} more not shown; fix these first.`}</Caption1>}
      </section>
    );
  }

  return (
    <div className={panel.section}>
      <div className={styles.counts} data-testid="issue-counts">
        <Badge appearance="filled" color={errors.length ? 'danger' : 'success'}>{`${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`}</Badge>
        <Badge appearance="tint" color={warnings.length ? 'warning' : 'informative'}>{`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}</Badge>
      </div>
      <div role="status" aria-live="polite">
        {navigation && <Caption1 className={panel.muted}>{navigation}</Caption1>}
      </div>
      {group('Errors', errors, 'error')}
      {group('Warnings', warnings, 'warning')}
    </div>
  );
}
