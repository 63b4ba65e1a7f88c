/**
 * What a column's values say about how to read them: the phone regions of a table (default and
 * candidates) and the day/month order of a date column. Pure; the inputs are sampled cells.
 */
import { domesticPlausible, hasCountryCode, lengthPossible, parsePhone, regionOfE164 } from '../fields/phone';
import type { CellValue, TypeContext } from '../fields/types';
import { valueText } from '../fields/util';

/** Regions tried for numbers without a country code: where ClientFlow's users mostly are. */
const TRIED = ['CN', 'US', 'GB', 'HK', 'TW', 'SG', 'JP', 'KR', 'IN', 'AU', 'CA', 'DE', 'FR', 'MY'] as const;
/** Share of the bare numbers a region must read as valid to become a candidate. */
const MIN_SHARE = 0.1;
const MAX_REGIONS = 5;
/** Numbers read per region: enough to tell where a table's numbers come from, cheap at any size. */
const SAMPLE = 400;
/**
 * Regions whose numbers have one fixed length per kind (11-digit mobiles in China, 10 digits in North
 * America…): one bare number valid there is evidence enough. Elsewhere (Germany's plan accepts many
 * lengths) a region must explain at least two numbers and a tenth of them.
 */
const STRICT_PLANS = new Set(['CN', 'US', 'CA', 'GB', 'HK', 'SG', 'AU']);

export interface PhoneRegions {
  /** Default first. */
  regions: string[];
  /** Numbers with a country code per region, and bare numbers valid per region (for the report). */
  withCode: Record<string, number>;
  bareValid: Record<string, number>;
}

/**
 * The candidate regions of a table's phone numbers: the regions its numbers with a country code belong
 * to, and the regions that explain (read as valid) at least a tenth of its numbers without one that no
 * region already chosen explains. The locale's
 * region (`ctx.region`) only decides when the numbers say nothing, and breaks ties, so a table's phones
 * are read the same whatever the user's interface language. Sorted by how many numbers each region
 * explains; the first is the default.
 */
export function inferPhoneRegions(samples: readonly CellValue[], ctx: TypeContext): PhoneRegions {
  const withCode = new Map<string, number>();
  const bareValid = new Map<string, number>();
  const bare: string[] = [];
  const step = Math.max(1, Math.floor(samples.length / SAMPLE));
  for (let k = 0; k < samples.length; k += step) {
    const v = samples[k];
    const s = typeof v === 'string' ? v : valueText(v);
    if (s.trim() === '') continue;
    if (hasCountryCode(s)) {
      const p = parsePhone(s, ctx) ?? parsePhone(s, { ...ctx, region: 'CN' });
      const r = p ? regionOfE164(p.e164) : null;
      if (r) withCode.set(r, (withCode.get(r) ?? 0) + 1);
    } else bare.push(s);
  }
  const tried = new Set<string>([...TRIED, ...withCode.keys(), ctx.region]);
  const validIn = new Map<string, boolean[]>();
  for (const r of tried) {
    const flags = bare.map((s) => domesticPlausible(s, r) && lengthPossible(s, r) && parsePhone(s, { ...ctx, region: r }) !== null);
    const n = flags.filter(Boolean).length;
    if (n > 0) { bareValid.set(r, n); validIn.set(r, flags); }
  }
  // Regions with numbers written with their country code, then (greedily) the region that explains
  // the most bare numbers no chosen region explains, while it explains enough of them: a permissive
  // numbering plan (Germany's) does not join just because it accepts numbers another region explains.
  const picked = [...withCode.keys()];
  const explained = bare.map((_, i) => picked.some((r) => validIn.get(r)?.[i] === true));
  const floor = Math.max(2, Math.ceil(bare.length * MIN_SHARE));
  for (const r of picked) validIn.get(r)?.forEach((f, i) => { if (f) explained[i] = true; });
  for (;;) {
    let best: string | null = null;
    let bestN = 0;
    for (const [r, flags] of validIn) {
      if (picked.includes(r)) continue;
      let n = 0;
      flags.forEach((f, i) => { if (f && !explained[i]) n++; });
      if (n < (STRICT_PLANS.has(r) ? 1 : floor)) continue;
      if (n > bestN || (n === bestN && n > 0 && r === ctx.region)) { best = r; bestN = n; }
    }
    if (best === null) break;
    picked.push(best);
    validIn.get(best)?.forEach((f, i) => { if (f) explained[i] = true; });
  }
  const score = (r: string) => (withCode.get(r) ?? 0) + (bareValid.get(r) ?? 0);
  picked.sort((a, b) => score(b) - score(a) || (a === ctx.region ? -1 : b === ctx.region ? 1 : a < b ? -1 : 1));
  const regions = picked.slice(0, MAX_REGIONS);
  if (regions.length === 0) regions.push(ctx.region);
  return { regions, withCode: Object.fromEntries(withCode), bareValid: Object.fromEntries(bareValid) };
}

export interface DateOrderReading {
  order: 'DMY' | 'MDY' | 'YMD';
  /** True when numeric dates like 03/04/2024 occur and nothing in the column decides their order. */
  ambiguous: boolean;
  /** True when the column writes both 13/04 (day first) and 04/13 (month first). */
  conflicting: boolean;
}

const NUMERIC = /^\s*(\d{1,2})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})(?:\s|$|T)/;
const YEAR_FIRST = /^\s*\d{4}\s*[-/.年]\s*\d{1,2}/;

/**
 * The day/month order of a date column: a first part above 12 (13/04/2024) says day first, a second
 * part above 12 (04/13/2024) month first. Without either, year-first writing (2024-04-03) says YMD
 * when that is all the column writes; otherwise `fallback` (the region's) is used and the column is
 * ambiguous when it holds numeric dates whose order matters.
 */
export function inferDateOrder(values: readonly CellValue[], fallback: DateOrderReading['order']): DateOrderReading {
  let dayFirst = 0;
  let monthFirst = 0;
  let undecided = 0;
  let yearFirst = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = NUMERIC.exec(v);
    if (m) {
      if (m[2] === '.') { dayFirst++; continue; }
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst++;
      else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst++;
      else if (a !== b) undecided++;
    } else if (YEAR_FIRST.test(v)) yearFirst++;
  }
  if (dayFirst > 0 || monthFirst > 0) {
    return { order: dayFirst >= monthFirst ? 'DMY' : 'MDY', ambiguous: false, conflicting: dayFirst > 0 && monthFirst > 0 };
  }
  if (undecided === 0 && yearFirst > 0) return { order: 'YMD', ambiguous: false, conflicting: false };
  const order = fallback === 'YMD' && undecided > 0 ? 'MDY' : fallback;
  return { order, ambiguous: undecided > 0, conflicting: false };
}
