// Another user of a test organization, with an API token, for tests that need
// more people than createTestOrg's admin, recruiter and interviewer.
import { hashToken, newToken } from '../../api/auth';
import type { PrismaClient, Role } from '../../generated/prisma/client';
import type { TestOrg } from './harness';

export async function addOrgUser(prisma: PrismaClient, org: TestOrg, role: Role, key: string, name: string): Promise<{ id: string; email: string; token: string }> {
  const email = `${key}@${org.slug}.test`;
  const user = await prisma.user.create({ data: { orgId: org.orgId, email, name, role } });
  const token = newToken();
  await prisma.apiToken.create({ data: { orgId: org.orgId, userId: user.id, name: key, tokenHash: hashToken(token) } });
  return { id: user.id, email, token };
}
