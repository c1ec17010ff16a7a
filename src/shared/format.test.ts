import { describe, expect, it } from 'vitest';
import { localDate, localMinute, localTimestamp } from './format';

describe('local times for reports', () => {
  it('writes the wall clock of the zone with its offset, summer and winter', () => {
    expect(localTimestamp('2026-01-15T13:30:12.345Z', 'Europe/Berlin')).toBe('2026-01-15T14:30:12+01:00');
    expect(localTimestamp('2026-07-15T13:30:12Z', 'Europe/Berlin')).toBe('2026-07-15T15:30:12+02:00');
    expect(localTimestamp('2026-07-15T13:30:12Z', 'America/St_Johns')).toBe('2026-07-15T11:00:12-02:30');
    expect(localTimestamp('2026-07-15T13:30:12Z', 'UTC')).toBe('2026-07-15T13:30:12+00:00');
  });

  it('names the zone for people, and gives the local day', () => {
    expect(localMinute('2026-01-15T23:30:00Z', 'Asia/Tokyo')).toBe('2026-01-16 08:30 (Asia/Tokyo, UTC+09:00)');
    expect(localDate('2026-01-15T23:30:00Z', 'Asia/Tokyo')).toBe('2026-01-16');
  });

  it('leaves a timestamp it cannot read as it was', () => {
    expect(localTimestamp('yesterday', 'UTC')).toBe('yesterday');
    expect(localMinute('yesterday', 'UTC')).toBe('yesterday');
  });
});

describe('local times across a change of offset', () => {
  /** Each moment formatted on its own, its offset read from its own parts: what `localTimestamp` must agree with. */
  function formattedAlone(time: number, format: Intl.DateTimeFormat): string {
    const parts = Object.fromEntries(format.formatToParts(time).map((part) => [part.type, Number(part.value)]));
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    const minutes = Math.round((wall - Math.floor(time / 1000) * 1000) / 60000);
    const abs = Math.abs(minutes);
    const offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${new Date(wall).toISOString().slice(0, 19)}${offset}`;
  }

  it('agrees with each moment formatted on its own, every few seconds around the changes', () => {
    const changes: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z'],
      ['Europe/Berlin', '2026-10-25T01:00:00Z'],
      ['America/St_Johns', '2026-03-08T05:30:00Z'],
      ['America/St_Johns', '2026-11-01T04:30:00Z'],
      // Half an hour of daylight saving time.
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
      ['Asia/Kolkata', '2026-03-29T01:00:00Z'],
    ];
    for (const [zone, at] of changes) {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      const change = Date.parse(at);
      // Every 7 s over the two hours around the change, then the seconds right at it, in a shuffled order.
      const moments = [
        ...Array.from({ length: 1030 }, (_, n) => change - 3_600_000 + n * 7_000 + (n % 1000)),
        ...Array.from({ length: 5 }, (_, n) => change - 2_000 + n * 1_000),
      ].sort((a, b) => (a % 13) - (b % 13) || a - b);
      for (const time of moments) {
        const value = new Date(time).toISOString();
        expect(localTimestamp(value, zone), `${zone} ${value}`).toBe(formattedAlone(time, format));
      }
    }
  });
});
