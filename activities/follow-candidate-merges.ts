// A run keeps the candidate id it started with, but the candidate may since have
// been merged into another record (api/merge/). Every activity acts on the
// record that survives: its email, its timeline, its tasks. Undoing the merge
// clears mergedIntoId, so later activities act on the original record again.
// Workflow inputs stay as they are (history replays unchanged); only what an
// activity reads and writes follows the merge.
import type { Pool } from 'pg';
import type { RunRef } from '../workflows/graph/node-definition';
import { survivingCandidateId } from '../api/merge/surviving-candidate';

/** The activity's input with `run.candidateId` pointing at the surviving record (the same object when nothing was merged). */
export async function withSurvivingCandidate<T>(pool: Pool, input: T): Promise<T> {
  const run = (input as { run?: RunRef } | null)?.run;
  if (!run?.candidateId || !run.orgId) return input;
  const candidateId = await survivingCandidateId(pool, run.orgId, run.candidateId);
  return candidateId === run.candidateId ? input : { ...input, run: { ...run, candidateId } };
}
