/**
 * The workbook contract: one declarative description per input table. Validation, the input
 * template (`spp template`, "Create input template"), header matching and docs/workbook.md all
 * derive from these descriptions, so they cannot drift apart.
 */

export type ColumnType =
  /** Free text; numbers are accepted and converted to text (IDs are often numeric). */
  | 'text'
  | 'number'
  /** A whole number. */
  | 'integer'
  /** Yes/No, TRUE/FALSE, 1/0, Y/N. */
  | 'boolean'
  /** A calendar date: an Excel date, an Excel serial number or ISO text `YYYY-MM-DD` (warned). */
  | 'date'
  /** A demand period: a date, an Excel date serial, `YYYY-MM` or `YYYY-Www`. */
  | 'period'
  /** One of `values`, matched ignoring case, spaces, `_` and `-`. */
  | 'enum';

export type Scalar = string | number | boolean;

export interface ColumnSpec {
  /** Canonical header, also the name used in code and docs. */
  readonly key: string;
  /** Other headers accepted for this column (matched after normalizeHeader). */
  readonly synonyms: readonly string[];
  readonly type: ColumnType;
  /** `true`: a value is required in every row; `false`: optional; a string: required when that condition holds (explained in the note). */
  readonly required: boolean | string;
  /** Value used when the cell is blank and the column is optional. */
  readonly default?: Scalar;
  /** Lower bound; exclusive when `minExclusive`. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  /** Upper bound; exclusive when `maxExclusive`. */
  readonly max?: number;
  readonly maxExclusive?: boolean;
  /** Allowed values of an enum column, in their canonical spelling. */
  readonly values?: readonly string[];
  /** The value must be unique within the table. */
  readonly unique?: boolean;
  /** A share from 0 to 1: the message for a value above 1 says it was probably typed as a percentage. */
  readonly share?: boolean;
  /** Accepted values beyond which a warning asks the user to check (a unit or percentage slip). */
  readonly plausible?: Plausibility;
  /** One-line explanation, written as the header's note in the template. */
  readonly note: string;
  /** The template's example value. */
  readonly example: Scalar | null;
}

/** A warning for valid but implausible numbers: above `max`, `warning(value)` is shown at the cell. */
export interface Plausibility {
  readonly max: number;
  readonly warning: (key: string, value: number) => string;
}

/** Five years in days: a replenishment time beyond it is far more often a unit slip (hours, weeks) than real. */
export const FIVE_YEARS_DAYS = 5 * 365.25;

const LONG_TIME: Plausibility = {
  max: FIVE_YEARS_DAYS,
  warning: (key, value) => `${key} ${value} is more than five years (${Math.round(FIVE_YEARS_DAYS)} days); check that it is in days`,
};

/** An annual rate above 100 % of the unit cost was almost always meant as a percentage. */
const ANNUAL_RATE: Plausibility = {
  max: 1,
  warning: (key, value) => `${key} ${value} means ${Math.round(value * 100).toLocaleString('en-US')} % of the unit cost a year; if you meant ${value} %, enter ${value / 100}`,
};

export type TableName = 'Parts' | 'Locations' | 'SLATiers' | 'Demand' | 'Inventory' | 'Settings' | 'Assessment' | 'Assumptions' | 'ServiceEvents';

export interface TableSpec {
  readonly name: TableName;
  readonly required: boolean;
  /** What the table holds, for the template and docs. */
  readonly purpose: string;
  readonly columns: readonly ColumnSpec[];
}

