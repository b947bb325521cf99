// Benchmark: the public apply endpoint with a 200 KB PDF resume, parsing
// included (type check, text extraction in the pdf.js workers, parsing, file
// stored, application + resume + profile rows and the run's start request in one
// transaction), next to a bare handler in the same process that reads the same
// multipart body and stores the same file and rows (candidate, application,
// resume row) with no validation, no parsing and no workflow. Reported: applications
// per second and request latency for both, same concurrency.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { generateResumePdf } from '../api/seed/resume-pdf';
import { multipartBoundary, parseMultipart } from '../api/apply/parse-multipart';
import { createHiringOrg, type BenchEnvironment } from './environment';
import { forEachConcurrently, now, round, summarize } from './stats';

export interface ApplyBenchOptions {
  n: number;
  concurrency: number;
}

const PDF_BYTES = 200 * 1024;

function multipart(application: unknown, pdf: Buffer) {
  const form = new FormData();
  form.set('application', JSON.stringify(application));
  form.set('resume', new Blob([new Uint8Array(pdf)]), 'resume.pdf');
  return form;
}

async function drive(url: string, n: number, concurrency: number, body: (i: number) => FormData) {
  const latencies: number[] = [];
  const failures: string[] = [];
  const t0 = now();
  await forEachConcurrently(n, concurrency, async (i) => {
    const t = now();
    // Each request from its own address: the per-IP limit (20 per 10 min) is not what is measured.
    const res = await fetch(url, { method: 'POST', body: body(i), headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } })
      .then(async (r) => ({ status: r.status, text: await r.text() }), (err: Error) => ({ status: 0, text: err.message }));
    latencies.push(now() - t);
    if (res.status !== 201) failures.push(`${res.status} ${res.text.slice(0, 200)}`);
  });
  const elapsedMs = now() - t0;
  return { n, failures: failures.length, failureSamples: failures.slice(0, 3), elapsedMs: round(elapsedMs), applicationsPerSecond: round(((n - failures.length) * 1000) / elapsedMs, 2), latencyMs: summarize(latencies) };
}

/** The bare handler: read the body, split the multipart, write the file, insert the three rows. */
function startBareServer(pool: Pool, orgId: string, jobId: string, stageId: string, dir: string) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const parts = parseMultipart(Buffer.concat(chunks), multipartBoundary(req.headers['content-type'])!);
        const application = JSON.parse(parts.find((p) => p.name === 'application')!.data.toString()) as { candidate: { firstName: string; lastName: string; email: string } };
        const file = parts.find((p) => p.name === 'resume')!.data;
        const sha256 = crypto.createHash('sha256').update(file).digest('hex');
        const [candidateId, applicationId, resumeId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
        const storageKey = `${orgId}/${sha256}/${resumeId}.pdf`;
        await fs.promises.mkdir(path.join(dir, orgId, sha256), { recursive: true });
        await fs.promises.writeFile(path.join(dir, storageKey), file);
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const c = application.candidate;
          await client.query(`INSERT INTO "Candidate" (id, "orgId", "firstName", "lastName", email, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [candidateId, orgId, c.firstName, c.lastName, c.email]);
          await client.query(`INSERT INTO "Application" (id, "orgId", "jobId", "candidateId", "stageId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [applicationId, orgId, jobId, candidateId, stageId]);
          await client.query(
            `INSERT INTO "ResumeFile" (id, "orgId", "candidateId", "applicationId", kind, "mimeType", "storedName", "displayName", "sizeBytes", sha256, "storageKey") VALUES ($1, $2, $3, $4, 'pdf', 'application/pdf', 'resume.pdf', 'resume.pdf', $5, $6, $7)`,
            [resumeId, orgId, candidateId, applicationId, file.length, sha256, storageKey],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        } finally {
          client.release();
        }
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: applicationId }));
      } catch (err) {
        res.writeHead(500).end((err as Error).message);
      }
    });
  });
  return new Promise<http.Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function benchApply(env: BenchEnvironment, opts: ApplyBenchOptions) {
  const pdf = await generateResumePdf(7, { targetBytes: PDF_BYTES });
  const { org, jobId } = await createHiringOrg(env);
  await env.system.prisma.job.update({ where: { id: jobId }, data: { status: 'OPEN' } });
  const stage = await env.system.prisma.stage.findFirstOrThrow({ where: { jobId }, orderBy: { position: 'asc' } });
  const tag = crypto.randomBytes(3).toString('hex');
  const person = (side: string, i: number) => ({ firstName: 'Bench', lastName: `${side}${i}`, email: `${side}.${tag}.${i}@bench.example.com` });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-apply-'));
  const server = await startBareServer(env.peer.pool, org.orgId, jobId, stage.id, dir);
  try {
    const warm = Math.min(10, opts.n);
    const bareUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const oursUrl = `${env.system.url}/api/public/orgs/${org.slug}/applications`;
    await drive(bareUrl, warm, 2, (i) => multipart({ jobId, candidate: person('bwarm', i) }, pdf));
    await drive(oursUrl, warm, 2, (i) => multipart({ jobId, candidate: person('owarm', i) }, pdf));
    const peer = await drive(bareUrl, opts.n, opts.concurrency, (i) => multipart({ jobId, candidate: person('bare', i) }, pdf));
    const ours = await drive(oursUrl, opts.n, opts.concurrency, (i) => multipart({ jobId, candidate: person('ours', i) }, pdf));
    const parsed = await env.probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ResumeFile" WHERE "orgId" = $1 AND "parseStatus" = 'PARSED'`, [org.orgId]);
    return {
      benchmark: 'apply',
      description: 'public apply with a 200 KB PDF (parsing included) vs a bare handler storing the same rows and file',
      params: { ...opts, pdfBytes: pdf.length },
      ours: { ...ours, resumesParsed: parsed.rows[0]!.n },
      peer,
      ratio: round(ours.applicationsPerSecond / peer.applicationsPerSecond, 3),
    };
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
