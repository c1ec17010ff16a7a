/**
 * The class's attempts as xAPI 1.0.3 statements, a JSON array an LMS or a learning record store (LRS)
 * can take (POST /statements accepts an array).
 *
 * - One `answered` statement per attempt (pack and review mode alike), and one `completed` statement
 *   per learner × pack × round in which every item of the pack was answered in pack mode (see
 *   `completedRounds`; needs the pack, so none for packs the instructor does not have).
 * - Actor: an Agent identified by an account on the configured home page, named by the learner id
 *   (stable across machines); the display name goes in `name`.
 * - Ids are deterministic, so exporting the same data again gives the same ids and an LRS does not
 *   store the statements twice (a statement id it already has is not stored again). An `answered`
 *   statement takes its attempt's id, which the app makes with randomUUID() and which is unique
 *   across the class (ClassData holds each attempt once); an attempt id that is not an RFC 4122 UUID
 *   (the store only promises a string) is hashed into a name-based, version 5 UUID instead.
 *   `completed` statements and registrations are version 5 UUIDs of learner, pack and round, in
 *   Sourcewise's own namespace, so they cannot collide with the random attempt ids.
 * - `version` is not set: xAPI 1.0.3 (Data 2.4.10) says providers SHOULD NOT set it, and that if they
 *   do it MUST be "1.0.0" (not "1.0.3"); the LRS fills it in.
 * - `timestamp` is the attempt's answeredAt, normalised to UTC ISO 8601; left out when it cannot be
 *   read (the LRS then uses the time it stored the statement).
 * - `context.registration` ties together the statements of one learner's round of one pack (review
 *   attempts have none: a review session is not part of a round), and `context.revision` is the
 *   pack version answered. Round, mode, confidence, attempt id and app version are extensions, and
 *   so is the order the learner saw the item's options in (`options-shown`: `{ "options": ["c",
 *   "a", ...] }`, by the item's field), where it was kept: the activity's `choices` are in the pack's
 *   order, the same for every learner.
 * - Activity ids and extension keys sit under an IRI the school controls, never under a domain of
 *   Sourcewise's: `activityBase` (by default the home page), then `/sourcewise/packs/<pack id>` and
 *   `/items/<item id>` for activities, `/sourcewise/extensions/<name>` for extensions. There is no
 *   default home page: the instructor names their LMS's.
 * - Every language map is tagged with the pack's language (`languageOf`).
 * - Text from packs (names, descriptions) is capped at 500 characters.
 * - Statements about the same item or pack share their activity objects (and one learner's share the
 *   actor): treat the result as read-only, or clone it before changing it.
 */
import { createHash } from 'node:crypto';
import type { Answer } from '../../shared/answers';
import type { ClassData } from '../../shared/class-data';
import { ApiError } from '../../shared/errors';
import { completedRounds, describeItem, isReview } from '../../shared/class-report';
import type { Item, Pack } from '../../shared/pack/schema';
import { reportingOf } from '../../shared/exercises/reporting';
import type { Attempt } from '../../shared/progress';
import { latestPerItem } from '../../shared/scoring';

/** Where pack and item activity ids go under the IRI the instructor sets (by default, the home page). */
export const ACTIVITY_PATH = 'sourcewise/packs';
/**
 * Where Sourcewise's own extension keys go under the same IRI (extension keys must be IRIs, and
 * should be under a domain the school controls, as activity ids are).
 */
export const EXTENSION_PATH = 'sourcewise/extensions';

export const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

/** A verb, its display in the statement's one language. */
function verb(name: keyof typeof VERBS, lang: string): XapiStatement['verb'] {
  return { id: VERBS[name], display: { [lang]: name } };
}

export const ACTIVITY_TYPES = {
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

/** Fixed namespace for Sourcewise's name-based statement ids (a random v4 UUID, chosen once). */
const NAMESPACE = '6f1d7c52-3b8e-4a61-9d0f-2c5e8b7a4f13';
const NAMESPACE_BYTES = uuidBytes(NAMESPACE);
const RFC4122_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const EXTENSION_NAMES = {
  attemptId: 'attempt-id',
  round: 'round',
  mode: 'mode',
  confidence: 'confidence',
  appVersion: 'app-version',
  optionsShown: 'options-shown',
} as const;
type Extensions = Record<keyof typeof EXTENSION_NAMES, string>;

/** The extension keys under an IRI: `<base>/sourcewise/extensions/<name>`. */
export function extensionKeys(base: string): Extensions {
  const root = `${base.replace(/\/+$/, '')}/${EXTENSION_PATH}`;
  return Object.fromEntries(Object.entries(EXTENSION_NAMES).map(([key, name]) => [key, `${root}/${name}`])) as Extensions;
}

export type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: 'Agent';
  name: string;
  account: { homePage: string; name: string };
}

