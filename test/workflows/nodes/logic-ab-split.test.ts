import abSplit, { pickVariant } from '../../../workflows/graph/nodes/logic-ab-split';
import { RUN } from '../graph/graph-builders';
import { configIssues, contextFor } from './node-context';

const CONFIG = { variants: [{ port: 'a', weight: 3 }, { port: 'b', weight: 1 }] };

test('picks the same variant for the same candidate at the same node, every time', () => {
  const first = abSplit.start(contextFor(abSplit, CONFIG));
  expect(first).toMatchObject({ kind: 'next' });
  for (let i = 0; i < 5; i++) expect(abSplit.start(contextFor(abSplit, CONFIG, { visit: i + 1, now: i }))).toEqual(first);
  expect(pickVariant(CONFIG.variants, RUN.candidateId, 'n1')).toBe((first as { port: string }).port);
});

test('spreads candidates by weight', () => {
  const counts = { a: 0, b: 0 };
  for (let i = 0; i < 4000; i++) counts[pickVariant(CONFIG.variants, `candidate-${i}`, 'split') as 'a' | 'b']++;
  expect(counts.a / 4000).toBeGreaterThan(0.72);
  expect(counts.a / 4000).toBeLessThan(0.78);
});

test('the node id is part of the hash: two splits do not put the same candidates together', () => {
  const even = { variants: [{ port: 'a', weight: 1 }, { port: 'b', weight: 1 }] }.variants;
  let same = 0;
  for (let i = 0; i < 2000; i++) if (pickVariant(even, `candidate-${i}`, 'split1') === pickVariant(even, `candidate-${i}`, 'split2')) same++;
  expect(same / 2000).toBeGreaterThan(0.45);
  expect(same / 2000).toBeLessThan(0.55);
});

test('ports are the variants; needs two distinct variants with positive weights', () => {
  expect(abSplit.ports(abSplit.config.parse(CONFIG))).toEqual(['a', 'b']);
  expect(configIssues(abSplit, { variants: [{ port: 'a', weight: 1 }] })).toEqual(['variants']);
  expect(configIssues(abSplit, { variants: [{ port: 'a', weight: 1 }, { port: 'a', weight: 1 }] })).toEqual(['variants.1.port']);
  expect(configIssues(abSplit, { variants: [{ port: 'a', weight: 0 }, { port: 'b', weight: 1 }] })).toEqual(['variants.0.weight']);
});
