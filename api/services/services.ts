// What route handlers get: the database, Temporal (connected lazily, so the API
// keeps taking writes while Temporal is down), the outbox and settings.
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../platform/logger';
import type { SmtpSink } from '../platform/mail/smtp-sink';
import type { Mailer } from '../platform/mail/mailer';
import type { OutboxDispatcher } from './outbox-dispatcher';
import type { TConfig } from '../platform/config';
import type { PeriodicJobRunner } from '../platform/periodic-jobs';

export interface Services {
  prisma: PrismaClient;
  /** Plain SQL for the hot paths (feedback, auth). */
  pool: Pool;
  log: Logger;
  config: TConfig;
  temporal: () => Promise<Client>;
  temporalUiUrl: string;
  outbox: OutboxDispatcher;
  /** Mail the API sends itself (offer letters), through the same Message outbox rows as the workflows' mail. */
  mailer?: Mailer;
  /** The embedded SMTP sink, when mail is not relayed. */
  mailbox?: SmtpSink;
  /** Clock-driven sweeps (campaign enrollment, digests, retention); tests call runNow(name). */
  periodicJobs?: PeriodicJobRunner;
  /** Token of the seeded dev admin, handed out by /api/dev/session when DEV_LOGIN is on. */
  devToken?: string;
}
