// Who is signed in (GET /api/auth/me): job pages use it to offer only what the caller may do
// (approve when they are an approver, drag cards when their role may move stages).
import { useApiResource } from '../use-api-resource';
import type { SessionUser } from '../api-types';

export function useCurrentUser(): SessionUser | null {
  const me = useApiResource<{ user: SessionUser }>('/api/auth/me');
  return me.data?.user ?? null;
}
