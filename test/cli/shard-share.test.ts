/** `--shard i/n` counts what Cucumber's sharding keeps: the k-th selected scenario when k % n = i - 1. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareOf } from '../../src/cli/workers';

test('a share holds every n-th scenario from the i-th, and none when i is past the selection', () => {
  const kept = (selected: number, index: number, total: number) =>
    Array.from({ length: selected }, (_, k) => k).filter((k) => k % total === index - 1).length;
  for (const [selected, index, total] of [
    [5, 1, 2],
    [5, 2, 2],
    [5, 5, 6],
    [5, 6, 6],
    [463, 4, 4],
    [7, 1, 1],
  ] as const)
    assert.equal(
      shareOf(selected, `${index}/${total}`),
      kept(selected, index, total),
      `${index}/${total} of ${selected}`,
    );
  assert.equal(shareOf(12, undefined), 12);
});
