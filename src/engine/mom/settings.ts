/**
 * Parameters of the MOM assessment with their defaults. Phase 2 adds the first four to the
 * workbook's Settings table (the names) and lets an Assumptions table override the rest;
 * until then the engine takes them as plain options, so every module is testable on its own.
 */
export interface MomSettings {
  /** Years of benefits in the business case (Setting HorizonYears). */
  horizonYears: number;
  /** Annual discount rate of the NPV (Setting DiscountRate). */
  discountRate: number;
  /** A part-location without demand in this many latest periods is obsolete (Setting ObsoleteAfterPeriods). */
  obsoleteAfterPeriods: number;
  /** Probability that a last-time buy covers the remaining life's demand (Setting LastTimeBuyConfidence). */
  lastTimeBuyConfidence: number;
  /** A tier whose ResponseHours is at most this is a same-day tier (4-h and 8-h contracts; 24-h and next-business-day are not). */
  sameDayMaxHours: number;
  /** A part whose supplier lead time is at least this many days has a long lead time. */
  longLeadTimeDays: number;
  /** Share of SalePrice realised when surplus stock is sold (the issue values the sale at SalePrice: 1). */
  surplusSaleShare: number;
  /** Implementation waves the positive-NPV opportunities are split into. */
  waves: number;
}

export const MOM_DEFAULTS: Readonly<MomSettings> = Object.freeze({
  horizonYears: 3,
  discountRate: 0.08,
  obsoleteAfterPeriods: 24,
  lastTimeBuyConfidence: 0.95,
  sameDayMaxHours: 12,
  longLeadTimeDays: 60,
  surplusSaleShare: 1,
  waves: 3,
});
