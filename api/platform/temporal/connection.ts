// Client-side connection settings shared by the API (client) and the worker:
// plain for the dev server, mTLS or an API key for a real cluster / Temporal Cloud.
import fs from 'node:fs';
import { Connection, Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TConfig } from '../config';

function connectionOptions(config: TConfig, address: string) {
  const hasMtls = Boolean(config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH);
  return {
    address,
    tls: hasMtls
      ? { clientCertPair: { crt: fs.readFileSync(config.TEMPORAL_TLS_CERT_PATH!), key: fs.readFileSync(config.TEMPORAL_TLS_KEY_PATH!) } }
      : config.TEMPORAL_API_KEY
        ? true
        : undefined,
    apiKey: config.TEMPORAL_API_KEY,
  };
}

export async function connectClient(config: TConfig, address: string): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(config, address));
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}

export async function connectWorker(config: TConfig, address: string): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config, address));
}
