/**
 * The MOM stage in the pipeline: the time of planMomStage (excess, disposition, last-time buys,
 * risk, revenue, scorecard, business case) on the sample at bench sizes, as a ratio to the
 * planning run of the same input (per-location plans + network plan, once) measured in the same
 * run; the MOM stage is the best of 3. Generation and workbook reading are not timed.
 *
 * The centralisation counterfactual (src/engine/network/centralisation.ts: a second network plan with no
 * field coverable) is timed too, in CPU time (process.cpuUsage, less sensitive to a shared machine),
 * as a ratio to the planning run's CPU time.
 */
import { planPortfolio } from '../src/engine/portfolio';
import { computeWithNetwork } from '../src/pipeline/network-stage';
import { planMomStage } from '../src/pipeline/mom-stage';
import { planCentralisation } from '../src/engine/network';
import { readInputTables, validateRun } from '../src/pipeline/run';
import { generateSample } from '../src/sample';
import { XlsxWorkbook } from '../src/workbook/xlsx-adapter';

export async function momStageBenchSection(log: (line: string) => void, sizes: readonly number[] = [250, 1000]): Promise<void> {
  log('| Part-locations | Planning run (floor) | MOM stage | Ratio | Planning CPU | Centralisation counterfactual CPU | Ratio |');
  log('|---|---|---|---|---|---|---|');
  for (const parts of sizes) {
    const draft = XlsxWorkbook.empty();
    await draft.createInputTables(generateSample({ parts, locations: 4, periods: 36, seed: 42 }));
    const tables = await readInputTables(await XlsxWorkbook.fromBuffer(await draft.toBuffer()));
    const validated = validateRun(tables);
    if (!validated.ok) throw new Error('the sample should be valid');
    // The planning run once (it is the slow part), the MOM stage best of 3 on its result.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let start = performance.now();
    let cpuStart = cpu();
    const computed = computeWithNetwork(validated.input, planPortfolio);
    const plan = performance.now() - start;
    const planCpu = cpu() - cpuStart;
    const network = computed.network!;
    cpuStart = cpu();
    const centralisation = planCentralisation(network.problem, network.plan, network.settings);
    const centralCpu = cpu() - cpuStart;
    if (!centralisation) throw new Error('the sample has coverable fields');
    const rows = computed.portfolio.rows.count;
    let mom = Infinity;
    for (let run = 0; run < 3; run++) {
      start = performance.now();
      const stage = planMomStage(computed.input, computed.portfolio, computed.portfolio.rows.plans.columns.stock);
      mom = Math.min(mom, performance.now() - start);
      if (stage.stage.excess.size !== rows) throw new Error('unreachable');
    }
    log(`| ${rows.toLocaleString('en-US')} | ${(plan / 1000).toFixed(2)} s | ${(mom / 1000).toFixed(3)} s | ${(mom / plan).toFixed(3)} | ${(planCpu / 1000).toFixed(2)} s | ${(centralCpu / 1000).toFixed(2)} s | ${(centralCpu / planCpu).toFixed(3)} |`);
  }
}

if (require.main === module) void momStageBenchSection((line) => console.log(line));
