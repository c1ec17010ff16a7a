/** The two plain per-label figures in words, for the learner's tables and chart summaries. */
import type { LabelDiscernment } from '../../shared/discernment';

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;

/** "When a claim was X, how often you said X": "4 of 5 (80 %)". */
export function saidWhenItWas(d: LabelDiscernment): string {
  const was = d.hits + d.misses;
  return was === 0 ? 'no such claims yet' : `${d.hits} of ${was} (${percent(d.hits, was)})`;
}

/** "When you said X, how often it was X": "4 of 13 (31 %)". */
export function wasWhenYouSaid(d: LabelDiscernment): string {
  const said = d.hits + d.falseAlarms;
  return said === 0 ? 'you have not chosen it yet' : `${d.hits} of ${said} (${percent(d.hits, said)})`;
}
