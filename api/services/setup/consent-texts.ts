// Consent texts an organization shows where it collects personal data (the
// apply form first). Published versions are immutable: a consent record points
// at the exact words the person agreed to, so a change is a new version, and
// forms show the newest version of each purpose.
import { z } from 'zod';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';

export const CONSENT_PURPOSES = ['application_processing', 'talent_pool', 'marketing'] as const;

export const ZPublishConsentText = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    version: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits and . _ - only (e.g. 2026-12 or v3)'),
    /** Markdown, shown as written. */
    body: z.string().trim().min(20).max(20_000),
  })
  .strict();

export function listConsentTexts(services: Services, orgId: string) {
  return services.prisma.consentText.findMany({ where: { orgId }, orderBy: [{ purpose: 'asc' }, { publishedAt: 'desc' }] });
}

export async function publishConsentText(services: Services, auth: AuthContext, req: z.infer<typeof ZPublishConsentText>) {
  return services.prisma.$transaction(async (tx) => {
    const existing = await tx.consentText.findUnique({ where: { orgId_purpose_version: { orgId: auth.orgId, purpose: req.purpose, version: req.version } } });
    if (existing) {
      throw new AppError('CONFLICT', `version ${req.version} of the ${req.purpose} text is already published; publish a new version to change it`, [{ path: 'body.version', message: 'already published', code: 'duplicate' }]);
    }
    const text = await tx.consentText.create({ data: { orgId: auth.orgId, ...req } });
    await tx.auditEvent.create({
      data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'consent_text.published', entityType: 'ConsentText', entityId: text.id, after: { purpose: text.purpose, version: text.version } },
    });
    return text;
  });
}
