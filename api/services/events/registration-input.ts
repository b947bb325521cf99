// What a registration request may contain: the person (public form, public API,
// walk-ins) and the consent texts they agreed to. Strict: unknown fields are refused.
import { z } from 'zod';

export const ZRegistrant = z
  .object({
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    email: z.string().trim().toLowerCase().email().max(254),
    phone: z.string().trim().min(3).max(40).regex(/^[+\d][\d ()./-]*$/, 'digits, spaces and + ( ) . / - only').optional(),
  })
  .strict();
export type TRegistrantInput = z.infer<typeof ZRegistrant>;

/** Consent purposes a registration form asks for: joining the talent pool (required once published), news and jobs (optional). */
export const EVENT_CONSENT_PURPOSES = ['talent_pool', 'marketing'] as const;

export const ZPublicRegistration = z
  .object({
    person: ZRegistrant,
    consents: z
      .array(z.object({ purpose: z.enum(EVENT_CONSENT_PURPOSES), textVersion: z.string().min(1).max(100) }).strict())
      .max(EVENT_CONSENT_PURPOSES.length)
      .default([]),
  })
  .strict();
export type TPublicRegistration = z.infer<typeof ZPublicRegistration>;

export const ZRecruiterRegistration = z.union([
  z.object({ candidateId: z.string().min(1).max(100), sendConfirmation: z.boolean().default(true) }).strict(),
  z.object({ person: ZRegistrant, sendConfirmation: z.boolean().default(true) }).strict(),
]);
