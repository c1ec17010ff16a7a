/**
 * What a SCORM 1.2 package of a pack tells the school's LMS, as pure functions for the export
 * (src/services/packs/scorm-export.ts) and the player inside the LMS (src/standalone/scorm.ts): the
 * result (score and status), each answer as a `cmi.interactions.n` entry in SCORM 1.2's own terms and
 * lengths, times in SCORM 1.2's formats, and where the learner stands as `cmi.suspend_data`, which
 * SCORM 1.2 caps at 4096 characters.
 */
import type { Answer, Score } from './answers';
import type { ShownOrder } from './choice-order';
import { kindOf } from './exercises/registry';
import { reportingOf } from './exercises/reporting';
import type { Item, Pack } from './pack/schema';
import { HEADLINE_VERDICTS, LABELS } from './pack/vocabulary';
import { summariseAttempts } from './scoring';

/** The share of a pack's exercises to get right to pass, in percent (the manifest's adlcp:masteryscore). */
export const SCORM_MASTERY_PERCENT = 70;
/** SCORM 1.2's cap on `cmi.suspend_data` (CMIString4096). */
export const MAX_SUSPEND_DATA = 4096;
/** SCORM 1.2's cap on an interaction's response and pattern (CMIFeedback) and id (CMIIdentifier). */
export const MAX_SCORM_FEEDBACK = 255;

export type LessonStatus = 'passed' | 'failed' | 'incomplete';

