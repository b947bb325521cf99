// The node catalog as a whole: every node file registered under its own name,
// documented, describable as JSON Schema for the builder, and with each
// template field checked at publish.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NODE_DEFINITIONS, findNodeDefinition } from '../../../workflows/graph/registry';
import { validateGraph } from '../../../workflows/graph/validate';
import { linearGraph, node } from '../graph/graph-builders';

const NODES_DIR = path.resolve(__dirname, '../../../workflows/graph/nodes');
const NOT_NODE_TYPES = new Set(['config-parts.ts']);

/** A valid config for node types that need settings. */
const SAMPLE_CONFIGS: Record<string, Record<string, unknown>> = {
  'message.send_email': { subject: 'Hello', body: 'Hi' },
  'message.send_sms': { body: 'Hi' },
  'message.internal_note': { body: 'Note' },
  'action.reject': { reason: 'r', emailSubject: 'Hello', emailBody: 'Hi' },
  'action.webhook': { url: 'https://hooks.example.com' },
};

test('every file in workflows/graph/nodes is a registered node type named after its file (versions after the first end in -v<N>)', async () => {
  const files = fs.readdirSync(NODES_DIR).filter((f) => f.endsWith('.ts') && !NOT_NODE_TYPES.has(f)).sort();
  const registered = NODE_DEFINITIONS.map((d) => `${d.type.replace(/[._]/g, '-')}${d.typeVersion > 1 ? `-v${d.typeVersion}` : ''}.ts`).sort();
  expect(registered).toEqual(files);
  for (const file of files) {
    const def = (await import(path.join(NODES_DIR, file))).default;
    expect(findNodeDefinition(def.type, def.typeVersion)).toBe(def);
  }
});

test('type and version pairs are unique, and every type is documented', () => {
  const keys = NODE_DEFINITIONS.map((d) => `${d.type}@${d.typeVersion}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const d of NODE_DEFINITIONS) {
    expect({ type: d.type, hasLabel: d.label.length > 0, hasDocs: d.docs.length >= 60 }).toEqual({ type: d.type, hasLabel: true, hasDocs: true });
  }
});

test('every config schema converts to JSON Schema for the builder (as GET /api/node-types does)', () => {
  for (const d of NODE_DEFINITIONS) {
    const schema = z.toJSONSchema(d.config, { io: 'input', unrepresentable: 'any' }) as { type?: string };
    expect({ type: d.type, schema: schema.type }).toEqual({ type: d.type, schema: 'object' });
  }
});

test.each(NODE_DEFINITIONS.filter((d) => d.templateFields?.length).map((d) => [d.type, d] as const))('%s: publish checks every template field', (type, def) => {
  for (const field of def.templateFields!) {
    const config = { ...SAMPLE_CONFIGS[type], [field]: '{{no.such.variable}}' };
    const { issues } = validateGraph(linearGraph(node('n', type, config)));
    expect(issues).toEqual([expect.objectContaining({ code: 'unknown_variable', path: `/nodes/1/config/${field}` })]);
  }
});
