/**
 * Custom function for two-echelon stocking: a field location's VARI-METRIC measures given the
 * Central's stock (docs/methods.md §9.1–9.2). A thin wrapper over the network engine: the Central
 * and the field become a one-part network (buildNetworkProblem) evaluated at the two stock levels
 * (evaluateNetwork), the code behind the network plan, so nothing is computed a second way.
 *
 * Only the Central's total demand λ₀ and its ratio v̄ enter a field's measures, not how the rest of
 * λ₀ splits between the Central's own customers and its other fields (§9.1: the pipeline X₀ has
 * mean λ₀T₀ and variance v̄λ₀T₀; field j needs fⱼ = λⱼ/λ₀, vⱼ and v̄). So the rest of the demand is
 * given to the Central's own customers, with the ratio that makes the total v̄.
 *
 * Every exported function here is an Excel custom function (see stock.ts).
 */
import { buildNetworkProblem, DEFAULT_NETWORK_SETTINGS, evaluateNetwork, type NetworkRowField } from '../engine/network';
import { choice, optionalNumber, requiredNumber, type NumberRule } from './arguments';
import { FILL_RATE_MODELS, VARIMETRIC_MEASURES, type VariMetricMeasure } from './choices';
import { invalidNumber } from './errors';
import { LIMITS, NETWORK_LIMITS } from './limits';

/** The engine's column of each measure SPP.VARIMETRIC returns. */
const MEASURE_COLUMN: Readonly<Record<VariMetricMeasure, NetworkRowField>> = {
  EBO: 'expectedBackorders',
  FillRate: 'fillRate',
  ReadyRate: 'readyRate',
  ExpectedOnHand: 'expectedOnHand',
  PipelineMean: 'pipelineMean',
  PipelineVariance: 'pipelineVariance',
};

const RATE: NumberRule = { min: 0 };
const DAYS: NumberRule = { min: 0 };
const FIELD_STOCK: NumberRule = { min: 0, max: NETWORK_LIMITS.fieldStock, integer: true };
const CENTRAL_STOCK: NumberRule = { min: 0, max: LIMITS.stock, integer: true };
/** Variance-to-mean ratio of demand per day: 1 is Poisson, above 1 batches (the Locations' demand, §9). */
const RATIO: NumberRule = { min: 1, max: LIMITS.dispersion };

/** A product rate × days (a pipeline mean) within the work limit. */
function checkedPipeline(name: string, mean: number): void {
  if (mean > LIMITS.mean) throw invalidNumber(`${name} must be at most ${LIMITS.mean} units, found ${mean}`);
}

/**
 * A field location's expected backorders under VARI-METRIC given the Central's stock (or, by measure, its fill rate, ready rate, pipeline).
 * @customfunction
 * @param field_rate The field location's demand per day in units, >= 0.
 * @param field_resupply_days Days from the Central shipping a unit to its arrival at the field (ResupplyDays), >= 0.
 * @param field_stock The field location's base stock in units, a whole number >= 0.
 * @param central_rate All demand on the Central per day: its own customers plus every field's, this one included; >= field_rate.
 * @param central_pipeline_days Days a unit demanded at the Central takes to come back: supplier lead time, or repair; >= 0.
 * @param central_stock The Central's base stock in units, a whole number >= 0.
 * @param [measure] EBO (default), FillRate, ReadyRate, ExpectedOnHand, PipelineMean or PipelineVariance of the field.
 * @param [field_variance_to_mean] Variance-to-mean ratio of the field's daily demand, >= 1; omitted = 1 (Poisson).
 * @param [central_variance_to_mean] Ratio of all demand on the Central, >= 1; omitted = the field's.
 * @param [model] Fill-rate model of FillRate: Compound (default) with demand in batches, or Classic F(S − 1).
 * @returns The measure of the field location (EBO in units).
 */