/** Normalized header: lower case without spaces, `_`, `-` and `.`; "Part No." and "part_no" both become "partno". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.]+/g, '');
}

const PARTS: TableSpec = {
  name: 'Parts',
  required: true,
  purpose: 'One row per spare part: cost, supply lead time, repairability and lifecycle.',
  columns: [
    { key: 'PartID', synonyms: ['Part', 'Part Number', 'Part No', 'PartNo', 'Part #', 'SKU', 'Item', 'Item Number', 'Material'], type: 'text', required: true, unique: true, note: 'Unique part identifier.', example: 'PN-1001' },
    { key: 'Description', synonyms: ['Desc', 'Part Description', 'Name'], type: 'text', required: false, note: 'Free text.', example: 'Power supply unit 750 W' },
    { key: 'UnitCost', synonyms: ['Cost', 'Unit Cost', 'Unit Price', 'Standard Cost', 'Price'], type: 'number', required: true, min: 0, minExclusive: true, note: 'Cost of one unit in the Settings currency; must be > 0.', example: 420 },
    { key: 'LeadTimeDays', synonyms: ['Lead Time', 'Lead Time (days)', 'LeadTime', 'Supplier Lead Time', 'LT', 'LT Days'], type: 'number', required: true, min: 0, minExclusive: true, plausible: LONG_TIME, note: 'Supplier lead time to the central location, in days; must be > 0.', example: 45 },
    { key: 'Repairable', synonyms: ['Is Repairable', 'Repair', 'Rotable'], type: 'boolean', required: false, default: false, note: 'Yes if failed units are repaired and returned to stock (Yes/No, TRUE/FALSE, 1/0).', example: 'Yes' },
    { key: 'RepairDays', synonyms: ['Repair Days', 'Repair Time', 'Repair Lead Time', 'Repair TAT', 'TAT'], type: 'number', required: 'when Repairable', min: 0, plausible: LONG_TIME, note: 'Repair turnaround in days (>= 0).', example: 20 },
    { key: 'ScrapRate', synonyms: ['Scrap', 'Scrap Rate', 'Condemnation Rate', 'Condemnation', 'Washout', 'Washout Rate'], type: 'number', required: false, default: 0, min: 0, max: 1, share: true, note: 'Share of returned units that cannot be repaired (0 to 1).', example: 0.1 },
    { key: 'Criticality', synonyms: ['Critical', 'Class', 'Part Class'], type: 'enum', values: ['Critical', 'Standard'], required: false, default: 'Critical', note: 'Critical parts get the SLA tier target fill rate, Standard parts the StandardFillRate setting.', example: 'Critical' },
    { key: 'Lifecycle', synonyms: ['Lifecycle Stage', 'Life Cycle', 'Status', 'Phase'], type: 'enum', values: ['Active', 'Mature', 'EndOfLife'], required: false, default: 'Active', note: 'Active, Mature or EndOfLife.', example: 'Active' },
    { key: 'EndOfSupport', synonyms: ['End Of Support', 'EOS', 'EOS Date', 'End of Service', 'Support End'], type: 'date', required: false, note: 'Date after which the part no longer needs to be supported.', example: null },
    { key: 'SalePrice', synonyms: ['Sale Price', 'Selling Price', 'List Price'], type: 'number', required: false, min: 0, note: 'Price when sold to customers (>= 0).', example: 610 },
    { key: 'RefurbCost', synonyms: ['Refurb Cost', 'Refurbishment Cost', 'Repair Cost'], type: 'number', required: false, min: 0, note: 'Cost to refurbish one returned unit (>= 0).', example: 95 },
    { key: 'SalvageValue', synonyms: ['Salvage', 'Salvage Value', 'Scrap Value', 'Residual Value'], type: 'number', required: false, min: 0, note: 'Value recovered when one unit is scrapped or sold off (>= 0).', example: 40 },
  ],
};

const LOCATIONS: TableSpec = {
  name: 'Locations',
  required: true,
  purpose: 'Stocking locations: Central warehouses and the Field stocking locations they resupply.',
  columns: [
    { key: 'LocationID', synonyms: ['Location', 'Location Id', 'Loc', 'Site', 'Warehouse', 'Plant', 'Depot', 'Stocking Location'], type: 'text', required: true, unique: true, note: 'Unique location identifier.', example: 'FSL-AMS' },
    { key: 'Type', synonyms: ['Location Type', 'Echelon', 'Level'], type: 'enum', values: ['Central', 'Field'], required: true, note: 'Central (resupplied by suppliers and repair) or Field (resupplied by its Parent).', example: 'Field' },
    { key: 'Parent', synonyms: ['Parent Location', 'Parent ID', 'Supplied By', 'Source', 'Resupply From'], type: 'text', required: 'for Field locations', note: 'The Central location that resupplies a Field location.', example: 'CDC-EU' },
    { key: 'ResupplyDays', synonyms: ['Resupply Days', 'Resupply Time', 'Replenishment Days', 'Transit Days'], type: 'number', required: 'for Field locations', min: 0, minExclusive: true, plausible: LONG_TIME, note: 'Central-to-Field replenishment time in days (> 0).', example: 3 },
    { key: 'EmergencyHours', synonyms: ['Emergency Hours', 'Emergency Time', 'Premium Hours', 'Expedite Hours'], type: 'number', required: false, min: 0, note: "Premium delivery time in hours from the Parent to this location's customers.", example: 8 },
    { key: 'SLATier', synonyms: ['SLA Tier', 'SLA', 'Tier', 'Service Tier', 'Service Level'], type: 'text', required: 'for locations with demand', note: 'The SLATiers row that applies to customers served from here.', example: 'Gold' },
    { key: 'HoldingCostRate', synonyms: ['Holding Cost Rate', 'Holding Rate', 'Carrying Cost Rate', 'Carrying Rate'], type: 'number', required: false, min: 0, plausible: ANNUAL_RATE, note: 'Annual holding cost as a share of unit cost; overrides the setting for this location.', example: null },
  ],
};

const SLA_TIERS: TableSpec = {
  name: 'SLATiers',
  required: true,
  purpose: 'Service-level agreement tiers: response time, target fill rate and penalty per miss.',
  columns: [
    { key: 'Tier', synonyms: ['SLA Tier', 'SLATier', 'Name', 'SLA'], type: 'text', required: true, unique: true, note: 'Unique tier name, referenced by Locations.SLATier.', example: 'Gold' },
    { key: 'ResponseHours', synonyms: ['Response Hours', 'Response Time', 'Response', 'Hours'], type: 'number', required: true, min: 0, minExclusive: true, note: 'Promised response time in hours (> 0).', example: 4 },
    { key: 'TargetFillRate', synonyms: ['Target Fill Rate', 'Fill Rate', 'Target', 'Fill Rate Target', 'Service Level Target'], type: 'number', required: true, min: 0, minExclusive: true, max: 1, maxExclusive: true, share: true, note: 'Share of demands filled at once from stock at the serving location (0 < x < 1).', example: 0.95 },
    { key: 'PenaltyPerMiss', synonyms: ['Penalty', 'Penalty Per Miss', 'Penalty Cost', 'Miss Penalty'], type: 'number', required: false, default: 0, min: 0, note: 'Contract penalty per demand not filled from stock (>= 0).', example: 1500 },
  ],
};

const DEMAND: TableSpec = {
  name: 'Demand',
  required: true,
  purpose:
    'Demand history per part, location and period (long layout). The wide layout is also accepted: PartID, LocationID, then one column per period.',
  columns: [
    { key: 'PartID', synonyms: PARTS.columns[0].synonyms, type: 'text', required: true, note: 'A PartID of the Parts table.', example: 'PN-1001' },
    { key: 'LocationID', synonyms: LOCATIONS.columns[0].synonyms, type: 'text', required: true, note: 'A LocationID of the Locations table.', example: 'FSL-AMS' },
    { key: 'Period', synonyms: ['Month', 'Week', 'Date', 'Period Start', 'Year Month', 'YearMonth'], type: 'period', required: true, note: 'A date, an Excel date serial, YYYY-MM or YYYY-Www.', example: '2025-01' },
    { key: 'Quantity', synonyms: ['Qty', 'Demand', 'Units', 'Usage', 'Quantity Demanded', 'Demand Qty'], type: 'integer', required: true, min: 0, note: 'Units demanded in the period (whole number >= 0). Missing periods count as 0.', example: 2 },
  ],
};

const INVENTORY: TableSpec = {
  name: 'Inventory',
  required: false,
  purpose: 'Current stock per part and location: on hand, on order and in repair (optional).',
  columns: [
    { key: 'PartID', synonyms: PARTS.columns[0].synonyms, type: 'text', required: true, note: 'A PartID of the Parts table.', example: 'PN-1001' },
    { key: 'LocationID', synonyms: LOCATIONS.columns[0].synonyms, type: 'text', required: true, note: 'A LocationID of the Locations table.', example: 'FSL-AMS' },
    { key: 'OnHand', synonyms: ['On Hand', 'Stock', 'Qty On Hand', 'QOH', 'Quantity', 'Qty', 'Inventory'], type: 'number', required: true, min: 0, note: 'Units on hand now (>= 0).', example: 1 },
    // MOM assessment (issue 7): the inventory position is OnHand + OnOrder + InRepair.
    { key: 'OnOrder', synonyms: ['On Order', 'Qty On Order', 'Open Orders', 'In Transit', 'Inbound'], type: 'number', required: false, default: 0, min: 0, note: 'Units ordered and not yet received (>= 0); part of the inventory position.', example: 0 },
    { key: 'InRepair', synonyms: ['In Repair', 'Qty In Repair', 'Repair Pipeline', 'At Repair'], type: 'number', required: false, default: 0, min: 0, note: 'Returned units in the repair loop (>= 0); part of the inventory position.', example: 0 },
    { key: 'Condition', synonyms: ['Stock Condition', 'Grade'], type: 'enum', values: ['New', 'Refurbished'], required: false, note: 'New or Refurbished: the condition of the units on hand (the scorecard\'s refurbished share).', example: 'New' },
  ],
};

const SETTINGS: TableSpec = {
  name: 'Settings',
  required: false,
  purpose: 'Analysis settings as Setting/Value pairs (optional; every setting has a default).',
  columns: [
    { key: 'Setting', synonyms: ['Name', 'Parameter', 'Key'], type: 'text', required: true, unique: true, note: 'A setting name (see docs/workbook.md).', example: 'ForecastMethod' },
    { key: 'Value', synonyms: ['Setting Value', 'Val'], type: 'text', required: true, note: 'The value of the setting.', example: 'Auto' },
  ],
};

// MOM assessment (issue 7, docs/methods.md §8): optional tables, each with defaults when absent.
const PILLAR_VALUES = ['Maximize', 'Optimize', 'Minimize'] as const;
/** Opportunity IDs of the Assumptions table (the engine's OPPORTUNITY_IDS). */
export const OPPORTUNITY_VALUES = ['inventoryReduction', 'excessDisposition', 'penaltyAvoidance', 'refurbishment', 'recycling', 'centralisation'] as const;

