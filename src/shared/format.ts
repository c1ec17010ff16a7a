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