/** A duration as SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS`. */
export function scormTimespan(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(hundredths / 360000));
  const minutes = Math.floor(hundredths / 6000) % 60;
  const seconds = (hundredths % 6000) / 100;
  const [whole, fraction] = seconds.toFixed(2).split('.');
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${whole!.padStart(2, '0')}.${fraction}`;
}

/** A moment of the learner's day as SCORM 1.2's CMITime, `HH:MM:SS`. */
export function scormTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** What the LMS is told of a round: the share of exercises right, in percent, and the status. */
export interface ScormResult {
  raw: number;
  status: LessonStatus;
}

/**
 * The round's result: unfinished is `incomplete` (unless a finished round this attempt already
 * passed or failed: playing again to look back does not undo it), finished is `passed` at the
 * mastery score or more, else `failed`. The score is the finished round's, or the best so far.
 */
export function scormResult(
  pack: Pack,
  answers: readonly { itemId: string; score: Score }[],
  mastery: number,
  best: number | undefined,
): ScormResult {
  const summary = summariseAttempts(pack, answers);
  const raw = summary.total === 0 ? 0 : Math.round((100 * summary.correct) / summary.total);
  if (summary.answered === summary.total) return { raw, status: raw >= mastery ? 'passed' : 'failed' };
  if (best !== undefined) return { raw: best, status: best >= mastery ? 'passed' : 'failed' };
  return { raw, status: 'incomplete' };
}

/** One answer as SCORM 1.2's `cmi.interactions.n`: its fields by their SCORM names. */
export interface ScormInteraction {
  id: string;
  type: 'choice' | 'matching' | 'fill-in';
  student_response: string;
  /** `unanticipated` for an answer the item does not offer (not one the player can give). */
  result: 'correct' | 'wrong' | 'unanticipated';
  /** Right responses as patterns, one per `correct_responses.n` (none when no pattern fits SCORM 1.2's length). */
  correct_responses: string[];
  time: string;
  latency: string;
}

/** SCORM 1.2 names the choices of `choice` and `matching` by single characters. */
const CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function characterOf(ids: readonly string[], id: string): string | undefined {
  const index = ids.indexOf(id);
  return index < 0 ? undefined : CHARACTERS[index];
}

/** An xAPI response or pattern (`[,]` between entries, `[.]` in pairs) in SCORM 1.2's characters; undefined if one entry is not offered. */
function inCharacters(xapi: string, sources: readonly string[], targets?: readonly string[]): string | undefined {
  if (xapi === '') return '';
  const entries = xapi.split('[,]').map((entry) => {
    if (targets === undefined) return characterOf(sources, entry);
    const [source = '', target = ''] = entry.split('[.]');
    const from = characterOf(sources, source);
    const to = characterOf(targets, target);
    return from === undefined || to === undefined ? undefined : `${from}.${to}`;
  });
  return entries.includes(undefined) ? undefined : entries.join(',');
}

/** Text cut to SCORM 1.2's length, whole characters only. */
function capped(text: string): string {
  return [...text].slice(0, MAX_SCORM_FEEDBACK).join('');
}

/**
 * An answer as the LMS records it, from the item's xAPI description (one description of each type's
 * choices and right answers): labels, options and verdicts are `choice`; a figure's label and source,
 * `matching`; a passage to mark, `fill-in` with the marked text (its right answer is a pattern only
 * when it fits SCORM 1.2's 255 characters: a marked passage is judged by overlap, not by equal text).
 */
export function scormInteraction(
  item: Item,
  answer: Answer,
  score: Pick<Score, 'correct'>,
  pack: Pick<Pack, 'article'>,
  at: Date,
  timeTakenMs: number,
): ScormInteraction {
  const xapi = reportingOf(item.type).xapi as {
    interactionType: 'choice' | 'long-fill-in' | 'matching';
    choices?(item: Item): { choices: { id: string }[]; correct: string[] };
    matching?(item: Item): { source: { id: string }[]; target: { id: string }[]; correct: string[] };
    fillIn?(item: Item): string[];
    response(answer: Answer, item?: Item, paragraphs?: readonly string[]): string;
  };
  const response = xapi.response(answer, item, pack.article.paragraphs);
  const base = {
    id: item.id,
    result: score.correct ? ('correct' as const) : ('wrong' as const),
    time: scormTime(at),
    latency: scormTimespan(timeTakenMs),
  };
  const patterns = (list: (string | undefined)[]) =>
    list.filter((pattern): pattern is string => pattern !== undefined && pattern.length <= MAX_SCORM_FEEDBACK);
  if (xapi.interactionType === 'choice' && xapi.choices) {
    const { choices, correct } = xapi.choices(item);
    const ids = choices.map((choice) => choice.id);
    const chosen = inCharacters(response, ids);
    return {
      ...base,
      ...(chosen === undefined ? { result: 'unanticipated' as const } : {}),
      type: 'choice',
      student_response: chosen ?? '',
      correct_responses: patterns(correct.map((id) => inCharacters(id, ids))),
    };
  }
  if (xapi.interactionType === 'matching' && xapi.matching) {
    const { source, target, correct } = xapi.matching(item);
    const sources = source.map((entry) => entry.id);
    const targets = target.map((entry) => entry.id);
    const matched = inCharacters(response, sources, targets);
    return {
      ...base,
      ...(matched === undefined ? { result: 'unanticipated' as const } : {}),
      type: 'matching',
      student_response: capped(matched ?? ''),
      correct_responses: patterns(correct.map((pattern) => inCharacters(pattern, sources, targets))),
    };
  }
  const asText = (xapiText: string) => xapiText.split('[,]').join(', ');
  return {
    ...base,
    type: 'fill-in',
    student_response: capped(asText(response)),
    correct_responses: patterns((xapi.fillIn?.(item) ?? []).map(asText)),
  };
}

/** Where a learner stands in a pack: what `cmi.suspend_data` carries from one visit to the next. */
export interface SuspendState {
  learnerId: string;
  name: string;
  round: number;
  /** The best score of a round finished in this attempt, in percent. */
  best?: number;
  /** Per item answered at all: how often, and its answer in this round (with the order it was shown in). */
  items: Record<string, { times: number; answer?: Answer; shown?: ShownOrder }>;
}

// The encoding: `s1|learnerId|round|best|name|item;item;...`, one entry per item of the pack in pack
// order (empty when never answered), each `times` or `times~answer` or `times~answer~shown`, numbers
// in base 36 and choices as single characters by their place in the item's own lists. A name is
// URI-encoded, so it holds none of the separators.
const VERSION = 's1';

function listsOf(item: Item): Record<string, string[]> {
  return (kindOf(item.type).shuffled as { lists(item: Item): Record<string, string[]> } | undefined)?.lists(item) ?? {};
}

function encodeAnswer(item: Item, answer: Answer): string | undefined {
  switch (answer.type) {
    case 'classify':
      return characterOf(LABELS, answer.label)! + String(answer.confidence ?? 0);
    case 'headline':
      return characterOf(HEADLINE_VERDICTS, answer.verdict);
    case 'source':
      return item.type === 'source'
        ? characterOf(
            item.options.map((option) => option.id),
            answer.optionId,
          )
        : undefined;
    case 'numbers': {
      if (item.type !== 'numbers') return undefined;
      const figures = answer.figures.map((figure) => {
        const label = characterOf(LABELS, figure.label);
        const source = characterOf(item.sourceOptions, figure.source);
        return label === undefined || source === undefined ? undefined : label + source;
      });
      return figures.includes(undefined) ? undefined : figures.join('');
    }
    case 'find':
      return answer.spans.map((span) => [span.paragraph, span.start, span.end].map((n) => n.toString(36)).join('.')).join(',');
  }
}

function decodeAnswer(item: Item, text: string): Answer | undefined {
  const at = <T>(list: readonly T[], char: string | undefined): T | undefined =>
    char === undefined ? undefined : list[CHARACTERS.indexOf(char)];
  switch (item.type) {
    case 'classify': {
      const label = at(LABELS, text[0]);
      const confidence = Number(text[1]);
      if (label === undefined || text.length !== 2 || !(confidence >= 0 && confidence <= 3)) return undefined;
      return confidence === 0 ? { type: 'classify', label } : { type: 'classify', label, confidence: confidence as 1 | 2 | 3 };
    }
    case 'headline': {
      const verdict = at(HEADLINE_VERDICTS, text);
      return verdict === undefined ? undefined : { type: 'headline', verdict };
    }
    case 'source': {
      const option = at(item.options, text);
      return option === undefined ? undefined : { type: 'source', optionId: option.id };
    }
    case 'numbers': {
      const figures = [];
      for (let index = 0; index < text.length; index += 2) {
        const label = at(LABELS, text[index]);
        const source = at(item.sourceOptions, text[index + 1]);
        if (label === undefined || source === undefined) return undefined;
        figures.push({ label, source });
      }
      return figures.length === 0 ? undefined : { type: 'numbers', figures };
    }
    case 'find': {
      if (text === '') return { type: 'find', spans: [] };
      const spans = text.split(',').map((span) => span.split('.').map((n) => parseInt(n, 36)));
      if (spans.some((span) => span.length !== 3 || span.some((n) => !Number.isInteger(n) || n < 0))) return undefined;
      return {
        type: 'find',
        spans: spans.map(([paragraph, start, end]) => ({ paragraph: paragraph!, start: start!, end: end! })),
      };
    }
  }
}

function encodeShown(item: Item, shown: ShownOrder): string | undefined {
  const lists = listsOf(item);
  const parts = Object.keys(lists).map((field) => {
    const order = shown[field];
    if (order === undefined) return undefined;
    const chars = order.map((key) => characterOf(lists[field]!, key));
    return chars.includes(undefined) ? undefined : chars.join('');
  });
  return parts.length === 0 || parts.includes(undefined) ? undefined : parts.join(',');
}

function decodeShown(item: Item, text: string): ShownOrder | undefined {
  const lists = listsOf(item);
  const fields = Object.keys(lists);
  const parts = text.split(',');
  if (parts.length !== fields.length) return undefined;
  const shown: ShownOrder = {};
  for (const [index, field] of fields.entries()) {
    const keys = [...parts[index]!].map((char) => lists[field]![CHARACTERS.indexOf(char)]);
    if (keys.some((key) => key === undefined)) return undefined;
    shown[field] = keys as string[];
  }
  return shown;
}

function encodeItem(item: Item, entry: SuspendState['items'][string] | undefined): string {
  if (entry === undefined || entry.times <= 0) return '';
  const answer = entry.answer && encodeAnswer(item, entry.answer);
  if (answer === undefined) return entry.times.toString(36);
  const shown = entry.shown && encodeShown(item, entry.shown);
  return [entry.times.toString(36), answer, ...(shown === undefined ? [] : [shown])].join('~');
}

/**
 * The state as `cmi.suspend_data`, within SCORM 1.2's 4096 characters. Were it longer (passages
 * marked in a hundred pieces), the answers with the longest marks are left out until it fits: those
 * exercises come back unanswered on another computer, while the LMS keeps their interactions.
 */
export function encodeSuspendData(pack: Pack, state: SuspendState): string {
  const entries = pack.items.map((item) => encodeItem(item, state.items[item.id]));
  const head = [
    VERSION,
    state.learnerId,
    state.round.toString(36),
    state.best?.toString(36) ?? '',
    encodeURIComponent(state.name),
  ].join('|');
  const join = () => `${head}|${entries.join(';')}`;
  let text = join();
  while (text.length > MAX_SUSPEND_DATA) {
    let longest = 0;
    for (const [index, entry] of entries.entries()) if (entry.length > entries[longest]!.length) longest = index;
    const item = pack.items[longest]!;
    entries[longest] = encodeItem(item, { times: state.items[item.id]?.times ?? 0 });
    const next = join();
    if (next.length === text.length) break;
    text = next;
  }
  return text;
}

/** The state back from `cmi.suspend_data`; undefined for anything that is not ours (nothing to resume). */
export function decodeSuspendData(pack: Pack, text: string): SuspendState | undefined {
  const parts = text.split('|');
  if (parts.length !== 6 || parts[0] !== VERSION) return undefined;
  const [, learnerId = '', roundText = '', bestText = '', nameText = '', itemsText = ''] = parts;
  const round = parseInt(roundText, 36);
  const best = bestText === '' ? undefined : parseInt(bestText, 36);
  let name: string;
  try {
    name = decodeURIComponent(nameText);
  } catch {
    return undefined;
  }
  if (learnerId === '' || !(round >= 1) || (best !== undefined && !(best >= 0 && best <= 100))) return undefined;
  const entries = itemsText.split(';');
  if (entries.length !== pack.items.length) return undefined;
  const items: SuspendState['items'] = {};
  for (const [index, item] of pack.items.entries()) {
    const entry = entries[index]!;
    if (entry === '') continue;
    const [timesText = '', answerText, shownText] = entry.split('~');
    const times = parseInt(timesText, 36);
    if (!(times >= 1)) return undefined;
    const answer = answerText === undefined ? undefined : decodeAnswer(item, answerText);
    const shown = shownText === undefined ? undefined : decodeShown(item, shownText);
    items[item.id] = { times, ...(answer ? { answer } : {}), ...(answer && shown ? { shown } : {}) };
  }
  return { learnerId, name, round, ...(best !== undefined ? { best } : {}), items };
}
