// Sourcing imports: a CSV of people, or JSON Resume documents, become prospects (new profiles, or filled
// into the person they match). Each answers 202 with a bulk job; GET /api/bulk-jobs/:id shows progress
// and, when finished, the report (created, merged, unchanged, failed rows by line with the reason).
import type { Request } from 'express';
import { z } from 'zod';
import { defineRoute, parse as parseWith } from '../route';
import { AppError } from '../errors';
import { multipartBoundary, parseMultipart, type TMultipartPart } from '../apply/parse-multipart';
import { readLimitedBody } from '../apply/read-limited-body';
import { importCsv, MAX_CSV_BYTES, ZCsvImportOptions } from '../services/crm/import-csv';
import { importJsonResumes, MAX_JSON_RESUMES, ZJsonResumeImport, type TJsonResumeFile } from '../services/crm/import-json-resumes';
import { ZImportOptions } from '../services/crm/run-import';

const WRITERS = ['ADMIN', 'RECRUITER'] as const;
/** Multipart framing around the largest accepted file. */
const MAX_UPLOAD_BYTES = MAX_CSV_BYTES + 64 * 1024;

function jsonOfPart(part: TMultipartPart, where: string): unknown {
  try {
    return JSON.parse(part.data.toString('utf8'));
  } catch {
    throw new AppError('VALIDATION_FAILED', `the ${where} part is not JSON`, [{ path: where, message: 'not JSON' }]);
  }
}

async function multipartParts(req: Request): Promise<TMultipartPart[] | null> {
  const boundary = multipartBoundary(req.headers['content-type']);
  return boundary ? parseMultipart(await readLimitedBody(req, MAX_UPLOAD_BYTES), boundary, { maxParts: MAX_JSON_RESUMES + 1, maxHeaderBytes: 4096 }) : null;
}

const unsupported = (what: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', `send ${what}`, [{ path: 'headers.content-type', message: 'unsupported media type' }]);

export const importRoutes = [
  defineRoute({
    method: 'post', path: '/api/imports/csv', access: WRITERS,
    summary: 'Import people from a CSV (up to 20 MB, 100,000 rows): text/csv with options in the query (poolId, tags, source, mapping as JSON, fileName), or multipart/form-data with a `file` part and an optional `options` JSON part. Header names are recognised (first name, last name, name, email, phone, location, city, country, headline, company, linkedin, github, website, tags, source, skills, interest, time zone); people matching an existing profile (email, phone, or a profile link and the same name) fill its empty fields instead of making a second one. Answers 202 with the bulk job',
    query: ZCsvImportOptions,
    handler: async ({ services, auth, query, req }) => {
      const parts = await multipartParts(req);
      if (parts) {
        const files = parts.filter((p) => p.name === 'file');
        const unknown = parts.find((p) => p.name !== 'file' && p.name !== 'options');
        if (unknown) throw new AppError('VALIDATION_FAILED', `unexpected part ${unknown.name}`, [{ path: `body.${unknown.name}`, message: 'expected only file and options' }]);
        if (files.length !== 1) throw new AppError('VALIDATION_FAILED', 'send exactly one `file` part', [{ path: 'body.file', message: files.length ? 'more than one file' : 'missing' }]);
        const optionsPart = parts.find((p) => p.name === 'options');
        const options = optionsPart ? parseWith(ZCsvImportOptions, jsonOfPart(optionsPart, 'body.options'), 'body.options') : {};
        return { status: 202, body: await importCsv(services, auth, files[0]!.data, { ...query, ...options, fileName: options.fileName ?? files[0]!.fileName ?? query.fileName }) };
      }
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'].includes(type)) throw unsupported('text/csv or multipart/form-data');
      return { status: 202, body: await importCsv(services, auth, await readLimitedBody(req, MAX_CSV_BYTES), query) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/imports/json-resume', access: WRITERS,
    summary: `Import JSON Resume documents (jsonresume.org; at most ${MAX_JSON_RESUMES}): JSON { resumes: [...], poolId?, tags?, source? }, or multipart/form-data with \`resume\` file parts and an optional \`options\` JSON part. Same matching as the CSV import; each document that is not a JSON Resume fails alone. Answers 202 with the bulk job`,
    // Optional only because a multipart body is not JSON: the handler reads that itself.
    body: ZJsonResumeImport.optional(), bodyLimit: `${MAX_CSV_BYTES}b`,
    handler: async ({ services, auth, req, body }) => {
      const parts = body ? null : await multipartParts(req);
      if (parts) {
        const unknown = parts.find((p) => p.name !== 'resume' && p.name !== 'options');
        if (unknown) throw new AppError('VALIDATION_FAILED', `unexpected part ${unknown.name}`, [{ path: `body.${unknown.name}`, message: 'expected resume files and options' }]);
        const resumes = parts.filter((p) => p.name === 'resume');
        if (!resumes.length || resumes.length > MAX_JSON_RESUMES) throw new AppError('VALIDATION_FAILED', `send 1 to ${MAX_JSON_RESUMES} \`resume\` parts`, [{ path: 'body.resume', message: resumes.length ? 'too many' : 'missing' }]);
        const optionsPart = parts.find((p) => p.name === 'options');
        const options = optionsPart ? parseWith(ZImportOptions, jsonOfPart(optionsPart, 'body.options'), 'body.options') : {};
        const files: TJsonResumeFile[] = resumes.map((p) => {
          try {
            return { fileName: p.fileName, document: JSON.parse(p.data.toString('utf8')) };
          } catch {
            return { fileName: p.fileName, document: null, parseError: 'the file is not JSON' };
          }
        });
        return { status: 202, body: await importJsonResumes(services, auth, files, options) };
      }
      if (!body) throw unsupported('application/json or multipart/form-data');
      const { resumes, ...options } = body;
      return { status: 202, body: await importJsonResumes(services, auth, resumes.map((document) => ({ document })), options) };
    },
  }),
];
