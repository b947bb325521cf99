// Webhook secrets by name: an admin stores the secret (write-only), a webhook
// node refers to it, the receiver gets a valid signature, and the secret never
// appears in the published plan or the run's Temporal history.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';

let t: TestSystem;
beforeAll(async () => (t = await startTestSystem()));
afterAll(() => t?.stop());

test('a named secret signs the webhook and stays out of the plan and history', async () => {
  const received: { body: string; signature: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-trellis-signature'] ?? '') });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const org = await createTestOrg(t.prisma);
    const admin = apiClient(t.url, org.tokens.admin);
    const recruiter = apiClient(t.url, org.tokens.recruiter);
    const secret = `whsec_${crypto.randomBytes(16).toString('hex')}`;
    expect((await recruiter('PUT', '/api/org/webhook-secrets/HRIS', { value: secret })).status).toBe(403);
    expect((await admin('PUT', '/api/org/webhook-secrets/HRIS', { value: 'short' })).status).toBe(400);
    expect((await admin('PUT', '/api/org/webhook-secrets/HRIS', { value: secret })).status).toBe(204);
    expect((await admin('GET', '/api/org/webhook-secrets')).body).toEqual(['HRIS']);

    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const { jobId, versionId } = await createHiringJob(recruiter, {
      nodes: [
        { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
        { id: 'notify', type: 'action.webhook', typeVersion: 1, config: { url, secretName: 'HRIS' } },
        { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
      ],
      edges: [{ source: 'applied', sourcePort: 'out', target: 'notify' }, { source: 'notify', sourcePort: 'out', target: 'end' }],
    });
    const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
    await waitFor('the webhook', async () => received.length > 0);
    const expected = `sha256=${crypto.createHmac('sha256', secret).update(received[0]!.body).digest('hex')}`;
    expect(received[0]!.signature).toBe(expected);

    const version = await t.prisma.pipelineVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(JSON.stringify(version.plan)).not.toContain(secret);
    const handle = (await t.system.services!.temporal()).workflow.getHandle(app.run.workflowId);
    await handle.result();
    // Every payload in the history, decoded: the secret is in none of them.
    const decoded: string[] = [];
    const collect = (v: unknown): void => {
      if (v instanceof Uint8Array) decoded.push(Buffer.from(v).toString('utf8'));
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(await handle.fetchHistory());
    expect(decoded.join('\n')).toContain('secretName');
    expect(decoded.join('\n')).not.toContain(secret);
  } finally {
    server.close();
  }
});
