// N of M offer approval, as a pure function of the current round's rows: who
// should be asked now (the lowest position still undecided: equal positions
// decide in parallel, higher ones wait their turn), and whether the round is
// decided. One rejection ends the round; N approvals approve the offer.

export interface TApprovalRow {
  approverId: string;
  position: number;
  decision: 'PENDING' | 'APPROVED' | 'REJECTED';
}

export type TChainState =
  | { outcome: 'approved'; approvals: number }
  | { outcome: 'rejected'; approvals: number }
  | { outcome: 'pending'; approvals: number; askNow: string[] };

export function approvalChainState(rows: readonly TApprovalRow[], required: number): TChainState {
  const approvals = rows.filter((r) => r.decision === 'APPROVED').length;
  if (rows.some((r) => r.decision === 'REJECTED')) return { outcome: 'rejected', approvals };
  if (approvals >= required) return { outcome: 'approved', approvals };
  const pending = rows.filter((r) => r.decision === 'PENDING');
  // Fewer undecided approvers than approvals still needed cannot happen while nobody rejected
  // (submit checks required <= approvers), but say "rejected" rather than wait forever.
  if (approvals + pending.length < required) return { outcome: 'rejected', approvals };
  const next = Math.min(...pending.map((r) => r.position));
  return { outcome: 'pending', approvals, askNow: pending.filter((r) => r.position === next).map((r) => r.approverId) };
}
