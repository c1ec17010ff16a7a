import { describe, expect, it } from 'vitest';
import { startOrder } from './browser';

const key = ({ opening, app }: { opening: string; app: boolean }) => `${opening}/${app ? 'app' : 'blank'}`;

describe('startOrder', () => {
  it('starts the app and the blank page once each way in every round, one way after the other', () => {
    for (let round = 0; round < 8; round++) {
      const order = startOrder(round).map(key);
      expect([...order].sort()).toEqual(['tab/app', 'tab/blank', 'window/app', 'window/blank']);
      expect(order[0]!.split('/')[0]).toBe(order[1]!.split('/')[0]);
      expect(order[2]!.split('/')[0]).toBe(order[3]!.split('/')[0]);
    }
  });

  it('puts each start in each place once over any four rounds in a row', () => {
    for (let first = 0; first < 4; first++) {
      const rounds = [0, 1, 2, 3].map((n) => startOrder(first + n).map(key));
      for (let place = 0; place < 4; place++) {
        expect(new Set(rounds.map((order) => order[place])).size).toBe(4);
      }
    }
  });

  it('repeats every four rounds', () => {
    expect(startOrder(0).map(key)).toEqual(['tab/app', 'tab/blank', 'window/blank', 'window/app']);
    expect(startOrder(4)).toEqual(startOrder(0));
  });
});
