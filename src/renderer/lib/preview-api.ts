/**
 * The backend a preview plays against: the draft pack, scored on the spot with the same scoring the
 * backend uses, and nothing recorded anywhere. The instructor sees the pack exactly as a learner
 * would, and no learner's progress (nor a "preview" learner) ever appears in the store.
 */
import type { Api } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { Pack } from '../../shared/pack/schema';
import { scoreAnswer } from '../../shared/scoring';

export type PlayerApi = Pick<Api, 'getPack' | 'getPackSession' | 'recordAnswer' | 'restartPack'>;

export function previewApi(pack: Pack): PlayerApi {
  return {
    getPack: async () => structuredClone(pack),
    getPackSession: async () => ({ round: 1, answers: [], answeredTimes: {} }),
    recordAnswer: async ({ itemId, answer }) => {
      const item = pack.items.find((candidate) => candidate.id === itemId);
      if (!item) throw new ApiError('not-found', `the pack has no item "${itemId}"`);
      return { score: scoreAnswer(item, answer, pack) };
    },
    restartPack: async () => ({ round: 1 }),
  };
}
