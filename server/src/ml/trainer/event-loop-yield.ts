// The wasm and cpu backends resolve `data()` as a microtask, so a training or evaluation loop would starve timers
// and I/O: heartbeats, cancellation checks and database replies run where these loops yield.
const YIELD_EVERY_MS = 50;
let lastYield = 0;

export async function yieldToEventLoop(): Promise<void> {
  const now = performance.now();
  if (now - lastYield < YIELD_EVERY_MS) return;
  lastYield = now;
  await new Promise<void>((resolve) => setImmediate(resolve));
}
