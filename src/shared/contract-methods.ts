/**
 * The contract's method names as plain data, and the IPC channel of each, for code that must not
 * load the schema library: the preload is bundled on its own and would carry zod for a list of
 * names. The compiler (in `contract.ts`) and a test keep this list equal to the contract's keys.
 */
export const methodNames = [
  'getAppInfo',
  'listPacks',
  'getPack',
  'getNotices',
  'dismissNotice',
  'listLearners',
  'createLearner',
  'renameLearner',
  'deleteLearner',
  'getProgress',
  'getPackSession',
  'recordAnswer',
  'getProgressReport',
  'getReviewQueue',
  'getInstructorStatus',
  'setInstructorPassphrase',
  'unlockInstructor',
  'changeInstructorPassphrase',
  'lockInstructor',
  'exportProgress',
  'importProgressFiles',
  'getClassReport',
  'exportClassReport',
  'removeClassLearner',
  'restoreClassLearner',
  'clearClass',
  'restartPack',
  'importPacks',
  'exportPack',
  'deletePack',
  'exportAnswerKey',
  'exportPackHtml',
  'exportPackScorm',
  'listDrafts',
  'createDraft',
  'getDraft',
  'saveDraft',
  'deleteDraft',
  'suggestClaims',
  'exportDraft',
  'publishDraft',
] as const;

export type ListedMethodName = (typeof methodNames)[number];

/** The Electron IPC channel that carries one method. */
export function ipcChannel(method: ListedMethodName): string {
  return `sourcewise:${method}`;
}
