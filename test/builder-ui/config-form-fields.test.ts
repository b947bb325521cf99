// The configuration form generated from node schemas: every node type in the
// catalog gets real inputs, values built through the form parse with the node's
// own schema, and the validator's issues land on the fields they are about.
import { NODE_DEFINITIONS, findNodeDefinition } from '../../workflows/graph/registry';
import { validateGraph } from '../../workflows/graph/validate';
import { OPERATORS } from '../../workflows/graph/conditions';
import type { TGraph } from '../../workflows/graph/schema';
import { configFieldsFor, initialValue, newListItem, nodeSettingsFields, type FieldDescriptor } from '../../builder-ui/src/builder/config-form-fields';
import { fieldPointers, nodeRelativePointer, placeIssues } from '../../builder-ui/src/builder/config-issues';
import { conditionValueFrom, withDurationUnit, withOperator } from '../../builder-ui/src/builder/config-values';
import { branch, edge, end, linearGraph, sendEmail, trigger } from '../workflows/graph/graph-builders';

const fieldsOf = (type: string, version = 1) => configFieldsFor(findNodeDefinition(type, version)!);
const fieldOf = (type: string, name: string, version = 1) => fieldsOf(type, version).find((f) => f.name === name)!;

function walk(fields: readonly FieldDescriptor[], at: string, visit: (f: FieldDescriptor, path: string) => void) {
  for (const f of fields) {
    visit(f, `${at}.${f.name}`);
    if (f.kind === 'group') walk(f.fields, `${at}.${f.name}`, visit);
    if (f.kind === 'group-list') walk(f.itemFields, `${at}.${f.name}[]`, visit);
  }
}

describe('configFieldsFor', () => {
  it('draws every field of every node type as an input, with no raw-JSON fallback anywhere', () => {
    const fallbacks: string[] = [];
    for (const def of NODE_DEFINITIONS) walk(configFieldsFor(def), `${def.type}@${def.typeVersion}`, (f, path) => f.kind === 'json' && fallbacks.push(path));

    expect(fallbacks).toEqual([]);
  });

  it('covers every property of every schema (nothing silently left out of the form)', () => {
    for (const def of NODE_DEFINITIONS) {
      const keys = Object.keys((def.config as unknown as { shape: object }).shape).sort();
      expect([def.type, configFieldsFor(def).map((f) => f.name).sort()]).toEqual([def.type, keys]);
    }
  });

  it('uses the template editor for each definition\'s template fields, JSON-escaped only for webhook payloads', () => {
    for (const def of NODE_DEFINITIONS) {
      for (const name of def.templateFields ?? []) {
        expect([def.type, name, configFieldsFor(def).find((f) => f.name === name)?.kind]).toEqual([def.type, name, 'template']);
      }
    }
    expect(fieldOf('action.webhook', 'payload')).toMatchObject({ kind: 'template', isJson: true, isMultiline: true });
    expect(fieldOf('message.send_email', 'subject')).toMatchObject({ kind: 'template', isJson: false, isMultiline: false });
  });

  it('gives the shapes their own inputs: durations, id lists, number bounds, day checkboxes, branch rules, scalar values', () => {
    expect(fieldOf('time.wait', 'duration')).toMatchObject({ kind: 'duration', isRequired: true, units: ['days', 'hours', 'minutes', 'seconds'] });
    expect(fieldOf('people.collect_feedback', 'interviewerUserIds', 2)).toMatchObject({ kind: 'string-list', minItems: 1, maxItems: 20 });
    expect(fieldOf('people.collect_feedback', 'quorum', 2)).toEqual(expect.objectContaining({ kind: 'number', isInteger: true, minimum: 1, maximum: undefined }));
    expect(fieldOf('time.send_window', 'days')).toMatchObject({ kind: 'string-list', options: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
    expect(fieldOf('time.wait_until', 'field')).toMatchObject({ kind: 'text', isFieldPath: true });
    expect(fieldOf('action.update_field', 'value')).toMatchObject({ kind: 'scalar', types: ['string', 'number', 'boolean'] });
    const rules = fieldOf('logic.branch', 'rules');
    expect(rules).toMatchObject({ kind: 'group-list', itemLabel: 'Rule', minItems: 1, maxItems: 20 });
    expect(rules.kind === 'group-list' && rules.itemFields.map((f) => [f.name, f.kind])).toEqual([['port', 'text'], ['when', 'conditions']]);
    expect(rules.kind === 'group-list' && rules.itemFields[1]).toMatchObject({ operators: [...OPERATORS] });
    const escalations = fieldOf('people.create_task', 'escalations', 2);
    expect(escalations.kind === 'group-list' && escalations.itemFields.map((f) => f.kind)).toEqual(['duration', 'group']);
  });

  it('offers retry and time limit as inputs too', () => {
    expect(nodeSettingsFields().map((f) => [f.name, f.kind])).toEqual([['retry', 'group'], ['timeout', 'duration']]);
  });
});

describe('values built through the form', () => {
  it('a branch made of new rules parses once its fields are filled, each rule on its own port', () => {
    const def = findNodeDefinition('logic.branch', 1)!;
    const rules = fieldOf('logic.branch', 'rules') as Extract<FieldDescriptor, { kind: 'group-list' }>;
    const first = newListItem(rules, []);
    const second = newListItem(rules, [first]);
    const fill = (rule: Record<string, unknown>, field: string, op: string, text: string) => {
      const [condition] = rule.when as Record<string, unknown>[];
      return { ...rule, when: [{ ...withOperator({ ...condition, field }, op), value: conditionValueFrom(op, 'number', text) }] };
    };
    const config = { rules: [fill(first, 'feedback.score', 'gte', '4'), fill(second, 'visits.screen', 'in', '1, 2')] };

    expect(first.port).not.toEqual(second.port);
    expect(def.config.safeParse(config)).toMatchObject({ success: true });
    expect(def.ports(def.config.parse(config))).toEqual([first.port, second.port, 'otherwise']);
  });

  it('a rule left empty is refused by the schema at the field the form draws', () => {
    const def = findNodeDefinition('logic.branch', 1)!;
    const rules = fieldOf('logic.branch', 'rules') as Extract<FieldDescriptor, { kind: 'group-list' }>;
    const result = def.config.safeParse({ rules: [newListItem(rules, [])] });

    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('/'))).toContain('rules/0/when/0/field');
  });

  it('durations built unit by unit parse, and clearing every unit removes the duration', () => {
    const def = findNodeDefinition('time.wait', 1)!;
    const duration = withDurationUnit(withDurationUnit(undefined, 'days', '2'), 'hours', '6');

    expect(def.config.parse({ duration })).toEqual({ duration: { days: 2, hours: 6 } });
    expect(withDurationUnit(withDurationUnit(duration, 'days', ''), 'hours', '')).toBeUndefined();
  });

  it('new required fields start from values the schema then asks to fill, not from invented content', () => {
    expect(initialValue(fieldOf('message.send_email', 'subject'))).toBe('');
    expect(initialValue(fieldOf('message.send_email', 'category'))).toBe('TRANSACTIONAL');
    expect(initialValue(fieldOf('message.send_email', 'fromName'))).toBeUndefined();
  });
});

