import { stamp } from '../../../src/core/backup';

describe('backup stamp', () => {
  it("names an instant by the spreadsheet's wall clock", () => {
    const at = new Date(Date.UTC(2026, 10, 30, 17, 5, 9));
    expect(stamp(at, 'Asia/Shanghai')).toBe('2026-12-01 01:05');
    expect(stamp(at, 'America/New_York', true)).toBe('2026-11-30 12:05:09');
    expect(stamp(at, 'UTC')).toBe('2026-11-30 17:05');
  });
});