const ASSESSMENT: TableSpec = {
  name: 'Assessment',
  required: false,
  purpose: 'MOM scorecard: one row per KPI with its best-in-class Benchmark and worst-acceptable Floor (optional; the default KPIs are used when absent).',
  columns: [
    { key: 'KPI', synonyms: ['Metric', 'Indicator', 'KPI Name'], type: 'text', required: true, unique: true, note: 'KPI name; a built-in KPI (docs/methods.md §8) gets Current computed from the data when Current is blank.', example: 'Inventory turns' },
    { key: 'Pillar', synonyms: ['MOM Pillar', 'Lever'], type: 'enum', values: PILLAR_VALUES, required: true, note: 'Maximize, Optimize or Minimize.', example: 'Optimize' },
    { key: 'Current', synonyms: ['Current Value', 'Actual', 'Today'], type: 'number', required: false, note: 'Today\'s value; blank: computed from the data where the data allows.', example: null },
    { key: 'Benchmark', synonyms: ['Best In Class', 'Best-in-class', 'Target'], type: 'number', required: false, note: 'Best-in-class value (scores 100); blank on a built-in KPI: its built-in value.', example: 4 },
    { key: 'Floor', synonyms: ['Worst Acceptable', 'Minimum'], type: 'number', required: false, note: 'Worst acceptable value (scores 0); blank on a built-in KPI: its built-in value.', example: 1 },
    { key: 'Weight', synonyms: ['KPI Weight'], type: 'number', required: false, min: 0, note: 'Weight of the KPI within its pillar (>= 0); blank: the built-in KPI\'s weight, else 1.', example: 1 },
    { key: 'HigherIsBetter', synonyms: ['Higher Is Better', 'Direction'], type: 'boolean', required: false, note: 'Yes when a higher value is better; blank: the built-in KPI\'s direction, else Yes.', example: 'Yes' },
    { key: 'Source', synonyms: ['Basis', 'Reference'], type: 'text', required: false, note: 'Where Current, Benchmark and Floor come from.', example: 'Consultant' },
  ],
};