export interface XapiInteractionComponent {
  id: string;
  description: LanguageMap;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: {
    name?: LanguageMap;
    description?: LanguageMap;
    type?: string;
    interactionType?: 'choice' | 'long-fill-in' | 'matching';
    correctResponsesPattern?: string[];
    choices?: XapiInteractionComponent[];
    source?: XapiInteractionComponent[];
    target?: XapiInteractionComponent[];
  };
}

export interface XapiResult {
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  score?: { scaled?: number; raw?: number; min?: number; max?: number };
}

/** An extension's value: a plain value, or the order options were shown in. */
export type ExtensionValue = string | number | boolean | Record<string, string[]>;

export interface XapiContext {
  registration?: string;
  revision?: string;
  platform?: string;
  language?: string;
  contextActivities?: { parent?: XapiActivity[] };
  extensions?: Record<string, ExtensionValue>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context?: XapiContext;
  timestamp?: string;
}

export interface XapiOptions {
  /** The home page of the system the learner accounts belong to (the school's LMS), an http(s) URL. */
  homePage: string;
  /**
   * The IRI the school controls that activity ids go under (`<base>/sourcewise/packs/<pack>`, and
   * `/items/<item>` after it); by default the home page.
   */
  activityBase?: string;
  /** Only this pack's attempts. */
  packId?: string;
}

/** Largest name or description put in an activity definition, in characters. */
const MAX_TEXT = 500;

export function buildXapi(data: ClassData, options: XapiOptions): XapiStatement[] {
  const homePage = checkedIri(options.homePage, 'homePage');
  const root = checkedIri(options.activityBase ?? homePage, 'activityBase').replace(/\/+$/, '');
  const base = `${root}/${ACTIVITY_PATH}`;
  const extension = extensionKeys(root);
  const packsById = new Map(data.packs.map((pack) => [pack.id, pack]));
  const itemsById = new Map(data.packs.map((pack) => [pack.id, new Map(pack.items.map((item) => [item.id, item]))]));
  const packActivities = new Map<string, XapiActivity>();
  const packActivity = (packId: string): XapiActivity => {
    let activity = packActivities.get(packId);
    if (activity === undefined) {
      const pack = packsById.get(packId);
      activity = {
        objectType: 'Activity',
        id: `${base}/${encodeURIComponent(packId)}`,
        definition: {
          ...(pack === undefined ? {} : { name: { [languageOf(pack)]: cap(pack.meta.title) } }),
          type: ACTIVITY_TYPES.assessment,
        },
      };
      packActivities.set(packId, activity);
    }
    return activity;
  };

  // One activity object per item, shared by the statements about it (they are the same JSON anyway).
  const itemActivities = new Map<string, XapiActivity>();
  const activityFor = (attempt: Attempt): XapiActivity => {
    const key = `${attempt.packId}\u0000${attempt.itemId}`;
    let activity = itemActivities.get(key);
    if (activity === undefined) {
      activity = itemActivity(attempt, itemsById.get(attempt.packId)?.get(attempt.itemId), packsById.get(attempt.packId), base);
      itemActivities.set(key, activity);
    }
    return activity;
  };

  const statements: XapiStatement[] = [];
  for (const learner of data.learners) {
    const actor: XapiAgent = { objectType: 'Agent', name: learner.name, account: { homePage, name: learner.learnerId } };
    // Every statement of a round asks for its registration: work each out once.
    const registrations = new Map<string, string>();
    const registrationOf = (packId: string, round: number): string => {
      const key = `${packId}\u0000${round}`;
      let id = registrations.get(key);
      if (id === undefined) {
        id = registration(learner.learnerId, packId, round);
        registrations.set(key, id);
      }
      return id;
    };
    const attempts = learner.attempts.filter((attempt) => options.packId === undefined || attempt.packId === options.packId);

    // Which attempt completes which round: the completed statement follows it.
    const completions = new Map<Attempt, XapiStatement>();
    for (const packId of new Set(attempts.map((attempt) => attempt.packId))) {
      const pack = packsById.get(packId);
      if (pack === undefined) continue;
      for (const done of completedRounds(pack, attempts)) {
        const last = done.attempts.at(-1);
        if (last !== undefined)
          completions.set(
            last,
            completedStatement(extension, actor, pack, done, packActivity(packId), registrationOf(packId, done.round)),
          );
      }
    }

    for (const attempt of attempts) {
      const registration = isReview(attempt) ? undefined : registrationOf(attempt.packId, attempt.round);
      statements.push(
        answeredStatement(
          extension,
          actor,
          attempt,
          activityFor(attempt),
          itemsById.get(attempt.packId)?.get(attempt.itemId),
          packsById.get(attempt.packId),
          packActivity(attempt.packId),
          registration,
        ),
      );
      const completed = completions.get(attempt);
      if (completed !== undefined) statements.push(completed);
    }
  }
  return statements;
}

