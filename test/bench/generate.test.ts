/**
 * The bench's table generator: deterministic for a seed, varied across seeds, messy in the ways real
 * client sheets are, with hostile cells, and with a planted-duplicate truth that is both consistent
 * (rows of a cluster share a phone or an email up to formatting) and complete (rows of different
 * clients never share one).
 */
import { COLUMN_KEYS, HEADERS, createTable, generateTable, type GeneratedTable } from '../../bench/generate';
import { HOSTILE } from '../../bench/vocab';

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** The same email up to formatting: trimmed, lower case. Only well-formed-looking addresses count. */
function emailKey(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[a-z.]+$/.test(s) ? s : null;
}

/** The same phone up to formatting: its last 8 digits (full-width digits folded), if it has 8 or more. */
function phoneKey(raw: string): string | null {
  const digits = raw.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
  return digits.length >= 8 ? digits.slice(-8) : null;
}

function col(t: GeneratedTable, key: (typeof COLUMN_KEYS)[number]): string[] {
  const i = COLUMN_KEYS.indexOf(key);
  return t.rows.map((r) => r[i] ?? '');
}

describe('generateTable', () => {
  const t = generateTable({ rows: 5000, seed: 7 });

  it('gives the same table for the same seed, and the same rows when streamed one by one', () => {
    const again = generateTable({ rows: 5000, seed: 7 });
    expect(again).toEqual(t);
    const stream = createTable({ rows: 5000, seed: 7 });
    for (const i of [0, 1, 17, 2500, 4999]) expect(stream.rowAt(i)).toEqual(t.rows[i]);
    expect(stream.truth).toEqual(t.truth);
  });

  it('gives a different table for another seed', () => {
    const other = generateTable({ rows: 5000, seed: 8 });
    let same = 0;
    other.rows.forEach((r, i) => {
      if (JSON.stringify(r) === JSON.stringify(t.rows[i])) same++;
    });
    expect(same).toBeLessThan(50);
    expect(other.truth).not.toEqual(t.truth);
  });

  it('has 20 columns with English/Chinese headers and one row per requested client', () => {
    expect(t.header).toHaveLength(20);
    expect(t.rows).toHaveLength(5000);
    for (const r of t.rows) expect(r).toHaveLength(20);
    expect(t.header.some((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
    expect(t.header.some((h) => /^[A-Za-z -]+$/.test(h))).toBe(true);
    expect(generateTable({ rows: 3, seed: 1, headerLocale: 'zh' }).header).toEqual(COLUMN_KEYS.map((k) => HEADERS[k][1]));
    const narrow = generateTable({ rows: 10, seed: 1, columns: ['name', 'phone'], headerLocale: 'en' });
    expect(narrow.header).toEqual(['Name', 'Phone']);
    expect(narrow.rows.every((r) => r.length === 2)).toBe(true);
    expect(generateTable({ rows: 10, seed: 1, columns: 5 }).header).toHaveLength(5);
  });

  it('plants clusters whose rows share a phone or an email up to formatting', () => {
    const emails = col(t, 'email');
    const phones = col(t, 'phone');
    expect(t.truth.length).toBeGreaterThan(100);
    const seen = new Set<number>();
    let copies = 0;
    for (const cluster of t.truth) {
      expect(cluster.length).toBeGreaterThanOrEqual(2);
      expect([...cluster].sort((a, b) => a - b)).toEqual(cluster);
      copies += cluster.length - 1;
      for (const i of cluster) {
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(5000);
        expect(seen.has(i)).toBe(false);
        seen.add(i);
      }
      const pk = cluster.map((i) => phoneKey(phones[i] ?? ''));
      const ek = cluster.map((i) => emailKey(emails[i] ?? ''));
      const samePhone = pk[0] !== null && pk.every((k) => k === pk[0]);
      const sameEmail = ek[0] !== null && ek.every((k) => k === ek[0]);
      expect({ cluster, rows: cluster.map((i) => [phones[i], emails[i]]), ok: samePhone || sameEmail }).toMatchObject({ ok: true });
    }
    // About 6% of rows are extra copies.
    expect(copies).toBe(Math.round(5000 * 0.06));
  });

  it('never gives two different clients the same phone or email (the truth is complete)', () => {
    const clusterOf = new Map<number, number>();
    t.truth.forEach((c, id) => c.forEach((i) => clusterOf.set(i, id)));
    const owner = (i: number) => clusterOf.get(i) ?? -1 - i;
    for (const [values, key] of [[col(t, 'phone'), phoneKey], [col(t, 'email'), emailKey]] as const) {
      const first = new Map<string, number>();
      values.forEach((v, i) => {
        const k = key(v);
        if (k === null) return;
        const j = first.get(k);
        if (j === undefined) first.set(k, i);
        else expect({ k, a: owner(j), b: owner(i) }).toEqual({ k, a: owner(i), b: owner(i) });
      });
    }
  });

  it('writes duplicates differently: Zhang Wei / 张伟 style name pairs, email case and spacing, phone formats', () => {
    const names = col(t, 'name');
    const emails = col(t, 'email');
    const phones = col(t, 'phone');
    const cjk = /[\u4e00-\u9fff]/;
    const mixedScript = t.truth.filter((c) => c.some((i) => cjk.test(names[i] ?? '')) && c.some((i) => /^[A-Za-z ,.]+$/.test((names[i] ?? '').trim())));
    expect(mixedScript.length).toBeGreaterThan(5);
    const differentlyWritten = (values: string[]) => t.truth.filter((c) => new Set(c.map((i) => values[i])).size > 1 && c.every((i) => (values[i] ?? '') !== '')).length;
    expect(differentlyWritten(emails)).toBeGreaterThan(20);
    expect(differentlyWritten(phones)).toBeGreaterThan(20);
  });

  it('is messy the way real client sheets are', () => {
    const all = (key: (typeof COLUMN_KEYS)[number]) => col(t, key).join('\u0001');
    const emails = all('email');
    expect(emails).toMatch(/＠/); // full-width at sign
    expect(emails).toMatch(/@[\s\S]*。/); // trailing Chinese full stop
    expect(col(t, 'email').some((e) => e !== '' && !e.includes('@') && !e.includes('＠') && e.includes('.'))).toBe(true); // missing @
    expect(col(t, 'email').some((e) => e !== e.trim())).toBe(true);
    const phones = all('phone');
    for (const re of [/\+86 1\d\d \d{4} \d{4}/, /1\d\d-\d{4}-\d{4}/, /\(\d{3}\) \d{3}-\d{4}/, /\+44 20 \d{4} \d{4}/, /0044 /, /[０-９]{11}/, /N\/A|无|unknown/]) {
      expect(phones).toMatch(re);
    }
    const dates = all('lastContact') + all('nextFollowUp');
    for (const re of [/20\d\d-\d\d-\d\d/, /20\d\d\/\d{1,2}\/\d{1,2}/, /20\d\d年\d{1,2}月\d{1,2}日/, /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d/, /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, 20\d\d/, /\d\d\/\d\d\/20\d\d/, /TBD|next week|下周|2024-13-45/]) {
      expect(dates).toMatch(re);
    }
    const stages = new Set(col(t, 'stage'));
    for (const s of ['Won', 'won ', '成交', 'Closed Won', 'Lost', '线索']) expect(stages.has(s)).toBe(true);
    const money = all('dealValue');
    for (const re of [/¥\d{1,3}(,\d{3})+/, /\$\d+(\.\d+)?k/, /\d+(\.\d+)?万/, /\d+元/]) expect(money).toMatch(re);
    const notes = col(t, 'notes');
    expect(notes.some((n) => n.includes('\n'))).toBe(true);
    expect(notes.some((n) => n.includes('"') && n.includes(','))).toBe(true);
    expect(col(t, 'code').some((c) => /^0\d+$/.test(c))).toBe(true); // '00123': leading zeros to keep
    expect(col(t, 'name').some((n) => cjkName(n)) && col(t, 'name').some((n) => /^[A-Z][a-z]+ [A-Z]/.test(n))).toBe(true);
  });

  it('carries hostile cells, even in small tables', () => {
    const cells = t.rows.flat();
    for (const h of HOSTILE) expect(cells).toContain(h);
    const small = generateTable({ rows: 200, seed: 3 }).rows.flat();
    const hostile = small.filter((c) => HOSTILE.includes(c));
    expect(hostile.length).toBeGreaterThanOrEqual(4);
  });

  it('streams large tables: a 500,000-row source is planned at once and any row is made on demand', () => {
    const big = createTable({ rows: 500_000, seed: 11 });
    expect(big.truth.length).toBeGreaterThan(10_000);
    const last = big.rowAt(499_999);
    expect(last).toHaveLength(20);
    expect(big.rowAt(499_999)).toEqual(last);
    expect(() => big.rowAt(500_000)).toThrow(RangeError);
  });
});

function cjkName(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,4}$/.test(s);
}
