// The configuration panel's form, derived from each node type's zod config: the
// schema goes through JSON Schema (as GET /api/node-types publishes it) and
// becomes a list of field descriptors the panel draws. Shapes with no sensible
// input fall back to a JSON textarea for that one field.
import { z } from 'zod';
import type { NodeDefinition } from '../../../workflows/graph/node-definition';
import { ZDuration, ZRetryPolicy } from '../../../workflows/graph/schema';
import { ZFieldPath } from '../../../workflows/graph/nodes/config-parts';

/** The part of JSON Schema that zod emits for node configs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  description?: string;
  $ref?: string;
}

export const DURATION_UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type ScalarType = 'string' | 'number' | 'boolean';

interface FieldBase {
  name: string;
  label: string;
  isRequired: boolean;
  defaultValue?: unknown;
  description?: string;
}

export type FieldDescriptor = FieldBase &
  (
    /** `isFieldPath`: a dotted path into the run's data (interview.startsAt), suggested from the variables at the node. */
    | { kind: 'text'; inputType: 'text' | 'email' | 'password'; isFieldPath: boolean; maxLength?: number }
    | { kind: 'multiline'; maxLength?: number }
    /** A Handlebars template (the definition's templateFields); `isJson` when rendered JSON-escaped (webhook payloads). */
    | { kind: 'template'; isMultiline: boolean; isJson: boolean; maxLength?: number }
    | { kind: 'number'; isInteger: boolean; minimum?: number; maximum?: number }
    | { kind: 'boolean' }
    | { kind: 'enum'; options: string[] }
    /** Free strings one per line, or a set of checkboxes when the items are an enum. */
    | { kind: 'string-list'; options?: string[]; minItems?: number; maxItems?: number }
    | { kind: 'duration'; units: DurationUnit[] }
    | { kind: 'group'; fields: FieldDescriptor[] }
    | { kind: 'group-list'; itemLabel: string; itemFields: FieldDescriptor[]; minItems?: number; maxItems?: number }
    /** Branch conditions: rows of field / operator / value. */
    | { kind: 'conditions'; operators: string[]; minItems?: number }
    /** One value that may be text, a number or true/false. */
    | { kind: 'scalar'; types: ScalarType[] }
    | { kind: 'json' }
  );
export type FieldKind = FieldDescriptor['kind'];

/** Template fields whose output is a JSON document (values JSON-escaped at send time, see activities/call-webhook.ts). */
const JSON_TEMPLATE_FIELDS: Record<string, readonly string[]> = { 'action.webhook': ['payload'] };

/** Longer limits than a subject line mean a body: draw a textarea. */
const MULTILINE_ABOVE = 500;

/** The pattern of ZFieldPath (nodes/config-parts.ts): fields naming run data, e.g. time.wait_until's date field. */
const FIELD_PATH_PATTERN = (z.toJSONSchema(ZFieldPath) as JsonSchema).pattern;

const WORDS: Record<string, string> = { id: 'ID', ids: 'IDs', url: 'URL', utm: 'UTM', sms: 'SMS' };

/** "interviewerUserIds" -> "Interviewer user IDs". */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase().split(/\s+/).filter(Boolean);
  const text = words.map((w) => WORDS[w] ?? w).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const singular = (name: string) => humanize(name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name);

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const isObject = (s: JsonSchema) => typesOf(s).includes('object') && !!s.properties;
/** zod writes Number.MAX_SAFE_INTEGER for "no upper bound" on integers. */
const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n);

function isDuration(s: JsonSchema): boolean {
  const keys = Object.keys(s.properties ?? {});
  return isObject(s) && keys.length > 0 && keys.every((k) => (DURATION_UNITS as readonly string[]).includes(k) && typesOf(s.properties![k]!).includes('integer'));
}

function isConditionList(s: JsonSchema): boolean {
  const item = s.items;
  return !!item && isObject(item) && typesOf(item.properties!.field ?? {}).includes('string') && Array.isArray(item.properties!.op?.enum);
}

function scalarTypes(s: JsonSchema): ScalarType[] | undefined {
  const members: JsonSchema[] | undefined = s.anyOf ?? (Array.isArray(s.type) ? s.type.map((type) => ({ type })) : undefined);
  if (!members) return undefined;
  const types = new Set<ScalarType>();
  for (const m of members) {
    const [t, ...more] = typesOf(m);
    if (more.length || m.enum) return undefined;
    if (t === 'string' || t === 'boolean') types.add(t);
    else if (t === 'number' || t === 'integer') types.add('number');
    else return undefined;
  }
  return [...types];
}

interface Context {
  templateFields: readonly string[];
  jsonTemplateFields: readonly string[];
}