function answeredStatement(
  extension: Extensions,
  actor: XapiAgent,
  attempt: Attempt,
  object: XapiActivity,
  item: Item | undefined,
  pack: Pack | undefined,
  parent: XapiActivity,
  registration: string | undefined,
): XapiStatement {
  const extensions: Record<string, ExtensionValue> = {
    [extension.attemptId]: attempt.id,
    [extension.round]: attempt.round,
    [extension.mode]: isReview(attempt) ? 'review' : 'pack',
    [extension.appVersion]: attempt.appVersion,
  };
  const confidence = attempt.confidence ?? (attempt.answer.type === 'classify' ? attempt.answer.confidence : undefined);
  if (confidence !== undefined) extensions[extension.confidence] = confidence;
  if (attempt.shown !== undefined) extensions[extension.optionsShown] = attempt.shown;
  // Built property by property rather than with spreads: this runs once per attempt.
  const context: XapiContext = {};
  // A review session is not part of a round.
  if (registration !== undefined) context.registration = registration;
  context.revision = String(attempt.packVersion);
  context.platform = 'Sourcewise';
  if (pack !== undefined) context.language = languageOf(pack);
  context.contextActivities = { parent: [parent] };
  context.extensions = extensions;
  const statement: XapiStatement = {
    id: RFC4122_UUID.test(attempt.id) ? attempt.id.toLowerCase() : nameUuid(`answered\u0000${attempt.id}`),
    actor,
    verb: verb('answered', languageOf(pack)),
    object,
    result: {
      success: attempt.correct,
      response: response(attempt.answer, item, pack),
      duration: isoDuration(attempt.timeTakenMs),
      score: { scaled: clamp01(attempt.score) },
    },
    context,
  };
  const timestamp = isoTimestamp(attempt.answeredAt);
  if (timestamp !== undefined) statement.timestamp = timestamp;
  return statement;
}

