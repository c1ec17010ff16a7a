/**
 * The class report as two CSV files: one row per learner × pack (`learners`) and one row per attempt
 * (`attempts`). Written with csv-stringify.
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
 *   Booleans are written true / false.
 * - `options_shown`: the order the learner saw the item's options in, as `options: c | a | d | b`
 *   (source option ids; `sourceOptions:` and the names for numbers); empty where the options are not
 *   shuffled (classify, find, headline) and for answers from before the order was kept.
 */
import { stringify } from 'csv-stringify/sync';
import { describeShown } from '../../shared/choice-order';
import type { ClassData } from '../../shared/class-data';
import { describeAnswer, type ClassSummary, type LabelFigures } from '../../shared/class-report';
import { LABELS } from '../../shared/pack/vocabulary';
import type { Attempt } from '../../shared/progress';

export interface ReportCsv {
  /** One row per learner × pack. */
  learners: string;
  /** One row per attempt. */
  attempts: string;
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

export const ATTEMPT_COLUMNS = [
  'attempt_id',
  'learner_id',
  'learner_name',
  'pack_id',
  'pack_version',
  'item_id',
  'item_type',
  'round',
  'mode',
  'answer',
  'options_shown',
  'confidence',
  'correct',
  'score',
  'labels',
  'time_taken_s',
  'answered_at',
  'app_version',
] as const;

/**
 * `summary` gives the learner × pack rows (so the CSV matches the PDF); `data` gives the attempts,
 * limited to the summary's pack when it has one.
 */
export function buildCsv(summary: ClassSummary, data: ClassData): ReportCsv {
  const learnerRows = summary.rows.map((row): Cell[] => [
    row.learnerId,
    row.learnerName,
    row.packId,
    row.packTitle,
    row.packVersion,
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
    row.firstAnsweredAt,
    row.lastAnsweredAt,
    round(row.totalTimeMs / 1000, 1),
  ]);

  // Learners in the summary's order (by name), each one's attempts in the order answered.
  const byId = new Map(data.learners.map((learner) => [learner.learnerId, learner]));
  const attemptRows: Cell[][] = [];
  for (const learner of summary.learners) {
    for (const attempt of byId.get(learner.learnerId)?.attempts ?? []) {
      if (summary.packId !== undefined && attempt.packId !== summary.packId) continue;
      attemptRows.push(attemptCells(attempt, learner.name));
    }
  }

  return {
    learners: stringify(learnerRows, { ...OPTIONS, columns: [...LEARNER_COLUMNS] }),
    attempts: stringify(attemptRows, { ...OPTIONS, columns: [...ATTEMPT_COLUMNS] }),
  };
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

function attemptCells(attempt: Attempt, learnerName: string): Cell[] {
  return [
    attempt.id,
    attempt.learnerId,
    learnerName,
    attempt.packId,
    attempt.packVersion,
    attempt.itemId,
    attempt.itemType,
    attempt.round,
    attempt.mode ?? 'pack',
    describeAnswer(attempt.answer),
    describeShown(attempt.shown),
    attempt.confidence ?? (attempt.answer.type === 'classify' ? attempt.answer.confidence : undefined),
    attempt.correct,
    round(attempt.score, 4),
    attempt.labels.map((outcome) => `${outcome.label}=${outcome.correct ? 'right' : 'wrong'}`).join('; '),
    round(attempt.timeTakenMs / 1000, 1),
    attempt.answeredAt,
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
