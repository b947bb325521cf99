// Walks every route of ROUTES (api/app.ts, so routes added later are covered)
// for every caller: anonymous, each role, and an admin of another organization.
// The expected answer comes from the route's own declaration:
//   public                 -> never 401, and the caller's credentials change nothing
//   anonymous              -> 401
//   role not in `access`   -> 403
//   `scope` declared       -> another organization's record 404; a hiring manager
//                             or interviewer outside their jobs / interviews 403,
//                             inside them allowed (unless SCOPE_EXCLUDED_ROLES
//                             keeps the role from that kind: 403); org-wide roles allowed
//   otherwise              -> allowed (not 401/403; 400/404/409/422 are fine,
//                             the walk sends empty bodies)
// A non-public route with a record id in its path must declare `scope`, unless
// it addresses an organization-level thing listed in ORG_LEVEL below.
import crypto from 'node:crypto';
import { ROUTES } from '../../api/app';
import type { RouteDef } from '../../api/route';
import { SCOPE_EXCLUDED_ROLES, type ScopeKind } from '../../api/sessions/access-scope';
import { hashToken, newToken } from '../../api/auth';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import type { Role } from '../../generated/prisma/client';

/** Paths whose ids name organization-level things (not a candidate's records), with the reason. */
const ORG_LEVEL: Record<string, string> = {
  '/api/pipelines/': 'pipelines are organization configuration',
  '/api/saved-searches/': "a saved search belongs to its owner; the handler filters by owner",
  '/api/candidate-merges/': 'merge undo is for org-wide roles only (access list)',
  '/api/users/': 'user settings: the handler allows the user themself or an admin',
  '/api/org/': 'organization settings, admins only',
  '/api/rejection-reasons/': 'rejection reasons are organization configuration',
  '/api/talent-pools/': 'talent pools are CRM configuration for org-wide roles',
  '/api/segments/': 'segments are CRM configuration for org-wide roles',
  '/api/campaigns/': 'campaigns are CRM configuration for org-wide roles',
  '/api/events/': 'recruiting events are CRM configuration for org-wide roles',
  '/api/bulk-jobs/': 'imports and enrollments are org-wide work; the handler filters by organization',
  '/api/suppressions/': 'the suppression list is organization configuration',
  '/api/job-alerts/': 'job alerts are CRM records for org-wide roles',
  '/api/analytics/': "a report id names a report of the catalog, not a record; the filters' jobs are checked against the caller's",
};

type Caller = 'anonymous' | 'ADMIN' | 'RECRUITER' | 'COORDINATOR' | 'HIRING_MANAGER' | 'INTERVIEWER' | 'other-org';
const ROLES: Role[] = ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER', 'INTERVIEWER'];
const CALLERS: Caller[] = ['anonymous', ...ROLES, 'other-org'];
const SCOPE_LIMITED: Role[] = ['HIRING_MANAGER', 'INTERVIEWER'];

let t: TestSystem;
const tokens = {} as Record<Caller, string | undefined>;
const userIds = {} as Record<Role, string>;
let orgSlug = '';
/** Records of the organization: `own` belong to the hiring manager's job and the interviewer's interview, `foreign` to neither. */
const records = { own: {} as Record<ScopeKind, string>, foreign: {} as Record<ScopeKind, string> };

async function addUser(orgId: string, role: Role): Promise<{ id: string; token: string }> {
  const user = await t.prisma.user.create({ data: { orgId, role, email: `${role.toLowerCase()}-${crypto.randomBytes(4).toString('hex')}@example.test`, name: role } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId, userId: user.id, name: role, tokenHash: hashToken(token) } });
  return { id: user.id, token };
}

beforeAll(async () => {
  t = await startTestSystem({ config: { AUTH_HMAC_KEY: crypto.randomBytes(24).toString('hex') } });
  const org = await createTestOrg(t.prisma);
  orgSlug = org.slug;
  tokens.anonymous = undefined;
  tokens.ADMIN = org.tokens.admin;
  tokens.RECRUITER = org.tokens.recruiter;
  tokens.INTERVIEWER = org.tokens.interviewer;
  userIds.ADMIN = org.userIds.admin;
  userIds.RECRUITER = org.userIds.recruiter;
  userIds.INTERVIEWER = org.userIds.interviewer;
  for (const role of ['COORDINATOR', 'HIRING_MANAGER'] as const) {
    const u = await addUser(org.orgId, role);
    tokens[role] = u.token;
    userIds[role] = u.id;
  }
  const other = await createTestOrg(t.prisma);
  tokens['other-org'] = other.tokens.admin;

  const recruiter = apiClient(t.url, org.tokens.recruiter);
  for (const side of ['own', 'foreign'] as const) {
    const { jobId } = await createHiringJob(recruiter);
    const submitted = await recruiter('POST', '/api/applications', applicant(jobId));
    if (submitted.status !== 201) throw new Error(`apply: ${JSON.stringify(submitted.body)}`);
    const application = await t.prisma.application.findUniqueOrThrow({ where: { id: submitted.body.id } });
    const run = await waitFor('the run row', () => t.prisma.run.findFirst({ where: { applicationId: application.id } }));
    const interview = await t.prisma.interview.create({ data: { orgId: org.orgId, applicationId: application.id, title: `Panel ${side}` } });
    const task = await t.prisma.task.create({
      data: { orgId: org.orgId, kind: 'TODO', title: `Task ${side}`, applicationId: application.id, candidateId: application.candidateId, jobId, idempotencyKey: `perm-${side}-${crypto.randomUUID()}`, ...(side === 'own' ? { assigneeId: userIds.INTERVIEWER } : {}) },
    });
    if (side === 'own') {
      await t.prisma.jobMember.create({ data: { jobId, userId: userIds.HIRING_MANAGER, role: 'HIRING_MANAGER' } });
      await t.prisma.interviewParticipant.create({ data: { interviewId: interview.id, userId: userIds.INTERVIEWER } });
    }
    const offer = await t.prisma.offer.create({ data: { orgId: org.orgId, applicationId: application.id, salaryAmount: 100000, currency: 'EUR' } });
    records[side] = { job: jobId, application: application.id, candidate: application.candidateId, task: task.id, interview: interview.id, run: run.id, offer: offer.id };
  }
});
afterAll(() => t?.stop());