const ASSUMPTIONS: TableSpec = {
  name: 'Assumptions',
  required: false,
  purpose: 'MOM business case: per opportunity, overrides of its annual benefit, one-time benefit and one-time cost, or its exclusion (optional).',
  columns: [
    { key: 'Opportunity', synonyms: ['Opportunity ID', 'OpportunityID', 'Lever'], type: 'enum', values: OPPORTUNITY_VALUES, required: true, unique: true, note: 'Opportunity ID (SPP Opportunities).', example: 'excessDisposition' },
    { key: 'Include', synonyms: ['Included', 'In Plan'], type: 'boolean', required: false, default: true, note: 'No leaves the opportunity out of the business case.', example: 'Yes' },
    { key: 'AnnualBenefit', synonyms: ['Annual Benefit', 'Benefit Per Year'], type: 'number', required: false, note: 'Net benefit a year; blank: computed.', example: null },
    { key: 'OneTimeBenefit', synonyms: ['One Time Benefit', 'One-time Benefit'], type: 'number', required: false, note: 'Benefit once at the end of year 1; blank: computed.', example: null },
    { key: 'OneTimeCost', synonyms: ['One Time Cost', 'One-time Cost', 'Investment'], type: 'number', required: false, min: 0, note: 'Cost at year 0 (>= 0); blank: the documented share of the benefit.', example: 25000 },
  ],
};

