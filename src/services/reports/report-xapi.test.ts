import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/answers';
import type { ClassData, ClassLearner } from '../../shared/class-data';
import { ApiError } from '../../shared/errors';
import { Pack, type Item } from '../../shared/pack/schema';
import type { Attempt } from '../../shared/progress';
import { answerFor as rightOrWrong, scoredAttempt } from '../../shared/testing/answers';
import { buildReport } from './report-files';
import { buildXapi, isoDuration, nameUuid, type XapiStatement } from './report-xapi';

const SEED = Pack.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8')),
);
const HOME = 'https://lms.example.org';
const ADA = '00000000-0000-4000-8000-00000000000a';
const BO = '00000000-0000-4000-8000-00000000000b';

// ---------------------------------------------------------------------------------------------------
// The xAPI 1.0.3 statement rules this export relies on (xAPI-Data.md, part two), as a checker.
// ---------------------------------------------------------------------------------------------------

/** RFC 4122 UUID: version nibble 1-5, variant bits 10xx. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** ISO 8601 duration in the designator format (section 4.4.3.2), as the ADL conformance suite checks it. */
const DURATION =
  /^P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;
/** ISO 8601 date-time with a time zone (Z or an offset). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** RFC 5646 language tag, loosely (the cases xAPI language maps use). */
const LANGUAGE = /^(?:[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*|und)$/;
const STATEMENT_KEYS = [
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
];
const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];

