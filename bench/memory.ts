/** Memory measurement for the benches: a garbage collector to call between measurements, and live bytes. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A garbage collector to call between measurements (node has none without --expose-gc). */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** Live JavaScript heap plus array buffers (typed arrays' storage), in bytes. */
export const heap = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