const SERVICE_EVENTS: TableSpec = {
  name: 'ServiceEvents',
  required: false,
  purpose: 'MOM monitoring: one row per demand on a service call, to measure achieved fill rate and SLA compliance (optional).',
  columns: [
    { key: 'Date', synonyms: ['Event Date', 'Call Date'], type: 'date', required: true, note: 'Date of the demand.', example: null },
    { key: 'PartID', synonyms: PARTS.columns[0].synonyms, type: 'text', required: true, note: 'A PartID of the Parts table.', example: 'PN-1001' },
    { key: 'LocationID', synonyms: LOCATIONS.columns[0].synonyms, type: 'text', required: true, note: 'A LocationID of the Locations table.', example: 'FSL-AMS' },
    { key: 'Tier', synonyms: ['SLA Tier', 'SLATier', 'SLA'], type: 'text', required: true, note: 'The SLA tier of the call.', example: 'Gold' },
    { key: 'FilledFromStock', synonyms: ['Filled From Stock', 'Filled', 'From Stock'], type: 'boolean', required: true, note: 'Yes when the part came from stock at once.', example: 'Yes' },
    { key: 'ResponseHours', synonyms: ['Response Hours', 'Response Time'], type: 'number', required: false, min: 0, note: 'Hours until the customer was served (>= 0).', example: 3.5 },
  ],
};

/** Every input table in the order they are read, validated and written to the template. */
export const TABLES: readonly TableSpec[] = [PARTS, LOCATIONS, SLA_TIERS, DEMAND, INVENTORY, SETTINGS, ASSESSMENT, ASSUMPTIONS, SERVICE_EVENTS];

export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`Unknown table ${name}`);
  return spec;
}

export const FORECAST_METHODS = ['Auto', 'Croston', 'SBA', 'TSB', 'SES', 'MovingAverage'] as const;
export const STOCKING_MODES = ['Target', 'Budget', 'Independent'] as const;
export type StockingMode = (typeof STOCKING_MODES)[number];
export const NETWORK_MODELS = ['VariMetric', 'Metric'] as const;
export type ForecastMethodSetting = (typeof FORECAST_METHODS)[number];

