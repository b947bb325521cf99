// The public apply form at /careers/:orgSlug/jobs/:jobSlug/apply: GET shows it
// (carrying the link's source and utm_* as hidden fields), POST takes the
// multipart submission through the same path as the apply API and answers with
// a thank-you page, or the form again with each error next to its field and
// the 4xx status of the API (400, 413, 415, 429). No script needed.
import crypto from 'node:crypto';
import type { Response } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError, HTTP_STATUS, type ErrorDetail } from '../errors';
import { toAppError } from '../http-errors';
import type { Services } from '../services/services';
import { findOpenJob, findPublicOrg } from '../careers/careers-query';
import { notFoundHtml } from '../careers/careers-html';
import { pickTracking } from '../careers/public-job';
import { enforceApplyRateLimit } from '../apply/apply-rate-limit';
import { currentConsentText, submitPublicApplication } from '../apply/submit-public-application';
import { formFieldOf, requestFromForm, type TFormValues } from '../apply/apply-form-fields';
import { applyFormHtml, appliedHtml, type TApplyFormPage } from '../apply/apply-form-html';
import { readMultipartApply, validated } from './public-apply';
import { evaluateAnswers, type TAnswer } from '../apply/evaluate-answers';

const ZJobParams = z.object({ orgSlug: z.string().min(1).max(120), jobSlug: z.string().min(1).max(120) }).strict();
const FORM_KEY = /^[A-Za-z0-9_-]{16,64}$/;

async function loadForm(services: Services, orgSlug: string, jobSlug: string) {
  const org = await findPublicOrg(services.prisma, orgSlug);
  const job = org ? await findOpenJob(services.prisma, org.id, jobSlug) : null;
  if (!org || !job) return null;
  const [questions, consent] = await Promise.all([
    services.prisma.jobQuestion.findMany({ where: { jobId: job.id }, orderBy: { position: 'asc' } }),
    currentConsentText(services, org.id),
  ]);
  return { org, job, questions, consent: consent && { version: consent.version, body: consent.body } };
}

function send(res: Response, status: number, html: string) {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
  return { isRaw: true } as const;
}

export const applyFormRoutes = [
  defineRoute({
    method: 'get', path: '/careers/:orgSlug/jobs/:jobSlug/apply', summary: 'The apply form of an open job (HTML, works without script); source and utm_* of the link ride along as hidden fields', access: 'public',
    params: ZJobParams,
    handler: async ({ services, params, req, res }) => {
      const form = await loadForm(services, params.orgSlug, params.jobSlug);
      if (!form) return send(res, 404, notFoundHtml('This job'));
      const tracking = pickTracking(req.query as Record<string, unknown>) as Record<string, string>;
      const page: TApplyFormPage = { ...form, values: {}, errors: [], tracking, formKey: crypto.randomBytes(16).toString('base64url') };
      return send(res, 200, applyFormHtml(page));
    },
  }),
  defineRoute({
    method: 'post', path: '/careers/:orgSlug/jobs/:jobSlug/apply', summary: 'Submit the apply form (multipart/form-data; resume PDF or DOCX up to 10 MB); answers with HTML', access: 'public',
    params: ZJobParams,
    handler: async ({ services, params, req, res }) => {
      const form = await loadForm(services, params.orgSlug, params.jobSlug);
      if (!form) return send(res, 404, notFoundHtml('This job'));
      const values: TFormValues = {};
      try {
        await enforceApplyRateLimit(services.pool, req.ip);
        const parts = await readMultipartApply(req);
        let resume: { bytes: Buffer; fileName?: string } | undefined;
        for (const part of parts) {
          if (part.name === 'resume') {
            if (part.data.length > 0) resume = { bytes: part.data, fileName: part.fileName };
          } else values[part.name] = part.data.toString('utf8').slice(0, 10_000);
        }
        const request = validatedTogether(form, requestFromForm(form.job.id, form.questions, values));
        const formKey = values.formKey && FORM_KEY.test(values.formKey) ? `form:${values.formKey}` : undefined;
        await submitPublicApplication(services, form.org.slug, request, resume, formKey);
        return send(res, 201, appliedHtml(form.org, form.job));
      } catch (err) {
        const appError = toAppError(err);
        const status = HTTP_STATUS[appError.code];
        if (status >= 500) throw err;
        const details = appError.details.length ? appError.details : [{ path: 'body', message: appError.message }];
        const errors = details.map((d) => ({ field: formFieldOf(d), message: formFieldOf(d) ? d.message : appError.message }));
        const tracking = pickTracking(values) as Record<string, string>;
        const formKey = values.formKey && FORM_KEY.test(values.formKey) ? values.formKey : crypto.randomBytes(16).toString('base64url');
        return send(res, status, applyFormHtml({ ...form, values, errors: dedupe(errors), tracking, formKey }));
      }
    },
  }),
];

function dedupe(errors: Array<{ field: string | null; message: string }>) {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A person filling a form wants every problem at once: fields, answers and consent are checked together here. */
function validatedTogether(form: NonNullable<Awaited<ReturnType<typeof loadForm>>>, raw: Record<string, unknown>) {
  const details: ErrorDetail[] = [];
  const collect = (check: () => unknown) => {
    try {
      return check();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      details.push(...err.details);
      return undefined;
    }
  };
  const request = collect(() => validated(raw)) as ReturnType<typeof validated> | undefined;
  if (!request) collect(() => evaluateAnswers(form.questions, raw.answers as Record<string, TAnswer>));
  if (form.consent && !raw.consent) details.push({ path: 'body.consent', message: 'Please agree to how we process your application', code: 'required' });
  if (details.length || !request) throw new AppError('VALIDATION_FAILED', 'the form has errors', details);
  return request;
}
