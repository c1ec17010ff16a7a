/**
 * Figures as people read them, the same on every screen and in every report. Screens write `42 %`
 * and `—` for "none"; the printed report keeps the tighter `42%` and `–` of its tables.
 */
export type FigureStyle = 'screen' | 'print';

const NONE: Record<FigureStyle, string> = { screen: '—', print: '–' };

/** A share from 0 to 1 as a whole percentage, or a dash when there is none (not the same as 0 %). */
export function formatPercent(value: number | undefined, style: FigureStyle = 'screen'): string {
  if (value === undefined) return NONE[style];
  const whole = Math.round(value * 100);
  return style === 'screen' ? `${whole} %` : `${whole}%`;
}

/** A figure such as d′ or c to two decimals, or a dash when there is none. */
export function formatDecimal(value: number | undefined, style: FigureStyle = 'screen'): string {
  return value === undefined ? NONE[style] : value.toFixed(2);
}

/** The time zone this machine runs in (an IANA name such as `Europe/Berlin`): the instructor's, for reports. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A moment as the wall clock in `timeZone` shows it, with its offset from UTC:
 * `2026-03-05T14:30:12+01:00` (ISO 8601, so spreadsheets and scripts read it and the moment stays
 * exact). A timestamp that cannot be read comes back as it was.
 */
export function localTimestamp(value: string, timeZone: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const offset = offsetAt(time, timeZone);
  const wall = new Date(Math.floor(time / 1000) * 1000 + offset);
  return `${wall.toISOString().slice(0, 19)}${offsetText(offset)}`;
}

/** A moment for people to read, to the minute, with its zone named: `2026-03-05 14:30 (Europe/Berlin, UTC+01:00)`. */
export function localMinute(value: string, timeZone: string): string {
  const stamp = localTimestamp(value, timeZone);
  if (stamp === value) return value;
  return `${stamp.slice(0, 10)} ${stamp.slice(11, 16)} (${timeZone}, UTC${stamp.slice(19)})`;
}

/** The date part of `localTimestamp`: the day it was in `timeZone`. */
export function localDate(value: string, timeZone: string): string {
  return localTimestamp(value, timeZone).slice(0, 10);
}

/**
 * One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one, and a
 * class report formats two times for each of tens of thousands of attempts.
 */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

const HOUR_MS = 3_600_000;
/** The last moment a Date can hold. */
const LAST_MS = 8.64e15;

/**
 * Per time zone, the offset of each hour (UTC) met so far, or NaN for an hour in which the offset
 * changes. Even one formatter, asked for its parts, costs several microseconds a moment, and a zone's
 * offset changes only a few times a year: so the class report's tens of thousands of moments ask the
 * formatter twice an hour of answers, not twice a moment.
 */
const hourOffsets = new Map<string, Map<number, number>>();

/**
 * How far the wall clock in `timeZone` is ahead of UTC at `time`, in milliseconds (whole seconds).
 * An hour whose first and last second have the same offset has it throughout (no zone changes its
 * offset twice within an hour); the moments of an hour in which it changes are each asked for.
 */
function offsetAt(time: number, timeZone: string): number {
  let offsets = hourOffsets.get(timeZone);
  if (offsets === undefined) {
    offsets = new Map();
    hourOffsets.set(timeZone, offsets);
  }
  const hour = Math.floor(time / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const first = wallClockOffset(start, timeZone);
    offset = first === wallClockOffset(Math.min(start + HOUR_MS - 1000, LAST_MS), timeZone) ? first : Number.NaN;
    offsets.set(hour, offset);
  }
  return Number.isNaN(offset) ? wallClockOffset(time, timeZone) : offset;
}

/** The wall clock in `timeZone` at `time` (whole seconds) less the UTC time (whole seconds). */
function wallClockOffset(time: number, timeZone: string): number {
  return wallClock(time, timeZone).getTime() - Math.floor(time / 1000) * 1000;
}

/** The wall-clock time in `timeZone`, as a Date whose UTC fields carry it (whole seconds). */
function wallClock(time: number, timeZone: string): Date {
  let format = wallClockFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(time).map((part) => [part.type, Number(part.value)])) as Record<
    'year' | 'month' | 'day' | 'hour' | 'minute' | 'second',
    number
  >;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

function offsetText(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
