// The CRM's branches of the profile timeline (list-candidate-timeline.ts): engagement with messages
// (clicks, replies, unsubscribes, bounces, complaints), recruiting events (registration, attendance,
// no-show), talent pool adds, and campaign enrollments and their ends. Each branch has the timeline's
// columns: id (prefixed by its source), kind, occurredAt, applicationId, userId, data; $1 = candidate,
// $2 = organization. None belongs to an application, so only the recruiting team (org-wide roles) sees them.
//
// Left out on purpose: SENT engagement (the message entry is the send), OPENED (shown on the message entry,
// flagged unreliable: privacy proxies fetch every image), REGISTERED engagement (the registration entry says
// it, with the registration's current status) and APPLIED (the application entry).

export const CRM_TIMELINE_KINDS = [
  'engagement.clicked', 'engagement.replied', 'engagement.unsubscribed', 'engagement.bounced', 'engagement.complained',
  'event.registered', 'event.attended', 'event.no_show', 'pool.added',
  'campaign.enrolled', 'campaign.exited', 'campaign.completed', 'campaign.stopped',
] as const;

/** The message's engagement, for message.sent / message.received entries. */
export const MESSAGE_ENGAGEMENT_DATA = `'direction', m.direction, 'category', m.category, 'topic', m.topic, 'campaignId', m."campaignId", 'campaignName', mc.name,
  'openedAt', m."openedAt", 'isOpenReliable', false, 'clickedAt', m."clickedAt", 'repliedAt', m."repliedAt", 'bouncedAt', m."bouncedAt",
  'policyReason', m."policyReason", 'deferredUntil', m."deferredUntil", 'inReplyToId', m."inReplyToId"`;
export const MESSAGE_CAMPAIGN_JOIN = `LEFT JOIN "Campaign" mc ON mc.id = m."campaignId"`;

export const CRM_TIMELINE_SOURCES = [
  `SELECT 'engagement:' || e.id, 'engagement.' || lower(e.kind::text), e.at, NULL, NULL,
          jsonb_build_object('messageId', e."messageId", 'subject', m.subject, 'campaignId', e."campaignId", 'campaignName', ec.name,
            'linkIndex', e."linkIndex", 'url', CASE WHEN e."linkIndex" IS NOT NULL THEN m.links[e."linkIndex" + 1] END)
     FROM "EngagementEvent" e LEFT JOIN "Message" m ON m.id = e."messageId" LEFT JOIN "Campaign" ec ON ec.id = e."campaignId"
    WHERE e."candidateId" = $1 AND e."orgId" = $2 AND e.kind IN ('CLICKED', 'REPLIED', 'UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED')`,
  `SELECT 'attendance:' || e.id, CASE e.kind WHEN 'ATTENDED' THEN 'event.attended' ELSE 'event.no_show' END, e.at, NULL, NULL,
          jsonb_build_object('eventId', e."eventId", 'eventName', ev.name, 'startsAt', ev."startsAt")
     FROM "EngagementEvent" e LEFT JOIN "RecruitingEvent" ev ON ev.id = e."eventId"
    WHERE e."candidateId" = $1 AND e."orgId" = $2 AND e.kind IN ('ATTENDED', 'NO_SHOW')`,
  `SELECT 'registration:' || r.id, 'event.registered', r."createdAt", NULL, NULL,
          jsonb_build_object('eventId', ev.id, 'eventName', ev.name, 'eventKind', ev.kind, 'startsAt', ev."startsAt", 'isOnline', ev."isOnline",
            'status', r.status, 'source', r.source, 'checkedInAt', r."checkedInAt")
     FROM "EventRegistration" r JOIN "RecruitingEvent" ev ON ev.id = r."eventId"
    WHERE r."candidateId" = $1 AND r."orgId" = $2`,
  `SELECT 'pool:' || p.id || ':' || pm."candidateId", 'pool.added', pm."addedAt", NULL, pm."addedById",
          jsonb_build_object('poolId', p.id, 'poolName', p.name, 'actorName', u.name)
     FROM "TalentPoolMember" pm JOIN "TalentPool" p ON p.id = pm."poolId" LEFT JOIN "User" u ON u.id = pm."addedById"
    WHERE pm."candidateId" = $1 AND p."orgId" = $2`,
  `SELECT 'enrolled:' || r.id, 'campaign.enrolled', r."startedAt", NULL, NULL,
          jsonb_build_object('runId', r.id, 'campaignId', c.id, 'campaignName', c.name, 'status', r.status)
     FROM "Run" r JOIN "Campaign" c ON c.id = r."campaignId" WHERE r."candidateId" = $1 AND r."orgId" = $2`,
  `SELECT 'campaign-ended:' || r.id,
          CASE r.status WHEN 'EXITED' THEN 'campaign.exited' WHEN 'COMPLETED' THEN 'campaign.completed' ELSE 'campaign.stopped' END, r."endedAt", NULL, NULL,
          jsonb_build_object('runId', r.id, 'campaignId', c.id, 'campaignName', c.name, 'status', r.status, 'exitReason', r."exitReason")
     FROM "Run" r JOIN "Campaign" c ON c.id = r."campaignId"
    WHERE r."candidateId" = $1 AND r."orgId" = $2 AND r."endedAt" IS NOT NULL AND r.status IN ('EXITED', 'COMPLETED', 'CANCELLED', 'FAILED')`,
];
