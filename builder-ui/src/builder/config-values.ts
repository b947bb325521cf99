// Value conversions behind the configuration form's inputs: what an input shows
// for a config value, and which config value a typed text becomes. Empty inputs
// remove optional keys (so defaults apply); text that is not a number stays text
// so the validator reports it at that field instead of the form hiding it.
import type { DurationUnit, ScalarType } from './config-form-fields';

export type ConfigObject = Record<string, unknown>;

export const asObject = (value: unknown): ConfigObject => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ConfigObject) : {});

/** A copy of `obj` with `key` set, or removed when `value` is undefined. */
export function withKey(obj: ConfigObject, key: string, value: unknown): ConfigObject {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A copy of `list` with item `index` replaced, or removed when `value` is undefined. */
export function withItem<T>(list: readonly T[], index: number, value: T | undefined): T[] {
  return value === undefined ? list.filter((_, i) => i !== index) : list.map((item, i) => (i === index ? value : item));
}

/** Number inputs: empty removes the value; what does not parse stays text for the validator to flag. */
export function numberFromText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

export const textOf = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value));

/** A duration with one unit changed; undefined once every unit is empty. */
export function withDurationUnit(duration: unknown, unit: DurationUnit, text: string): ConfigObject | undefined {
  const next = withKey(asObject(duration), unit, numberFromText(text));
  return Object.keys(next).length ? next : undefined;
}

export function scalarTypeOf(value: unknown, types: readonly ScalarType[]): ScalarType {
  const actual = typeof value;
  if ((actual === 'number' || actual === 'boolean' || actual === 'string') && types.includes(actual)) return actual;
  return types[0] ?? 'string';
}

/** A scalar input's text read as the chosen type. */
export function scalarFromText(type: ScalarType, text: string): unknown {
  if (type === 'boolean') return text === 'true';
  if (type === 'number') return numberFromText(text);
  return text;
}

export type ConditionValueType = 'string' | 'number' | 'boolean';

/** Operators that compare numbers, take a list, or take no value (workflows/graph/conditions.ts). */
const NUMERIC_OPS = new Set(['gt', 'gte', 'lt', 'lte']);
export const operatorTakesValue = (op: string) => op !== 'exists';
export const operatorTakesList = (op: string) => op === 'in';
export const operatorIsNumeric = (op: string) => NUMERIC_OPS.has(op);

/** The value type a condition row shows: the numeric operators compare numbers; otherwise the value's own type. */
export function conditionValueType(op: string, value: unknown): ConditionValueType {
  if (operatorIsNumeric(op)) return 'number';
  const sample = Array.isArray(value) ? value[0] : value;
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean' && !operatorTakesList(op)) return 'boolean';
  return 'string';
}

export function conditionValueText(value: unknown): string {
  return Array.isArray(value) ? value.map(textOf).join(', ') : textOf(value);
}

/** A condition's value from its input: a comma-separated list for "in", nothing for "exists". */
export function conditionValueFrom(op: string, type: ConditionValueType, text: string): unknown {
  if (!operatorTakesValue(op)) return undefined;
  const one = (t: string) => (type === 'number' ? numberFromText(t) : type === 'boolean' ? t.trim() === 'true' : t);
  if (operatorTakesList(op)) return text.split(',').map((t) => t.trim()).filter(Boolean).map((t) => (type === 'number' ? numberFromText(t) : t));
  if (type === 'string') return text === '' ? undefined : text;
  return one(text);
}

/** A condition after its operator changes, its value carried over in the shape the new operator takes. */
export function withOperator(condition: ConfigObject, op: string): ConfigObject {
  const value = condition.value;
  const type = conditionValueType(op, value);
  const text = conditionValueText(value);
  return withKey({ ...condition, op }, 'value', text === '' && operatorTakesValue(op) ? undefined : conditionValueFrom(op, type, text));
}