/** One setting of the Settings table. */
export interface SettingSpec {
  readonly key: string;
  readonly synonyms: readonly string[];
  readonly type: 'number' | 'integer' | 'enum' | 'text';
  readonly default: Scalar;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
  readonly share?: boolean;
  readonly plausible?: Plausibility;
  readonly note: string;
}

export const SETTINGS_SPEC: readonly SettingSpec[] = [
  { key: 'PeriodLength', synonyms: ['Period', 'Bucket', 'Time Bucket'], type: 'enum', values: ['Month', 'Week'], default: 'Month', note: 'Length of a demand period.' },
  { key: 'ForecastMethod', synonyms: ['Method', 'Forecast'], type: 'enum', values: FORECAST_METHODS, default: 'Auto', note: 'Auto picks per part-location by a rolling-origin backtest.' },
  { key: 'Alpha', synonyms: ['Smoothing', 'Smoothing Constant'], type: 'number', default: 0.1, min: 0, minExclusive: true, max: 1, note: 'Smoothing constant of SES, Croston, SBA and TSB sizes (0 < alpha <= 1).' },
  { key: 'Beta', synonyms: ['TSB Beta', 'Probability Smoothing'], type: 'number', default: 0.1, min: 0, minExclusive: true, max: 1, note: 'TSB smoothing constant of the demand probability (0 < beta <= 1).' },
  { key: 'MovingAverageWindow', synonyms: ['MA Window', 'Moving Average Periods'], type: 'integer', default: 12, min: 1, note: 'Periods averaged by the moving-average method.' },
  { key: 'HoldingCostRate', synonyms: ['Holding Rate', 'Carrying Cost Rate'], type: 'number', default: 0.25, min: 0, plausible: ANNUAL_RATE, note: 'Annual holding cost as a share of unit cost.' },
  { key: 'StandardFillRate', synonyms: ['Standard Target', 'Standard Fill Rate Target'], type: 'number', default: 0.85, min: 0, minExclusive: true, max: 1, maxExclusive: true, share: true, note: 'Target fill rate for Standard parts.' },
  { key: 'BacktestPeriods', synonyms: ['Holdout', 'Holdout Periods', 'Backtest'], type: 'integer', default: 12, min: 1, note: 'Periods held out for the forecast and stocking backtests.' },
  { key: 'Currency', synonyms: ['Currency Code'], type: 'text', default: 'USD', note: 'ISO currency code of all money columns.' },
  { key: 'Distribution', synonyms: ['Demand Distribution', 'Lead Time Distribution'], type: 'enum', values: ['Auto', 'Poisson'], default: 'Auto', note: 'Auto: Poisson when demand is no more variable than Poisson, negative binomial otherwise. Poisson forces the textbook assumption.' },
  { key: 'VarianceEstimate', synonyms: ['Variance', 'Variance Method'], type: 'enum', values: ['Max', 'Sample', 'ForecastError'], default: 'Max', note: 'Per-period variance: sample variance, forecast-error MSE, or the larger of the two (Max).' },
  { key: 'FillRateModel', synonyms: ['Fill Rate Model', 'Fill Rate Method'], type: 'enum', values: ['Compound', 'Classic'], default: 'Compound', note: 'Compound: unit fill rate with demand in batches (honest on lumpy demand). Classic: F(S - 1), the textbook formula.' },
  // Decision quality (issue 10): lead-time demand model and the evidence rules.
  { key: 'LeadTimeDemand', synonyms: ['Lead Time Demand', 'Lead-Time Demand Model'], type: 'enum', values: ['Moments', 'Compound'], default: 'Moments', note: 'Compound: how often demand occurs times how large it is (the part-location\'s own order sizes). Moments: Poisson or negative binomial on mean and variance (Distribution and FillRateModel apply).' },
  { key: 'Calibration', synonyms: ['Calibrate', 'Backtest Calibration'], type: 'enum', values: ['Off', 'Auto'], default: 'Auto', note: 'Auto: rolling-origin backtests on your history adjust each demand class\'s decision so the promised fill rate meets the achieved one (SPP Calibration).' },
  { key: 'ObsoleteAfterYears', synonyms: ['Obsolete After Years', 'Obsolescence Years'], type: 'number', default: 1.5, min: 0, minExclusive: true, note: 'No demand for this long: not stocked (a Critical part keeps one unit as insurance). When the plan stops stocking; ObsoleteAfterPeriods is when the MOM assessment writes stock off, later.' },
  // Network stocking (docs/methods.md §9).
  { key: 'StockingMode', synonyms: ['Stocking Mode', 'Optimisation Mode', 'Optimization Mode', 'Mode'], type: 'enum', values: STOCKING_MODES, default: 'Target', note: 'Target: the least investment that meets every SLA tier over the network. Budget: the best service for the Budget. Independent: each part-location planned on its own (no network).' },
  { key: 'Budget', synonyms: ['Stock Budget', 'Investment Budget'], type: 'number', default: 0, min: 0, note: 'Stock investment available in StockingMode Budget, in the currency; that mode needs it > 0 (0: none given).' },
  { key: 'MinFillRate', synonyms: ['Min Fill Rate', 'Fill Rate Floor', 'Minimum Fill Rate'], type: 'number', default: 0.5, min: 0, max: 1, maxExclusive: true, share: true, note: 'Least fill rate within response of every part-location with demand in the network plan (0 <= x < 1).' },
  { key: 'EmergencyShipmentCost', synonyms: ['Emergency Shipment Cost', 'Emergency Cost', 'Expedite Cost'], type: 'number', default: 0, min: 0, note: 'Cost of one unit sent by emergency delivery from the Central to a field location\'s customer (>= 0).' },
  { key: 'NetworkModel', synonyms: ['Network Model', 'Multi Echelon Model', 'Echelon Model'], type: 'enum', values: NETWORK_MODELS, default: 'VariMetric', note: 'VariMetric: a field\'s wait for the Central with its variance (Sherbrooke, Graves). Metric: the plain METRIC approximation.' },
  // MOM assessment (issue 7, docs/methods.md §8).
  { key: 'ObsoleteAfterPeriods', synonyms: ['Obsolete After Periods', 'Obsolescence Periods'], type: 'integer', default: 24, min: 1, note: 'MOM: a part-location without demand in this many latest periods is obsolete stock (its whole position is excess). The write-off, after the plan has stopped stocking (ObsoleteAfterYears): a warning when shorter.' },
  { key: 'LastTimeBuyConfidence', synonyms: ['Last Time Buy Confidence', 'LTB Confidence'], type: 'number', default: 0.95, min: 0, minExclusive: true, max: 1, maxExclusive: true, share: true, note: 'MOM: probability that a last-time buy covers the demand until EndOfSupport (0 < x < 1).' },
  { key: 'HorizonYears', synonyms: ['Horizon Years', 'Business Case Years', 'Horizon'], type: 'integer', default: 3, min: 1, max: 30, note: 'MOM: years of benefits in the business case.' },
  { key: 'DiscountRate', synonyms: ['Discount Rate', 'WACC', 'Hurdle Rate'], type: 'number', default: 0.08, min: 0, max: 1, share: true, note: 'MOM: annual discount rate of the business case NPV (cash flows at year end, as Excel NPV).' },
  { key: 'SameDayMaxHours', synonyms: ['Same Day Max Hours', 'Same Day Hours'], type: 'number', default: 12, min: 0, minExclusive: true, note: 'MOM: an SLA tier with ResponseHours up to this is a same-day tier (needs field stock).' },
  { key: 'LongLeadTimeDays', synonyms: ['Long Lead Time Days', 'Long Lead Time'], type: 'number', default: 60, min: 0, minExclusive: true, note: 'MOM: a part with a LeadTimeDays of at least this has a long lead time (risk sheet).' },
  { key: 'SurplusSaleShare', synonyms: ['Surplus Sale Share', 'Surplus Price Share'], type: 'number', default: 1, min: 0, max: 1, share: true, note: 'MOM: share of SalePrice realised when excess stock is sold.' },
  { key: 'ImplementationWaves', synonyms: ['Implementation Waves', 'Waves'], type: 'integer', default: 3, min: 1, max: 10, note: 'MOM: waves the positive-NPV opportunities are split into, quick wins first.' },
];
