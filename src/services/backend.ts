/**
 * The one implementation of the contract. Both transports (Electron IPC and browser-mode HTTP) call
 * into an instance of this class through dispatch(), which validates the input and refuses instructor
 * methods while instructor mode is locked: a method here never sees raw input, and never checks the
 * lock itself unless the rule depends on the input (replacing a pack on import, in `storeOptions`).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ClassData } from '../shared/class-data';
import { describeItem, summariseClass } from '../shared/class-report';
import type {
  AppInfo,
  ClassReport,
  Draft,
  DraftSummary,
  ExportedFile,
  ImportResult,
  MethodInput,
  MethodOutput,
  Notice,
  PackImportResult,
  PackList,
  PackSession,
  ProgressReport,
  ReviewQueue,
  Service,
} from '../shared/contract';
import { shownOrderProblem } from '../shared/choice-order';
import { calibration, labelJudgements, readings, signalDetection } from '../shared/discernment';
import { ApiError } from '../shared/errors';
import type { Pack } from '../shared/pack/schema';
import type { Attempt, Learner, PackProgress } from '../shared/progress';
import { inRound, packSessionOf } from '../shared/pack-session';
import { latestPerItem, scoreAnswer, tallyScores } from '../shared/scoring';
import { transferFigures } from '../shared/transfer';
import { APP_NAME, type BackendConfig } from './config';
import { DraftStore, packFromArticle, packToRevise } from './studio/draft-store';
import { exportPack, importPacks, packFileText, removePack, storePack, type StoreOptions } from './packs/pack-import';
import type { PlayerFiles } from './packs/html-export';
import { IMPORTED_PACKS_FOLDER, PackLibrary } from './packs/pack-library';
import { ClassStore } from './reports/class-store';
import { InstructorLock } from './instructor/instructor-lock';
import { exportProgressFile, progressFileName } from './reports/progress-export';
import { ProgressStore } from './store/progress-store';
import { cardAfter, reviewKey } from './store/review-schedule';
import { NoticeList } from './notice-list';
import { tightenFolder } from './store/private-files';

export class Backend implements Service {
  private readonly config: BackendConfig;
  /** Where imported and published packs go: the shipped ones (`config.packsDir`) are read-only. */
  private readonly importedPacksDir: string;
  private readonly library: PackLibrary;
  private readonly drafts: DraftStore;
  /** Imports, publishes and deletions of packs run one after another, each seeing the folder the last one left. */
  private packWrites: Promise<unknown> = Promise.resolve();
  private readonly store: ProgressStore;
  private readonly classStore: ClassStore;
  private readonly instructor: InstructorLock;
  /** Unlocked for this run of the app only: every start begins locked. */
  private instructorUnlocked = false;

  /** What start-up did to the data folder (made it private), for the UI. */
  private readonly startupNotices = new NoticeList();
  private privacy: Promise<void> | undefined;
  /** The clock; tests move it to see reviews fall due. */
  private readonly now: () => Date;

  constructor(config: BackendConfig, now: () => Date = () => new Date()) {
    this.config = config;
    this.now = now;
    this.importedPacksDir = join(config.dataDir, IMPORTED_PACKS_FOLDER);
    this.library = new PackLibrary(config.packsDir, this.importedPacksDir);
    this.drafts = new DraftStore(config.dataDir, now);
    this.store = new ProgressStore(config.dataDir);
    this.classStore = new ClassStore(config.dataDir, { now });
    this.instructor = new InstructorLock(config.dataDir, {
      now: () => now().getTime(),
      scryptCost: config.scryptCost,
    });
  }

  /**
   * Reads what the first screen will ask for (the store, the class store, the data folder's packs)
   * while the window or the browser is still loading the page, so that its first calls find it ready.
   * Failures are left for those calls to report, where the person sees them. The shipped packs are
   * read when the library is first shown: checking them takes about 100 ms of the one thread that
   * answers the first calls.
   */
  async prepare(): Promise<void> {
    await Promise.allSettled([this.makePrivate(), this.store.open(), this.classStore.open(), this.library.scanImported()]);
  }

  /** Tightens a data folder found open to other accounts, once, with a notice. */
  private makePrivate(): Promise<void> {
    this.privacy ??= tightenFolder(this.config.dataDir).then((all) => {
      // The folder alone says nothing about the data: a shell may have created it with the usual umask.
      const opened = all.filter((path) => path !== '');
      if (opened.length === 0) return;
      this.startupNotices.add({
        id: 'data-folder-private',
        severity: 'warning',
        title: 'Your data folder was open to other accounts on this computer',
        text: `Other people with an account on this computer could read learners' progress, the class and the instructor passphrase's hash in ${this.config.dataDir}. It is now private to your account (${opened.length} ${opened.length === 1 ? 'file or folder' : 'files and folders'} changed). If someone may have copied it, change the instructor passphrase.`,
      });
    });
    return this.privacy;
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

  async getNotices(_input: MethodInput<'getNotices'>): Promise<Notice[]> {
    // Opening the instructor's file finds it damaged, if it is; its other failures are for unlocking to report.
    await Promise.all([
      this.makePrivate().catch(() => undefined),
      this.store.open(),
      this.classStore.open(),
      this.instructor.isSet().catch(() => undefined),
      // Reading the data folder's packs sets aside a damaged one, with a notice.
      this.library.scanImported().catch(() => undefined),
    ]);
    return [
      ...this.startupNotices.all(),
      ...this.store.notices(),
      ...this.classStore.notices(),
      ...this.instructor.notices(),
      ...this.drafts.notices(),
      ...this.library.notices(),
    ];
  }

  async dismissNotice({ id }: MethodInput<'dismissNotice'>): Promise<Record<string, never>> {
    this.store.dismissNotice(id);
    this.classStore.dismissNotice(id);
    this.instructor.dismissNotice(id);
    this.startupNotices.dismiss(id);
    this.drafts.dismissNotice(id);
    this.library.dismissNotice(id);
    return {};
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
    return packs.map((pack) => roundProgress(pack, attempts, rounds[pack.id] ?? 1));
  }

  async getPackSession({ learnerId, packId }: MethodInput<'getPackSession'>): Promise<PackSession> {
    const [pack, attempts, round] = await Promise.all([
      this.library.get(packId),
      this.store.attempts(learnerId),
      this.store.round(learnerId, packId),
    ]);
    return packSessionOf(pack, attempts, round);
  }

  async recordAnswer(input: MethodInput<'recordAnswer'>): Promise<MethodOutput<'recordAnswer'>> {
    const { learnerId, packId, itemId, answer, timeTakenMs, shown } = input;
    const mode = input.mode ?? 'pack';
    await this.store.requireLearner(learnerId);
    const pack = await this.library.get(packId);
    const item = pack.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new ApiError('not-found', `pack "${packId}" has no item "${itemId}"`);
    const score = scoreAnswer(item, answer, pack);
    const shownProblem = shown && shownOrderProblem(item, shown);
    if (shownProblem) throw new ApiError('invalid-input', `The order shown does not fit: ${shownProblem}`);
    const confidence = answer.type === 'classify' ? answer.confidence : undefined;
    const now = this.now();

    // A miss or a guess puts an item in review; later answers are reviews of its card (cardAfter says when not).
    const key = reviewKey(packId, itemId);
    const next = cardAfter((await this.store.reviews(learnerId))[key], score.correct, confidence, now);
    const review = next ? { key, card: next } : undefined;

    await this.store.addAttempt(
      {
        id: randomUUID(),
        learnerId,
        packId,
        packVersion: pack.version,
        itemId,
        itemType: item.type,
        round: await this.store.round(learnerId, packId),
        ...(mode === 'review' ? { mode } : {}),
        answer,
        ...(shown ? { shown } : {}),
        correct: score.correct,
        score: score.score,
        labels: score.labels,
        ...(confidence !== undefined ? { confidence } : {}),
        timeTakenMs,
        answeredAt: now.toISOString(),
        appVersion: this.config.appVersion,
      },
      review,
    );
    return { score };
  }

  async getReviewQueue({ learnerId }: MethodInput<'getReviewQueue'>): Promise<ReviewQueue> {
    const [reviews, attempts, { packs }] = await Promise.all([
      this.store.reviews(learnerId),
      this.store.attempts(learnerId),
      this.library.load(),
    ]);
    // The latest answer to each item, by pack and item: whether it was missed.
    const latest = latestPerItem(attempts.map((attempt) => ({ itemId: reviewKey(attempt.packId, attempt.itemId), attempt })));
    const now = this.now().getTime();
    const due: ReviewQueue['due'] = [];
    const upcoming: ReviewQueue['upcoming'] = [];
    for (const [key, card] of Object.entries(reviews)) {
      const [packId, itemId] = key.split('/');
      const pack = packs.find((candidate) => candidate.id === packId);
      const item = pack?.items.find((candidate) => candidate.id === itemId);
      if (!pack || !item) continue;
      (Date.parse(card.due) > now ? upcoming : due).push({
        packId: pack.id,
        packTitle: pack.meta.title,
        itemId: item.id,
        itemType: item.type,
        summary: describeItem(item),
        due: card.due,
        lapses: card.lapses,
        missed: latest.get(key)?.attempt.correct === false,
      });
    }
    due.sort((a, b) => a.due.localeCompare(b.due));
    upcoming.sort((a, b) => a.due.localeCompare(b.due));
    return { due, upcoming };
  }

  async getProgressReport({ learnerId, packId }: MethodInput<'getProgressReport'>): Promise<ProgressReport> {
    const [all, { packs }] = await Promise.all([this.store.attempts(learnerId), this.library.load()]);
    const attempts = packId ? all.filter((attempt) => attempt.packId === packId) : all;
    const days = new Map<string, { answered: number; correct: number }>();
    for (const attempt of attempts) {
      const day = attempt.answeredAt.slice(0, 10);
      const tally = days.get(day) ?? { answered: 0, correct: 0 };
      tally.answered++;
      if (attempt.correct) tally.correct++;
      days.set(day, tally);
    }
    const judgements = labelJudgements(attempts);
    const discernment = signalDetection(judgements);
    const answeredPacks = new Set(all.map((attempt) => attempt.packId));
    const scoped = packs.find((pack) => pack.id === packId);
    return {
      packs: packs.filter((pack) => answeredPacks.has(pack.id)).map((pack) => ({ id: pack.id, title: pack.meta.title })),
      ...(packId ? { packId } : {}),
      ...(scoped ? { round: roundProgress(scoped, all, await this.store.round(learnerId, scoped.id)) } : {}),
      answered: attempts.length,
      correct: attempts.filter((attempt) => attempt.correct).length,
      byType: tallyScores(attempts).byType,
      discernment,
      readings: readings(discernment, judgements),
      calibration: calibration(attempts),
      transfer: transferFigures(all, (attempt) => packId === undefined || attempt.packId === packId),
      timeline: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, tally]) => ({ date, ...tally })),
    };
  }

  async exportProgress({ learnerId }: MethodInput<'exportProgress'>): Promise<ExportedFile> {
    const learner = await this.store.requireLearner(learnerId);
    const file = await exportProgressFile(this.store, this.library, learnerId, this.config.appVersion, this.now());
    return {
      name: progressFileName(learner.name, this.now()),
      mimeType: 'application/json',
      encoding: 'utf8',
      content: JSON.stringify(file, null, 1),
    };
  }

  /** Asked by dispatch() before every instructor method (the contract says which): other learners' progress, the studio, the library. */
  isInstructorUnlocked(): boolean {
    return this.instructorUnlocked;
  }

  async getInstructorStatus(_input: MethodInput<'getInstructorStatus'>): Promise<{ set: boolean; unlocked: boolean }> {
    return { set: await this.instructor.isSet(), unlocked: this.instructorUnlocked };
  }

  async setInstructorPassphrase({ passphrase }: MethodInput<'setInstructorPassphrase'>): Promise<{ unlocked: boolean }> {
    await this.instructor.setFirst(passphrase);
    this.instructorUnlocked = true;
    return { unlocked: true };
  }

  async unlockInstructor({ passphrase }: MethodInput<'unlockInstructor'>): Promise<{ unlocked: boolean }> {
    this.instructorUnlocked = await this.instructor.verify(passphrase);
    return { unlocked: this.instructorUnlocked };
  }

  async changeInstructorPassphrase({ current, next }: MethodInput<'changeInstructorPassphrase'>): Promise<Record<string, never>> {
    await this.instructor.change(current, next);
    return {};
  }

  async lockInstructor(_input: MethodInput<'lockInstructor'>): Promise<Record<string, never>> {
    this.instructorUnlocked = false;
    return {};
  }

  async importProgressFiles({ files }: MethodInput<'importProgressFiles'>): Promise<ImportResult> {
    return this.classStore.importFiles(files);
  }

  async getClassReport({ packId }: MethodInput<'getClassReport'>): Promise<ClassReport> {
    const data = await this.classData();
    const xapi = await this.classStore.xapiAddresses();
    return {
      learners: await this.classStore.learners(),
      summary: summariseClass(data, packId ? { packId } : {}),
      ...(xapi === undefined ? {} : { xapi }),
    };
  }

  async exportClassReport({
    format,
    packId,
    homePage,
    activityBase,
  }: MethodInput<'exportClassReport'>): Promise<{ files: ExportedFile[] }> {
    const data = await this.classData();
    // The report builders (CSV, xAPI, PDF) load with the first report, not when the backend starts.
    const { buildReport, reportStem } = await import('./reports/report-files');
    const stem = reportStem(packId, this.now());
    const files = await buildReport(data, format, { packId, homePage, activityBase }, stem);
    if (format === 'xapi' && homePage !== undefined) {
      // Offered again next time. Only a convenience: an export that could not remember them is still made.
      await this.classStore
        .rememberXapi({ homePage, ...(activityBase === undefined ? {} : { activityBase }) })
        .catch(() => undefined);
    }
    return {
      files: files.map(({ suffix, mimeType, content }) => ({
        name: `${stem}${suffix}`,
        mimeType,
        ...(typeof content === 'string'
          ? { encoding: 'utf8' as const, content }
          : { encoding: 'base64' as const, content: content.toString('base64') }),
      })),
    };
  }

  async removeClassLearner({ learnerId }: MethodInput<'removeClassLearner'>): Promise<Record<string, never>> {
    await this.classStore.removeLearner(learnerId);
    return {};
  }

  async restoreClassLearner({ learnerId }: MethodInput<'restoreClassLearner'>): Promise<Record<string, never>> {
    await this.classStore.restoreLearner(learnerId);
    return {};
  }

  async clearClass(_input: MethodInput<'clearClass'>): Promise<Record<string, never>> {
    await this.classStore.clear();
    return {};
  }

  private async classData(): Promise<ClassData> {
    await this.classStore.open();
    const { packs } = await this.library.load();
    return this.classStore.classData(packs, this.config.appVersion);
  }

  async restartPack({ learnerId, packId }: MethodInput<'restartPack'>): Promise<{ round: number }> {
    await this.library.get(packId);
    return { round: await this.store.startNewRound(learnerId, packId) };
  }

  // ---------------------------------------------------------------------------------------------
  // Sharing packs

  /** Anyone may import (a learner adds what the instructor shared); replacing a pack needs instructor mode. */
  async importPacks({ files, decisions }: MethodInput<'importPacks'>): Promise<PackImportResult> {
    return this.changePacks(async () => {
      const decide = (id: string) => (decisions !== undefined && Object.hasOwn(decisions, id) ? decisions[id] : undefined);
      return importPacks(this.importedPacksDir, files, decide, await this.storeOptions());
    });
  }

  async exportPack({ packId }: MethodInput<'exportPack'>): Promise<ExportedFile> {
    const found = await this.library.find(packId);
    if (!found) throw new ApiError('not-found', `no pack with id "${packId}"`);
    // Read again from its file, so what is shared is what is on disk now, validated.
    const { name, text } = await exportPack(found.origin === 'bundled' ? this.config.packsDir : this.importedPacksDir, packId);
    return { name, mimeType: 'application/json', encoding: 'utf8', content: text };
  }

  /**
   * Removes an imported or published pack. Learners' progress in it is kept: their attempts still
   * name the pack, class reports show it as no longer available, and it all comes back if the pack
   * is imported again.
   */
  async deletePack({ packId }: MethodInput<'deletePack'>): Promise<Record<string, never>> {
    return this.changePacks(async () => {
      const found = (await this.library.entries()).entries.find((entry) => entry.pack.id === packId);
      if (!found) throw new ApiError('not-found', `no pack with id "${packId}"`);
      if (found.origin === 'bundled') {
        throw new ApiError('conflict', `"${found.pack.meta.title}" ships with the app and cannot be removed`);
      }
      if (!(await removePack(this.importedPacksDir, packId))) throw new ApiError('not-found', `no pack with id "${packId}"`);
      return {};
    });
  }

  async exportAnswerKey(input: MethodInput<'exportAnswerKey'>): Promise<ExportedFile> {
    const pack = 'packId' in input ? await this.library.get(input.packId) : await this.drafts.validPack(input.draftId);
    // pdfkit and its fonts are loaded only when a PDF is asked for: start-up does not pay for them.
    const { buildAnswerKeyPdf } = await import('./packs/answer-key-pdf');
    const pdf = await buildAnswerKeyPdf(pack, { appVersion: this.config.appVersion });
    return {
      name: `${pack.id}-answer-key.pdf`,
      mimeType: 'application/pdf',
      encoding: 'base64',
      content: pdf.toString('base64'),
    };
  }

  async exportPackHtml(input: MethodInput<'exportPackHtml'>): Promise<ExportedFile> {
    const { pack, player } = await this.packWithPlayer(input);
    const { packHtml, packHtmlFileName } = await import('./packs/html-export');
    return { name: packHtmlFileName(pack), mimeType: 'text/html', encoding: 'utf8', content: packHtml(pack, player) };
  }

  async exportPackScorm(input: MethodInput<'exportPackScorm'>): Promise<ExportedFile> {
    const { pack, player } = await this.packWithPlayer(input);
    const { packScormFileName, packScormZip } = await import('./packs/scorm-export');
    return {
      name: packScormFileName(pack),
      mimeType: 'application/zip',
      encoding: 'base64',
      content: Buffer.from(packScormZip(pack, player)).toString('base64'),
    };
  }

  /** A library pack or a valid draft, and the built one-file player to put it in. */
  private async packWithPlayer(input: { packId: string } | { draftId: string }): Promise<{ pack: Pack; player: PlayerFiles }> {
    const pack = 'packId' in input ? await this.library.get(input.packId) : await this.drafts.validPack(input.draftId);
    if (this.config.playerDir === undefined)
      throw new ApiError('internal', 'This copy of Sourcewise has no one-file player to export with.');
    // Exports load with the first export, not when the backend starts (start-up, docs/performance.md).
    const { readPlayer } = await import('./packs/html-export');
    return { pack, player: await readPlayer(this.config.playerDir) };
  }

  /** Runs a change to the data folder's packs after the ones before it, then makes the library read afresh. */
  private changePacks<T>(change: () => Promise<T>): Promise<T> {
    const next = this.packWrites.then(change).finally(() => this.library.invalidate());
    this.packWrites = next.catch(() => undefined);
    return next;
  }

  /** The shipped packs' ids (which an import may keep beside but never replace), and whether replacing is allowed. */
  private async storeOptions(): Promise<StoreOptions> {
    const { entries } = await this.library.entries();
    const bundled = new Map(
      entries.filter((entry) => entry.origin === 'bundled').map((entry) => [entry.pack.id, entry.pack.meta.title]),
    );
    return { bundled, mayReplace: this.instructorUnlocked };
  }

  // ---------------------------------------------------------------------------------------------
  // The studio: drafts, suggestions, publishing

  async listDrafts(_input: MethodInput<'listDrafts'>): Promise<DraftSummary[]> {
    return this.drafts.list();
  }

  async createDraft(input: MethodInput<'createDraft'>): Promise<Draft> {
    let pack: Pack;
    if (input.from === 'article') {
      // The HTML and Markdown readers load with the first article, not at start-up.
      const { readArticle } = await import('./studio/article-text');
      pack = packFromArticle(readArticle(input.name, input.text));
    } else {
      pack = packToRevise(await this.library.get(input.packId));
    }
    return this.drafts.create(pack);
  }

  async getDraft({ draftId }: MethodInput<'getDraft'>): Promise<Draft> {
    return this.drafts.get(draftId);
  }

  async saveDraft({ draftId, pack }: MethodInput<'saveDraft'>): Promise<MethodOutput<'saveDraft'>> {
    return this.drafts.save(draftId, pack);
  }

  async deleteDraft({ draftId }: MethodInput<'deleteDraft'>): Promise<Record<string, never>> {
    await this.drafts.delete(draftId);
    return {};
  }

  async suggestClaims({ paragraphs }: MethodInput<'suggestClaims'>): Promise<MethodOutput<'suggestClaims'>> {
    // The analyser loads its language model on first use, not at start-up.
    const { suggestInParagraphs } = await import('./suggest/paragraphs');
    return { suggestions: await suggestInParagraphs(paragraphs) };
  }

  async exportDraft({ draftId }: MethodInput<'exportDraft'>): Promise<ExportedFile> {
    const pack = await this.drafts.validPack(draftId);
    return { name: `${pack.id}.json`, mimeType: 'application/json', encoding: 'utf8', content: packFileText(pack) };
  }

  /**
   * Puts a valid draft into the library, beside the imported packs. The draft stays, to be edited
   * further; after "keep both" its pack takes the fresh id, so the next publish updates that copy.
   */
  async publishDraft({ draftId, decision }: MethodInput<'publishDraft'>): Promise<MethodOutput<'publishDraft'>> {
    const pack = await this.drafts.validPack(draftId);
    const outcome = await this.changePacks(async () =>
      storePack(this.importedPacksDir, pack, decision, await this.storeOptions()),
    );
    switch (outcome.status) {
      case 'stored':
        if (outcome.packId !== pack.id) await this.drafts.renamePack(draftId, outcome.packId);
        return { status: 'published', packId: outcome.packId, replaced: outcome.replaced };
      case 'conflict':
        return outcome;
      case 'refused':
        throw new ApiError('conflict', outcome.problem.replace(/^id: /, ''));
    }
  }
}

/**
 * How far a learner got in the current round of a pack, as the library's pack card shows it: the
 * exercises of the pack answered in this round (the latest answer to each counts), and how many of
 * those were right. The Progress screen shows the same line for one pack beside every answer given.
 */
function roundProgress(pack: Pack, attempts: readonly Attempt[], round: number): PackProgress {
  const itemIds = new Set(pack.items.map((item) => item.id));
  const tally = (inThatRound: number) => {
    const answered = [...latestPerItem(inRound(attempts, pack.id, inThatRound)).values()].filter((attempt) =>
      itemIds.has(attempt.itemId),
    );
    return { answered: answered.length, correct: answered.filter((attempt) => attempt.correct).length };
  };
  let best: PackProgress['best'];
  for (let earlier = 1; earlier <= round; earlier++) {
    const { answered, correct } = tally(earlier);
    if (answered === itemIds.size && correct > (best?.correct ?? -1)) best = { round: earlier, correct, total: itemIds.size };
  }
  return { packId: pack.id, round, ...tally(round), total: pack.items.length, ...(best ? { best } : {}) };
}
