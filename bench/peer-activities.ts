// The peer's only side effect: one UPDATE of one row in PostgreSQL, through a
// plain pg pool, so the peer pays for a database write as Trellis's
// move-to-stage activity does.
import type { Pool } from 'pg';

export const PEER_TABLE = 'bench_peer_application';

export async function createPeerTable(pool: Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${PEER_TABLE} (id text PRIMARY KEY, stage text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
}

export function createPeerActivities(pool: Pool) {
  return {
    async markInterview(rowId: string): Promise<void> {
      await pool.query(`UPDATE ${PEER_TABLE} SET stage = 'interview', updated_at = now() WHERE id = $1`, [rowId]);
    },
  };
}

export type PeerActivities = ReturnType<typeof createPeerActivities>;
