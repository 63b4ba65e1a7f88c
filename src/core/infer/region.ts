/**
 * The phone region a sheet's own numbers speak. The default region comes from the spreadsheet's
 * locale, but a team keeping Chinese clients in an en_US spreadsheet writes mobiles without +86
 * (138-0013-8000): read as US numbers, every one of them would be "invalid". When the phone columns'
 * numbers are clearly valid in another region and mostly not in the default one, that region is the
 * one the table's phones are read in (only the phone region: dates and currency keep the locale's).
 */
import { fieldType } from '../fields';
import type { CellValue, TypeContext } from '../fields/types';
import { inferSheet } from './registered';
import type { Inference, InferInput } from './infer';

/** Regions tried, besides the default: where ClientFlow's users mostly are. */
const CANDIDATES = ['CN', 'US', 'GB', 'HK', 'TW', 'SG', 'JP', 'KR', 'IN', 'AU', 'CA', 'DE', 'FR'] as const;
const SAMPLE = 400;

/** Share of the sampled phone cells that are valid numbers in `region`. */
function validShare(samples: readonly CellValue[], ctx: TypeContext, region: string): number {
  if (samples.length === 0) return 0;
  const phone = fieldType('phone');
  const rctx = { ...ctx, region };
  let ok = 0;
  for (const v of samples) if (phone.parse(v, rctx).ok) ok++;
  return ok / samples.length;
}

/** Up to SAMPLE non-empty cells, evenly spread, of the columns inferred as phone. */
function phoneSamples(grid: InferInput['grid'], inf: Inference): CellValue[] {
  const cols = inf.columns.filter((c) => c.type === 'phone').map((c) => c.column);
  const out: CellValue[] = [];
  if (cols.length === 0) return out;
  const rows = inf.dataEnd - inf.dataStart;
  const step = Math.max(1, Math.floor((rows * cols.length) / SAMPLE));
  let k = 0;
  for (let r = inf.dataStart; r < inf.dataEnd && out.length < SAMPLE; r++) {
    for (const c of cols) {
      if (k++ % step !== 0) continue;
      const v = grid[r]?.[c];
      if (v !== undefined && v !== '' && !(typeof v === 'string' && v.trim() === '')) out.push(v);
    }
  }
  return out;
}

/**
 * The region the sheet's phone numbers are written for: `ctx.region` unless another region reads at
 * least half of them and 30 points more than the default does.
 */
export function phoneRegionOf(grid: InferInput['grid'], inf: Inference, ctx: TypeContext): string {
  const samples = phoneSamples(grid, inf);
  if (samples.length < 5) return ctx.region;
  const base = validShare(samples, ctx, ctx.region);
  if (base >= 0.8) return ctx.region;
  let best = ctx.region;
  let bestShare = base;
  for (const r of CANDIDATES) {
    if (r === ctx.region) continue;
    const s = validShare(samples, ctx, r);
    if (s > bestShare) { best = r; bestShare = s; }
  }
  return bestShare >= 0.5 && bestShare >= base + 0.3 ? best : ctx.region;
}

/**
 * inferSheet, then the phone region read from the sheet's own numbers; when it differs from the
 * default, inference runs again with it (phone shares depend on the region).
 */
export function inferWithPhoneRegion(input: Omit<InferInput, 'types'>): { inference: Inference; ctx: TypeContext } {
  const first = inferSheet(input);
  if (first.headerRow === null) return { inference: first, ctx: input.ctx };
  const region = phoneRegionOf(input.grid, first, input.ctx);
  if (region === input.ctx.region) return { inference: first, ctx: input.ctx };
  const ctx = { ...input.ctx, region };
  return { inference: inferSheet({ ...input, ctx }), ctx };
}
