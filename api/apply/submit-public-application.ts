// The public apply path (no login): the JSON API, its multipart variant with a
// resume, and the HTML form all end here. Order matters: everything that can
// refuse the request (organization, open job, consent, answers, the file's
// type and size) is checked before anything is written; the file is stored
// and parsed before the transaction so the transaction stays short; the
// application, resume row, parsed profile fields, consent record and
// duplicate flags then commit together with the run's start request.
import crypto from 'node:crypto';
import { z } from 'zod';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Prisma as P } from '../../generated/prisma/client';
import { AppError, notFound } from '../errors';
import type { Services } from '../services/services';
import { submitApplication, ZApplyRequest } from '../services/applications';
import { intakeResume } from '../resumes/intake-resume';
import { MAX_RESUME_BYTES } from '../resumes/resume-limits';
import { sharedPdfTextExtractor } from '../resumes/extract-pdf-text';
import { evaluateAnswers, ZAnswers } from './evaluate-answers';
import { profileFromResume } from './profile-from-resume';
import { findDuplicates } from './find-duplicates';
import { createResumeStorage, resumeStorageRoot } from './resume-storage';
import { tooLarge } from './read-limited-body';
import { recordEeoResponse, ZEeoAnswers } from '../services/compliance/eeo';
import { liftErasureSuppressionOnReturn } from '../services/data-rights/lift-erasure-suppression';

export const CONSENT_PURPOSE = 'application_processing';

export const ZPublicApplyRequest = ZApplyRequest.extend({
  answers: ZAnswers.optional(),
  consent: z.object({ textVersion: z.string().min(1).max(100), isGiven: z.literal(true) }).strict().optional(),
  /** Voluntary EEO self-identification: stored apart (EeoResponse), never shown to reviewers. */
  eeo: ZEeoAnswers.optional(),
}).strict();
export type TPublicApplyRequest = z.infer<typeof ZPublicApplyRequest>;

export interface TResumeUploadInput {
  bytes: Buffer;
  fileName?: string;
}

export interface TPublicApplyResult {
  applicationId: string;
  candidateId: string;
  isReplay: boolean;
}

/** The newest consent text a form shows, or null when the organization has published none. */
export function currentConsentText(services: Services, orgId: string) {
  return services.prisma.consentText.findFirst({ where: { orgId, purpose: CONSENT_PURPOSE }, orderBy: { publishedAt: 'desc' } });
}

function e164Of(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.isValid() ? parsed.number : undefined;
}

