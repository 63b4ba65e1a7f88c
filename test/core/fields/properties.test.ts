/**
 * Properties every field type must have, on arbitrary and on near-miss input:
 * - parse and normalize never throw, whatever the string (50,000 characters, control characters,
 *   formula injections, markup);
 * - cleaning is idempotent: normalizing what normalize wrote is 'unchanged' (both as the written value,
 *   as the add-on sees it from getValues, and as its text, as the CLI sees it in a CSV);
 * - cleaning keeps the meaning: parse(normalize(x)) equals parse(x).
 */
import fc from 'fast-check';
import { FIELD_TYPES, cellText, defaultContext } from '../../../src/core/fields';
import type { CellValue, FieldTypeDef, ParseResult, TypeContext } from '../../../src/core/fields';

const OPTIONS = [
  { label: 'Lead', color: '#fff' }, { label: 'Qualified', color: '#fff', variants: ['合格'] },
  { label: 'Closed won', color: '#fff', variants: ['成交'] }, { label: '已联系', color: '#fff' }, { label: '1', color: '#fff' },
];
const CONTEXTS: TypeContext[] = [
  defaultContext('en', { options: OPTIONS }),
  defaultContext('zh-CN', { options: OPTIONS }),
  defaultContext('en', { region: 'DE', timeZone: 'Europe/Berlin', options: OPTIONS }),
  defaultContext('en', { region: 'GB', timeZone: 'America/Los_Angeles', options: OPTIONS }),
];

/** Characters that sit on the edges of the grammars. */
const EDGY = [
  '0', '1', '2', '3', '5', '9', '.', ',', ' ', '-', '+', '(', ')', '%', '/', ':', '@', '=', 'a', 'E', 'e', 'k', 'm', 'x',
  '万', '亿', '元', '¥', '$', '€', '年', '月', '日', '点', '分', '下午', '＠', '。', '，', '１', '\u200B', '\u3000', '\n', '\t',
  'Jan', 'pm', 'T', 'Z', 'www.', '.com', 'https://', '用户', 'é', 'ext', '转', 'TRUE', 'yes', '是', '✓', 'Lead', 'qualifed',
  '\u0000', '"', "'", '<', '>', '#', '?', '&', '|', '\\', '💡',
];
const edgyString = fc.array(fc.constantFrom(...EDGY), { maxLength: 14 }).map((a) => a.join(''));

/** Realistic-but-messy values per family. */
const messyNumber = fc.tuple(
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', '¥', '$', 'RMB ', '€'), fc.constantFrom('', '元', ' USD', '万', 'k', '%'),
  fc.boolean(),
).map(([n, pre, post, group]) => {
  const body = group ? n.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(Number(n.toFixed(4)));
  return `${pre}${body}${post}`;
});
const messyDate = fc.tuple(
  fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
  fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 7 }),
).map(([y, m, d, hh, mm, form]) => {
  const M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  switch (form) {
    case 0: return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    case 1: return `${y}/${m}/${d} ${hh}:${String(mm).padStart(2, '0')}`;
    case 2: return `${y}年${m}月${d}日`;
    case 3: return `${d} ${M} ${y}`;
    case 4: return `${M} ${d}, ${y} ${(hh % 12) + 1}:${String(mm).padStart(2, '0')} PM`;
    case 5: return `${m}/${d}/${y}`;
    case 6: return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
    default: return `${y}年${m}月${d}日 下午${(hh % 12) + 1}点${mm}分`;
  }
});
const messyContact = fc.oneof(
  fc.emailAddress().map((e) => ` ${e.toUpperCase()}。`),
  fc.emailAddress(),
  fc.tuple(fc.constantFrom('+86 ', '', '0044 ', '+1 ', '（'), fc.stringMatching(/^[1-9][0-9]{6,11}$/), fc.constantFrom('', ' ext. 12', ' 转8')).map((p) => p.join('')),
  fc.webUrl().map((u) => u.replace(/^https?:\/\//, '')),
  fc.webUrl(),
);
const cellString = fc.oneof(
  { weight: 3, arbitrary: edgyString },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: messyNumber },
  { weight: 2, arbitrary: messyDate },
  { weight: 2, arbitrary: messyContact },
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: cellString },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date('1850-01-01'), max: new Date('2200-01-01'), noInvalidDate: false }) },
);

function sameMeaning(a: ParseResult, b: ParseResult): boolean {
  if (a.ok !== b.ok) return false;
  if (!a.ok || !b.ok) return true;
  if (a.value.kind === 'number' && b.value.kind === 'number') {
    const x = a.value.value;
    const y = b.value.value;
    return x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)); // percent text keeps 15 digits
  }
  return JSON.stringify(a.value) === JSON.stringify(b.value);
}

const types = Object.values(FIELD_TYPES);

describe.each(types.map((d) => [d.id, d] as [string, FieldTypeDef]))('%s', (_id, def) => {
  test('normalize is idempotent and keeps the meaning (as value and as CSV text)', () => {
    fc.assert(
      fc.property(cell, fc.constantFrom(...CONTEXTS), (raw, ctx) => {
        const before = def.parse(raw, ctx);
        const n = def.normalize(raw, ctx);
        if (n.status === 'invalid') {
          expect(before.ok).toBe(false);
          return;
        }
        expect(before.ok).toBe(true);
        if (n.status === 'unchanged') return;
        for (const written of [n.value, cellText(n.value)]) {
          expect(def.normalize(written, ctx)).toEqual({ status: 'unchanged' });
          const after = def.parse(written, ctx);
          if (!sameMeaning(before, after)) {
            throw new Error(`meaning changed: ${JSON.stringify(raw)} → ${JSON.stringify(written)}: ${JSON.stringify(before)} vs ${JSON.stringify(after)}`);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  // No wall-clock assertion (speed lives in the bench): catastrophic regex backtracking on these 50,000-character
  // strings would run for minutes, and the test's timeout below catches that as a failure.
  test('never throws on hostile or huge strings', () => {
    const hostile = [
      '=cmd|\' /C calc\'!A0', '=HYPERLINK("http://evil","x")', '+cmd|x', '-2+3', '@SUM(1)', '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>', '\u0000\u0001\u0002', '\uD800', '\uDFFF\uD800', '%s%n', '../../etc/passwd',
      'a'.repeat(50000), '1'.repeat(50000), ' '.repeat(50000), '@'.repeat(50000), `${'a.'.repeat(25000)}@x.com`,
      `${'1,'.repeat(25000)}1`, `${'(('.repeat(25000)}`, `${'a@'.repeat(25000)}`, `http://${'a.'.repeat(25000)}com`,
      `${'2024-'.repeat(10000)}`, `${'x '.repeat(25000)}`, `${'\n'.repeat(50000)}`, '1'.repeat(400) + 'e5',
    ];
    for (const ctx of CONTEXTS) {
      for (const s of hostile) {
        const p = def.parse(s, ctx);
        const n = def.normalize(s, ctx);
        expect(typeof p.ok).toBe('boolean');
        expect(['unchanged', 'changed', 'invalid']).toContain(n.status);
      }
    }
  }, 60_000);
});

test('no type throws on arbitrary full-unicode strings up to 50,000 characters', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 50000 }), (s) => {
      for (const def of types) {
        def.parse(s, CONTEXTS[1]);
        def.normalize(s, CONTEXTS[0]);
      }
    }),
    { numRuns: 10 },
  );
});
