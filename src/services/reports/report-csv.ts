/**
 * The class report as three CSV files: one row per learner × pack (`learners`), one row per attempt
 * (`attempts`) and one per exercise, its item analysis (`items`). Written with csv-stringify.
 *
 * - RFC 4180: comma-separated, a header row, CRLF between records (the RFC's line break, and what
 *   Excel writes), fields quoted when they hold a comma, a quote, CR or LF, quotes doubled. CR and LF
 *   inside a field are quoted explicitly: csv-stringify stops doing that by itself once the record
 *   delimiter is set.
 * - UTF-8 with a byte order mark. Excel opens a BOM-less CSV in the machine's legacy code page, which
 *   mangles names such as "Zoë" or "Łukasz"; with the BOM, Excel, LibreOffice, Numbers and Google
 *   Sheets all read UTF-8. Parsers that do not want it can drop it (csv-parse: `bom: true`).
 * - Spreadsheet-safe (OWASP, "CSV Injection"): a text cell starting with =, +, -, @, tab or carriage
 *   return (or their full-width forms) gets a leading apostrophe, so no spreadsheet runs it as a
 *   formula. csv-stringify's `escape_formulas` does this and leaves real numbers alone: numeric cells
 *   are written as numbers, so a d′ of -0.26 stays the number -0.26.
 * - Figures: shares (accuracy, mean score, hit rate, precision) as fractions from 0 to 1 with 4
 *   decimals, d′ and c with 3, times in seconds with 1 decimal; empty where a figure is undefined (no
 *   data is not 0), and d′ and c are undefined unless the label had five judgements on each side.
 *   Per label: `_hit_rate` is "when a claim was X, how often the learner said X", `_precision` "when
 *   the learner said X, how often it was X".
 *   Booleans are written true / false. Times are the instructor's local time with its offset
 *   (`2026-03-05T14:30:12+01:00`), so the moment stays exact.
 * - Attempts read as a teacher reads them: the pack's title, the item's number, the claim, the right
 *   answer and the learner's answer in words (a find answer as the marked text, quoted), the result
 *   (right, partly, wrong) and confidence in words; the ids last.
 * - `options_shown`: the order the learner saw the item's options in, as `options: c | a | d | b`
 *   (source option ids; `sourceOptions:` and the names for numbers); empty where the options are not
 *   shuffled (classify, find, headline) and for answers from before the order was kept.
 */
import { loadLater } from '../load-later';
import { describeShown } from '../../shared/choice-order';
import type { ClassData } from '../../shared/class-data';
import { describeItem, expectedAnswer, type ClassSummary, type LabelFigures } from '../../shared/class-report';
import { kindOf } from '../../shared/exercises/registry';
import { answerWords } from '../../shared/exercises/reporting';
import { MAX_SOURCE_OPTIONS } from '../../shared/exercises/source.schema';
import { localTimestamp } from '../../shared/format';
import type { Item, Pack } from '../../shared/pack/schema';
import { HEADLINE_VERDICTS, LABELS } from '../../shared/pack/vocabulary';
import type { Attempt } from '../../shared/progress';
import { verdictOf } from '../../shared/scoring';
import { DISCRIMINATION_NOTE_WORDS, RESULT_WORDS, type ItemFigures } from '../../shared/item-analysis';

const csvStringify = loadLater<typeof import('csv-stringify/sync')>('csv-stringify/sync');

export interface ReportCsv {
  /** One row per learner × pack. */
  learners: string;
  /** One row per attempt. */
  attempts: string;
  /** One row per exercise: the item analysis. */
  items: string;
}

type Cell = string | number | boolean | undefined;

const OPTIONS = {
  bom: true,
  header: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { boolean: (value: boolean) => (value ? 'true' : 'false') },
} as const;

