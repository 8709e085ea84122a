/**
 * Collecting validation issues, with a cap per kind of issue.
 *
 * Why the cap: one broken column in a 700,000-row Demand table yields 700,000 identical issues. Listing
 * them all would freeze the task pane, bury every other problem and tell the user nothing the first
 * few do not. So each kind (same sheet, same column, same rule) lists its first ISSUES_PER_KIND
 * issues, then one summary counting the rest; every issue is still counted, none silently dropped.
 */
import type { Severity, ValidationIssue } from '../model/types';
import { bodyCellAddress, columnLetters, headerCellAddress, type SheetTable } from '../workbook/port';

export const ISSUES_PER_KIND = 50;

/** One kind of issue: same sheet, same column, same rule. */
export interface IssueKind {
  readonly sheet: string;
  /** Worksheet column number, 0 for issues not tied to a column. */
  readonly column: number;
  listed: number;
  /** The "… and N more" issue, created at the first issue over the cap and completed by list(). */
  summary: ValidationIssue | null;
  more: number;
}

/** `12345` → `12,345`, independent of the machine's locale. */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export class IssueLog {
  private readonly issues: ValidationIssue[] = [];
  private readonly kinds = new Map<string, IssueKind>();
  private errors = 0;

  /** The kind for (sheet, column, rule); callers in hot loops keep it to skip this lookup. */
  kind(sheet: string, column: number, rule: string): IssueKind {
    const key = `${sheet}\u0000${column}\u0000${rule}`;
    let kind = this.kinds.get(key);
    if (kind === undefined) {
      kind = { sheet, column, listed: 0, summary: null, more: 0 };
      this.kinds.set(key, kind);
    }
    return kind;
  }

  /**
   * Record one issue. `cell` and `message` are functions so that issues beyond the cap cost no
   * string building.
   */
  add(kind: IssueKind, severity: Severity, cell: () => string, message: () => string): void {
    if (severity === 'error') this.errors++;
    if (kind.listed < ISSUES_PER_KIND) {
      kind.listed++;
      this.issues.push({ severity, sheet: kind.sheet, cell: cell(), message: message() });
      return;
    }
    if (kind.summary === null) {
      kind.summary = { severity, sheet: kind.sheet, cell: '', message: '' };
      this.issues.push(kind.summary);
    }
    kind.more++;
  }

  /** Record a ready-made issue (header problems, missing tables), capped like the others. */
  addIssue(issue: ValidationIssue, rule: string): void {
    this.add(this.kind(issue.sheet, 0, rule), issue.severity, () => issue.cell, () => issue.message);
  }

  /** Errors so far, including those beyond the cap. */
  get errorCount(): number {
    return this.errors;
  }

  /** Every issue, errors first, each group in the order found. */
  list(): ValidationIssue[] {
    for (const kind of this.kinds.values()) {
      if (kind.summary === null) continue;
      const rows = `${withThousands(kind.more)} more ${kind.more === 1 ? 'row' : 'rows'} like this`;
      kind.summary.message = kind.column > 0 ? `… and ${rows} in column ${columnLetters(kind.column)}` : `… and ${rows}`;
    }
    return [...this.issues.filter((i) => i.severity === 'error'), ...this.issues.filter((i) => i.severity === 'warning')];
  }
}

/** Issues of one table, addressed by 0-based body row and column. */
export class TableIssues {
  /** rule → 0-based column index (−1: whole table) → kind; avoids a key string per issue. */
  private readonly kinds = new Map<string, Map<number, IssueKind>>();

  constructor(
    private readonly log: IssueLog,
    readonly table: SheetTable,
  ) {}

  private kindOf(rule: string, columnIndex: number): IssueKind {
    let byColumn = this.kinds.get(rule);
    if (byColumn === undefined) {
      byColumn = new Map();
      this.kinds.set(rule, byColumn);
    }
    let kind = byColumn.get(columnIndex);
    if (kind === undefined) {
      kind = this.log.kind(this.table.sheet, columnIndex < 0 ? 0 : this.table.firstColumn + columnIndex, rule);
      byColumn.set(columnIndex, kind);
    }
    return kind;
  }

  /** An issue at body cell (rowIndex, columnIndex). */
  cell(severity: Severity, rule: string, rowIndex: number, columnIndex: number, message: () => string): void {
    this.log.add(this.kindOf(rule, columnIndex), severity, () => bodyCellAddress(this.table, rowIndex, columnIndex), message);
  }

  /** An issue at a header cell. */
  header(severity: Severity, rule: string, columnIndex: number, message: () => string): void {
    this.log.add(this.kindOf(rule, columnIndex), severity, () => headerCellAddress(this.table, columnIndex), message);
  }

  /** An issue about the whole table (no single cell). */
  whole(severity: Severity, rule: string, message: string): void {
    this.log.add(this.kindOf(rule, -1), severity, () => '', () => message);
  }

  /** Worksheet row number of a body row, as users see it. */
  rowNumber(rowIndex: number): number {
    return this.table.headerRow + 1 + rowIndex;
  }
}
