import { createBatcher } from '../../../api/services/messaging/send-batcher';

test('items arriving together go in one batch; later ones in the next; results in order', async () => {
  const batches: number[][] = [];
  const add = createBatcher(async (items: number[]) => (batches.push(items), items.map((i) => i * 10)), { maxBatch: 3 });
  const outs = await Promise.all([1, 2, 3, 4].map(add));
  expect(outs).toEqual([10, 20, 30, 40]);
  expect(batches).toEqual([[1, 2, 3], [4]]);
  expect(await add(5)).toBe(50);
});

test('a failed batch is retried item by item: only the bad item fails', async () => {
  const add = createBatcher(async (items: number[]) => {
    if (items.includes(2)) {
      if (items.length > 1) throw new Error('batch failed');
      throw new Error('two is bad');
    }
    return items;
  }, { maxBatch: 10 });
  const results = await Promise.allSettled([1, 2, 3].map(add));
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'two is bad', 3]);
});

test('two items with one key never share a batch', async () => {
  const batches: string[][] = [];
  const add = createBatcher(async (items: string[]) => (batches.push(items), items), { maxBatch: 10, keyOf: (s) => s.split(':')[0]! });
  await Promise.all(['a:1', 'a:2', 'b:1'].map(add));
  expect(batches).toEqual([['a:1', 'b:1'], ['a:2']]);
});