const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

function urlFor(route: RouteDef, side: 'own' | 'foreign', caller: Caller): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    if (route.scope && name === (route.scope.param ?? 'id')) return records[side][route.scope.kind];
    if (name === 'orgSlug') return orgSlug;
    // User settings: each caller addresses their own (the handler lets a user change only their own).
    if (name === 'userId') return caller in userIds ? userIds[caller as Role] : userIds.ADMIN;
    if (name === 'token') return 'forged-token';
    return `no-such-${name}`;
  });
}

async function answer(route: RouteDef, caller: Caller, side: 'own' | 'foreign' = 'foreign') {
  const hasBody = ['post', 'put', 'patch'].includes(route.method);
  const token = tokens[caller];
  // Raw fetch: some routes answer HTML (careers pages, scheduling pages).
  const res = await fetch(t.url + urlFor(route, side, caller), {
    method: route.method.toUpperCase(),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    body: hasBody ? '{}' : undefined,
  });
  const text = await res.text();
  // The scope check's own 404 says "no <kind> with this id" at the scoped parameter.
  const isScopeNotFound = res.status === 404 && !!route.scope && text.includes(`"no ${route.scope.kind} with this id"`);
  return { status: res.status, isScopeNotFound };
}

const call = async (route: RouteDef, caller: Caller, side: 'own' | 'foreign' = 'foreign') => (await answer(route, caller, side)).status;

const label = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;

test('every route declares its access, and record routes declare their scope', () => {
  const problems: string[] = [];
  for (const r of ROUTES) {
    const ok = r.access === 'public' || r.access === 'authenticated' || (Array.isArray(r.access) && r.access.length > 0 && r.access.every((x) => ROLES.includes(x)));
    if (!ok) problems.push(`${label(r)}: access ${JSON.stringify(r.access)}`);
    if (r.access === 'public' || r.scope) continue;
    const hasRecordParam = paramNames(r.path).length > 0;
    if (hasRecordParam && !Object.keys(ORG_LEVEL).some((prefix) => r.path.startsWith(prefix))) problems.push(`${label(r)}: has a record id but no scope`);
  }
  expect(problems).toEqual([]);
  expect(ROUTES.length).toBeGreaterThan(40);
});

test('denials: anonymous 401, roles outside access 403, other organizations 404, hiring managers and interviewers outside their records 403', async () => {
  const wrong: string[] = [];
  const expectStatus = (r: RouteDef, who: string, got: number, want: number) => {
    if (got !== want) wrong.push(`${label(r)} as ${who}: ${got}, expected ${want}`);
  };
  for (const r of ROUTES) {
    if (r.access === 'public') {
      const anonymous = await call(r, 'anonymous');
      for (const caller of CALLERS) {
        const got = caller === 'anonymous' ? anonymous : await call(r, caller);
        if (got === 401) wrong.push(`${label(r)} (public) as ${caller}: 401`);
        else if (got !== anonymous && got !== 429 && anonymous !== 429) wrong.push(`${label(r)} (public) as ${caller}: ${got}, anonymous got ${anonymous}`);
      }
      continue;
    }
    expectStatus(r, 'anonymous', await call(r, 'anonymous'), 401);
    for (const role of ROLES) {
      const isAllowed = r.access === 'authenticated' || r.access.includes(role);
      if (!isAllowed) expectStatus(r, role, await call(r, role), 403);
      else if (r.scope && SCOPE_LIMITED.includes(role)) expectStatus(r, `${role} (outside their records)`, await call(r, role, 'foreign'), 403);
    }
    if (r.scope) expectStatus(r, 'an admin of another organization', await call(r, 'other-org', 'own'), 404);
  }
  expect(wrong).toEqual([]);
});

test('grants: allowed roles get past authentication and scope (inside their own records for hiring managers and interviewers)', async () => {
  const wrong: string[] = [];
  for (const r of ROUTES) {
    if (r.access === 'public') continue;
    for (const role of ROLES) {
      const isAllowed = r.access === 'authenticated' || r.access.includes(role);
      if (!isAllowed) continue;
      const got = await answer(r, role, 'own');
      if (r.scope && SCOPE_EXCLUDED_ROLES[r.scope.kind]?.includes(role)) {
        if (got.status !== 403) wrong.push(`${label(r)} as ${role}: ${got.status}, expected 403 (role excluded from ${r.scope.kind} records)`);
        continue;
      }
      if (got.status === 401 || got.status === 403) wrong.push(`${label(r)} as ${role}: ${got.status}`);
      if (got.isScopeNotFound) wrong.push(`${label(r)} as ${role}: the scope check did not find a record of their own organization`);
    }
  }
  expect(wrong).toEqual([]);
});
