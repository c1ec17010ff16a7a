/**
 * The contract between the UI and its backend: every call the renderer can make, with the schema of
 * who may call it, the schema of its input (checked at runtime by both transports) and the schema of
 * its output (the wire format, used for types). Adding a call means one entry here and one method in
 * `services/`.
 */
import { z } from 'zod';
import { HTTP_ADDRESS, REPORT_FORMATS } from './report-formats';
import { Answer, type Score } from './answers';
import type { ClassSummary } from './class-report';
import type { Calibration, LabelDiscernment, Reading } from './discernment';
import { MAX_ARTICLE_FILE_BYTES, MAX_PACK_IMPORT_CHARS } from './limits';
import type { ListedMethodName } from './contract-methods';
import { DraftPack } from './pack/draft-pack';
import { Id, ITEM_TYPES, LABELS, Pack, SOURCE_KINDS, type Label } from './pack/schema';
import { PACK_TOPICS } from './pack/vocabulary';
import type { TransferFigures } from './transfer';
import { Learner, LearnerId, LearnerName, PackProgress, ShownOrder } from './progress';
import { MAX_PROGRESS_FILE_BYTES } from './progress-file';

const NoInput = z.strictObject({});

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which transport the backend is serving: the desktop shell or browser mode. */
  shell: z.enum(['desktop', 'browser']),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const PackSummary = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string(),
  published: z.string(),
  itemCount: z.number().int(),
  /** What the pack teaches, its topics and its licence (an SPDX id or `public-domain`), where the pack says. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  topics: z.array(z.enum(PACK_TOPICS)).optional(),
  license: z.string().optional(),
  /** Shipped with the app (`exercises/`), or imported or published into the data folder (`packs/`). */
  origin: z.enum(['bundled', 'imported']),
});
export type PackSummary = z.infer<typeof PackSummary>;

export const PackProblem = z.object({
  /** The pack's file name: `<name>.json` in the packs shipped with the app, `packs/<name>.json` in the data folder. */
  file: z.string(),
  /** One line per problem: `path.to.field: what is wrong`. */
  problems: z.array(z.string()),
});
export type PackProblem = z.infer<typeof PackProblem>;

export const PackList = z.object({
  packs: z.array(PackSummary),
  invalid: z.array(PackProblem),
});
export type PackList = z.infer<typeof PackList>;

const ScoreOutput = z.custom<Score>();

/** Something the person at the screen must know about their data: a restored file, a read-only store. */
export const Notice = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  text: z.string(),
});
export type Notice = z.infer<typeof Notice>;

/** The learner's answers in the current round of one pack, latest per item, re-scored against the pack. */
export const PackSession = z.object({
  round: z.number().int(),
  answers: z.array(
    z.object({ itemId: Id, answer: Answer, shown: ShownOrder.optional(), score: ScoreOutput, answeredAt: z.string() }),
  ),
  /** How many times the learner has answered each item of the pack (every round and review), for the order of its next play. */
  answeredTimes: z.record(Id, z.number().int()),
});
export type PackSession = z.infer<typeof PackSession>;

const LearnerPack = z.strictObject({ learnerId: LearnerId, packId: Id });

const TallyOutput = z.object({ right: z.number().int(), total: z.number().int() });

/**
 * What the Progress screen shows: per type, per label (the two plain shares, discernment and bias from
 * `discernment`), calibration, progress over time.
 */