function isIri(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

function checkLanguageMap(map: unknown, where: string, problems: string[]): void {
  if (typeof map !== 'object' || map === null || Array.isArray(map) || Object.keys(map).length === 0) {
    problems.push(`${where}: must be a non-empty language map`);
    return;
  }
  for (const [key, value] of Object.entries(map)) {
    if (!LANGUAGE.test(key)) problems.push(`${where}: "${key}" is not a language tag`);
    if (typeof value !== 'string') problems.push(`${where}.${key}: must be a string`);
  }
}

function checkActivity(activity: Record<string, unknown>, where: string, problems: string[]): void {
  if (activity.objectType !== undefined && activity.objectType !== 'Activity')
    problems.push(`${where}.objectType: must be Activity`);
  if (!isIri(activity.id)) problems.push(`${where}.id: must be an IRI`);
  const definition = activity.definition as Record<string, unknown> | undefined;
  if (definition === undefined) return;
  if (definition.name !== undefined) checkLanguageMap(definition.name, `${where}.definition.name`, problems);
  if (definition.description !== undefined) checkLanguageMap(definition.description, `${where}.definition.description`, problems);
  if (definition.type !== undefined && !isIri(definition.type)) problems.push(`${where}.definition.type: must be an IRI`);
  if (definition.interactionType !== undefined) {
    if (!INTERACTION_TYPES.includes(definition.interactionType as string)) problems.push(`${where}: unknown interactionType`);
    if (definition.type !== 'http://adlnet.gov/expapi/activities/cmi.interaction')
      problems.push(`${where}: an interaction's type should be cmi.interaction`);
  }
  if (definition.correctResponsesPattern !== undefined) {
    const pattern = definition.correctResponsesPattern;
    if (!Array.isArray(pattern) || !pattern.every((entry) => typeof entry === 'string'))
      problems.push(`${where}.definition.correctResponsesPattern: must be an array of strings`);
  }
  if (definition.choices !== undefined) {
    if (definition.interactionType !== 'choice' && definition.interactionType !== 'sequencing')
      problems.push(`${where}: choices only belong to choice and sequencing interactions`);
    const ids = new Set<string>();
    for (const [index, choice] of (definition.choices as { id: unknown; description: unknown }[]).entries()) {
      if (typeof choice.id !== 'string' || choice.id === '' || /\s/.test(choice.id))
        problems.push(`${where}.choices[${index}].id`);
      else ids.add(choice.id);
      checkLanguageMap(choice.description, `${where}.choices[${index}].description`, problems);
    }
    if (ids.size !== (definition.choices as unknown[]).length) problems.push(`${where}.choices: ids must be unique`);
    for (const pattern of (definition.correctResponsesPattern as string[] | undefined) ?? [])
      for (const id of pattern.split('[,]'))
        if (!ids.has(id)) problems.push(`${where}: response pattern "${id}" is not a choice`);
  }
}

/** Every rule broken by one statement, as `path: what is wrong`; empty when it conforms. */
function xapiProblems(statement: unknown): string[] {
  const problems: string[] = [];
  const s = statement as Record<string, unknown>;
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.includes(key)) problems.push(`${key}: not a statement property`);
  if (typeof s.id !== 'string' || !UUID.test(s.id)) problems.push('id: must be an RFC 4122 UUID');
  if (s.version !== undefined && !/^1\.0\.\d+$/.test(String(s.version))) problems.push('version: must start with 1.0.');

  const actor = s.actor as Record<string, unknown> | undefined;
  if (actor === undefined) problems.push('actor: required');
  else {
    if (actor.objectType !== undefined && actor.objectType !== 'Agent') problems.push('actor.objectType: must be Agent');
    const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((key) => actor[key] !== undefined);
    if (ifis.length !== 1) problems.push(`actor: must have exactly one inverse functional identifier, has ${ifis.length}`);
    const account = actor.account as Record<string, unknown> | undefined;
    if (account !== undefined) {
      if (!isIri(account.homePage)) problems.push('actor.account.homePage: must be an IRL');
      if (typeof account.name !== 'string' || account.name === '') problems.push('actor.account.name: required');
    }
    if (actor.name !== undefined && typeof actor.name !== 'string') problems.push('actor.name: must be a string');
  }

  const verb = s.verb as Record<string, unknown> | undefined;
  if (verb === undefined) problems.push('verb: required');
  else {
    if (!isIri(verb.id)) problems.push('verb.id: must be an IRI');
    if (verb.display !== undefined) checkLanguageMap(verb.display, 'verb.display', problems);
  }

  const object = s.object as Record<string, unknown> | undefined;
  if (object === undefined) problems.push('object: required');
  else checkActivity(object, 'object', problems);

  const result = s.result as Record<string, unknown> | undefined;
  if (result !== undefined) {
    if (result.success !== undefined && typeof result.success !== 'boolean') problems.push('result.success: must be a boolean');
    if (result.completion !== undefined && typeof result.completion !== 'boolean')
      problems.push('result.completion: must be a boolean');
    if (result.response !== undefined && typeof result.response !== 'string') problems.push('result.response: must be a string');
    if (result.duration !== undefined && (typeof result.duration !== 'string' || !DURATION.test(result.duration)))
      problems.push(`result.duration: "${String(result.duration)}" is not an ISO 8601 duration`);
    const score = result.score as Record<string, number> | undefined;
    if (score !== undefined) {
      if (score.scaled !== undefined && !(typeof score.scaled === 'number' && score.scaled >= -1 && score.scaled <= 1))
        problems.push('result.score.scaled: must be a number from -1 to 1');
      if (score.min !== undefined && score.max !== undefined && score.min > score.max)
        problems.push('result.score: min above max');
      if (
        score.raw !== undefined &&
        ((score.min !== undefined && score.raw < score.min) || (score.max !== undefined && score.raw > score.max))
      )
        problems.push('result.score.raw: outside min and max');
    }
  }

  const context = s.context as Record<string, unknown> | undefined;
  if (context !== undefined) {
    if (context.registration !== undefined && !UUID.test(String(context.registration)))
      problems.push('context.registration: must be a UUID');
    if ((context.revision !== undefined || context.platform !== undefined) && object?.objectType !== 'Activity')
      problems.push('context: revision and platform only when the object is an Activity');
    if (context.language !== undefined && !LANGUAGE.test(String(context.language))) problems.push('context.language');
    const activities = context.contextActivities as Record<string, unknown> | undefined;
    if (activities !== undefined) {
      for (const [key, value] of Object.entries(activities)) {
        if (!['parent', 'grouping', 'category', 'other'].includes(key))
          problems.push(`context.contextActivities.${key}: unknown`);
        if (!Array.isArray(value)) problems.push(`context.contextActivities.${key}: must be an array`);
        else value.forEach((activity, index) => checkActivity(activity, `context.contextActivities.${key}[${index}]`, problems));
      }
    }
    const extensions = context.extensions as Record<string, unknown> | undefined;
    for (const key of Object.keys(extensions ?? {}))
      if (!isIri(key)) problems.push(`context.extensions: key "${key}" is not an IRI`);
  }
  if (
    s.timestamp !== undefined &&
    (typeof s.timestamp !== 'string' || !TIMESTAMP.test(s.timestamp) || Number.isNaN(Date.parse(s.timestamp)))
  )
    problems.push('timestamp: must be an ISO 8601 date-time with a time zone');
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Fixtures.
// ---------------------------------------------------------------------------------------------------

function answerFor(item: Item, right: boolean): Answer {
  return rightOrWrong(item, right, { confidence: 3 });
}

let counter = 0;
function attempt(learnerId: string, item: Item, right: boolean, round = 1, mode?: 'review', pack: Pack = SEED): Attempt {
  counter += 1;
  return scoredAttempt(pack, item, answerFor(item, right), {
    id: `30000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    learnerId,
    round,
    mode,
    timeTakenMs: 4200 + counter,
    answeredAt: new Date(Date.UTC(2024, 10, 4, 9, 0, counter)).toISOString(),
  });
}

// Ada: the whole pack in round 1 (every third item wrong), a review, then half of round 2.
// Bo: all but the last item of round 1, then the last item in review: not a completed round.
const ada: ClassLearner = {
  learnerId: ADA,
  name: 'Ada Lovelace',
  attempts: [
    ...SEED.items.map((item, index) => attempt(ADA, item, index % 3 !== 0, 1)),
    attempt(ADA, SEED.items[0]!, true, 1, 'review'),
    ...SEED.items.slice(0, 19).map((item) => attempt(ADA, item, true, 2)),
  ],
};
const bo: ClassLearner = {
  learnerId: BO,
  name: 'Bo',
  attempts: [
    ...SEED.items.slice(0, -1).map((item) => attempt(BO, item, true, 1)),
    attempt(BO, SEED.items.at(-1)!, true, 1, 'review'),
  ],
};
const data: ClassData = { learners: [ada, bo], packs: [SEED], generatedAt: '2024-11-05T12:00:00.000Z', appVersion: '0.1.0' };

describe('buildXapi', () => {
  const statements = buildXapi(data, { homePage: HOME });

  it('makes statements that keep the xAPI 1.0.3 rules', () => {
    const problems = statements.flatMap((statement, index) => xapiProblems(statement).map((problem) => `[${index}] ${problem}`));
    expect(problems).toEqual([]);
    // The file is a JSON array an LRS can take as it is.
    expect(JSON.parse(JSON.stringify(statements))).toEqual(statements);
  });

  it('the checker catches broken statements', () => {
    const good = statements[0]!;
    const broken = (change: (s: Record<string, unknown>) => void) => {
      const copy = structuredClone(good) as unknown as Record<string, unknown>;
      change(copy);
      return xapiProblems(copy);
    };
    expect(xapiProblems(good)).toEqual([]);
    expect(broken((s) => (s.id = '30000000-0000-0000-0000-000000000001'))).toContain('id: must be an RFC 4122 UUID');
    expect(broken((s) => ((s.actor as Record<string, unknown>).mbox = 'mailto:a@b.c'))).toContain(
      'actor: must have exactly one inverse functional identifier, has 2',
    );
    expect(broken((s) => ((s.result as Record<string, unknown>).duration = '4.2 s'))[0]).toMatch(/^result.duration/);
    expect(broken((s) => ((s.result as Record<string, unknown>).duration = 'PT'))[0]).toMatch(/^result.duration/);
    expect(broken((s) => (s.timestamp = '2024-11-04T09:00:00'))).toContain(
      'timestamp: must be an ISO 8601 date-time with a time zone',
    );
    expect(broken((s) => ((s.verb as Record<string, unknown>).id = 'answered'))).toContain('verb.id: must be an IRI');
    expect(broken((s) => ((s.result as { score: { scaled: number } }).score.scaled = 1.5))).toContain(
      'result.score.scaled: must be a number from -1 to 1',
    );
  });

  it('makes one answered statement per attempt, in order, describing the attempt', () => {
    const answered = statements.filter((statement) => statement.verb.id === 'http://adlnet.gov/expapi/verbs/answered');
    expect(answered).toHaveLength(ada.attempts.length + bo.attempts.length);
    const first = answered[0]!;
    const attempt0 = ada.attempts[0]!;
    expect(first.actor).toEqual({ objectType: 'Agent', name: 'Ada Lovelace', account: { homePage: HOME, name: ADA } });
    // One language tag throughout: the pack's.
    expect(first.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered' } });
    const maps = statements.flatMap((statement) => [
      statement.verb.display,
      statement.object.definition?.name,
      statement.object.definition?.description,
      ...(statement.object.definition?.choices ?? []).map((choice) => choice.description),
    ]);
    expect(new Set(maps.flatMap((map) => Object.keys(map ?? {})))).toEqual(new Set([SEED.meta.language]));
    expect(first.object).toMatchObject({
      objectType: 'Activity',
      // Under the home page the instructor gave: a domain the school controls.
      id: `${HOME}/sourcewise/packs/nk-troops-russia-2024/items/${attempt0.itemId}`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['confirmed'],
      },
    });
    expect(first.result).toEqual({
      success: false,
      response: 'opinion',
      duration: `PT${(attempt0.timeTakenMs / 1000).toString()}S`,
      score: { scaled: 0 },
    });
    expect(first.timestamp).toBe(attempt0.answeredAt);
    expect(first.context).toMatchObject({
      revision: String(SEED.version),
      platform: 'Sourcewise',
      language: 'en',
      contextActivities: { parent: [{ objectType: 'Activity', id: `${HOME}/sourcewise/packs/nk-troops-russia-2024` }] },
      extensions: {
        [`${HOME}/sourcewise/extensions/attempt-id`]: attempt0.id,
        [`${HOME}/sourcewise/extensions/round`]: 1,
        [`${HOME}/sourcewise/extensions/mode`]: 'pack',
        [`${HOME}/sourcewise/extensions/confidence`]: 3,
      },
    });
    expect(statements.some((statement) => 'version' in statement)).toBe(false);
  });

  it('writes each kind of answer as a response string', () => {
    const responses = new Map(
      statements
        .filter((statement) => statement.verb.id.endsWith('/answered'))
        .map((statement) => [statement.object.id.split('/').at(-1), statement]),
    );
    const find = SEED.items.find((item) => item.type === 'find')!;
    // Find: the passages to mark are the pattern; the marked text is the response.
    const found = responses.get(find.id)!;
    expect(found.object.definition?.interactionType).toBe('long-fill-in');
    if (find.type === 'find') {
      const quotes = find.spans.map((span) => span.quote).join('[,]');
      expect(found.object.definition?.correctResponsesPattern).toEqual([quotes]);
      // This attempt marked every span: the response is the pattern.
      if (found.result?.success === true) expect(found.result.response).toBe(quotes);
    }
    // Numbers: each figure matched with a label and a source; the right pairs are the pattern.
    const numbers = responses.get('numbers-us-vs-seoul-counts')!;
    const definition = numbers.object.definition!;
    expect(definition.interactionType).toBe('matching');
    expect(numbers.result?.response).toBe(
      'figure-1-label[.]confirmed[,]figure-1-source[.]source-3[,]figure-2-label[.]estimate[,]figure-2-source[.]source-1[,]figure-3-label[.]estimate[,]figure-3-source[.]source-1',
    );
    const named = (id: string) => definition.target!.find((component) => component.id === id)?.description.en;
    expect([named('source-3'), named('source-1')]).toEqual([
      'A senior U.S. official (unnamed)',
      "South Korea's intelligence agency",
    ]);
    const sources = new Set(definition.source!.map((component) => component.id));
    const targets = new Set(definition.target!.map((component) => component.id));
    for (const pair of [...definition.correctResponsesPattern![0]!.split('[,]'), ...numbers.result!.response!.split('[,]')]) {
      const [from, to] = pair.split('[.]');
      expect(sources.has(from!) && targets.has(to!), pair).toBe(true);
    }
    expect(responses.get('headline-moscow-confirms')?.result?.response).toMatch(/^(supported|overstated)$/);
    expect(responses.get('source-10000-chain')?.object.definition?.choices?.length).toBeGreaterThan(1);
  });

  it('says in which order the learner saw the options, where that was kept', () => {
    const source = SEED.items.find((item) => item.type === 'source')!;
    const shown = { options: ['afp-own-count', 'park-to-reporters', 'agency-lawmakers-park-afp', 'agency-direct-to-afp'] };
    const withOrder: Attempt = { ...attempt(ADA, source, true), shown };
    const without = attempt(ADA, source, false);
    const [seen, unseen] = buildXapi(
      { ...data, learners: [{ learnerId: ADA, name: 'Ada', attempts: [withOrder, without] }] },
      { homePage: HOME },
    );
    const key = `${HOME}/sourcewise/extensions/options-shown`;
    expect(seen?.context?.extensions?.[key]).toEqual(shown);
    expect(unseen?.context?.extensions).not.toHaveProperty(key);
    expect(xapiProblems(seen!)).toEqual([]);
    // The activity lists the choices in the pack's order, the same for every learner.
    expect(seen?.object.definition?.choices?.map((choice) => choice.id)).toEqual(
      source.type === 'source' ? source.options.map((option) => option.id) : [],
    );
  });

  it('makes a completed statement only for rounds in which every item was answered in pack mode', () => {
    const completed = statements.filter((statement) => statement.verb.id === 'http://adlnet.gov/expapi/verbs/completed');
    expect(completed).toHaveLength(1);
    const [done] = completed as [XapiStatement];
    expect(done.actor.account.name).toBe(ADA);
    expect(done.object).toMatchObject({
      id: `${HOME}/sourcewise/packs/nk-troops-russia-2024`,
      definition: { type: 'http://adlnet.gov/expapi/activities/assessment' },
    });
    const right = SEED.items.filter((_, index) => index % 3 !== 0).length;
    expect(done.result).toMatchObject({ completion: true, score: { raw: right, min: 0, max: 38, scaled: right / 38 } });
    // It follows the attempt that completed the round, at that attempt's time.
    const index = statements.indexOf(done);
    expect(statements[index - 1]?.object.id).toMatch(/\/items\/numbers-us-vs-seoul-counts$/);
    expect(done.timestamp).toBe(ada.attempts[37]!.answeredAt);
    // It shares the registration of the round's answered statements.
    expect(done.context?.registration).toBe(statements[0]!.context?.registration);
    expect(statements[0]!.context?.registration).not.toBe(statements[40]!.context?.registration);
  });

  it('takes the attempt id for answered statements, and hashes one that is not a UUID', () => {
    expect(statements[0]!.id).toBe(ada.attempts[0]!.id);
    const odd = { ...ada, attempts: [{ ...ada.attempts[0]!, id: 'attempt-1' }] };
    const [first] = buildXapi({ ...data, learners: [odd] }, { homePage: HOME });
    expect(first!.id).toMatch(UUID);
    expect(first!.id).toBe(buildXapi({ ...data, learners: [odd] }, { homePage: HOME })[0]!.id);
    expect(first!.context?.extensions?.[`${HOME}/sourcewise/extensions/attempt-id`]).toBe('attempt-1');
  });

  it('gives the same ids on every export, all different', () => {
    const again = buildXapi(structuredClone(data), { homePage: HOME });
    expect(again.map((statement) => statement.id)).toEqual(statements.map((statement) => statement.id));
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
    expect(nameUuid('x')).toBe(nameUuid('x'));
    expect(nameUuid('x')).not.toBe(nameUuid('y'));
  });

  it('computes RFC 4122 version 5 UUIDs', () => {
    // The RFC's DNS namespace and "www.example.com" give the well-known v5 UUID.
    expect(nameUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('puts activity ids under the IRI the instructor sets, and limits to one pack', () => {
    const other: Pack = { ...SEED, id: 'other-pack' };
    const withOther: ClassData = {
      ...data,
      packs: [SEED, other],
      learners: [
        ...data.learners,
        { learnerId: BO, name: 'Bo', attempts: [attempt(BO, other.items[0]!, true, 1, undefined, other)] },
      ],
    };
    const only = buildXapi(withOther, {
      homePage: HOME,
      activityBase: 'https://school.example/xapi/',
      packId: 'other-pack',
    });
    expect(only).toHaveLength(1);
    expect(only[0]!.object.id).toBe(`https://school.example/xapi/sourcewise/packs/other-pack/items/${other.items[0]!.id}`);
    // Extension keys too: nothing sits under an address the school does not control.
    expect(Object.keys(only[0]!.context?.extensions ?? {})).toContain(
      'https://school.example/xapi/sourcewise/extensions/attempt-id',
    );
    const iris = JSON.stringify(statements).match(/https?:\/\/[^"]+/g) ?? [];
    expect(iris.filter((iri) => !iri.startsWith(`${HOME}/`) && iri !== HOME && !iri.startsWith('http://adlnet.gov/'))).toEqual(
      [],
    );
    expect(xapiProblems(only[0])).toEqual([]);
  });

  it('still describes attempts at packs it does not have', () => {
    const out = buildXapi({ ...data, packs: [] }, { homePage: HOME });
    expect(out).toHaveLength(ada.attempts.length + bo.attempts.length);
    expect(out.flatMap((statement) => xapiProblems(statement))).toEqual([]);
    expect(out[0]!.object.definition).toMatchObject({ name: { und: ada.attempts[0]!.itemId }, interactionType: 'choice' });
  });

  it('is not made without a home page: there is no default address', async () => {
    await expect(buildReport(data, 'xapi', {})).rejects.toThrow(/needs the home page/);
    await expect(buildReport(data, 'xapi', { homePage: HOME })).resolves.toHaveLength(1);
  });

  it('refuses a home page that is not an http(s) address', () => {
    expect(() => buildXapi(data, { homePage: 'lms' })).toThrow(ApiError);
    expect(() => buildXapi(data, { homePage: 'ftp://lms.example.org' })).toThrow(/homePage must be an http/);
    expect(() => buildXapi(data, { homePage: HOME, activityBase: 'packs' })).toThrow(/activityBase/);
  });

  it('writes durations in ISO 8601', () => {
    expect(isoDuration(4200)).toBe('PT4.2S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(3_723_045)).toBe('PT1H2M3.045S');
    for (const ms of [0, 1, 999, 4200, 60_000, 3_600_000, 3_723_045]) expect(isoDuration(ms)).toMatch(DURATION);
  });
});
