/**
 * libphonenumber-js's metadata, parsed on first use. dist/Code.js is parsed at every Apps Script
 * execution (every onEdit included); the metadata ships as one JSON string literal (see
 * dev/gen/phone-metadata.mjs), which costs next to nothing to parse, and is JSON-parsed only by an
 * execution that reads a phone (~0.5 ms). Measured against the earlier deflated base64 string: 67 KB
 * more in the bundle, 14-24 ms less cpu in every execution that reads a phone.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import { PHONE_METADATA_JSON } from './phone-metadata.data';

let cached: MetadataJson | null = null;

/** The metadata (max, without national formats), parsed once per execution. */
export function phoneMetadata(): MetadataJson {
  if (!cached) cached = JSON.parse(PHONE_METADATA_JSON) as MetadataJson;
  return cached;
}
