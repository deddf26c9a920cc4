import { formatSlot, sameSlot, toInstant, toLocalInput } from './time';

const slot = { start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:30:00Z' };

describe('exchange times', () => {
  it("shows one slot as each city's own wall-clock time", () => {
    const amsterdam = formatSlot(slot, 'en', 'Europe/Amsterdam');
    const chengdu = formatSlot(slot, 'en', 'Asia/Shanghai');
    expect(amsterdam).toMatch(/10:00/);
    expect(amsterdam).toMatch(/11:30/);
    expect(chengdu).toMatch(/5:00/);
    expect(chengdu).toMatch(/6:30/);
    expect(chengdu).toMatch(/PM/);
    expect(amsterdam).not.toEqual(chengdu);
  });

  it('shows the day in the city of the reader, which differs near midnight', () => {
    const late = { start: '2026-12-08T20:00:00Z', end: '2026-12-08T21:00:00Z' };
    expect(formatSlot(late, 'en', 'Europe/Amsterdam')).toMatch(/Dec 8/);
    expect(formatSlot(late, 'en', 'Asia/Shanghai')).toMatch(/Dec 9/);
  });

  it('writes Chinese dates for Chinese readers', () => {
    expect(formatSlot(slot, 'zh-CN', 'Asia/Shanghai')).toMatch(/12月8日/);
  });

  it('falls back to the reader\'s zone for an unknown zone name instead of failing', () => {
    expect(formatSlot(slot, 'en', 'Mars/Olympus')).toMatch(/2026/);
  });

  it('sends what was typed in the browser as UTC instants, and reads them back', () => {
    const instant = toInstant('2026-12-08T10:00');
    expect(instant).toBe(new Date(2026, 11, 8, 10, 0).toISOString());
    expect(instant.endsWith('Z')).toBe(true);
    expect(toLocalInput(instant)).toBe('2026-12-08T10:00');
    expect(toInstant('')).toBe('');
    expect(toInstant('tomorrow')).toBe('');
  });

  it('compares slots by instant, whatever their precision', () => {
    expect(sameSlot(slot, { start: '2026-12-08T09:00:00.000Z', end: '2026-12-08T10:30:00.000Z' })).toBe(true);
    expect(sameSlot(slot, { start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:00:00Z' })).toBe(false);
  });
});
