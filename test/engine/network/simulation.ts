/**
 * A seeded discrete-event simulation of the two-echelon network, written independently of the
 * engine's model (test helper): what VARI-METRIC approximates, simulated unit by unit.
 *
 * - Demand: at each location a Poisson stream of batches; batch sizes 1 (Poisson demand) or
 *   logarithmic with θ = 1 − 1/v (compound Poisson whose counts are negative binomial with
 *   variance-to-mean ratio v).
 * - One-for-one: every unit demanded at a field is ordered from the Central at once; every unit the
 *   Central is asked for (by a field or its own customer) is ordered from the supplier or sent to
 *   repair at once. A unit comes back after LeadTimeDays, or for a repairable after RepairDays with
 *   probability 1 − ScrapRate and LeadTimeDays otherwise (drawn per unit: order crossing allowed).
 * - The Central serves orders first come, first served from its shelf; a field's resupply leaves
 *   when the Central ships and arrives ResupplyDays later; a field serves its own backorders first
 *   come, first served.
 * - Emergency delivery (optional per field): a unit demanded at a field with an empty shelf is sent
 *   straight to the customer by the Central when the Central has a unit on its shelf (counted as
 *   filled within response; the field orders nothing for it); otherwise it is backordered at the field.
 *
 * Measured after a warm-up: time-average backorders at each location (customers waiting at a field;
 * all orders waiting at the Central, and the Central's own customers among them), units demanded,
 * units filled from the shelf and within response, and batch-means standard errors.
 */
// Globals cached in module scope: under Jest every global lookup in a hot loop goes through the
// test context's global object, which made this simulation about twenty times slower.
const { floor, min, max, log, sqrt, imul } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

type Rng = () => number;

/** mulberry32 (as src/sample/random.ts), with the globals cached. */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = imul(z ^ (z >>> 15), z | 1);
    z ^= z + imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedLocation {
  ratePerDay: number;
  varianceToMean?: number;
}

export interface SimulatedField extends SimulatedLocation {
  resupplyDays: number;
  emergency?: boolean;
}

export interface SimulatedNetwork {
  central: SimulatedLocation;
  fields: SimulatedField[];
  /** Supplier lead time in days. */
  leadTimeDays: number;
  repair?: { repairDays: number; scrapRate: number };
  /** Stock: [central, field 1, …]. */
  stock: number[];
}

export interface SimulationOptions {
  seed: number;
  days: number;
  warmupDays: number;
  /** Batches for the standard errors (default 20). */
  batches?: number;
  /**
   * Arrivals to use instead of random ones (time in days, location 0 = Central, 1… = fields, one
   * unit each), sorted by time; lead times are then deterministic (LeadTimeDays, or the repair mix's mean).
   */
  arrivals?: { time: number; location: number }[];
}

export interface LocationStatistics {
  demand: number;
  filledFromShelf: number;
  filledWithinResponse: number;
  /** Time-average backorders (Central: all orders waiting; fields: customers waiting). */
  backorders: number;
  backordersStandardError: number;
  /** Batch-means standard errors of the shelf and within-response fill rates. */
  fillStandardError: number;
  withinStandardError: number;
  /** Central only: time-average backorders of its own customers. */
  customerBackorders: number;
  onHand: number;
}

export interface SimulationResult {
  locations: LocationStatistics[];
  events: number;
}

/** Event kinds in the queue. */
const CENTRAL_ARRIVAL = 0;
const FIELD_ARRIVAL = 1;

