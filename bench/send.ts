// Sending benchmark (issue 6): personalized emails through the full send path
// (sendCandidateEmail: template rendering, every contact-policy check under the
// candidate's lock, the Message row, tracking links, SMTP to the local sink, the
// SENT bookkeeping) against a bare nodemailer pool sending the same messages,
// rendered beforehand, to the same sink with the same concurrency. Goal: ours
// at least 0.8x the peer's rate. The two sides run one after the other, twice,
// alternating, and each side's better round counts (a noisy neighbour on a
// shared machine then hurts both alike).
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { BenchEnvironment } from './environment';
import { createTestOrg } from '../test/support/harness';
import { forEachConcurrently, now, round, summarize } from './stats';
import { sendCandidateEmail, type TSendDeps } from '../api/services/messaging/send-candidate-email';
import { composeEmail } from '../api/services/messaging/compose-email';
import { renderTemplate } from '../activities/render-template';
import { newMessageId } from '../api/services/messaging/message-id';
import { signedAddress } from '../api/services/messaging/message-tokens';

const SUBJECT = '{{candidate.firstName}}, new roles at {{org.name}}';
const BODY = 'Hi {{candidate.firstName}} {{candidate.lastName}},\n\nWe opened roles that match what you do: https://jobs.example/roles?team=platform\n' +
  'and https://jobs.example/roles?team=data. Reply to this email if one interests you.\n\n{{sender.name}}';

export interface SendBenchParams {
  n: number;
  concurrency: number;
}