export const LEARNER_COLUMNS = [
  'learner_id',
  'learner_name',
  'pack_id',
  'pack_title',
  'pack_version',
  'pack_license',
  'pack_credit',
  'versions_answered',
  'items_in_pack',
  'items_answered',
  'attempts',
  'review_attempts',
  'correct',
  'accuracy',
  'mean_score',
  'rounds_completed',
  ...LABELS.flatMap((label) => [
    `${label}_judged`,
    `${label}_accuracy`,
    `${label}_hit_rate`,
    `${label}_precision`,
    `${label}_d_prime`,
    `${label}_c`,
  ]),
  'first_answered_at',
  'last_answered_at',
  'total_time_s',
] as const;

/**
 * What a teacher reads first comes first: who, which pack and item, the claim, the right answer and
 * the learner's answer in words, the result. The ids, for joining tables or scripts, come last.
 */
export const ATTEMPT_COLUMNS = [
  'learner',
  'pack',
  'item',
  'type',
  'claim',
  'expected',
  'answer',
  'result',
  'confidence',
  'seconds',
  'answered_at',
  'round',
  'mode',
  'score',
  'labels',
  'options_shown',
  'learner_id',
  'pack_id',
  'pack_version',
  'item_id',
  'attempt_id',
  'app_version',
] as const;

/** How sure a learner said they were, in the words the learner chose from. */
const CONFIDENCE_WORDS: Readonly<Record<number, string>> = { 1: 'guessing', 2: 'fairly sure', 3: 'certain' };

/**
 * One row per exercise of each pack: the item analysis (`item-analysis.ts`). Then how many chose each
 * label (classify), verdict (headline) or option (source, in the pack's order; `choices` says which
 * option is which); empty where the item offers no such choice.
 */
export const ITEM_COLUMNS = [
  'pack',
  'item',
  'type',
  'claim',
  'expected',
  'answered',
  'right_share',
  'discrimination',
  'discrimination_note',
  'right',
  'partly',
  'wrong',
  'not_done',
  'choices',
  ...LABELS.map((label) => `chose_${label}`),
  ...HEADLINE_VERDICTS.map((verdict) => `chose_${verdict}`),
  ...Array.from({ length: MAX_SOURCE_OPTIONS }, (_, index) => `chose_option_${index + 1}`),
  'pack_id',
  'item_id',
] as const;

export interface CsvOptions {
  /** The IANA time zone the times are written in (the instructor's). */
  timeZone: string;
}

/**
 * `summary` gives the learner × pack rows (so the CSV matches the PDF); `data` gives the attempts,
 * limited to the summary's pack when it has one.
 */
export function buildCsv(summary: ClassSummary, data: ClassData, options: CsvOptions): ReportCsv {
  const at = (value: string | undefined) => (value === undefined ? undefined : localTimestamp(value, options.timeZone));
  const metaOf = new Map(data.packs.map((pack) => [pack.id, pack.meta]));
  const learnerRows = summary.rows.map((row): Cell[] => [
    row.learnerId,
    row.learnerName,
    row.packId,
    row.packTitle,
    row.packVersion,
    metaOf.get(row.packId)?.license,
    metaOf.get(row.packId)?.credit,
    row.versionsAnswered.join(' '),
    row.itemsInPack,
    row.itemsAnswered,
    row.attempts,
    row.reviewAttempts,
    row.correct,
    round(row.accuracy, 4),
    round(row.meanScore, 4),
    row.roundsCompleted,
    ...LABELS.flatMap((label) => labelCells(row.labels[label])),
    at(row.firstAnsweredAt),
    at(row.lastAnsweredAt),
    round(row.totalTimeMs / 1000, 1),
  ]);

  // Learners in the summary's order (by name), each one's attempts in the order answered.
  const byId = new Map(data.learners.map((learner) => [learner.learnerId, learner]));
  const packs = new Map(data.packs.map((pack) => [pack.id, { pack, items: itemTexts(pack) }]));
  const attemptRows: Cell[][] = [];
  for (const learner of summary.learners) {
    for (const attempt of byId.get(learner.learnerId)?.attempts ?? []) {
      if (summary.packId !== undefined && attempt.packId !== summary.packId) continue;
      attemptRows.push(attemptCells(attempt, learner.name, packs.get(attempt.packId), options.timeZone));
    }
  }

  const itemRows = summary.items.flatMap((pack) =>
    pack.items.map((item) => itemCells(pack.title, pack.packId, item, pack.grid.length)),
  );

  const { stringify } = csvStringify();
  return {
    learners: stringify(learnerRows, { ...OPTIONS, columns: [...LEARNER_COLUMNS] }),
    attempts: stringify(attemptRows, { ...OPTIONS, columns: [...ATTEMPT_COLUMNS] }),
    items: stringify(itemRows, { ...OPTIONS, columns: [...ITEM_COLUMNS] }),
  };
}

