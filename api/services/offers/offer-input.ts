// Request schemas for offers: the details (salary, currency, start date,
// bonus and equity text, notes for approvers), the approval chain, sending and
// the candidate's answer.
import { z } from 'zod';

const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR');
const ZAmount = z.number().positive().max(999_999_999_999).refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'at most two decimals');
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

const offerFields = {
  salaryAmount: ZAmount,
  currency: ZCurrency,
  salaryUnit: z.enum(['YEAR', 'MONTH', 'HOUR']).default('YEAR'),
  startDate: ZDay.optional(),
  bonus: z.string().trim().max(1000).optional(),
  equity: z.string().trim().max(1000).optional(),
  /** Seen by approvers only, never in the offer email. */
  notes: z.string().max(5000).optional(),
  expiresAt: z.coerce.date().optional(),
};

export const ZCreateOffer = z.object({ applicationId: z.string().min(1).max(100), ...offerFields }).strict();
export type TCreateOffer = z.infer<typeof ZCreateOffer>;

export const ZUpdateOffer = z
  .object({
    salaryAmount: offerFields.salaryAmount.optional(),
    currency: offerFields.currency.optional(),
    salaryUnit: z.enum(['YEAR', 'MONTH', 'HOUR']).optional(),
    startDate: ZDay.nullable().optional(),
    bonus: z.string().trim().max(1000).nullable().optional(),
    equity: z.string().trim().max(1000).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
    expiresAt: z.coerce.date().nullable().optional(),
  })
  .strict();

export const ZSubmitOffer = z
  .object({
    /** The M approvers; position orders a sequential chain (equal positions decide in parallel). */
    approvers: z.array(z.object({ userId: z.string().min(1).max(100), position: z.number().int().min(0).max(20).default(0) }).strict()).min(1).max(20),
    /** N: approvals needed. */
    required: z.number().int().min(1).max(20),
    /** SLA of each approval task. */
    dueInHours: z.number().int().min(1).max(24 * 30).optional(),
  })
  .strict()
  .refine((s) => s.required <= s.approvers.length, { message: 'more approvals required than there are approvers', path: ['required'] })
  .refine((s) => new Set(s.approvers.map((a) => a.userId)).size === s.approvers.length, { message: 'an approver is listed twice', path: ['approvers'] });
export type TSubmitOffer = z.infer<typeof ZSubmitOffer>;

export const ZSendOffer = z
  .object({
    /** Handlebars; default: the organization's "offer_email" template, else the built-in one. */
    subject: z.string().min(1).max(300).optional(),
    body: z.string().min(1).max(20_000).optional(),
  })
  .strict();

export const ZOfferResponse = z.object({ accepted: z.boolean(), note: z.string().max(2000).optional() }).strict();
