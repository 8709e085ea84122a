/** Synthetic sample workbooks: `generateSample` and the building blocks its tests check. */
export { generateSample, type SampleOptions } from './generate';
export { DEMAND_PATTERNS, type DemandPattern } from './demand';
export { SAMPLE_SLA_TIERS, centralCount } from './network';
export { periodLabels } from './periods';
export { createRng, deriveSeed, type Rng } from './random';
export { samplePoisson, sampleNegativeBinomial, sampleGamma, sampleCompoundPoisson } from './samplers';
