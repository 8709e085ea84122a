/**
 * Replay of actual demand through a network stocking policy: how many demanded units each location
 * would have filled at once from its shelf, and within the response time (the network's stocking
 * backtest; the single-location replay is src/engine/replay.ts, whose conventions this follows).
 *
 * Model, as in the network's fill-rate formulas: base stock at every location, one-for-one
 * replenishment, backorders. Every unit demanded at a field is ordered from the Central at once;
 * every unit the Central is asked for is ordered from its supplier (or repair) at once and comes back
 * `centralLeadTimePeriods` later. The Central ships orders first come, first served; a field's
 * resupply arrives `resupplyPeriods` after the Central ships it; a field fills its own backorders
 * first come, first served. At a coverable field (emergency delivery in time), a unit that finds the
 * field's shelf empty is sent straight to the customer from the Central's shelf when it holds a unit
 * (filled within response; the field orders nothing for it).
 *
 * Periods are buckets: the d units of period t at a location arrive at t + (k + ½)/d, k = 0 … d − 1;
 * arrivals at the same instant are taken Central first, then fields in order; a resupply arriving
 * at the same instant as a demand is there in time. Demand from `centralLeadTimePeriods` + the
 * longest resupply before `from` fills the pipelines at the start, as it would have.
 */

export interface NetworkReplayInput {
  /** Demand per period: series[0] of the Central's own customers (null: none), series[1 + j] of field j's. */
  series: readonly (ArrayLike<number> | null)[];
  /** The replayed periods [from, to). */
  from: number;
  to: number;
  centralLeadTimePeriods: number;
  /** Per field. */
  resupplyPeriods: ArrayLike<number>;
  /** Base stock per location: [Central, field 0, …]. */
  stock: ArrayLike<number>;
  /** Per field: emergency delivery from the Central is in time for the tier. */
  coverable?: ArrayLike<boolean | number>;
}

export interface NetworkReplayOutcome {
  /** Per location [Central, field 0, …]: units demanded in [from, to), filled at once from the shelf, filled within response. */
  demand: Float64Array;
  filled: Float64Array;
  filledWithinResponse: Float64Array;
}

/** A FIFO of arrival times (lead times are fixed per lane, so arrivals leave in order). */
class TimeQueue {
  private items = new Float64Array(64);
  private head = 0;
  private tail = 0;
  get empty(): boolean {
    return this.head === this.tail;
  }
  get first(): number {
    return this.head < this.tail ? this.items[this.head] : Infinity;
  }
  push(time: number): void {
    if (this.tail === this.items.length) {
      const live = this.tail - this.head;
      const grown = live * 2 > this.items.length ? new Float64Array(this.items.length * 2) : this.items;
      grown.set(this.items.subarray(this.head, this.tail), 0);
      this.items = grown;
      this.head = 0;
      this.tail = live;
    }
    this.items[this.tail++] = time;
  }
  shift(): number {
    return this.items[this.head++];
  }
}

/** A FIFO of requesters at the Central (0 = its own customer, 1 + j = field j). */
class RequestQueue {
  private items = new Int32Array(64);
  private head = 0;
  private tail = 0;
  get empty(): boolean {
    return this.head === this.tail;
  }
  push(who: number): void {
    if (this.tail === this.items.length) {
      const live = this.tail - this.head;
      const grown = live * 2 > this.items.length ? new Int32Array(this.items.length * 2) : this.items;
      grown.set(this.items.subarray(this.head, this.tail), 0);
      this.items = grown;
      this.head = 0;
      this.tail = live;
    }
    this.items[this.tail++] = who;
  }
  shift(): number {
    return this.items[this.head++];
  }
}

export function replayNetwork(input: NetworkReplayInput): NetworkReplayOutcome {
  const fields = input.resupplyPeriods.length;
  const L = fields + 1;
  const T0 = input.centralLeadTimePeriods;
  let longest = 0;
  for (let j = 0; j < fields; j++) if (input.resupplyPeriods[j] > longest) longest = input.resupplyPeriods[j];
  const firstPeriod = Math.max(0, Math.floor(input.from - T0 - longest));
  const onHand = new Float64Array(L);
  for (let i = 0; i < L; i++) onHand[i] = Math.max(0, Math.floor(input.stock[i]));
  const waiting = new Float64Array(L);
  const supplier = new TimeQueue();
  const shipments = Array.from({ length: fields }, () => new TimeQueue());
  const requests = new RequestQueue();
  const demand = new Float64Array(L);
  const filled = new Float64Array(L);
  const within = new Float64Array(L);
  const coverable = (j: number) => Boolean(input.coverable?.[j]);

  /** Resupply and supplier arrivals up to and including time `until`, in time order. */
  const settle = (until: number) => {
    for (;;) {
      let next = supplier.first;
      let lane = -1;
      for (let j = 0; j < fields; j++) {
        const t = shipments[j].first;
        if (t < next) {
          next = t;
          lane = j;
        }
      }
      if (!(next <= until)) return;
      if (lane < 0) {
        supplier.shift();
        if (!requests.empty) {
          const who = requests.shift();
          if (who > 0) shipments[who - 1].push(next + input.resupplyPeriods[who - 1]);
        } else onHand[0]++;
      } else {
        shipments[lane].shift();
        if (waiting[lane + 1] > 0) waiting[lane + 1]--;
        else onHand[lane + 1]++;
      }
    }
  };
  /** The Central is asked for a unit at time t by `who` (0: its own customer); true when shipped at once. */
  const ask = (who: number, t: number): boolean => {
    supplier.push(t + T0);
    if (onHand[0] > 0) {
      onHand[0]--;
      if (who > 0) shipments[who - 1].push(t + input.resupplyPeriods[who - 1]);
      return true;
    }
    requests.push(who);
    return false;
  };

  const next = new Float64Array(L); // index k of the next unit per location within the period
  const count = new Float64Array(L);
  for (let t = firstPeriod; t < input.to; t++) {
    const counted = t >= input.from;
    // Arrivals inside the period: location i's d units at t + (k + ½)/d; merged in time order.
    let pending = 0;
    for (let i = 0; i < L; i++) {
      next[i] = 0;
      const s = input.series[i];
      const d = s ? s[t] : 0;
      count[i] = d > 0 ? Math.floor(d) : 0;
      pending += count[i];
    }
    while (pending > 0) {
      let who = -1;
      let time = Infinity;
      for (let i = 0; i < L; i++) {
        if (next[i] >= count[i]) continue;
        const at = t + (next[i] + 0.5) / count[i];
        if (at < time) {
          time = at;
          who = i;
        }
      }
      next[who]++;
      pending--;
      settle(time);
      if (counted) demand[who]++;
      if (who === 0) {
        if (ask(0, time) && counted) {
          filled[0]++;
          within[0]++;
        }
        continue;
      }
      if (onHand[who] > 0) {
        onHand[who]--;
        if (counted) {
          filled[who]++;
          within[who]++;
        }
        ask(who, time);
      } else if (coverable(who - 1) && onHand[0] > 0) {
        onHand[0]--;
        supplier.push(time + T0);
        if (counted) within[who]++;
      } else {
        waiting[who]++;
        ask(who, time);
      }
    }
  }
  return { demand, filled, filledWithinResponse: within };
}
