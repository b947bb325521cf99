// What the signed-in person may do in the CRM: everyone org-wide reads; admins and recruiters change pools,
// segments, campaigns and events; admins alone see settings, export and erase. An unknown role (a pasted API
// token) is offered everything, and the API still refuses what the token may not do.
import { useCurrentUser } from '../jobs/use-current-user';

export const CRM_WRITER_ROLES = ['ADMIN', 'RECRUITER'];

export function useCrmRole(): { role: string | null; canEdit: boolean; isAdmin: boolean } {
  const role = useCurrentUser()?.role ?? null;
  return { role, canEdit: !role || CRM_WRITER_ROLES.includes(role), isAdmin: !role || role === 'ADMIN' };
}
