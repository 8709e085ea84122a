/**
 * AnalysisRunner on the UI thread, for environments without Web Workers (jsdom, old webviews).
 * analyzeTables is synchronous, so Cancel takes effect before the run starts or at the engine's
 * next progress check; the promise is rejected at once either way.
 */
import { analyzeTables, type Analysis, type InputTables, type Scenario } from '../../pipeline/run';
import { AnalysisCancelled, isCancelled, type AnalysisRunner, type ProgressListener } from './runner';

export class InThreadRunner implements AnalysisRunner {
  private current: { cancelled: boolean; reject(error: Error): void } | null = null;

  async run(tables: InputTables, scenario: Scenario, onProgress: ProgressListener): Promise<Analysis> {
    if (this.current) throw new Error('An analysis is already running.');
    return new Promise<Analysis>((resolve, reject) => {
      const current = { cancelled: false, reject };
      this.current = current;
      // Let the UI paint "running" (and accept a Cancel) before the synchronous work starts.
      setTimeout(() => {
        if (current.cancelled) return;
        try {
          resolve(analyzeTables(tables, scenario, { onProgress, shouldStop: () => current.cancelled }));
        } catch (error) {
          reject(isCancelled(error) ? new AnalysisCancelled() : error);
        } finally {
          if (this.current === current) this.current = null;
        }
      }, 0);
    });
  }

  cancel(): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    current.cancelled = true;
    current.reject(new AnalysisCancelled());
  }

  dispose(): void {
    this.cancel();
  }
}
