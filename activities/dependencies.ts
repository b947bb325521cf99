// What activities need from the outside world, injected by the worker
// (and by tests): the database, the mailer, and a few settings.
import type { Pool } from 'pg';
import type { PrismaClient } from '../generated/prisma/client';
import type { Mailer } from '../api/platform/mail/mailer';
import type { Logger } from '../api/platform/logger';
import type { SmsProvider } from './sms-provider';

export interface ActivityDeps {
  prisma: PrismaClient;
  /** The same database without Prisma, for the hot paths where its per-statement CPU cost shows. */
  pool: Pool;
  mailer: Mailer;
  log: Logger;
  mailFrom: string;
  /** LINK_SIGNING_KEY: signs tracking, unsubscribe and preference links and the reply and bounce addresses in emails. */
  linkSigningKey: string;
  /** REPLY_DOMAIN: the domain of reply+<token>@ and bounce+<token>@ addresses. */
  replyDomain: string;
  /** Base URL of the public pages (self-scheduling links in emails); default http://localhost:3000. */
  publicUrl?: string;
  /** Interviewers' ICS feeds may be on loopback or private addresses (CALENDAR_FEED_ALLOW_PRIVATE). */
  allowPrivateCalendarFeeds?: boolean;
  /** Outbound SMS; the dev sink (records only) when absent. */
  sms?: SmsProvider;
}