function itemCells(packTitle: string, packId: string, item: ItemFigures, learners: number): Cell[] {
  const chose = (ids: readonly string[]) =>
    ids.map((id) => (item.type === 'source' ? undefined : item.choices.find((choice) => choice.id === id)?.count));
  return [
    packTitle,
    item.number,
    kindOf(item.type).name,
    item.claim,
    item.expected,
    item.answered,
    round(item.rightShare, 4),
    round(item.discrimination, 3),
    item.discriminationNote === undefined ? undefined : DISCRIMINATION_NOTE_WORDS[item.discriminationNote],
    item.right,
    item.partly,
    item.wrong,
    learners - item.answered,
    item.choices.map((choice) => `“${choice.text}”${choice.right ? ' (right)' : ''}: ${choice.count}`).join('; '),
    ...chose(LABELS),
    ...chose(HEADLINE_VERDICTS),
    ...Array.from({ length: MAX_SOURCE_OPTIONS }, (_, index) =>
      item.type === 'source' ? item.choices[index]?.count : undefined,
    ),
    packId,
    item.itemId,
  ];
}

function labelCells(figures: LabelFigures): Cell[] {
  return [
    figures.total,
    round(figures.accuracy, 4),
    round(figures.hitRate, 4),
    round(figures.precision, 4),
    round(figures.dPrime, 3),
    round(figures.criterion, 3),
  ];
}

/** What the attempts table says of an item whatever the answer: its number in the pack, the claim, the right answer. */
interface ItemText {
  item: Item;
  number: number;
  claim: string;
  expected: string;
}

/** Each item's text by item id, worked out once per pack rather than once per attempt. */
function itemTexts(pack: Pack): Map<string, ItemText> {
  const texts = new Map<string, ItemText>();
  pack.items.forEach((item, index) => {
    // The first item with an id answers for it, as a search of the pack's items would.
    if (!texts.has(item.id))
      texts.set(item.id, { item, number: index + 1, claim: describeItem(item), expected: expectedAnswer(item) });
  });
  return texts;
}

function attemptCells(
  attempt: Attempt,
  learnerName: string,
  known: { pack: Pack; items: ReadonlyMap<string, ItemText> } | undefined,
  timeZone: string,
): Cell[] {
  const pack = known?.pack;
  const text = known?.items.get(attempt.itemId);
  const confidence = attempt.confidence ?? (attempt.answer.type === 'classify' ? attempt.answer.confidence : undefined);
  return [
    learnerName,
    pack?.meta.title ?? attempt.packId,
    text?.number,
    kindOf(attempt.itemType).name,
    text?.claim,
    text?.expected,
    answerWords(text?.item, attempt.answer, pack?.article.paragraphs ?? []),
    RESULT_WORDS[verdictOf(attempt)],
    confidence === undefined ? undefined : CONFIDENCE_WORDS[confidence],
    round(attempt.timeTakenMs / 1000, 1),
    localTimestamp(attempt.answeredAt, timeZone),
    attempt.round,
    attempt.mode ?? 'pack',
    round(attempt.score, 4),
    attempt.labels.map((outcome) => `${outcome.label}=${outcome.correct ? 'right' : 'wrong'}`).join('; '),
    describeShown(attempt.shown),
    attempt.learnerId,
    attempt.packId,
    attempt.packVersion,
    attempt.itemId,
    attempt.id,
    attempt.appVersion,
  ];
}

function round(value: number | undefined, decimals: number): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  // -0 would be written "0" anyway, but keep the cell a plain 0.
  return Object.is(rounded, -0) ? 0 : rounded;
}
