// A learner's round through a pack, as the player screen holds it, against a stub of the API: resuming
// where the learner left off, saving each answer before showing its feedback, keeping an answer that
// could not be saved for a retry, reviews of due items only, and starting the pack again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shownOrder } from '../../shared/choice-order';
import type { PackSession } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { validatePack } from '../../shared/pack/validate';
import { scoreAnswer } from '../../shared/scoring';
import { answerFor } from '../../shared/testing/answers';
import { packOf, sourceItem } from '../../shared/testing/exercise-items';
import { recordingApi } from '../../shared/testing/stub-api';
import { testPack } from '../lib/testing/fixtures';
import { PlayerState } from './player.svelte';

/** A tab's session storage for one test (unstubbed after each): the map of what it holds. */
function stubSessionStorage(): Map<string, string> {
  const stored = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
  return stored;
}

const LEARNER = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const pack = testPack();
const [first, second, third] = pack.items;

/** A backend holding this session for the learner, scoring answers as the real one does. */
function backend(session = { round: 1, answers: [] as { itemId: string; right: boolean }[] }) {
  return recordingApi({
    getPack: async () => testPack(),
    getPackSession: async () => ({
      round: session.round,
      answeredTimes: Object.fromEntries(session.answers.map(({ itemId }) => [itemId, 1])),
      answers: session.answers.map(({ itemId, right }) => {
        const item = pack.items.find((candidate) => candidate.id === itemId)!;
        const answer = answerFor(item, right);
        return { itemId, answer, score: scoreAnswer(item, answer, pack), answeredAt: '2026-11-26T12:00:00.000Z' };
      }),
    }),
    recordAnswer: async ({ itemId, answer }) => ({
      score: scoreAnswer(
        pack.items.find((item) => item.id === itemId)!,
        answer,
        pack,
      ),
    }),
    restartPack: async () => ({ round: session.round + 1 }),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-26T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('PlayerState', () => {
  it('opens a new pack at its first exercise', async () => {
    const { api, inputsOf } = backend();
    const player = new PlayerState(api, LEARNER, pack.id);
    expect(player.status).toBe('loading');
    await player.load();
    expect(player.status).toBe('ready');
    expect(inputsOf('getPackSession')).toEqual([{ learnerId: LEARNER, packId: pack.id }]);
    expect(player.items).toHaveLength(pack.items.length);
    expect(player.item?.id).toBe(first!.id);
    expect(player.answeredCount).toBe(0);
    expect(player.finished).toBe(false);
  });

  it('resumes a round at the first exercise not yet answered, with the earlier answers', async () => {
    const { api } = backend({
      round: 2,
      answers: [
        { itemId: first!.id, right: true },
        { itemId: second!.id, right: false },
      ],
    });
    const player = new PlayerState(api, LEARNER, pack.id);
    await player.load();
    expect(player.round).toBe(2);
    expect(player.item?.id).toBe(third!.id);
    expect(player.answeredCount).toBe(2);
    expect(player.answerAt(0)?.score.correct).toBe(true);
    expect(player.answerAt(1)?.score.correct).toBe(false);
    expect(player.summary?.answered).toBe(2);
  });

  it('saves an answer with the time taken, and shows its feedback only once saved', async () => {
    const { api, inputsOf } = backend();
    const player = new PlayerState(api, LEARNER, pack.id);
    await player.load();
    vi.advanceTimersByTime(4321);
    const answer = answerFor(first!, true);
    const saved = player.submit(answer);
    expect(player.saving).toBe(true);
    expect(player.current).toBeUndefined();
    expect(await saved).toBe(true);
    expect(inputsOf('recordAnswer')).toEqual([
      { learnerId: LEARNER, packId: pack.id, itemId: first!.id, answer, timeTakenMs: 4321 },
    ]);
    expect(player.saving).toBe(false);
    expect(player.current).toEqual({ answer, score: scoreAnswer(first!, answer, pack) });
    expect(player.answeredCount).toBe(1);
  });

  it('keeps an answer that could not be saved, says why, and saves it on retry', async () => {
    let failures = 1;
    const { api, inputsOf } = recordingApi({
      getPack: async () => testPack(),
      getPackSession: async () => ({ round: 1, answers: [], answeredTimes: {} }),
      recordAnswer: async ({ itemId, answer }) => {
        if (failures-- > 0) throw new ApiError('storage-failed', 'the disk is full');
        return {
          score: scoreAnswer(
            pack.items.find((item) => item.id === itemId)!,
            answer,
            pack,
          ),
        };
      },
    });
    const player = new PlayerState(api, LEARNER, pack.id);
    await player.load();
    const answer = answerFor(first!, false);
    expect(await player.submit(answer)).toBe(false);
    expect(player.unsaved).toEqual(answer);
    expect(player.saveError).toMatch(/disk is full/);
    expect(player.current).toBeUndefined();

    expect(await player.submit(player.unsaved!)).toBe(true);
    expect(player.unsaved).toBeUndefined();
    expect(player.saveError).toBe('');
    expect(player.current?.score.correct).toBe(false);
    expect(inputsOf('recordAnswer')).toHaveLength(2);
  });

  it('refuses a second submit while the first is saving', async () => {
    const { api, inputsOf } = backend();
    const player = new PlayerState(api, LEARNER, pack.id);
    await player.load();
    const once = player.submit(answerFor(first!, true));
    expect(await player.submit(answerFor(first!, false))).toBe(false);
    expect(await once).toBe(true);
    expect(inputsOf('recordAnswer')).toHaveLength(1);
  });

  it('in a review plays only the due exercises, in the order they fell due, and records them as reviews', async () => {
    const { api, inputsOf } = backend();
    const player = new PlayerState(api, LEARNER, [
      { packId: pack.id, itemId: third!.id },
      { packId: pack.id, itemId: first!.id },
    ]);
    await player.load();
    // Asked only how often each item was answered before (for the order of its options), not for the round's answers.
    expect(inputsOf('getPackSession')).toEqual([{ learnerId: LEARNER, packId: pack.id }]);
    expect(player.answeredCount).toBe(0);
    expect(player.items.map((item) => item.id)).toEqual([third!.id, first!.id]);
    await player.submit(answerFor(third!, true));
    expect(inputsOf('recordAnswer')[0]).toMatchObject({ itemId: third!.id, mode: 'review' });
  });

  it('starts the pack again: the next round, no answers, the first exercise', async () => {
    const { api } = backend({ round: 1, answers: [{ itemId: first!.id, right: true }] });
    const player = new PlayerState(api, LEARNER, pack.id);
    await player.load();
    await player.restart();
    expect(player.round).toBe(2);
    expect(player.answers).toEqual({});
    expect(player.index).toBe(0);
  });

  it('keeps an answer chosen but not checked across a reload of the tab, and forgets it once checked', async () => {
    const stored = stubSessionStorage();
    const before = new PlayerState(backend().api, LEARNER, pack.id);
    await before.load();
    before.draft?.write({ label: 'denial' });

    const reloaded = new PlayerState(backend().api, LEARNER, pack.id);
    await reloaded.load();
    expect(reloaded.draft?.read()).toEqual({ label: 'denial' });
    expect(
      new PlayerState(backend().api, '6f1c2b9a-3d4e-4f5a-8b6c-7d8e9f0a1b2c', pack.id).drafts.of(first!.id).read(),
    ).toBeUndefined();

    await reloaded.submit(answerFor(first!, false));
    expect(reloaded.draft).toBeUndefined();
    expect(reloaded.drafts.of(first!.id).read()).toBeUndefined();
    expect(stored.size).toBe(0);

    const preview = PlayerState.preview(testPack());
    await preview.load();
    preview.draft?.write({ label: 'denial' });
    expect(stored.size).toBe(0);
  });

  it('says why a pack could not be opened', async () => {
    const { api } = recordingApi({
      getPack: async () => {
        throw new ApiError('not-found', 'no pack "gone"');
      },
      getPackSession: async () => ({ round: 1, answers: [], answeredTimes: {} }),
    });
    const player = new PlayerState(api, LEARNER, 'gone');
    await player.load();
    expect(player.status).toBe('failed');
    expect(player.loadError).toMatch(/no pack "gone"/);
  });
});

describe('PlayerState: a review mixed from several packs', () => {
  /** Two packs with the same items (as two articles would have different ones): ids meet only within a pack. */
  const packs = {
    bridge: { ...testPack(), id: 'bridge', meta: { ...testPack().meta, title: 'Bridge closed' } },
    data: { ...testPack(), id: 'data', meta: { ...testPack().meta, title: 'Data sold' } },
  };
  const queue = [
    { packId: 'bridge', itemId: first!.id },
    { packId: 'data', itemId: first!.id },
    { packId: 'bridge', itemId: third!.id },
    { packId: 'data', itemId: 'removed-since' },
  ];

  function mixedBackend() {
    return recordingApi({
      getPack: async ({ packId }) => {
        const found = packs[packId as keyof typeof packs];
        if (!found) throw new ApiError('not-found', `There is no pack "${packId}".`);
        return structuredClone(found);
      },
      getPackSession: async ({ packId }) => ({
        round: 3,
        answers: [],
        answeredTimes: packId === 'data' ? { [first!.id]: 2 } : {},
      }),
      recordAnswer: async ({ itemId, answer }) => ({
        score: scoreAnswer(
          pack.items.find((item) => item.id === itemId)!,
          answer,
          pack,
        ),
      }),
    });
  }

  it('plays the queue in its order, each exercise with its own article, and skips items its pack no longer has', async () => {
    const { api, inputsOf } = mixedBackend();
    const player = new PlayerState(api, LEARNER, queue);
    await player.load();
    expect(player.status).toBe('ready');
    expect(inputsOf('getPack').map((input) => input.packId)).toEqual(['bridge', 'data']);
    expect(player.exercises.map(({ packId, item }) => `${packId}/${item.id}`)).toEqual([
      `bridge/${first!.id}`,
      `data/${first!.id}`,
      `bridge/${third!.id}`,
    ]);
    expect(player.articleCount).toBe(2);
    expect(player.pack?.meta.title).toBe('Bridge closed');
    player.show(1);
    expect(player.pack?.meta.title).toBe('Data sold');
    // How often each item was answered before is counted per pack.
    expect(player.answeredTimes).toEqual({ [`data/${first!.id}`]: 2 });
  });

  it('records each answer against its own pack as a review, and keeps the same item of two packs apart', async () => {
    const { api, inputsOf } = mixedBackend();
    const player = new PlayerState(api, LEARNER, queue);
    await player.load();
    await player.submit(answerFor(first!, true));
    player.show(1);
    expect(player.current).toBeUndefined();
    await player.submit(answerFor(first!, false));
    player.show(2);
    await player.submit(answerFor(third!, false));
    expect(inputsOf('recordAnswer').map(({ packId, itemId, mode }) => ({ packId, itemId, mode }))).toEqual([
      { packId: 'bridge', itemId: first!.id, mode: 'review' },
      { packId: 'data', itemId: first!.id, mode: 'review' },
      { packId: 'bridge', itemId: third!.id, mode: 'review' },
    ]);
    expect(player.finished).toBe(true);
    expect(player.summary).toMatchObject({ answered: 3, total: 3, correct: 1, missed: [1, 2] });
    expect(player.summary?.byType.classify).toEqual({ right: 1, total: 3 });
  });

  it('keeps an unchecked answer per pack, so the same item id in two packs has two drafts', async () => {
    stubSessionStorage();
    const player = new PlayerState(mixedBackend().api, LEARNER, queue);
    await player.load();
    player.draft?.write({ label: 'denial' });
    player.show(1);
    expect(player.draft?.read()).toBeUndefined();
    player.show(0);
    expect(player.draft?.read()).toEqual({ label: 'denial' });
  });

  it('resumes after a reload of the tab with the answers given so far, unless begun afresh', async () => {
    const stored = stubSessionStorage();
    const before = new PlayerState(mixedBackend().api, LEARNER, queue);
    await before.load();
    await before.submit(answerFor(first!, false));

    const reloaded = new PlayerState(mixedBackend().api, LEARNER, queue);
    await reloaded.load();
    expect(reloaded.answerAt(0)?.score.correct).toBe(false);
    expect(reloaded.index).toBe(1);
    // Another mix keeps nothing of this one.
    const other = new PlayerState(mixedBackend().api, LEARNER, queue.slice(1));
    await other.load();
    expect(other.answeredCount).toBe(0);

    const again = new PlayerState(mixedBackend().api, LEARNER, queue);
    again.startAfresh();
    await again.load();
    expect(again.answeredCount).toBe(0);
    expect(stored.size).toBe(0);
  });

  it('says why a review could not be opened: a pack gone, or none of its exercises left', async () => {
    const gone = new PlayerState(mixedBackend().api, LEARNER, [...queue, { packId: 'gone', itemId: first!.id }]);
    await gone.load();
    expect(gone.status).toBe('failed');
    expect(gone.loadError).toMatch(/no pack "gone"/);

    const empty = new PlayerState(mixedBackend().api, LEARNER, [{ packId: 'data', itemId: 'removed-since' }]);
    await empty.load();
    expect(empty.status).toBe('failed');
    expect(empty.loadError).toBe('None of these exercises is in the library any more.');
  });
});

describe('PlayerState: the order options are shown in', () => {
  const sourcePack = packOf([
    {
      ...sourceItem,
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}` })),
      answer: 'a',
    },
  ]);
  const item = sourcePack.items[0]!;
  const orderOf = (player: PlayerState) => (player.item?.type === 'source' ? player.item.options.map((option) => option.id) : []);
  const playOrder = (play: number) => shownOrder(item, { learnerId: LEARNER, packId: sourcePack.id, itemId: item.id, play })!;

  function sourceBackend(session: Partial<PackSession> = {}) {
    let round = session.round ?? 1;
    return recordingApi({
      getPack: async () => structuredClone(sourcePack),
      getPackSession: async () => ({ round, answers: [], answeredTimes: {}, ...session }),
      recordAnswer: async ({ answer }) => ({ score: scoreAnswer(item, answer, sourcePack) }),
      restartPack: async () => ({ round: ++round }),
    });
  }

  it("shows this learner's order for the play, sends it with the answer and keeps it once answered", async () => {
    const { api, inputsOf } = sourceBackend({ answeredTimes: { [item.id]: 2 } });
    const player = new PlayerState(api, LEARNER, sourcePack.id);
    await player.load();
    const third = playOrder(3).options!;
    expect(orderOf(player)).toEqual(third);
    expect(third).not.toEqual(['a', 'b', 'c', 'd']);
    await player.submit({ type: 'source', optionId: 'a' });
    expect(inputsOf('recordAnswer')[0]?.shown).toEqual({ options: third });
    expect(player.current?.shown).toEqual({ options: third });
    expect(orderOf(player)).toEqual(third);
  });

  it('shows an answered item in the order stored with its attempt', async () => {
    const answer = { type: 'source' as const, optionId: 'b' };
    const { api } = sourceBackend({
      answers: [
        {
          itemId: item.id,
          answer,
          shown: { options: ['d', 'c', 'b', 'a'] },
          score: scoreAnswer(item, answer, sourcePack),
          answeredAt: '',
        },
      ],
      answeredTimes: { [item.id]: 1 },
    });
    const player = new PlayerState(api, LEARNER, sourcePack.id);
    await player.load();
    expect(orderOf(player)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('shows an answer from before orders were kept in the pack order', async () => {
    const answer = { type: 'source' as const, optionId: 'b' };
    const { api } = sourceBackend({
      answers: [{ itemId: item.id, answer, score: scoreAnswer(item, answer, sourcePack), answeredAt: '' }],
      answeredTimes: { [item.id]: 1 },
    });
    const player = new PlayerState(api, LEARNER, sourcePack.id);
    await player.load();
    expect(orderOf(player)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives a new order when the pack is played again, and another learner another order', async () => {
    const { api } = sourceBackend();
    const player = new PlayerState(api, LEARNER, sourcePack.id);
    await player.load();
    expect(orderOf(player)).toEqual(playOrder(1).options);
    await player.submit({ type: 'source', optionId: 'a' });
    await player.restart();
    expect(orderOf(player)).toEqual(playOrder(2).options);
    expect(playOrder(2).options).not.toEqual(playOrder(1).options);

    const other = new PlayerState(sourceBackend().api, '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b', sourcePack.id);
    await other.load();
    expect(orderOf(other)).not.toEqual(orderOf(player));
  });
});

it('plays a valid pack (the fixture the renderer tests share)', () => {
  expect(validatePack(testPack())).toMatchObject({ ok: true });
});