function completedStatement(
  extension: Extensions,
  actor: XapiAgent,
  pack: Pack,
  done: ReturnType<typeof completedRounds>[number],
  activity: XapiActivity,
  registration: string,
): XapiStatement {
  // The latest answer to each item up to the moment the round was complete, as the library counts it.
  const latest = latestPerItem(done.attempts);
  const correct = [...latest.values()].filter((attempt) => attempt.correct).length;
  const items = pack.items.length;
  const learnerId = actor.account.name;
  const timestamp = isoTimestamp(done.completedAt);
  return {
    id: nameUuid(`completed\u0000${learnerId}\u0000${pack.id}\u0000${done.round}`),
    actor,
    verb: verb('completed', languageOf(pack)),
    object: activity,
    result: {
      completion: true,
      duration: isoDuration(done.attempts.reduce((total, attempt) => total + attempt.timeTakenMs, 0)),
      score: { scaled: items === 0 ? 0 : correct / items, raw: correct, min: 0, max: items },
    },
    context: {
      registration,
      revision: String(pack.version),
      platform: 'Sourcewise',
      language: languageOf(pack),
      extensions: { [extension.round]: done.round },
    },
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

/**
 * The item as a cmi.interaction Activity: label, source and headline items are `choice`, find items
 * `long-fill-in` (the passages to mark are the pattern), numbers items `matching` (each figure with
 * a label and a source).
 */
function itemActivity(attempt: Attempt, item: Item | undefined, pack: Pack | undefined, base: string): XapiActivity {
  const id = `${base}/${encodeURIComponent(attempt.packId)}/items/${encodeURIComponent(attempt.itemId)}`;
  const interactionType = reportingOf(item?.type ?? attempt.itemType).xapi.interactionType;
  if (item === undefined || pack === undefined) {
    return {
      objectType: 'Activity',
      id,
      definition: { name: { und: attempt.itemId }, type: ACTIVITY_TYPES.interaction, interactionType },
    };
  }
  const lang = languageOf(pack);
  const definition: NonNullable<XapiActivity['definition']> = {
    name: { [lang]: cap(describeItem(item)) },
    type: ACTIVITY_TYPES.interaction,
    interactionType,
  };
  if (item.prompt !== undefined) definition.description = { [lang]: cap(item.prompt) };
  const choices = reportingOf(item.type).xapi.choices?.(item);
  if (choices !== undefined) {
    definition.choices = choices.choices.map((choice) => ({
      id: choice.id,
      description: { [lang]: cap(choice.text) },
    }));
    definition.correctResponsesPattern = choices.correct;
  }
  const matching = reportingOf(item.type).xapi.matching?.(item);
  if (matching !== undefined) {
    const component = (entry: { id: string; text: string }) => ({ id: entry.id, description: { [lang]: cap(entry.text) } });
    definition.source = matching.source.map(component);
    definition.target = matching.target.map(component);
    definition.correctResponsesPattern = matching.correct;
  }
  const fillIn = reportingOf(item.type).xapi.fillIn?.(item);
  if (fillIn !== undefined) definition.correctResponsesPattern = fillIn;
  return { objectType: 'Activity', id, definition };
}

/**
 * The learner's answer as a response string, in the terms of the item's pattern: the label, option
 * id or verdict for choices; the marked text joined by `[,]` for find (`long-fill-in`); figure,
 * label and source pairs for numbers (`matching`, pairs `a[.]b` joined by `[,]`). Without the pack,
 * marked spans are `paragraph:start-end` and figures `label[.]source`.
 */
function response(answer: Answer, item: Item | undefined, pack: Pack | undefined): string {
  const own = item?.type === answer.type ? item : undefined;
  return reportingOf(answer.type).xapi.response(answer as never, own as never, pack?.article.paragraphs);
}

/** ISO 8601 duration (the designator format xAPI requires), to the millisecond: 4200 ms is PT4.2S. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const millis = total % 60_000;
  const seconds = millis % 1000 === 0 ? String(millis / 1000) : (millis / 1000).toFixed(3).replace(/0+$/, '');
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${millis > 0 || total === 0 ? `${seconds}S` : ''}`;
  return `PT${parts}`;
}

/** A name-based UUID in the manner of RFC 4122 version 5: SHA-1 of namespace and name, version and variant set. */
export function nameUuid(name: string, namespace?: string): string {
  const hash = createHash('sha1')
    .update(namespace === undefined ? NAMESPACE_BYTES : uuidBytes(namespace))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** The registration of one learner's round of one pack. */
function registration(learnerId: string, packId: string, round: number): string {
  return nameUuid(`registration\u0000${learnerId}\u0000${packId}\u0000${round}`);
}

/** What toISOString() writes: kept as it is, without parsing it again. */
const CANONICAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isoTimestamp(value: string): string | undefined {
  if (CANONICAL_TIMESTAMP.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The one language-tag rule: every language map of a statement (verb, names, descriptions, choices)
 * is tagged with the pack's language, `meta.language`; `und` (undetermined) when the pack is not at
 * hand. Sourcewise's own words (verbs, labels, verdicts) are English, as the app is; a pack in
 * another language is still answered in an English app, so its tag is the pack's.
 */
function languageOf(pack: Pack | undefined): string {
  return pack?.meta.language ?? 'und';
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function cap(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** An absolute http(s) IRI, or a clear error saying which option is wrong. */
function checkedIri(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError('invalid-input', `xAPI ${option} must be an absolute http:// or https:// address, got "${value}"`, [
      { path: option, message: 'must be an absolute http:// or https:// address' },
    ]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError('invalid-input', `xAPI ${option} must be an http:// or https:// address, got "${value}"`, [
      { path: option, message: 'must be an http:// or https:// address' },
    ]);
  }
  return value;
}