export async function benchSend(env: BenchEnvironment, params: SendBenchParams) {
  const { system } = env;
  const services = system.system.services!;
  const org = await createTestOrg(system.prisma);
  // Every check is evaluated and none holds the email back: consent required and granted, a cap far above
  // what the run sends, quiet hours away from now, stop on reply.
  const quietStart = (new Date().getUTCHours() + 8) % 24;
  const policy = {
    requireConsentPurpose: 'marketing', frequencyCap: { max: 50, perDays: 7 }, stopOnReply: true, defaultTimeZone: 'UTC',
    quietHours: { start: `${String(quietStart).padStart(2, '0')}:00`, end: `${String((quietStart + 2) % 24).padStart(2, '0')}:00` },
  };
  await system.prisma.organization.update({ where: { id: org.orgId }, data: { settings: { contactPolicy: policy } } });
  const total = params.n + 100;
  const tag = crypto.randomBytes(3).toString('hex');
  const candidates = await system.prisma.candidate.createManyAndReturn({
    data: Array.from({ length: total }, (_, i) => ({ orgId: org.orgId, firstName: `Pat${i}`, lastName: `Sender-${tag}`, email: `pat.${i}.${tag}@bench.example` })),
    select: { id: true, firstName: true, lastName: true, email: true },
  });
  await system.prisma.consentRecord.createMany({ data: candidates.map((c) => ({ orgId: org.orgId, candidateId: c.id, purpose: 'marketing', status: 'GRANTED' as const })) });

  const deps: TSendDeps = {
    pool: services.pool, mailer: services.mailer!, log: services.log, mailFrom: services.config.MAIL_FROM, publicUrl: 'https://trellis.example',
    linkSigningKey: services.config.LINK_SIGNING_KEY, replyDomain: services.config.REPLY_DOMAIN,
  };
  const sender = { name: 'Trellis Recruiting', email: 'recruiting@trellis.localhost' };
  // The peer sends what ours sends: the same personalized text and HTML with links of the same length.
  const prerendered = candidates.map((c) => {
    const ctx = { candidate: { firstName: c.firstName, lastName: c.lastName, fullName: `${c.firstName} ${c.lastName}`, email: c.email, phone: null }, org: { name: `Org ${org.slug}` }, sender };
    const id = newMessageId();
    const url = (p: string) => `https://trellis.example/${p}/${id}.${crypto.randomBytes(16).toString('base64url')}`;
    const composed = composeEmail({
      text: renderTemplate(BODY, ctx), orgName: ctx.org.name,
      tracking: { click: (i) => url(`t/c/${i}`), open: `${url('t/o')}.gif`, unsubscribe: url('u'), preferences: url('preferences') },
    });
    return { to: c.email!, subject: renderTemplate(SUBJECT, ctx), text: composed.text, html: composed.html, id };
  });
  const peerTransport = nodemailer.createTransport(system.sink.url, { pool: true, maxConnections: 5 } as never);

  /** `count` sends, `concurrency` in flight: elapsed time, each send's latency, failures. */
  const timedRound = async (count: number, send: (i: number) => Promise<boolean>) => {
    const latencies: number[] = [];
    let failures = 0;
    const t0 = now();
    await forEachConcurrently(count, params.concurrency, async (i) => {
      const t = now();
      const isSent = await send(i).catch(() => false);
      if (!isSent) failures++;
      latencies.push(now() - t);
    });
    return { elapsedMs: now() - t0, latencies, failures };
  };
  let next = 0;
  const ours = (count: number) => {
    const start = (next += count) - count;
    return timedRound(count, async (i) => {
      const c = candidates[start + i]!;
      const r = await sendCandidateEmail(deps, { orgId: org.orgId, candidateId: c.id, idempotencyKey: `bench-send/${c.id}`, category: 'MARKETING', topic: 'jobs', content: { subject: SUBJECT, body: BODY } });
      return r.status === 'SENT';
    });
  };
  let peerNext = 0;
  const peer = (count: number) => {
    const start = (peerNext += count) - count;
    return timedRound(count, async (i) => {
      const m = prerendered[start + i]!;
      await peerTransport.sendMail({
        from: `"${sender.name}" <${sender.email}>`, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: `<${m.id}@peer>`,
        replyTo: signedAddress(deps.linkSigningKey, 'reply', m.id, deps.replyDomain),
        headers: { 'List-Unsubscribe': `<https://trellis.example/u/${m.id}.${'x'.repeat(22)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', Precedence: 'bulk' },
      });
      return true;
    });
  };

  // Warm-up: connections, JIT, caches.
  await ours(100);
  await peer(100);
  const half = Math.floor(params.n / 2);
  const rounds = { peer: [] as Awaited<ReturnType<typeof timedRound>>[], ours: [] as Awaited<ReturnType<typeof timedRound>>[] };
  for (let r = 0; r < 2; r++) {
    rounds.peer.push(await peer(half));
    rounds.ours.push(await ours(half));
  }
  peerTransport.close();

  const side = (list: { elapsedMs: number; latencies: number[]; failures: number }[], count: number) => {
    const best = Math.min(...list.map((x) => x.elapsedMs));
    return {
      messagesPerSecond: round((count / best) * 1000, 1),
      bestRoundMs: round(best, 0),
      rounds: list.map((x) => ({ elapsedMs: round(x.elapsedMs, 0), messagesPerSecond: round((count / x.elapsedMs) * 1000, 1), failures: x.failures })),
      latencyMs: summarize(list.flatMap((x) => x.latencies)),
      failures: list.reduce((s, x) => s + x.failures, 0),
    };
  };
  const oursResult = side(rounds.ours, half);
  const peerResult = side(rounds.peer, half);
  const sent = await system.prisma.message.count({ where: { orgId: org.orgId, status: 'SENT' } });
  const ratio = round(oursResult.messagesPerSecond / peerResult.messagesPerSecond, 3);
  return {
    benchmark: 'send',
    params: { ...params, messagesPerRound: half, rounds: 2, policy },
    ours: { ...oursResult, messageRowsSent: sent },
    peer: peerResult,
    totalMs: round(rounds.ours.reduce((s, x) => s + x.elapsedMs, 0) + rounds.peer.reduce((s, x) => s + x.elapsedMs, 0), 0),
    ratio,
    goal: 'ours/peer >= 0.8',
    isGoalMet: ratio >= 0.8,
  };
}