export function variMetric(
  field_rate: unknown,
  field_resupply_days: unknown,
  field_stock: unknown,
  central_rate: unknown,
  central_pipeline_days: unknown,
  central_stock: unknown,
  measure?: unknown,
  field_variance_to_mean?: unknown,
  central_variance_to_mean?: unknown,
  model?: unknown,
): number {
  const rate = requiredNumber('field_rate', field_rate, RATE);
  const resupplyDays = requiredNumber('field_resupply_days', field_resupply_days, DAYS);
  const fieldStock = requiredNumber('field_stock', field_stock, FIELD_STOCK);
  const totalRate = requiredNumber('central_rate', central_rate, RATE);
  const pipelineDays = requiredNumber('central_pipeline_days', central_pipeline_days, DAYS);
  const centralStock = requiredNumber('central_stock', central_stock, CENTRAL_STOCK);
  const wanted = choice('measure', measure, VARIMETRIC_MEASURES, 'EBO');
  const fieldRatio = optionalNumber('field_variance_to_mean', field_variance_to_mean, 1, RATIO);
  const centralRatio = optionalNumber('central_variance_to_mean', central_variance_to_mean, fieldRatio, RATIO);
  const fillRateModel = choice('model', model, FILL_RATE_MODELS, DEFAULT_NETWORK_SETTINGS.fillRateModel);
  if (totalRate < rate) throw invalidNumber(`central_rate must be at least field_rate (${rate}): the Central's demand includes this field's orders, found ${totalRate}`);
  checkedPipeline('field_rate × field_resupply_days', rate * resupplyDays);
  checkedPipeline('central_rate × central_pipeline_days', totalRate * pipelineDays);
  const spread = rate * (resupplyDays + pipelineDays) * fieldRatio;
  if (fillRateModel === 'Compound' && fieldRatio > 1 && spread > NETWORK_LIMITS.batchSpread) {
    throw invalidNumber(
      `field_rate × (field_resupply_days + central_pipeline_days) × field_variance_to_mean must be at most ${NETWORK_LIMITS.batchSpread} with batch demand (the Compound fill rate's work grows with its square), found ${spread}`,
    );
  }

  // The rest of the Central's demand, with the ratio that makes the total ratio v̄:
  // v̄·λ₀ = vⱼ·λⱼ + v_rest·λ_rest, and v_rest >= 1 (no demand is less variable than Poisson).
  const restRate = totalRate - rate;
  const restSpread = centralRatio * totalRate - fieldRatio * rate;
  const tolerance = 1e-12 * centralRatio * totalRate;
  if (restSpread < restRate - tolerance) {
    const least = (fieldRatio * rate + restRate) / totalRate;
    throw invalidNumber(
      `central_variance_to_mean must be at least ${least} here: the rest of the Central's demand (${restRate} a day) cannot vary less than Poisson, found ${centralRatio}`,
    );
  }
  if (!(restRate > 0) && Math.abs(centralRatio - fieldRatio) > 1e-12 * centralRatio) {
    throw invalidNumber(`central_variance_to_mean must equal field_variance_to_mean (${fieldRatio}) when the field is the Central's only demand, found ${centralRatio}`);
  }
  const restRatio = restRate > 0 ? Math.max(1, restSpread / restRate) : 1;

  const location = { tier: null, holdingCostRate: 0, penaltyPerMiss: 0 };
  const problem = buildNetworkProblem(
    [
      {
        unitCost: 0,
        centralPipelineDays: pipelineDays,
        central: { ...location, ratePerDay: restRate, varianceToMean: restRatio },
        fields: [{ ...location, ratePerDay: rate, varianceToMean: fieldRatio, resupplyDays, emergencyHours: null }],
      },
    ],
    [],
  );
  const { rows } = evaluateNetwork(problem, [centralStock, fieldStock], { ...DEFAULT_NETWORK_SETTINGS, fillRateModel });
  return rows.columns[MEASURE_COLUMN[wanted]][1];
}
