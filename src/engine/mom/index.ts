/** The MOM assessment's engine core: pure computations over plain typed inputs (docs/methods.md › MOM assessment and business case). */
export * from './assessment-defaults';
export * from './decline';
export * from './disposition';
export * from './excess';
export * from './finance';
export * from './format';
export * from './kpis';
export * from './last-time-buy';
export * from './monitoring';
export * from './opportunities';
export * from './revenue';
export * from './risk';
export * from './scorecard';
export * from './settings';
