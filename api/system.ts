// The composition root. Starts what the configuration asks for, in order:
// database (embedded PGlite or DATABASE_URL) and migrations, Temporal
// (embedded dev server or TEMPORAL_ADDRESS), mail (embedded SMTP sink or
// SMTP_URL), then the worker and/or the HTTP API. `stop()` undoes it all in
// reverse order.
import http from 'node:http';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { TConfig } from './platform/config';
import { createLogger, type Logger } from './platform/logger';
import { startEmbeddedPostgres } from './platform/db/embedded-postgres';
import { openDatabase, type Database } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { startDevServer } from './platform/temporal/dev-server';
import { connectClient, connectWorker } from './platform/temporal/connection';
import { createWorker } from './platform/temporal/worker';
import { installTemporalLogging } from './platform/temporal/runtime-logging';
import { startSmtpSink, type SmtpSink } from './platform/mail/smtp-sink';
import { createSmtpMailer } from './platform/mail/mailer';
import type { InboundSmtp } from './platform/mail/inbound-smtp';
import { startInboundMailListener } from './services/messaging/inbound-listener';
import { createOutboxDispatcher } from './services/outbox-dispatcher';
import { createPeriodicJobRunner } from './platform/periodic-jobs';
import { PERIODIC_JOBS } from './services/periodic-job-list';
import { createApp } from './app';
import { seedDevData } from './seed/dev-seed';
import { closeSharedPdfTextExtractor, sharedPdfTextExtractor } from './resumes/extract-pdf-text';
import type { Services } from './services/services';

export interface SystemParts {
  api: boolean;
  worker: boolean;
}

export interface RunningSystem {
  config: TConfig;
  log: Logger;
  db: Database;
  url?: string;
  temporalAddress: string;
  temporalUiUrl: string;
  mailbox?: SmtpSink;
  /** The inbound SMTP listener for replies and bounces (API processes, unless INBOUND_SMTP_DISABLED). */
  inboundMail?: InboundSmtp;
  services?: Services;
  worker?: Worker;
  stop(): Promise<void>;
}

export async function startSystem(config: TConfig, parts: SystemParts = { api: true, worker: true }, log: Logger = createLogger(config.LOG_LEVEL)): Promise<RunningSystem> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log.warn({ err: (err as Error).message }, 'error while stopping'));
  };
  try {
    // Database
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres(config.TRELLIS_DATA_DIR);
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
      log.info({ dataDir: config.TRELLIS_DATA_DIR }, 'embedded PostgreSQL (PGlite) started');
    }
    const db = openDatabase(databaseUrl, { maxConnections: config.isEmbeddedDatabase ? 1 : 10 });
    stops.push(() => db.close());
    const applied = await migrate(db.pool);
    log.info({ applied }, applied.length ? 'database migrated' : 'database schema up to date');

    // Temporal
    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUiUrl = config.TEMPORAL_UI_URL ?? 'https://cloud.temporal.io';
    if (!temporalAddress) {
      const dev = await startDevServer({
        dataDir: config.TRELLIS_DATA_DIR, port: config.TEMPORAL_DEV_PORT, uiPort: config.TEMPORAL_DEV_UI_PORT,
        namespace: config.TEMPORAL_NAMESPACE, log: (msg) => log.info(msg),
      });
      stops.push(() => dev.stop());
      temporalAddress = dev.address;
      temporalUiUrl = config.TEMPORAL_UI_URL ?? dev.uiUrl;
      log.info({ address: dev.address, ui: dev.uiUrl }, 'Temporal dev server started');
    }

    // Mail
    let mailbox: SmtpSink | undefined;
    let smtpUrl = config.SMTP_URL;
    if (!smtpUrl) {
      mailbox = await startSmtpSink({ port: config.SMTP_SINK_PORT, dataDir: config.TRELLIS_DATA_DIR });
      stops.push(() => mailbox!.stop());
      smtpUrl = mailbox.url;
      log.info({ port: mailbox.port }, 'embedded SMTP sink listening (dev mailbox)');
    }
    const mailer = createSmtpMailer(smtpUrl);
    stops.push(async () => mailer.close());

    const system: RunningSystem = { config, log, db, temporalAddress, temporalUiUrl, mailbox, stop };

    if (parts.worker) {
      installTemporalLogging(log);
      const connection = await connectWorker(config, temporalAddress);
      const worker = await createWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, deps: { prisma: db.prisma, pool: db.pool, mailer, log, mailFrom: config.MAIL_FROM, linkSigningKey: config.LINK_SIGNING_KEY, replyDomain: config.REPLY_DOMAIN, publicUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`, allowPrivateCalendarFeeds: config.CALENDAR_FEED_ALLOW_PRIVATE } });
      const running = worker.run();
      stops.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running.catch(() => undefined);
        await connection.close();
      });
      system.worker = worker;
      log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
    }

    if (parts.api) {
      let client: Promise<Client> | undefined;
      const temporal = () => {
        client ??= connectClient(config, temporalAddress!).catch((err) => {
          client = undefined;
          throw err;
        });
        return client;
      };
      stops.push(async () => client && (await client.then((c) => c.connection.close(), () => undefined)));
      const outbox = createOutboxDispatcher({ pool: db.pool, prisma: db.prisma, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, log, pollMs: config.OUTBOX_POLL_MS });
      const devToken = config.DEV_LOGIN ? (await seedDevData(db.prisma, config.TRELLIS_DATA_DIR)).token : undefined;
      // pdf.js loads in the extraction workers now, not on the first applicant's upload.
      await sharedPdfTextExtractor().warmUp();
      stops.push(() => closeSharedPdfTextExtractor());
      const services: Services = { prisma: db.prisma, pool: db.pool, log, config, temporal, temporalUiUrl, outbox, mailer, mailbox, devToken };
      const server = http.createServer(createApp(services));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      outbox.start();
      const periodicJobs = createPeriodicJobRunner(services, PERIODIC_JOBS);
      services.periodicJobs = periodicJobs;
      if (!config.PERIODIC_JOBS_DISABLED) periodicJobs.start();
      stops.push(async () => {
        await periodicJobs.stop();
        await outbox.stop();
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      });
      const { port } = server.address() as { port: number };
      system.url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
      system.services = services;
      const inboundMail = await startInboundMailListener(services);
      if (inboundMail) {
        stops.push(() => inboundMail.stop());
        system.inboundMail = inboundMail;
      }
      log.info({ url: system.url }, 'API and UI listening');
    }
    return system;
  } catch (err) {
    await stop();
    throw err;
  }
}