function describe(name: string, s: JsonSchema, isRequired: boolean, ctx: Context): FieldDescriptor {
  const base: FieldBase = { name, label: humanize(name), isRequired, defaultValue: s.default, description: s.description };
  const types = typesOf(s);
  if (s.$ref) return { ...base, kind: 'json' };
  if (ctx.templateFields.includes(name) && types.includes('string')) {
    return { ...base, kind: 'template', isMultiline: (s.maxLength ?? Infinity) > MULTILINE_ABOVE, isJson: ctx.jsonTemplateFields.includes(name), maxLength: s.maxLength };
  }
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string')) return { ...base, kind: 'enum', options: s.enum as string[] };
  if (types.length === 1 && types[0] === 'string') {
    if ((s.maxLength ?? 0) > MULTILINE_ABOVE) return { ...base, kind: 'multiline', maxLength: s.maxLength };
    return { ...base, kind: 'text', inputType: s.format === 'email' ? 'email' : name === 'secret' ? 'password' : 'text', isFieldPath: s.pattern === FIELD_PATH_PATTERN, maxLength: s.maxLength };
  }
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) {
    return { ...base, kind: 'number', isInteger: types[0] === 'integer', minimum: bound(s.minimum), maximum: bound(s.maximum) };
  }
  if (types.length === 1 && types[0] === 'boolean') return { ...base, kind: 'boolean' };
  if (isDuration(s)) return { ...base, kind: 'duration', units: DURATION_UNITS.filter((u) => s.properties![u]) };
  if (isObject(s)) return { ...base, kind: 'group', fields: describeProperties(s, { templateFields: [], jsonTemplateFields: [] }) };
  if (types.includes('array') && s.items) {
    const limits = { minItems: s.minItems, maxItems: s.maxItems };
    if (isConditionList(s)) return { ...base, kind: 'conditions', operators: s.items.properties!.op!.enum as string[], minItems: s.minItems };
    const item = s.items;
    if (typesOf(item).length === 1 && typesOf(item)[0] === 'string') {
      const options = Array.isArray(item.enum) ? (item.enum as string[]) : undefined;
      return { ...base, kind: 'string-list', options, ...limits };
    }
    if (isObject(item) && !isDuration(item)) {
      return { ...base, kind: 'group-list', itemLabel: singular(name), itemFields: describeProperties(item, { templateFields: [], jsonTemplateFields: [] }), ...limits };
    }
  }
  const scalars = scalarTypes(s);
  if (scalars) return { ...base, kind: 'scalar', types: scalars };
  return { ...base, kind: 'json' };
}

function describeProperties(s: JsonSchema, ctx: Context): FieldDescriptor[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => describe(name, prop, required.has(name), ctx));
}

/** JSON Schema of a zod schema as the API publishes node configs. */
export const toJsonSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const cache = new WeakMap<NodeDefinition<any>, FieldDescriptor[]>();

/** The config form of a node type, computed once per definition. */
export function configFieldsFor(def: NodeDefinition<any>): FieldDescriptor[] {
  let fields = cache.get(def);
  if (!fields) {
    fields = describeProperties(toJsonSchema(def.config), { templateFields: def.templateFields ?? [], jsonTemplateFields: JSON_TEMPLATE_FIELDS[def.type] ?? [] });
    cache.set(def, fields);
  }
  return fields;
}

let nodeSettings: FieldDescriptor[] | undefined;

/** Node-level settings beside the config: activity retry policy and step timeout (schema.ts). */
export function nodeSettingsFields(): FieldDescriptor[] {
  nodeSettings ??= describeProperties(toJsonSchema(z.object({ retry: ZRetryPolicy.optional(), timeout: ZDuration.optional() })), { templateFields: [], jsonTemplateFields: [] });
  return nodeSettings;
}

/** The value a new required field starts with (an empty text the validator then asks to fill); undefined when optional. */
export function initialValue(field: FieldDescriptor): unknown {
  if (field.defaultValue !== undefined) return structuredClone(field.defaultValue);
  if (!field.isRequired) return undefined;
  switch (field.kind) {
    case 'text': case 'multiline': case 'template': case 'scalar': return '';
    case 'enum': return field.options[0];
    case 'number': return field.minimum ?? 0;
    case 'boolean': return false;
    case 'string-list': case 'group-list': return [];
    case 'duration': return { days: 1 };
    case 'group': return newGroupValue(field.fields);
    case 'conditions': return [{ field: '', op: field.operators[0] ?? 'eq' }];
    case 'json': return undefined;
  }
}

function newGroupValue(fields: readonly FieldDescriptor[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const f of fields) {
    const initial = initialValue(f);
    if (initial !== undefined) value[f.name] = initial;
  }
  return value;
}

/** A new item for a repeatable group; a port name gets a fresh one (rule_2, variant_3...), since ports must differ. */
export function newListItem(field: Extract<FieldDescriptor, { kind: 'group-list' }>, existing: readonly unknown[]): Record<string, unknown> {
  const item = newGroupValue(field.itemFields);
  if (field.itemFields.some((f) => f.name === 'port')) {
    const taken = new Set(existing.map((e) => (e as { port?: unknown } | null)?.port));
    const stem = field.itemLabel.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    let n = existing.length + 1;
    while (taken.has(`${stem}_${n}`)) n++;
    item.port = `${stem}_${n}`;
  }
  return item;
}