/** A binary min-heap of events (time, kind, location) in typed arrays; ties leave in insertion order. */
class EventQueue {
  time = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private info = new Int32Array(1024); // kind + 2 × location
  private counter = 0;
  size = 0;
  poppedTime = 0;
  poppedKind = 0;
  poppedWhere = 0;
  private less(i: number, j: number): boolean {
    const a = this.time[i];
    const b = this.time[j];
    return a < b || (a === b && this.seq[i] < this.seq[j]);
  }
  private swap(i: number, j: number): void {
    const t = this.time[i];
    this.time[i] = this.time[j];
    this.time[j] = t;
    const s = this.seq[i];
    this.seq[i] = this.seq[j];
    this.seq[j] = s;
    const k = this.info[i];
    this.info[i] = this.info[j];
    this.info[j] = k;
  }
  push(time: number, kind: number, where: number): void {
    if (this.size === this.time.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.time = grow(this.time);
      this.seq = grow(this.seq);
      this.info = grow(this.info);
    }
    let i = this.size++;
    this.time[i] = time;
    this.seq[i] = this.counter++;
    this.info[i] = kind + 2 * where;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  /** Removes the earliest event into popped*. */
  pop(): void {
    this.poppedTime = this.time[0];
    this.poppedKind = this.info[0] & 1;
    this.poppedWhere = this.info[0] >> 1;
    const n = --this.size;
    if (n === 0) return;
    this.time[0] = this.time[n];
    this.seq[0] = this.seq[n];
    this.info[0] = this.info[n];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

/** Logarithmic batch size with parameter θ by sequential inversion. */
function logarithmic(rng: Rng, theta: number): number {
  if (!(theta > 0)) return 1;
  const norm = -log(1 - theta);
  let u = rng();
  let k = 1;
  let p = theta / norm;
  while (u > p) {
    u -= p;
    k++;
    p *= (theta * (k - 1)) / k;
    if (k > 100000) break;
  }
  return k;
}

export function simulateNetwork(network: SimulatedNetwork, options: SimulationOptions): SimulationResult {
  const rng = createRng(options.seed);
  const locations: SimulatedLocation[] = [network.central, ...network.fields];
  const L = locations.length;
  const batchCount = options.batches ?? 20;
  const measured = options.days - options.warmupDays;
  const batchLength = measured / batchCount;
  // Batch arrival rate and batch parameter per location.
  const theta = locations.map((l) => (l.varianceToMean && l.varianceToMean > 1 ? 1 - 1 / l.varianceToMean : 0));
  const meanBatch = theta.map((t) => (t > 0 ? t / ((1 - t) * -log(1 - t)) : 1));
  const batchRate = locations.map((l, i) => l.ratePerDay / meanBatch[i]);
  const totalBatchRate = batchRate.reduce((a, b) => a + b, 0);
  const deterministic = options.arrivals != null;
  const repair = network.repair;
  const leadTime = () => {
    if (!repair) return network.leadTimeDays;
    if (deterministic) return (1 - repair.scrapRate) * repair.repairDays + repair.scrapRate * network.leadTimeDays;
    return rng() < repair.scrapRate ? network.leadTimeDays : repair.repairDays;
  };

  const onHand = network.stock.slice();
  /** Central FCFS queue of orders: location index (0 = its own customer). */
  const centralQueue: number[] = [];
  let centralQueueHead = 0;
  let centralCustomersWaiting = 0;
  /** Customers waiting at each field (counts suffice: FCFS does not change the time average). */
  const waiting = new Array<number>(L).fill(0);
  const queue = new EventQueue();

  // Statistics.
  const stats = locations.map(() => ({ demand: 0, filledFromShelf: 0, filledWithinResponse: 0, area: 0, customerArea: 0, onHandArea: 0 }));
  const batchArea = locations.map(() => new Array<number>(batchCount).fill(0));
  const batchDemand = locations.map(() => new Array<number>(batchCount).fill(0));
  const batchFilled = locations.map(() => new Array<number>(batchCount).fill(0));
  const batchWithin = locations.map(() => new Array<number>(batchCount).fill(0));
  const batchOf = (t: number) => min(batchCount - 1, floor((t - options.warmupDays) / batchLength));
  let clock = 0;
  const backordersAt = (i: number) => (i === 0 ? centralQueue.length - centralQueueHead : waiting[i]);
  const advance = (to: number) => {
    // Integrate the piecewise-constant levels over [clock, to] ∩ [warmup, days].
    let from = max(clock, options.warmupDays);
    const end = min(to, options.days);
    while (from < end) {
      const b = min(batchCount - 1, floor((from - options.warmupDays) / batchLength));
      const batchEnd = min(end, options.warmupDays + (b + 1) * batchLength);
      const dt = batchEnd - from;
      for (let i = 0; i < L; i++) {
        const bo = backordersAt(i);
        stats[i].area += bo * dt;
        stats[i].onHandArea += onHand[i] * dt;
        batchArea[i][b] += bo * dt;
      }
      stats[0].customerArea += centralCustomersWaiting * dt;
      from = batchEnd;
    }
    clock = to;
  };

  /** The Central is asked for one unit (for field j, or j = 0 its own customer) at time t. */
  const orderFromCentral = (j: number, t: number) => {
    queue.push(t + leadTime(), CENTRAL_ARRIVAL, 0);
    if (onHand[0] > 0) {
      onHand[0]--;
      if (j > 0) queue.push(t + network.fields[j - 1].resupplyDays, FIELD_ARRIVAL, j);
      return true;
    }
    centralQueue.push(j);
    if (j === 0) centralCustomersWaiting++;
    return false;
  };

  const count = (i: number, t: number, shelf: boolean, within: boolean) => {
    if (t < options.warmupDays) return;
    const b = batchOf(t);
    stats[i].demand++;
    batchDemand[i][b]++;
    if (shelf) {
      stats[i].filledFromShelf++;
      batchFilled[i][b]++;
    }
    if (within) {
      stats[i].filledWithinResponse++;
      batchWithin[i][b]++;
    }
  };
  const demandUnit = (i: number, t: number) => {
    if (i === 0) {
      const filled = orderFromCentral(0, t);
      count(0, t, filled, filled);
      return;
    }
    if (onHand[i] > 0) {
      onHand[i]--;
      count(i, t, true, true);
      orderFromCentral(i, t);
      return;
    }
    if (network.fields[i - 1].emergency && onHand[0] > 0) {
      onHand[0]--;
      queue.push(t + leadTime(), CENTRAL_ARRIVAL, 0);
      count(i, t, false, true);
      return;
    }
    count(i, t, false, false);
    waiting[i]++;
    orderFromCentral(i, t);
  };

  let events = 0;
  let nextArrival = 0;
  const arrivals = options.arrivals;
  let arrivalIndex = 0;
  const drawNext = (t: number) => t - log(1 - rng()) / totalBatchRate;
  if (!arrivals) nextArrival = totalBatchRate > 0 ? drawNext(0) : INFINITY;
  for (;;) {
    const arrivalTime = arrivals ? (arrivalIndex < arrivals.length ? arrivals[arrivalIndex].time : INFINITY) : nextArrival;
    const eventTime = queue.size > 0 ? queue.time[0] : INFINITY;
    // Pipeline arrivals at the same instant come before demands.
    if (eventTime <= arrivalTime) {
      if (eventTime > options.days) break;
      queue.pop();
      advance(queue.poppedTime);
      events++;
      const t = queue.poppedTime;
      if (queue.poppedKind === CENTRAL_ARRIVAL) {
        if (centralQueueHead < centralQueue.length) {
          const j = centralQueue[centralQueueHead++];
          if (j === 0) centralCustomersWaiting--;
          else queue.push(t + network.fields[j - 1].resupplyDays, FIELD_ARRIVAL, j);
        } else onHand[0]++;
      } else {
        const j = queue.poppedWhere;
        if (waiting[j] > 0) waiting[j]--;
        else onHand[j]++;
      }
      continue;
    }
    if (arrivalTime > options.days) break;
    advance(arrivalTime);
    events++;
    if (arrivals) {
      demandUnit(arrivals[arrivalIndex].location, arrivalTime);
      arrivalIndex++;
    } else {
      let u = rng() * totalBatchRate;
      let i = 0;
      while (i < L - 1 && u >= batchRate[i]) u -= batchRate[i++];
      const size = logarithmic(rng, theta[i]);
      for (let k = 0; k < size; k++) demandUnit(i, arrivalTime);
      nextArrival = drawNext(arrivalTime);
    }
    if (centralQueueHead > 4096 && centralQueueHead * 2 > centralQueue.length) {
      centralQueue.splice(0, centralQueueHead);
      centralQueueHead = 0;
    }
  }
  advance(options.days);
  return {
    events,
    locations: stats.map((s, i) => {
      const standardError = (values: number[]) => {
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        return sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) / values.length);
      };
      const ratios = (num: number[]) => num.map((x, b) => (batchDemand[i][b] > 0 ? x / batchDemand[i][b] : 0));
      return {
        demand: s.demand,
        filledFromShelf: s.filledFromShelf,
        filledWithinResponse: s.filledWithinResponse,
        backorders: s.area / measured,
        backordersStandardError: standardError(batchArea[i].map((a) => a / batchLength)),
        fillStandardError: standardError(ratios(batchFilled[i])),
        withinStandardError: standardError(ratios(batchWithin[i])),
        customerBackorders: i === 0 ? s.customerArea / measured : s.area / measured,
        onHand: s.onHandArea / measured,
      };
    }),
  };
}
