// What activities need from the outside world, injected by the worker
// (and by tests): the database, the mailer, and a few settings.
import type { PrismaClient } from '../generated/prisma/client';
import type { Mailer } from '../api/platform/mail/mailer';
import type { Logger } from '../api/platform/logger';

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  log: Logger;
  mailFrom: string;
}
