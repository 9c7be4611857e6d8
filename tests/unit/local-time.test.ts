// The claims table's local time is written by hand (Intl's first call loads ICU data in the task that paints the
// first decoded token): the date, the time and the UTC offset of the zone the user is in.
import { afterEach, describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../src/components/ClaimsTable';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('formatLocalTime', () => {
  it('writes the local date, time and offset', () => {
    process.env.TZ = 'UTC';
    expect(formatLocalTime(1_700_000_000_000)).toBe('2023-11-14 22:13:20 (UTC+00:00)');
    process.env.TZ = 'Asia/Kolkata';
    expect(formatLocalTime(1_700_000_000_000)).toBe('2023-11-15 03:43:20 (UTC+05:30)');
    process.env.TZ = 'America/St_Johns';
    expect(formatLocalTime(1_700_000_000_000)).toBe('2023-11-14 18:43:20 (UTC-03:30)');
  });

  it('says so when the instant is outside what a Date can hold', () => {
    expect(formatLocalTime(1e20)).toBe('not a representable date');
  });
});
