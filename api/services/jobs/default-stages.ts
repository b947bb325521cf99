// The stages a job gets when neither the request nor the organization names a
// template. Pure data (type-only import), so the job editor in the browser
// shows the same list the server will use.
import type { StageKind } from '../../../generated/prisma/client';

export const DEFAULT_STAGES: { key: string; name: string; kind: StageKind }[] = [
  { key: 'applied', name: 'Applied', kind: 'APPLIED' },
  { key: 'screen', name: 'Screen', kind: 'SCREEN' },
  { key: 'interview', name: 'Interview', kind: 'INTERVIEW' },
  { key: 'offer', name: 'Offer', kind: 'OFFER' },
  { key: 'hired', name: 'Hired', kind: 'HIRED' },
  { key: 'rejected', name: 'Rejected', kind: 'REJECTED' },
];
