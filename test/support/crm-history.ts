// A CRM history with fixed dates (autumn 2026) for the CRM reports' tests, written straight to the database
// (the reports read facts; how the facts were made is other tests' business): two campaigns with runs that
// started, ended and exited, emails sent, bounced and held, opens, clicks, a reply and an unsubscribe; a
// job with a hire; an event with registrations, a cancellation, check-ins, a walk-in and a no-show; saved
// segments by skill; prospects with skills, countries and interest levels, one suppressed, one without email.
// The hand-computed numbers are in test/api/analytics/crm-metrics.integration.test.ts.
import type { EngagementKind, PrismaClient } from '../../generated/prisma/client';
import { addressHash } from '../../api/services/messaging/address-hash';

const at = (iso: string) => new Date(iso);

export interface CrmHistory {
  campaigns: { alpha: string; beta: string; gamma: string };
  events: { meetup: string; draft: string; openHouse: string };
  segments: { typescript: string; go: string };
  people: Record<string, string>;
}

export async function createCrmHistory(p: PrismaClient, orgId: string): Promise<CrmHistory> {
  const pipeline = await p.pipeline.create({ data: { orgId, name: 'Nurture', kind: 'NURTURE', draft: {} } });
  // A stand-in version for the runs, without a real plan: RETIRED, so the campaign list (GET /api/campaigns,
  // which reads the published version's plan) does not take it for one.
  const version = await p.pipelineVersion.create({ data: { orgId, pipelineId: pipeline.id, version: 1, graph: {}, plan: {}, hash: 'crm-history', status: 'RETIRED' } });
  const campaign = (name: string, createdAt: string) => p.campaign.create({ data: { orgId, name, pipelineId: pipeline.id, status: 'ACTIVE', createdAt: at(createdAt) } });
  const alpha = await campaign('Alpha nurture', '2026-08-01T00:00:00Z');
  const beta = await campaign('Beta nurture', '2026-08-01T00:00:00Z');
  const gamma = await campaign('Gamma nurture', '2026-11-01T00:00:00Z');

  // name, kind, skills, country, interest, has email
  const roster: [string, 'PROSPECT' | 'APPLICANT', string[], string | null, string | null, boolean][] = [
    ['Ada Lovelace', 'APPLICANT', ['typescript', 'go'], 'DE', 'HOT', true],
    ['Grace Hopper', 'PROSPECT', ['typescript'], 'DE', 'WARM', true],
    ['Linus Torvalds', 'PROSPECT', ['go'], 'US', 'HOT', true],
    ['Hedy Lamarr', 'PROSPECT', ['python'], 'US', null, true],
    ['Alan Turing', 'APPLICANT', ['typescript'], 'GB', 'WARM', true],
    ['Barbara Liskov', 'PROSPECT', ['go', 'python'], null, 'COLD', true],
    ['Katherine Johnson', 'APPLICANT', ['java'], 'US', null, true],
    ['Margaret Hamilton', 'PROSPECT', ['typescript', 'python'], 'DE', 'HOT', true],
    ['Tim Berners-Lee', 'PROSPECT', ['typescript'], 'US', 'WARM', true],
    ['Edsger Dijkstra', 'PROSPECT', ['go'], 'NL', null, false],
  ];
  const people: Record<string, string> = {};
  const emails: Record<string, string> = {};
  for (const [name, kind, skills, countryCode, interestLevel, hasEmail] of roster) {
    const [firstName, lastName] = name.split(' ') as [string, string];
    const email = hasEmail ? `${firstName.toLowerCase()}.${orgId}@example.com` : null;
    const c = await p.candidate.create({ data: { orgId, firstName, lastName, kind, skills, countryCode, interestLevel, email, createdAt: at('2026-07-01T00:00:00Z') } });
    people[firstName] = c.id;
    if (email) emails[firstName] = email;
  }
  const who = (first: string) => people[first]!;

  // Runs: campaign, person, started, status, ended, exit reason.
  const runs: [string, string, string, 'RUNNING' | 'EXITED', string | null, string | null][] = [
    [alpha.id, 'Ada', '2026-09-02T09:00:00Z', 'EXITED', '2026-10-20T10:00:00Z', 'candidate.applied'],
    [alpha.id, 'Grace', '2026-09-02T09:05:00Z', 'RUNNING', null, null],
    [alpha.id, 'Linus', '2026-09-10T09:00:00Z', 'EXITED', '2026-10-02T09:00:00Z', 'candidate.replied'],
    [alpha.id, 'Hedy', '2026-10-05T09:00:00Z', 'EXITED', '2026-11-02T09:00:00Z', 'candidate.unsubscribed'],
    [beta.id, 'Katherine', '2026-09-05T09:00:00Z', 'RUNNING', null, null],
    [beta.id, 'Alan', '2026-10-20T09:00:00Z', 'EXITED', '2026-11-05T09:00:00Z', 'candidate.applied'],
  ];
  for (const [campaignId, first, startedAt, status, endedAt, exitReason] of runs) {
    await p.run.create({ data: { orgId, pipelineVersionId: version.id, candidateId: who(first), campaignId, workflowId: `campaign-${campaignId}-${who(first)}`, status, startedAt: at(startedAt), endedAt: endedAt ? at(endedAt) : null, exitReason } });
  }

  // Messages: key, campaign, person, status, sent, bounced.
  const messages: [string, string, string, 'SENT' | 'SUPPRESSED', string | null, string | null][] = [
    ['m1', alpha.id, 'Ada', 'SENT', '2026-09-03T09:00:00Z', null],
    ['m2', alpha.id, 'Grace', 'SENT', '2026-09-03T09:01:00Z', '2026-10-20T09:00:00Z'],
    ['m3', alpha.id, 'Linus', 'SENT', '2026-10-01T09:00:00Z', null],
    ['m4', alpha.id, 'Hedy', 'SENT', '2026-10-06T09:00:00Z', null],
    ['m5', beta.id, 'Alan', 'SENT', '2026-10-21T09:00:00Z', null],
    ['m6', beta.id, 'Katherine', 'SENT', '2026-09-06T09:00:00Z', null],
    ['m7', alpha.id, 'Grace', 'SUPPRESSED', null, null],
  ];
  const messageIds: Record<string, string> = {};
  for (const [key, campaignId, first, status, sentAt, bouncedAt] of messages) {
    const m = await p.message.create({ data: {
      orgId, candidateId: who(first), campaignId, category: 'MARKETING', idempotencyKey: `${orgId}:${key}`, status, fromAddress: 'team@example.com',
      toAddress: emails[first]!, subject: 'Hello', bodyText: 'Hello', sentAt: sentAt ? at(sentAt) : null, bouncedAt: bouncedAt ? at(bouncedAt) : null,
      policyReason: status === 'SUPPRESSED' ? 'unsubscribed' : null, createdAt: at('2026-09-01T00:00:00Z'),
    } });
    messageIds[key] = m.id;
  }

  // Engagement: person, kind, when, campaign, message, event (filled below).
  const engagement: [string, EngagementKind, string, string | null, string | null][] = [
    ['Ada', 'OPENED', '2026-09-04T09:00:00Z', alpha.id, messageIds.m1!],
    ['Grace', 'OPENED', '2026-09-04T10:00:00Z', alpha.id, messageIds.m2!],
    ['Ada', 'CLICKED', '2026-09-05T09:00:00Z', alpha.id, messageIds.m1!],
    ['Katherine', 'CLICKED', '2026-09-07T09:00:00Z', beta.id, messageIds.m6!],
    ['Linus', 'REPLIED', '2026-10-02T09:00:00Z', alpha.id, messageIds.m3!],
    ['Alan', 'OPENED', '2026-10-22T09:00:00Z', beta.id, messageIds.m5!],
    ['Hedy', 'UNSUBSCRIBED', '2026-11-02T09:00:00Z', alpha.id, messageIds.m4!],
    ['Barbara', 'CLICKED', '2026-09-25T09:00:00Z', null, null],
    ['Margaret', 'CLICKED', '2026-11-20T09:00:00Z', null, null],
    ['Tim', 'CLICKED', '2026-08-15T09:00:00Z', null, null],
  ];
  let n = 0;
  const fact = (first: string, kind: EngagementKind, when: string, extra: { campaignId?: string | null; messageId?: string | null; eventId?: string }) =>
    p.engagementEvent.create({ data: { orgId, candidateId: who(first), kind, at: at(when), dedupeKey: `${orgId}:fact:${n++}`, ...extra } });
  for (const [first, kind, when, campaignId, messageId] of engagement) await fact(first, kind, when, { campaignId, messageId });
  await p.contactPreference.create({ data: { candidateId: who('Hedy'), topic: 'all', isSubscribed: false } });
  await p.$executeRaw`UPDATE "ContactPreference" SET "updatedAt" = ${at('2026-11-02T09:00:00Z')} WHERE "candidateId" = ${who('Hedy')}`;
  await p.suppression.create({ data: { orgId, address: emails.Barbara!, addressHash: addressHash(orgId, emails.Barbara!), candidateId: who('Barbara'), reason: 'bounced', createdAt: at('2026-09-15T00:00:00Z') } });

  // A job: Ada applied after her enrollment and was hired; Alan applied after his; Katherine before hers.
  const job = await p.job.create({ data: { orgId, title: 'Backend Engineer', status: 'OPEN' } });
  const kinds = ['APPLIED', 'HIRED'] as const;
  const stages = Object.fromEntries(await Promise.all(kinds.map(async (kind, position) => [kind, (await p.stage.create({ data: { jobId: job.id, key: kind.toLowerCase(), name: kind, kind, position } })).id])));
  const applications: [string, string, [typeof kinds[number], string][]][] = [
    ['Ada', '2026-10-20T10:00:00Z', [['APPLIED', '2026-10-20T10:00:00Z'], ['HIRED', '2026-11-10T09:00:00Z']]],
    ['Alan', '2026-11-05T09:00:00Z', [['APPLIED', '2026-11-05T09:00:00Z']]],
    ['Katherine', '2026-08-15T09:00:00Z', [['APPLIED', '2026-08-15T09:00:00Z']]],
  ];
  for (const [first, appliedAt, moves] of applications) {
    const last = moves[moves.length - 1]![0];
    const app = await p.application.create({ data: { orgId, jobId: job.id, candidateId: who(first), stageId: stages[last]!, appliedAt: at(appliedAt), status: last === 'HIRED' ? 'HIRED' : 'ACTIVE' } });
    let from: string | null = null;
    for (const [kind, when] of moves) {
      await p.stageTransition.create({ data: { orgId, applicationId: app.id, fromStageId: from, toStageId: stages[kind]!, actorType: 'SYSTEM', at: at(when) } });
      from = stages[kind]!;
    }
  }

  // Events: the meetup (capacity 3) with registrations, a cancellation, check-ins, a walk-in and a no-show;
  // a draft in the period (never counted); an open house later in the period with one registrant.
  const event = (slug: string, status: 'PUBLISHED' | 'DRAFT', startsAt: string, endsAt: string, capacity: number | null) =>
    p.recruitingEvent.create({ data: { orgId, slug, name: slug.replace(/-/g, ' '), status, startsAt: at(startsAt), endsAt: at(endsAt), capacity } });
  const meetup = await event('go-meetup', 'PUBLISHED', '2026-09-20T18:00:00Z', '2026-09-20T20:00:00Z', 3);
  const draft = await event('draft-fair', 'DRAFT', '2026-10-01T18:00:00Z', '2026-10-01T20:00:00Z', null);
  const openHouse = await event('open-house', 'PUBLISHED', '2026-11-20T18:00:00Z', '2026-11-20T20:00:00Z', null);
  // Event, person, registered, status, checked in, facts (kind, when).
  const registrations: [string, string, string, 'REGISTERED' | 'ATTENDED' | 'NO_SHOW' | 'CANCELLED', string | null, [EngagementKind, string][]][] = [
    [meetup.id, 'Ada', '2026-09-10T09:00:00Z', 'ATTENDED', '2026-09-20T18:05:00Z', [['REGISTERED', '2026-09-10T09:00:00Z'], ['ATTENDED', '2026-09-20T18:05:00Z']]],
    [meetup.id, 'Linus', '2026-09-11T09:00:00Z', 'NO_SHOW', null, [['REGISTERED', '2026-09-11T09:00:00Z'], ['NO_SHOW', '2026-09-20T22:05:00Z']]],
    [meetup.id, 'Grace', '2026-09-12T09:00:00Z', 'CANCELLED', null, [['REGISTERED', '2026-09-12T09:00:00Z']]],
    [meetup.id, 'Hedy', '2026-09-20T18:30:00Z', 'ATTENDED', '2026-09-20T18:30:00Z', [['ATTENDED', '2026-09-20T18:30:00Z']]],
    [openHouse.id, 'Alan', '2026-11-01T09:00:00Z', 'REGISTERED', null, [['REGISTERED', '2026-11-01T09:00:00Z']]],
  ];
  for (const [eventId, first, createdAt, status, checkedInAt, facts] of registrations) {
    const r = await p.eventRegistration.create({ data: { orgId, eventId, candidateId: who(first), status, createdAt: at(createdAt), checkedInAt: checkedInAt ? at(checkedInAt) : null } });
    for (const [kind, when] of facts) await fact(first, kind, when, { eventId });
    // Grace cancelled on 20 October (the registration's last change: no cancellation time is recorded).
    const changed = status === 'CANCELLED' ? '2026-10-20T09:00:00Z' : createdAt;
    await p.$executeRaw`UPDATE "EventRegistration" SET "updatedAt" = ${at(changed)} WHERE id = ${r.id}`;
  }

  const segment = (name: string, skill: string) => p.segment.create({ data: { orgId, name, query: { conditions: [{ field: 'skills', match: 'any', values: [skill] }] } } });
  const typescript = await segment('TypeScript people', 'typescript');
  const go = await segment('Go people', 'go');
  return { campaigns: { alpha: alpha.id, beta: beta.id, gamma: gamma.id }, events: { meetup: meetup.id, draft: draft.id, openHouse: openHouse.id }, segments: { typescript: typescript.id, go: go.id }, people };
}
