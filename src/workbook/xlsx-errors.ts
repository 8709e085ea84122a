/** The error users see when a workbook file cannot be read or written. Host-neutral (no Node imports). */

export type WorkbookFileProblem = 'not-found' | 'unreadable' | 'not-xlsx' | 'write-failed';

export class WorkbookFileError extends Error {
  override readonly name = 'WorkbookFileError';

  constructor(
    readonly problem: WorkbookFileProblem,
    /** A complete sentence for the user. */
    message: string,
    options?: { cause?: unknown; path?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.path = options?.path;
  }

  /** The file concerned, when known. */
  readonly path: string | undefined;
}
