/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never in logs or
 * pipes) and redrawn at most every 100 ms.
 */
import type { Stage } from '../pipeline/run';

const STAGE_LABELS: Record<Stage, string> = { read: 'Reading', validate: 'Validating', compute: 'Planning', assess: 'Assessing', layout: 'Laying out', write: 'Writing' };
const WIDTH = 28;

export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  update(stage: Stage, fraction: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (fraction < 1 && fraction > 0 && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    this.stream.write(`\r${STAGE_LABELS[stage].padEnd(11)} ${bar} ${String(Math.round(fraction * 100)).padStart(3)}%`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
