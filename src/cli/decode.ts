/**
 * Bytes of a CSV file to text, never guessing silently: what Excel and Sheets write (UTF-8 with or
 * without a BOM, UTF-16 from Excel's "Unicode text", GBK/GB18030 from Excel on Chinese Windows, a
 * Western single-byte code page) is decoded with the encoding named; a file no encoding explains is
 * refused. No U+FFFD is ever produced that was not in the file: every decoder here is fatal.
 *
 * Order: a byte-order mark; UTF-16 without a mark (NUL bytes in every other position); strict UTF-8;
 * strict GB18030 when what it decodes is Chinese (a Latin-1 'Müller' is also valid GB18030 byte-wise,
 * but decodes to private-use characters); otherwise the single-byte code page chardet finds (its
 * language statistics tell windows-1252 from windows-1251 and the like), decoded by iconv-lite: Node 20's
 * TextDecoder reads 'windows-1252' as Latin-1 (0x93 → U+0093 instead of “). chardet and iconv-lite are
 * used by the CLI only: nothing of them reaches dist/Code.js.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary' | 'unknownEncoding' };

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of the non-ASCII characters of `text` that are Chinese: CJK ideographs, CJK and full-width punctuation. */
function chineseShare(text: string): number {
  let other = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) continue;
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x20000 && c <= 0x2fa1f) || c === 0xb7) cjk++;
    else other++;
  }
  return cjk + other === 0 ? 1 : cjk / (cjk + other);
}

/** UTF-16 without a BOM: in text that is mostly ASCII, every other byte is NUL. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const SINGLE_BYTE = /^(?:ISO-8859-\d+|windows-125\d|KOI8-R)$/i;

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strict('utf-8', bytes);
    return text === null ? { ok: false, reason: 'unknownEncoding' } : { ok: true, text, encoding: 'UTF-8 (BOM)' };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const enc = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(enc, bytes);
    return text === null ? { ok: false, reason: 'unknownEncoding' } : { ok: true, text, encoding: enc.toUpperCase() };
  }
  const u16 = utf16WithoutBom(bytes);
  if (u16) {
    const text = strict(u16, bytes);
    if (text !== null && !text.includes('\u0000')) return { ok: true, text, encoding: u16.toUpperCase() };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== null && chineseShare(gb) >= 0.9) return { ok: true, text: gb, encoding: 'GB18030' };
  // A Western (or Cyrillic, Greek…) single-byte code page, as chardet's statistics rank them.
  const guess = analyse(bytes).find((m) => SINGLE_BYTE.test(m.name));
  if (guess) {
    // ISO-8859-1 files from Windows are windows-1252 (its superset: curly quotes, the euro sign).
    const name = /^ISO-8859-1$/i.test(guess.name) ? 'windows-1252' : guess.name;
    if (iconv.encodingExists(name)) {
      const text = iconv.decode(Buffer.from(bytes), name);
      // A byte the code page leaves undefined (0x81 in windows-1252) comes out as U+FFFD: not this page.
      if (!/[\u0080-\u009f\ufffd]/.test(text)) return { ok: true, text, encoding: name };
    }
  }
  return { ok: false, reason: 'unknownEncoding' };
}