export const ProgressReport = z.object({
  /** The packs this learner has answered in, for choosing the scope. */
  packs: z.array(z.object({ id: Id, title: z.string() })),
  packId: Id.optional(),
  /** With a pack chosen: the current round, counted as the library's pack card counts it. */
  round: PackProgress.optional(),
  /** Every answer given (every round and every review), and how many were right (partly right is not right). */
  answered: z.number().int(),
  correct: z.number().int(),
  byType: z.record(z.enum(ITEM_TYPES), TallyOutput),
  discernment: z.custom<Record<Label, LabelDiscernment>>(),
  readings: z.custom<Reading[]>(),
  calibration: z.custom<Calibration>(),
  /** Per label: new articles in the first packs begun, in later packs, and articles seen before (`shared/transfer.ts`). */
  transfer: z.custom<TransferFigures>(),
  /** Answers per day, oldest first. */
  timeline: z.array(z.object({ date: z.string(), answered: z.number().int(), correct: z.number().int() })),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

const ReviewEntry = z.object({
  packId: Id,
  packTitle: z.string(),
  itemId: Id,
  itemType: z.enum(ITEM_TYPES),
  /** A short reminder of the item: its claim, headline or task. */
  summary: z.string(),
  due: z.string(),
  lapses: z.number().int(),
  /** The learner's latest answer to the item was not right (an item in review may also be a right guess): "Practise the ones I missed". */
  missed: z.boolean(),
});

/** The items in spaced review: those due now, and those not due yet (which may be practised early), each soonest first. */
export const ReviewQueue = z.object({
  due: z.array(ReviewEntry),
  upcoming: z.array(ReviewEntry),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

/** A file the backend made for the person to save: text, or binary as base64 (a PDF). */
export const ExportedFile = z.object({
  name: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A file an import refused, with what is wrong with it. */
const RejectedFile = z.object({ file: z.string(), problems: z.array(z.string()) });

/** What importing progress files into the class did. */
export const ImportResult = z.object({
  imported: z.array(
    z.object({
      file: z.string(),
      learnerId: z.string(),
      name: z.string(),
      /** Attempts new to the class. */
      added: z.number(),
      /** Attempts the class already had (from an earlier import, or an earlier file in this one). */
      duplicates: z.number(),
    }),
  ),
  rejected: z.array(RejectedFile),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ClassReport = z.object({
  learners: z.array(z.object({ learnerId: z.string(), name: z.string(), attempts: z.number(), exportedAt: z.string() })),
  summary: z.custom<ClassSummary>(),
  /** The addresses of the last xAPI export, to offer again (none before the first). */
  xapi: z.object({ homePage: z.string(), activityBase: z.string().optional() }).optional(),
});
export type ClassReport = z.infer<typeof ClassReport>;

/** What importing pack files did: stored, refused (with problems), or waiting for replace-or-keep-both. */
export const PackImportResult = z.object({
  imported: z.array(z.object({ file: z.string(), packId: Id, title: z.string(), replaced: z.boolean() })),
  rejected: z.array(RejectedFile),
  /** Packs whose id is taken: the caller asks the person and imports again with a decision for the id. */
  conflicts: z.array(
    z.object({
      file: z.string(),
      packId: Id,
      title: z.string(),
      existingTitle: z.string(),
      /** A pack shipped with the app cannot be replaced, only kept beside. */
      bundled: z.boolean(),
    }),
  ),
});
export type PackImportResult = z.infer<typeof PackImportResult>;

export const DraftId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'is not a draft id');

/**
 * A pack being written in the studio. Its pack has the shape of a pack but need not be valid yet
 * (empty fields, quotes not found): `problems` lists what is wrong, as `path.to.field: what`.
 */
export const Draft = z.object({
  draftId: DraftId,
  createdAt: z.string(),
  updatedAt: z.string(),
  pack: z.custom<Pack>(),
  problems: z.array(z.string()),
});
export type Draft = z.infer<typeof Draft>;

export const DraftSummary = z.object({
  draftId: DraftId,
  title: z.string(),
  updatedAt: z.string(),
  itemCount: z.number().int(),
  problemCount: z.number().int(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

/** A claim the analyser proposes, located in one paragraph of the article (end exclusive). */
export const ClaimSuggestion = z.object({
  paragraph: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  label: z.enum(LABELS),
  /** The cue words as they appear in the paragraph. */
  cues: z.array(z.string()),
  /** Null when the analyser found none to name (a pronoun with nothing before it): the instructor fills it in. */
  source: z.object({ name: z.string(), kind: z.enum(SOURCE_KINDS) }).nullable(),
  /**
   * Through whom the claim reached the article, in order: the source first (when there is one),
   * "the outlet" last ("Reuters, citing an official": the official, Reuters, the outlet).
   */
  chain: z.array(z.string()),
  /** 0..1: how sure the rules are. */
  confidence: z.number(),
});
export type ClaimSuggestion = z.infer<typeof ClaimSuggestion>;

const ArticleParagraphs = z.array(z.string().max(20000, 'longer than 20000 characters')).max(1000, 'more than 1000 paragraphs');

const HttpUrl = z.string().max(500).regex(HTTP_ADDRESS, 'must be an http:// or https:// address');

/** Capped generously: the service gives the clear message about length (8 to 200 characters). */
const Passphrase = z.string().max(1000);

/**
 * Who may call a method. `instructor` methods (other learners' progress, the studio, managing the
 * library) are refused by dispatch() with `instructor-locked` while instructor mode is locked, before
 * the service runs. A rule that depends on the input (replacing a pack on import) is the service's,
 * and the method's comment says so.
 */
export type Access = 'anyone' | 'instructor';

function call<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output };
}

export const contract = {
  getAppInfo: call('anyone', NoInput, AppInfo),
  listPacks: call('anyone', NoInput, PackList),
  getPack: call('anyone', z.strictObject({ packId: Id }), Pack),
  /** What happened to the data since start-up (damaged files restored, newer formats opened read-only). */
  getNotices: call('anyone', NoInput, z.array(Notice)),
  dismissNotice: call('anyone', z.strictObject({ id: z.string().max(300) }), z.object({})),

  listLearners: call('anyone', NoInput, z.array(Learner)),
  createLearner: call('anyone', z.strictObject({ name: LearnerName }), Learner),
  renameLearner: call('anyone', z.strictObject({ learnerId: LearnerId, name: LearnerName }), Learner),
  deleteLearner: call('anyone', z.strictObject({ learnerId: LearnerId }), z.object({})),

  /** The learner's standing in every pack they have started. */
  getProgress: call('anyone', z.strictObject({ learnerId: LearnerId }), z.array(PackProgress)),
  getPackSession: call('anyone', LearnerPack, PackSession),
  /** Scores an answer and resolves only once it is saved. */
  recordAnswer: call(
    'anyone',
    z.strictObject({
      learnerId: LearnerId,
      packId: Id,
      itemId: Id,
      answer: Answer,
      timeTakenMs: z
        .number()
        .int()
        .min(0)
        .max(24 * 60 * 60 * 1000),
      /** A review answer updates the item's review card but not the pack's round. */
      mode: z.enum(['pack', 'review']).optional(),
      /** The order the item's options were shown in (`choice-order.ts`), kept with the attempt. */
      shown: ShownOrder.optional(),
    }),
    z.object({ score: ScoreOutput }),
  ),
  getProgressReport: call('anyone', z.strictObject({ learnerId: LearnerId, packId: Id.optional() }), ProgressReport),
  getReviewQueue: call('anyone', z.strictObject({ learnerId: LearnerId }), ReviewQueue),
  /** Instructor mode: whether a passphrase is set, and whether this session has unlocked it. */
  getInstructorStatus: call('anyone', NoInput, z.object({ set: z.boolean(), unlocked: z.boolean() })),
  /** First use: sets the passphrase and unlocks. */
  setInstructorPassphrase: call('anyone', z.strictObject({ passphrase: Passphrase }), z.object({ unlocked: z.boolean() })),
  unlockInstructor: call('anyone', z.strictObject({ passphrase: Passphrase }), z.object({ unlocked: z.boolean() })),
  changeInstructorPassphrase: call('instructor', z.strictObject({ current: Passphrase, next: Passphrase }), z.object({})),
  lockInstructor: call('anyone', NoInput, z.object({})),

  /** The learner's progress file, to save and hand to an instructor. */
  exportProgress: call('anyone', z.strictObject({ learnerId: LearnerId }), ExportedFile),
  /** Merges progress files into the class; invalid files are listed with their problems. */
  importProgressFiles: call(
    'instructor',
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().max(255),
            text: z.string().max(MAX_PROGRESS_FILE_BYTES, 'the file is larger than 20 MB'),
          }),
        )
        .min(1)
        .max(100),
    }),
    ImportResult,
  ),
  getClassReport: call('instructor', z.strictObject({ packId: Id.optional() }), ClassReport),
  exportClassReport: call(
    'instructor',
    z.strictObject({
      format: z.enum(REPORT_FORMATS),
      packId: Id.optional(),
      homePage: HttpUrl.optional(),
      /** Where xAPI activity ids go; the home page when not given. */
      activityBase: HttpUrl.optional(),
    }),
    z.object({ files: z.array(ExportedFile) }),
  ),
  removeClassLearner: call('instructor', z.strictObject({ learnerId: LearnerId }), z.object({})),
  /** Undoes the last removal of a learner (until the app closes). */
  restoreClassLearner: call('instructor', z.strictObject({ learnerId: LearnerId }), z.object({})),
  clearClass: call('instructor', NoInput, z.object({})),
  /** Starts the pack again: a new round, earlier rounds kept. */
  restartPack: call('anyone', LearnerPack, z.object({ round: z.number().int() })),

  /**
   * Adds shared pack files to the library. Each file is validated before anything is stored; a pack
   * whose id is taken comes back as a conflict unless `decisions` says what to do with that id.
   * Access depends on the input: anyone may import (a learner adds what the instructor shared) and
   * keep both, but a `replace` decision is carried out only while instructor mode is unlocked;
   * otherwise that file is refused with a problem saying so, and the library keeps its pack.
   */
  importPacks: call(
    'anyone',
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().max(255),
            // The service checks the 5 MB cap in bytes and refuses that file alone; this only bounds the call.
            text: z.string().max(MAX_PACK_IMPORT_CHARS, 'the file is larger than 20 MB'),
          }),
        )
        .min(1)
        .max(20),
      decisions: z.record(Id, z.enum(['replace', 'keep-both'])).optional(),
    }),
    PackImportResult,
  ),
  /** One library pack as a single `.json` file to share. */
  exportPack: call('instructor', z.strictObject({ packId: Id }), ExportedFile),
  /** Removes a pack that was imported or published (packs shipped with the app stay). */
  deletePack: call('instructor', z.strictObject({ packId: Id }), z.object({})),
  /** The printable answer key (PDF) of a library pack or of a valid draft. */
  exportAnswerKey: call(
    'instructor',
    z.union([z.strictObject({ packId: Id }), z.strictObject({ draftId: DraftId })]),
    ExportedFile,
  ),

  /**
   * A library pack or a valid draft as one HTML file that plays offline in any browser (the one-file
   * player, docs/offline-player.md), for learners who cannot install the app.
   */
  exportPackHtml: call(
    'instructor',
    z.union([z.strictObject({ packId: Id }), z.strictObject({ draftId: DraftId })]),
    ExportedFile,
  ),

  /**
   * A library pack or a valid draft as a SCORM 1.2 package (a zip) for a school's LMS: the one-file
   * player, which reports score, status and answers to the LMS (docs/offline-player.md).
   */
  exportPackScorm: call(
    'instructor',
    z.union([z.strictObject({ packId: Id }), z.strictObject({ draftId: DraftId })]),
    ExportedFile,
  ),

  /** Studio: the packs being written, newest first. */
  listDrafts: call('instructor', NoInput, z.array(DraftSummary)),
  /**
   * Studio: a new draft from an article (pasted text, or a .txt, .md or .html file reduced
   * to its text; HTML is parsed, never rendered) or from a copy of a library pack to revise.
   */
  createDraft: call(
    'instructor',
    z.discriminatedUnion('from', [
      z.strictObject({
        from: z.literal('article'),
        /** The file name (its extension says how to read it), or `pasted.txt`. */
        name: z.string().max(255),
        text: z.string().max(MAX_ARTICLE_FILE_BYTES, 'the article is larger than 5 MB'),
      }),
      z.strictObject({ from: z.literal('pack'), packId: Id }),
    ]),
    Draft,
  ),
  getDraft: call('instructor', z.strictObject({ draftId: DraftId }), Draft),
  /**
   * Saves the draft as it is (durably) and says what is still wrong with it. The pack is checked for
   * structure, depth and size only (see `DraftPack`): a draft may be unfinished.
   */
  saveDraft: call(
    'instructor',
    z.strictObject({ draftId: DraftId, pack: DraftPack }),
    z.object({ updatedAt: z.string(), problems: z.array(z.string()) }),
  ),
  deleteDraft: call('instructor', z.strictObject({ draftId: DraftId }), z.object({})),
  /** Studio: proposed claims in the article's paragraphs, in article order. */
  suggestClaims: call(
    'instructor',
    z.strictObject({ paragraphs: ArticleParagraphs }),
    z.object({ suggestions: z.array(ClaimSuggestion) }),
  ),
  /** Studio: a valid draft as a pack file to share; refused with its problems otherwise. */
  exportDraft: call('instructor', z.strictObject({ draftId: DraftId }), ExportedFile),
  /**
   * Studio: puts a valid draft into the library. A taken id is a conflict unless
   * `decision` says to replace that pack or keep both (the draft's pack then gets a fresh id).
   */
  publishDraft: call(
    'instructor',
    z.strictObject({ draftId: DraftId, decision: z.enum(['replace', 'keep-both']).optional() }),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('published'), packId: Id, replaced: z.boolean() }),
      z.object({ status: z.literal('conflict'), packId: Id, existingTitle: z.string(), bundled: z.boolean() }),
    ]),
  ),
};

export type MethodName = keyof typeof contract;
export type MethodInput<M extends MethodName> = z.input<(typeof contract)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof contract)[M]['output']>;

/** What services implement and what the renderer calls, whatever the transport. */
export type Api = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

/** What a transport serves through dispatch(): the contract's methods, and whether instructor mode is unlocked now. */
export type Service = Api & { isInstructorUnlocked(): boolean };

export { ipcChannel, methodNames } from './contract-methods';

// The plain list of names (for the preload) names every method of the contract and nothing else.
type _NamesAgree = [MethodName] extends [ListedMethodName] ? ([ListedMethodName] extends [MethodName] ? true : never) : never;
const _namesAgree: _NamesAgree = true;
void _namesAgree;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