describe('placing validation issues on fields', () => {
  const place = (graph: TGraph, nodeId: string) => {
    const index = graph.nodes.findIndex((n) => n.id === nodeId);
    const node = graph.nodes[index]!;
    const issues = validateGraph(graph).issues.filter((i) => i.nodeId === nodeId || i.path.startsWith(`/nodes/${index}/`));
    const pointers = ['/label', ...fieldPointers(configFieldsFor(findNodeDefinition(node.type, node.typeVersion)!), node.config, '/config')];
    const placed = placeIssues(issues, pointers);
    return { byField: Object.fromEntries([...placed.byPointer].map(([p, list]) => [p, list.map((i) => i.code)])), unplaced: placed.unplaced.map((i) => i.code) };
  };

  it('puts an empty subject and an unavailable variable in the body under those fields', () => {
    const graph = linearGraph(sendEmail('welcome', { subject: '', body: 'Your score: {{feedback.score}}' }));

    expect(place(graph, 'welcome')).toEqual({ byField: { '/config/subject': ['invalid_config'] }, unplaced: [] });
    graph.nodes[1]!.config = { subject: 'Hi', body: 'Your score: {{feedback.score}}' };
    expect(place(graph, 'welcome')).toEqual({ byField: { '/config/body': ['unknown_variable'] }, unplaced: [] });
  });

  it('puts a bad condition on its row and a port wired to nothing at the top', () => {
    const graph: TGraph = {
      nodes: [trigger(), branch('decide', [{ port: 'yes', when: [{ field: 'tags', op: 'eq' }] }]), end('done')],
      edges: [edge('applied', 'out', 'decide'), edge('decide', 'otherwise', 'done')],
    };

    expect(place(graph, 'decide')).toEqual({ byField: { '/config/rules/0/when/0': ['invalid_config'] }, unplaced: [] });
    (graph.nodes[1]!.config as { rules: { when: object[] }[] }).rules[0]!.when = [{ field: 'candidate.tags', op: 'contains', value: 'python' }];
    expect(place(graph, 'decide')).toEqual({ byField: {}, unplaced: ['port_unwired'] });
  });

  it('reads node-relative pointers from graph paths', () => {
    expect(nodeRelativePointer('/nodes/12/config/rules/0/port')).toBe('/config/rules/0/port');
    expect(nodeRelativePointer('/nodes/3')).toBe('');
    expect(placeIssues([{ code: 'x', message: 'm', path: '/edges/0/sourcePort' }], ['/config/url']).unplaced).toHaveLength(1);
  });
});
