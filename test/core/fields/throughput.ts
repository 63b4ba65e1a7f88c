/**
 * Throughput of parse per type on realistic column values (not a jest test: run with
 *   npx esbuild test/core/fields/throughput.ts --bundle --platform=node --outfile=/tmp/tp.js && node /tmp/tp.js
 * ). Inference and validate-all call parse on every cell: 100k rows × 20 columns = 2M calls.
 */
import { FIELD_TYPES, defaultContext } from '../../../src/core/fields';
import type { CellValue, FieldTypeId } from '../../../src/core/fields';

const ctx = defaultContext('zh-CN', {
  options: ['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'].map((label) => ({ label, color: '#fff' })),
});
const samples: Record<FieldTypeId, CellValue[]> = {
  text: ['Acme Ltd', '张三', 'Wang  Wei ', 'Beijing Trading Co.', ''],
  longText: ['Called, wants a demo next week.', '客户要求报价\n下周回访', ''],
  email: ['zhang.san@example.com', 'Li.Si@QQ.com ', 'wang@163.com', 'bad@', ''],
  phone: ['+8613800138000', '138-0013-8000', '(415) 555-0132', '+442079460958', ''],
  url: ['https://example.com', 'www.acme.cn', 'example.com/about', ''],
  number: [1200, '1,234', '12', 3, ''],
  currency: [1200, '¥1,200', '1.2万', '$3.5k', 99.5, ''],
  percent: [0.12, '12%', '0.5', ''],
  date: [new Date(Date.UTC(2024, 0, 4, 16)), '2024-01-05', '2024/1/5', '2024年1月5日', 'Jan 5, 2024', ''],
  dateTime: [new Date(Date.UTC(2024, 0, 4, 16)), '2024-01-05 14:30', '2024年1月5日 下午2:30', ''],
  checkbox: [true, false, 'yes', '是', ''],
  dropdown: ['Lead', 'Won', 'qualified', 'Qualifed', 'Lost', ''],
  autoId: ['C-000001', 'C-000002', ''],
  created: ['2024-01-05 14:30', new Date(Date.UTC(2024, 0, 4, 16))],
  updated: ['2024-01-05 14:30'],
  stageSince: ['2024-01-05', new Date(Date.UTC(2024, 0, 4, 16))],
};

const N = 400_000;

/** The i-th of many distinct phone numbers, in the forms people write. */
function distinctPhone(i: number): string {
  const n = String(10_000_000 + (i % 90_000_000)).slice(-8);
  switch (i % 4) {
    case 0: return `+86 138 ${n.slice(0, 4)} ${n.slice(4)}`;
    case 1: return `139-${n.slice(0, 4)}-${n.slice(4)}`;
    case 2: return `+8613${(i % 7) + 2}${n}`;
    default: return `(415) 555-${n.slice(4)}`;
  }
}
const rows: Array<{ type: string; parsePerSec: number; normalizePerSec: number }> = [];
for (const id of Object.keys(samples) as FieldTypeId[]) {
  const def = FIELD_TYPES[id];
  const vals = samples[id];
  // Same value mix in a long array, so the loop does not hit one string only.
  // Phones are memoized per distinct text, so they get distinct numbers (as in a real column).
  const arr: CellValue[] = Array.from({ length: 4096 }, (_, i) => (id === 'phone' ? distinctPhone(i) : vals[i % vals.length]));
  let sink = 0;
  for (let i = 0; i < 50_000; i++) sink += def.parse(arr[i & 4095], ctx).ok ? 1 : 0; // warm up
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sink += def.parse(id === 'phone' ? distinctPhone(i + 10_000) : arr[i & 4095], ctx).ok ? 1 : 0;
  const parseNs = Number(process.hrtime.bigint() - t0);
  t0 = process.hrtime.bigint();
  for (let i = 0; i < N / 4; i++) sink += def.normalize(id === 'phone' ? distinctPhone(i + 2_000_000) : arr[i & 4095], ctx).status.length;
  const normNs = Number(process.hrtime.bigint() - t0);
  rows.push({ type: id, parsePerSec: Math.round(N / (parseNs / 1e9)), normalizePerSec: Math.round(N / 4 / (normNs / 1e9)) });
  if (sink < 0) console.log(sink);
}
console.table(rows);
