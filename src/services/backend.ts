/**
 * The one implementation of the contract. Both transports (Electron IPC and browser-mode HTTP) call
 * into an instance of this class after validating the input; it never sees raw input.
 */
import { randomUUID } from 'node:crypto';
import type { Api, AppInfo, MethodInput, MethodOutput, PackList, PackSession } from '../shared/contract';
import { ApiError } from '../shared/errors';
import type { Pack } from '../shared/pack/schema';
import type { Learner, PackProgress } from '../shared/progress';
import { scoreAnswer } from '../shared/scoring';
import { APP_NAME, type BackendConfig } from './config';
import { PackLibrary } from './pack-library';
import { ProgressStore } from './progress-store';

export class Backend implements Api {
  private readonly config: BackendConfig;
  private readonly library: PackLibrary;
  private readonly store: ProgressStore;

  constructor(config: BackendConfig) {
    this.config = config;
    this.library = new PackLibrary(config.packsDir);
    this.store = new ProgressStore(config.dataDir);
  }

  async getAppInfo(_input: MethodInput<'getAppInfo'>): Promise<AppInfo> {
    return { name: APP_NAME, version: this.config.appVersion, shell: this.config.shell, dataDir: this.config.dataDir };
  }

  async listPacks(_input: MethodInput<'listPacks'>): Promise<PackList> {
    return this.library.list();
  }

  async getPack({ packId }: MethodInput<'getPack'>): Promise<Pack> {
    return this.library.get(packId);
  }

  async listLearners(_input: MethodInput<'listLearners'>): Promise<Learner[]> {
    return this.store.listLearners();
  }

  async createLearner({ name }: MethodInput<'createLearner'>): Promise<Learner> {
    return this.store.createLearner(name);
  }

  async renameLearner({ learnerId, name }: MethodInput<'renameLearner'>): Promise<Learner> {
    return this.store.renameLearner(learnerId, name);
  }

  async deleteLearner({ learnerId }: MethodInput<'deleteLearner'>): Promise<Record<string, never>> {
    await this.store.deleteLearner(learnerId);
    return {};
  }

  async getProgress({ learnerId }: MethodInput<'getProgress'>): Promise<PackProgress[]> {
    const [attempts, rounds, { packs }] = await Promise.all([
      this.store.attempts(learnerId),
      this.store.rounds(learnerId),
      this.library.load(),
    ]);
    return packs.map((pack) => {
      const round = rounds[pack.id] ?? 1;
      const latest = latestPerItem(attempts.filter((attempt) => attempt.packId === pack.id && attempt.round === round));
      const itemIds = new Set(pack.items.map((item) => item.id));
      const answered = [...latest.values()].filter((attempt) => itemIds.has(attempt.itemId));
      return {
        packId: pack.id,
        round,
        answered: answered.length,
        correct: answered.filter((attempt) => attempt.correct).length,
        total: pack.items.length,
      };
    });
  }

  async getPackSession({ learnerId, packId }: MethodInput<'getPackSession'>): Promise<PackSession> {
    const [pack, attempts, round] = await Promise.all([
      this.library.get(packId),
      this.store.attempts(learnerId),
      this.store.round(learnerId, packId),
    ]);
    const latest = latestPerItem(attempts.filter((attempt) => attempt.packId === packId && attempt.round === round));
    const answers: PackSession['answers'] = [];
    for (const item of pack.items) {
      const attempt = latest.get(item.id);
      if (!attempt || attempt.answer.type !== item.type) continue;
      try {
        answers.push({
          itemId: item.id,
          answer: attempt.answer,
          score: scoreAnswer(item, attempt.answer),
          answeredAt: attempt.answeredAt,
        });
      } catch {
        // The pack changed under an old answer (a figure removed, say): that item simply counts as not yet answered.
      }
    }
    return { round, answers };
  }

  async recordAnswer(input: MethodInput<'recordAnswer'>): Promise<MethodOutput<'recordAnswer'>> {
    const { learnerId, packId, itemId, answer, timeTakenMs } = input;
    await this.store.requireLearner(learnerId);
    const pack = await this.library.get(packId);
    const item = pack.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new ApiError('not-found', `pack "${packId}" has no item "${itemId}"`);
    const score = scoreAnswer(item, answer);
    await this.store.addAttempt({
      id: randomUUID(),
      learnerId,
      packId,
      packVersion: pack.version,
      itemId,
      itemType: item.type,
      round: await this.store.round(learnerId, packId),
      answer,
      correct: score.correct,
      score: score.score,
      labels: score.labels,
      ...(answer.type === 'classify' && answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
      timeTakenMs,
      answeredAt: new Date().toISOString(),
      appVersion: this.config.appVersion,
    });
    return { score };
  }

  async restartPack({ learnerId, packId }: MethodInput<'restartPack'>): Promise<{ round: number }> {
    await this.library.get(packId);
    return { round: await this.store.startNewRound(learnerId, packId) };
  }
}

function latestPerItem<T extends { itemId: string }>(attempts: T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const attempt of attempts) latest.set(attempt.itemId, attempt);
  return latest;
}
