// Shapes of the CRM API as the web UI reads them: talent pools, segments, campaigns, bulk jobs (imports and
// enrollments), events, the contact policy, suppressions and retention. Where the server's view type is
// already JSON (strings for times), it is imported as a type, so the two cannot drift apart; rows whose
// server type holds Date objects are spelled out with strings here.
import type { TSegmentCondition, TSegmentQuery } from '../../../api/services/segments/segment-query';
import type { CampaignView } from '../../../api/services/campaigns/read-campaigns';
import type { CampaignStats } from '../../../api/services/campaigns/campaign-stats';
import type { EnrollmentView } from '../../../api/services/campaigns/campaign-enrollments';
import type { EnrollmentReport } from '../../../api/services/campaigns/enroll-campaign';
import type { HandOffResult } from '../../../api/services/campaigns/hand-off';
import type { BulkJobView } from '../../../api/services/bulk-jobs';
import type { TImportReport } from '../../../api/services/crm/run-import';
import type { TContactPolicy } from '../../../api/services/messaging/contact-policy';
import type { TSuppressionView } from '../../../api/services/messaging/suppressions';
import type { TContactStatus } from '../../../api/services/messaging/contact-status';
import type { TRetentionPolicy } from '../../../api/services/data-rights/retention-policy';
import type { TEventEmailTemplateList, TEventEmailTemplateView } from '../../../api/services/events/event-email-templates';
import type { TEventView, TRegistrationCounts } from '../../../api/services/events/event-record';
import type { TalentPoolView } from '../../../api/services/crm/talent-pools';
import type { SegmentView } from '../../../api/services/segments/segments';

/** A server view as it arrives in JSON: its Date fields are ISO strings. */
export type JsonOf<T> = T extends Date ? string : T extends readonly (infer U)[] ? JsonOf<U>[] : T extends object ? { [K in keyof T]: JsonOf<T[K]> } : T;

export type SegmentQuery = TSegmentQuery;
export type SegmentCondition = TSegmentCondition;
export type Campaign = CampaignView;
export type CampaignStatsView = CampaignStats;
export type CampaignEnrollment = EnrollmentView;
export type CampaignEnrollmentReport = EnrollmentReport;
export type HandOff = HandOffResult;
export type BulkJob = BulkJobView;
export type ImportReport = TImportReport;
export type ContactPolicy = TContactPolicy;
export type Suppression = TSuppressionView;
export type ContactStatus = TContactStatus;
export type RetentionPolicy = TRetentionPolicy;
export type EventEmailTemplates = TEventEmailTemplateList;
export type EventEmailTemplate = TEventEmailTemplateView;
export type RegistrationCounts = TRegistrationCounts;

export const INTEREST_LEVEL_LABELS: Record<string, string> = { HOT: 'Hot', WARM: 'Warm', COLD: 'Cold', NOT_INTERESTED: 'Not interested', UNSET: 'Not assessed' };

export type TalentPool = JsonOf<TalentPoolView>;

/** A person in a pool or a segment's member list. */
export type CrmPerson = {
  id: string;
  kind: string;
  firstName: string;
  lastName: string;
  email: string | null;
  headline: string | null;
  city: string | null;
  countryCode: string | null;
  tags: string[];
  interestLevel: string | null;
  engagementScore: number;
  lastContactedAt: string | null;
  /** Pools: when they joined it. */
  addedAt?: string;
};
export type CrmPersonPage = { members: CrmPerson[]; nextCursor: string | null };

export type Segment = JsonOf<SegmentView>;
export type SegmentWithMembers = Segment & CrmPersonPage & { count: number };

export type CampaignStatusChange = { campaign: Campaign; enrollment?: BulkJob; ended?: { notStarted: number; exiting: number } };

export type RecruitingEvent = JsonOf<TEventView>;
export type EventStatus = RecruitingEvent['status'];
export type RegistrationStatus = 'REGISTERED' | 'WAITLISTED' | 'ATTENDED' | 'NO_SHOW' | 'CANCELLED';
export type EventRegistration = {
  id: string;
  candidateId: string;
  status: RegistrationStatus;
  source: string | null;
  checkedInAt: string | null;
  createdAt: string;
  candidate: { id: string; firstName: string; lastName: string; email: string | null };
};
export type CheckInResult = { registrationId: string; candidateId: string; status: string; isAlreadyCheckedIn: boolean; isWalkIn: boolean };
