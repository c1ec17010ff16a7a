/**
 * The contract between the UI and its backend: every call the renderer can make, with the schema of
 * its input (checked at runtime by both transports) and the schema of its output (the wire format,
 * used for types). Adding a call means one entry here and one method in `services/`.
 */
import { z } from 'zod';
import { Answer, type Score } from './answers';
import { Id, Pack } from './pack/schema';
import { Learner, LearnerId, LearnerName, PackProgress } from './progress';

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
});
export type PackSummary = z.infer<typeof PackSummary>;

export const PackProblem = z.object({
  /** The pack's file name inside the exercises folder. */
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

/** The learner's answers in the current round of one pack, latest per item, re-scored against the pack. */
export const PackSession = z.object({
  round: z.number().int(),
  answers: z.array(z.object({ itemId: Id, answer: Answer, score: ScoreOutput, answeredAt: z.string() })),
});
export type PackSession = z.infer<typeof PackSession>;

const LearnerPack = z.strictObject({ learnerId: LearnerId, packId: Id });

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  getAppInfo: call(NoInput, AppInfo),
  listPacks: call(NoInput, PackList),
  getPack: call(z.strictObject({ packId: Id }), Pack),

  listLearners: call(NoInput, z.array(Learner)),
  createLearner: call(z.strictObject({ name: LearnerName }), Learner),
  renameLearner: call(z.strictObject({ learnerId: LearnerId, name: LearnerName }), Learner),
  deleteLearner: call(z.strictObject({ learnerId: LearnerId }), z.object({})),

  /** The learner's standing in every pack they have started. */
  getProgress: call(z.strictObject({ learnerId: LearnerId }), z.array(PackProgress)),
  getPackSession: call(LearnerPack, PackSession),
  /** Scores an answer and resolves only once it is saved. */
  recordAnswer: call(
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
    }),
    z.object({ score: ScoreOutput }),
  ),
  /** Starts the pack again: a new round, earlier rounds kept. */
  restartPack: call(LearnerPack, z.object({ round: z.number().int() })),
};

export type MethodName = keyof typeof contract;
export type MethodInput<M extends MethodName> = z.input<(typeof contract)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof contract)[M]['output']>;

/** What services implement and what the renderer calls, whatever the transport. */
export type Api = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The Electron IPC channel that carries one method. */
export function ipcChannel(method: MethodName): string {
  return `sourcewise:${method}`;
}
