/**
 * Telling company names from people's: the words and characters that mark a company ("Inc", "Ltd",
 * "有限公司", "集团"…). Adopt reads a lone client header (客户名称, Client) as the company when its values
 * carry them, and the duplicate finder compares such a "Name" column as companies.
 */

/** Marks of a company, on lowercased or folded text. */
export const ORG_MARK = /\b(inc|ltd|llc|corp|corporation|company|co|gmbh|plc|limited|group|holdings|restaurant|cafe|hotel|bank|university|association|foundation|institute|society|services|solutions|technologies|partners)\b|公司|集团|有限|工作室|商行|餐厅|酒店|银行|大学|协会/;

/** True when at least half of the non-empty values (and at least 3) read as company names. */
export function looksLikeCompanies(values: readonly string[]): boolean {
  let seen = 0;
  let marks = 0;
  for (const v of values) {
    const s = v.trim();
    if (!s) continue;
    seen++;
    if (ORG_MARK.test(s.toLowerCase())) marks++;
  }
  return seen >= 3 && marks * 2 >= seen;
}
