/** Who is learning on this machine: create, pick, rename and delete learners. */
import type { Api } from '../../shared/contract';
import type { Learner } from '../../shared/progress';
import { describeError } from '../lib/errors';

type LearnersApi = Pick<Api, 'listLearners' | 'createLearner' | 'renameLearner' | 'deleteLearner'>;

export const MAX_NAME_LENGTH = 60;

/**
 * The letter on a learner's avatar: the first grapheme of the name, so an emoji (or a letter with a
 * combining accent) is kept whole instead of being cut into half a surrogate pair.
 */
export function initialOf(name: string): string {
  const [first] = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.trim());
  return (first?.segment ?? '').toUpperCase();
}

/**
 * What is wrong with a name's length, said at the field while typing, or '' when it fits. Counted
 * as the backend counts it (trimmed, runs of spaces as one), so nothing is cut without a word.
 */
export function nameLengthProblem(name: string): string {
  const length = name.trim().replace(/\s+/g, ' ').length;
  return length > MAX_NAME_LENGTH
    ? `This name has ${length} characters; a name can have at most ${MAX_NAME_LENGTH}. Please shorten it.`
    : '';
}

export class LearnersState {
  learners = $state<Learner[]>([]);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  busy = $state(false);

  private readonly api: LearnersApi;

  constructor(api: LearnersApi) {
    this.api = api;
  }

  async load(): Promise<void> {
    try {
      this.learners = await this.api.listLearners({});
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  /** Returns an error message for the form, or the new learner. */
  async create(name: string): Promise<Learner | string> {
    return this.run(async () => {
      const learner = await this.api.createLearner({ name });
      await this.load();
      return learner;
    });
  }

  async rename(learnerId: string, name: string): Promise<Learner | string> {
    return this.run(async () => {
      const learner = await this.api.renameLearner({ learnerId, name });
      await this.load();
      return learner;
    });
  }

  async remove(learnerId: string): Promise<true | string> {
    return this.run(async () => {
      await this.api.deleteLearner({ learnerId });
      await this.load();
      return true as const;
    });
  }

  private async run<T>(action: () => Promise<T>): Promise<T | string> {
    this.busy = true;
    try {
      return await action();
    } catch (error) {
      return describeError(error);
    } finally {
      this.busy = false;
    }
  }
}
