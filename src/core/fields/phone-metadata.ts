/**
 * libphonenumber-js's metadata, inflated on first use. dist/Code.js is parsed at every Apps Script
 * execution (every onEdit included); the metadata ships as a deflated base64 string literal (see
 * dev/gen/phone-metadata.mjs), which costs nothing to parse, and is inflated and JSON-parsed only by an
 * execution that reads a phone. Pure: no Apps Script or Node API (Apps Script has no atob or TextDecoder).
 * tiny-inflate (3 KB, no work at load) rather than fflate, whose module builds its tables when the bundle
 * loads: measured +10 ms cpu on every execution.
 */
import inflate from 'tiny-inflate';
import type { MetadataJson } from 'libphonenumber-js/core';
import { PHONE_METADATA_LENGTH, PHONE_METADATA_PACKED } from './phone-metadata.packed';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with '=' padding) to bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = b64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)] as number;
    const b = lookup[clean.charCodeAt(i + 1)] as number;
    const c = lookup[clean.charCodeAt(i + 2)] as number;
    const d = lookup[clean.charCodeAt(i + 3)] as number;
    out[o++] = (a << 2) | (b >> 4);
    if (i + 2 < clean.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (i + 3 < clean.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out;
}

let cached: MetadataJson | null = null;

/** ASCII bytes to a string, in chunks (an argument list has a size limit). */
function asciiText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  return s;
}

/** The metadata (max, without national formats), inflated once per execution. */
export function phoneMetadata(): MetadataJson {
  if (!cached) {
    const bytes = inflate(base64ToBytes(PHONE_METADATA_PACKED), new Uint8Array(PHONE_METADATA_LENGTH));
    cached = JSON.parse(asciiText(bytes)) as MetadataJson;
  }
  return cached;
}
