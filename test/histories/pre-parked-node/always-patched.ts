// Negative control for test/workflows/parked-node-replay.test.ts: the workflow SDK
// as the interpreter would see it if the parked-node change had shipped without
// its patch gate (patched() always true, as for a brand-new run).
export * from '@temporalio/workflow/lib/index';

export function patched(_patchId: string): boolean {
  return true;
}
