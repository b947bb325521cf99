// N of M: parallel and sequential chains, the first refusal ends the round.
import { approvalChainState, type TApprovalRow } from '../../../api/services/offers/approval-chain';

const row = (approverId: string, position: number, decision: TApprovalRow['decision'] = 'PENDING'): TApprovalRow => ({ approverId, position, decision });

test('parallel: everyone is asked at once; N approvals approve', () => {
  expect(approvalChainState([row('a', 0), row('b', 0), row('c', 0)], 2)).toEqual({ outcome: 'pending', approvals: 0, askNow: ['a', 'b', 'c'] });
  expect(approvalChainState([row('a', 0, 'APPROVED'), row('b', 0), row('c', 0)], 2)).toMatchObject({ outcome: 'pending', approvals: 1 });
  expect(approvalChainState([row('a', 0, 'APPROVED'), row('b', 0), row('c', 0, 'APPROVED')], 2)).toEqual({ outcome: 'approved', approvals: 2 });
});

test('sequential: the next position is asked only when the earlier ones have decided', () => {
  const chain = [row('lead', 0), row('director', 1), row('cfo', 2)];
  expect(approvalChainState(chain, 3)).toMatchObject({ askNow: ['lead'] });
  expect(approvalChainState([row('lead', 0, 'APPROVED'), row('director', 1), row('cfo', 2)], 3)).toMatchObject({ askNow: ['director'] });
});

test('one refusal sends the round back, even when N approvals could still come', () => {
  expect(approvalChainState([row('a', 0, 'REJECTED'), row('b', 0), row('c', 0)], 1)).toEqual({ outcome: 'rejected', approvals: 0 });
});
