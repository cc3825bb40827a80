import { parseLocaleNumber } from '../../src/slack/form/reader';

describe('parseLocaleNumber', () => {
  test.each([
    ['3,5', 3.5],
    ['3.5', 3.5],
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['1\u202f000,25', 1000.25],
    ['12%', 12],
    ['12 %', 12],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['-4', -4],
    ['−4,5', -4.5],
    ['+7', 7],
    ['0', 0],
    ['42', 42],
    ['.5', 0.5],
  ] as const)('%j → %d', (text, expected) => {
    expect(parseLocaleNumber(text)).toBe(expected);
  });

  test.each(['abc', '', ' ', '3,5,6', '1.2.3,4,5', '12abc', 'NaN', 'Infinity', '1e5', '--3', '%'])('%j is not a number', (text) => {
    expect(parseLocaleNumber(text)).toBeNull();
  });
});
