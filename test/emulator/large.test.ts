import { createEmulator } from '../../dev/emulator';

describe('large pastes', () => {
  it('loads 150,000 rows (no argument spreading of rows)', () => {
    const emu = createEmulator();
    const rows = Array.from({ length: 150_000 }, (_, i) => [`client ${i}`, `c${i}@example.com`]);
    expect(() => emu.loadRows(rows)).not.toThrow();
    expect(emu.dataSize('Sheet1')).toEqual({ rows: 150_000, columns: 2 });
  });
});
