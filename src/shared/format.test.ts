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
