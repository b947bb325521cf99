// The demo organization and its people: the dev seed's `acme` (admin and
// recruiter) plus a coordinator, two hiring managers and three interviewers,
// each with a demo password (set once, through the same service as the admin
// route, so sessions and audit behave as in production), the organization's
// rejection reasons and stage templates.
import type { Role } from '../../generated/prisma/client';
import type { AuthContext } from '../../api/auth';
import type { Services } from '../../api/services/services';
import { setUserPassword } from '../../api/sessions/set-password';
import { verifyPassword } from '../../api/sessions/password-hash';
import { createRejectionReason, listRejectionReasons, ZCreateRejectionReason } from '../../api/services/decisions/rejection-reasons';
import { DEFAULT_STAGES } from '../../api/services/jobs/save-job';

/** Demo only: printed to the terminal at the end of the seed, never logged. */
export const DEMO_PASSWORD = 'trellis-demo-password';

export interface TDemoUser { id: string; email: string; name: string; role: Role; hasDemoPassword: boolean }

export interface TDemoOrg {
  orgId: string;
  slug: string;
  name: string;
  admin: TDemoUser;
  recruiter: TDemoUser;
  coordinator: TDemoUser;
  engineeringManager: TDemoUser;
  businessManager: TDemoUser;
  interviewers: TDemoUser[];
  users: TDemoUser[];
  rejectionReasons: Map<string, string>;
  stageTemplates: Map<string, string>;
}

// The first two are the dev seed's (api/seed/dev-seed.ts): same emails, so the dev login shows the demo data.
const PEOPLE: Array<{ local: string; name: string; role: Role; timeZone: string }> = [
  { local: 'admin', name: 'Alex Admin', role: 'ADMIN', timeZone: 'Europe/Berlin' },
  { local: 'riley', name: 'Riley Recruiter', role: 'RECRUITER', timeZone: 'Europe/Berlin' },
  { local: 'casey', name: 'Casey Coordinator', role: 'COORDINATOR', timeZone: 'Europe/London' },
  { local: 'morgan', name: 'Morgan Lee', role: 'HIRING_MANAGER', timeZone: 'Europe/Berlin' },
  { local: 'dana', name: 'Dana Brooks', role: 'HIRING_MANAGER', timeZone: 'America/New_York' },
  { local: 'priya', name: 'Priya Shah', role: 'INTERVIEWER', timeZone: 'Europe/London' },
  { local: 'sam', name: 'Sam Carter', role: 'INTERVIEWER', timeZone: 'America/New_York' },
  { local: 'jordan', name: 'Jordan Kim', role: 'INTERVIEWER', timeZone: 'Europe/Berlin' },
];

const REJECTION_REASONS: Array<{ label: string; category: 'REJECTED' | 'WITHDREW' }> = [
  { label: 'Not enough relevant experience', category: 'REJECTED' },
  { label: 'Skills gap for the role', category: 'REJECTED' },
  { label: 'Compensation expectations too far apart', category: 'REJECTED' },
  { label: 'Hired another candidate', category: 'REJECTED' },
  { label: 'Accepted another offer', category: 'WITHDREW' },
];

/** Stage templates; the same stage keys as the defaults, so every template runs the standard hiring pipeline. */
export const STAGE_TEMPLATES: Array<{ name: string; isDefault: boolean; names: Record<string, string> }> = [
  { name: 'Standard hiring stages', isDefault: true, names: {} },
  { name: 'Design loop', isDefault: false, names: { screen: 'Recruiter screen', interview: 'Portfolio review & panel' } },
  { name: 'Sales process', isDefault: false, names: { screen: 'Intro call', interview: 'Role play & panel', offer: 'Offer & references' } },
];

export const authOf = (orgId: string, user: { id: string; role: Role }): AuthContext => ({ isAuthenticated: true, orgId, userId: user.id, role: user.role });

export async function ensureDemoOrg(services: Services, slug: string, name: string): Promise<TDemoOrg> {
  const { prisma } = services;
  const org = await prisma.organization.upsert({ where: { slug }, create: { slug, name }, update: {} });
  const users: TDemoUser[] = [];
  for (const person of PEOPLE) {
    const email = `${person.local}@${slug}.test`;
    let user = await prisma.user.findUnique({ where: { orgId_email: { orgId: org.id, email } } });
    if (!user) {
      user = await prisma.user.create({ data: { orgId: org.id, email, name: person.name, role: person.role, timeZone: person.timeZone } });
      await prisma.auditEvent.create({ data: { orgId: org.id, actorType: 'SYSTEM', action: 'user.created', entityType: 'User', entityId: user.id, after: { email, role: person.role, via: 'seed' } } });
    }
    // A password someone already set (or changed) is left alone.
    if (!user.passwordHash) await setUserPassword(services.pool, { orgId: org.id, userId: user.id, password: DEMO_PASSWORD });
    const hasDemoPassword = !user.passwordHash || (await verifyPassword(user.passwordHash, DEMO_PASSWORD)).isValid;
    users.push({ id: user.id, email, name: user.name, role: user.role, hasDemoPassword });
  }
  const [admin, recruiter, coordinator, engineeringManager, businessManager, ...interviewers] = users as [TDemoUser, TDemoUser, TDemoUser, TDemoUser, TDemoUser, ...TDemoUser[]];

  const reasons = new Map((await listRejectionReasons(services, org.id, true)).map((r) => [r.label, r.id]));
  for (const [position, reason] of REJECTION_REASONS.entries()) {
    if (reasons.has(reason.label)) continue;
    const created = await createRejectionReason(services, authOf(org.id, admin), ZCreateRejectionReason.parse({ ...reason, position }));
    reasons.set(created.label, created.id);
  }

  const stageTemplates = new Map<string, string>();
  for (const t of STAGE_TEMPLATES) {
    const existing = await prisma.stageTemplate.findFirst({ where: { orgId: org.id, name: t.name } });
    if (existing) {
      stageTemplates.set(t.name, existing.id);
      continue;
    }
    const stages = DEFAULT_STAGES.map((s) => ({ ...s, name: t.names[s.key] ?? s.name }));
    const created = await prisma.$transaction(async (tx) => {
      const row = await tx.stageTemplate.create({ data: { orgId: org.id, name: t.name, stages, isDefault: t.isDefault } });
      await tx.auditEvent.create({ data: { orgId: org.id, actorType: 'USER', actorId: admin.id, action: 'stage_template.created', entityType: 'StageTemplate', entityId: row.id, after: { name: t.name, stages, isDefault: t.isDefault } } });
      return row;
    });
    stageTemplates.set(t.name, created.id);
  }
  return { orgId: org.id, slug, name: org.name, admin, recruiter, coordinator, engineeringManager, businessManager, interviewers, users, rejectionReasons: reasons, stageTemplates };
}