export async function submitPublicApplication(
  services: Services, orgSlug: string, request: TPublicApplyRequest, resume: TResumeUploadInput | undefined, idempotencyKey?: string,
): Promise<TPublicApplyResult> {
  const { prisma } = services;
  const org = await prisma.organization.findUnique({ where: { slug: orgSlug } });
  if (!org) throw notFound('Organization', orgSlug);
  const job = await prisma.job.findFirst({ where: { id: request.jobId, orgId: org.id, status: 'OPEN' }, include: { questions: { orderBy: { position: 'asc' } }, jobLocations: { orderBy: { position: 'asc' }, take: 1 } } });
  if (!job) throw notFound('Open job', request.jobId);
  if (idempotencyKey) {
    const previous = await prisma.application.findUnique({ where: { orgId_idempotencyKey: { orgId: org.id, idempotencyKey } } });
    if (previous) return { applicationId: previous.id, candidateId: previous.candidateId, isReplay: true };
  }

  // Consent: when the organization publishes a consent text, the applicant must have agreed to a published version of it.
  const consentVersion = request.consent?.textVersion;
  const consentText = consentVersion
    ? await prisma.consentText.findUnique({ where: { orgId_purpose_version: { orgId: org.id, purpose: CONSENT_PURPOSE, version: consentVersion } } })
    : null;
  if (consentVersion && !consentText) {
    throw new AppError('VALIDATION_FAILED', `consent text version ${consentVersion} was never published`, [{ path: 'body.consent.textVersion', message: 'unknown version', code: 'invalid_value' }]);
  }
  if (!consentText && (await currentConsentText(services, org.id))) {
    throw new AppError('VALIDATION_FAILED', 'consent to processing the application is required', [{ path: 'body.consent', message: 'required', code: 'required' }]);
  }

  const { answers, knockoutFailures } = evaluateAnswers(job.questions, request.answers);

  let intake: Awaited<ReturnType<typeof intakeResume>> | undefined;
  if (resume) {
    if (resume.bytes.length > MAX_RESUME_BYTES) throw tooLarge('the resume', MAX_RESUME_BYTES);
    // A phone written without +<code> is read as a number of the job's country.
    const defaultCountry = job.jobLocations[0]?.countryCode as CountryCode | undefined;
    intake = await intakeResume({ bytes: resume.bytes, fileName: resume.fileName, pdf: sharedPdfTextExtractor(), defaultCountry });
    if (!intake.isAccepted) {
      if (intake.reason === 'too_large') throw tooLarge('the resume', MAX_RESUME_BYTES);
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the resume must be a PDF or DOCX file: ${intake.message}`, [{ path: 'body.resume', message: intake.message, code: intake.reason }]);
    }
  }

  const storage = createResumeStorage(resumeStorageRoot(services.config.TRELLIS_DATA_DIR));
  const resumeFileId = crypto.randomUUID();
  const stored = intake?.isAccepted ? await storage.put(org.id, resumeFileId, intake.file.kind, resume!.bytes) : undefined;
  const knockoutLabels = job.questions.filter((q) => knockoutFailures.includes(q.key)).map((q) => q.label);
  const profile = intake?.isAccepted ? profileFromResume(intake.parsed) : {};
  const typedE164 = e164Of(request.candidate.phone);

  try {
    const { application, isReplay } = await submitApplication(services, org.id, { ...request, source: request.source ?? 'careers_page' }, idempotencyKey, {
      application: {
        answers: answers as P.InputJsonValue,
        knockoutFailures,
        // Recorded as rejected now; the run still starts, so the pipeline can send a kind rejection.
        ...(knockoutFailures.length ? { status: 'REJECTED' as const, rejectedAt: new Date(), rejectionReason: `Knockout: ${knockoutLabels.join('; ')}`.slice(0, 500) } : {}),
      },
      afterCreate: async (tx, { candidateId, applicationId }) => {
        if (intake?.isAccepted && stored) {
          const now = new Date();
          await tx.resumeFile.create({
            data: {
              id: resumeFileId, orgId: org.id, candidateId, applicationId, ...intake.file, sha256: stored.sha256, storageKey: stored.storageKey,
              parseStatus: intake.text.isOk ? 'PARSED' : 'NO_TEXT', parseFailure: intake.text.isOk ? null : intake.text.reason,
              parserVersion: intake.parsed?.parserVersion ?? null, pageCount: intake.text.isOk ? intake.text.pageCount : null,
              isTextTruncated: intake.text.isOk && intake.text.isTruncated, text: intake.text.isOk ? intake.text.content : null,
              parsed: (intake.parsed ?? undefined) as P.InputJsonValue | undefined, parsedAt: intake.text.isOk ? now : null,
            },
          });
          await tx.candidate.update({
            where: { id: candidateId },
            data: {
              ...profile, phoneE164: typedE164 ?? profile.phoneE164,
              links: profile.links as P.InputJsonValue | undefined, education: profile.education as P.InputJsonValue[] | undefined,
              employers: profile.employers as P.InputJsonValue[] | undefined,
              currentResumeId: resumeFileId, resumeText: intake.text.isOk ? intake.text.content : null,
            },
          });
        } else if (typedE164) {
          await tx.candidate.update({ where: { id: candidateId }, data: { phoneE164: typedE164 } });
        }
        // Someone erased before who applies again asks to be contacted about this application.
        await liftErasureSuppressionOnReturn(tx, org.id, candidateId, [request.candidate.email, typedE164]);
        if (consentText) {
          await tx.consentRecord.create({ data: { orgId: org.id, candidateId, applicationId, purpose: CONSENT_PURPOSE, status: 'GRANTED', textVersion: consentText.version, source: `apply:${job.id}` } });
        }
        if (request.eeo && Object.keys(request.eeo).length) {
          await recordEeoResponse(tx, { orgId: org.id, applicationId, jobId: job.id, answers: request.eeo });
        }
        if (knockoutFailures.length) {
          await tx.auditEvent.create({ data: { orgId: org.id, actorType: 'SYSTEM', action: 'application.knocked_out', entityType: 'Application', entityId: applicationId, after: { knockoutFailures, reason: `Knockout: ${knockoutLabels.join('; ')}` } } });
        }
        const me = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { email: true, phoneE164: true, linkKeys: true, firstName: true, lastName: true } });
        const duplicates = await findDuplicates(tx, org.id, { id: candidateId, ...me });
        if (duplicates.length) {
          await tx.auditEvent.create({
            data: { orgId: org.id, actorType: 'SYSTEM', action: 'candidate.duplicates_suspected', entityType: 'Candidate', entityId: candidateId, after: { applicationId, matches: duplicates.map((d) => ({ candidateId: d.candidateId, reasons: d.reasons })) } },
          });
        }
      },
    });
    // A concurrent request with the same Idempotency-Key won: its application stands, this file is not needed.
    if (isReplay && stored) await storage.remove(stored.storageKey).catch(() => undefined);
    return { applicationId: application.id, candidateId: application.candidateId, isReplay };
  } catch (err) {
    if (stored) await storage.remove(stored.storageKey).catch(() => undefined);
    throw err;
  }
}
