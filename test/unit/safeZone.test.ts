import { safeZone } from '../../src/time/dates';

describe('safeZone', () => {
  test.each([
    ['Europe/Oslo', 'Europe/Oslo'],
    ['America/New_York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['UTC', 'UTC'],
  ])('a valid IANA zone %s is kept', (zone, expected) => {
    expect(safeZone(zone, 'Europe/Oslo')).toBe(expected);
    // Asked again (answered from memory): the same.
    expect(safeZone(zone, 'Europe/Oslo')).toBe(expected);
  });

  test.each([null, undefined, '', 'Mars/Olympus', 'Oslo', 'GMT+25'])('%j falls back', (zone) => {
    expect(safeZone(zone, 'Europe/Oslo')).toBe('Europe/Oslo');
    expect(safeZone(zone, 'America/Chicago')).toBe('America/Chicago');
  });

  test('many distinct invalid names do not change the answers', () => {
    for (let i = 0; i < 2500; i += 1) expect(safeZone(`Nowhere/Place${i}`, 'UTC')).toBe('UTC');
    expect(safeZone('Europe/Oslo', 'UTC')).toBe('Europe/Oslo');
  });
});
