/** Cleanup's words: why a value was left, what a kind of change is, in the user's language. */
import { issueMessage } from '../fields';
import type { IssueCode } from '../fields/types';
import { t, type Locale, type MessageKey } from '../i18n';
import type { ChangeKind, LeftCode } from './plan';

const OWN: Partial<Record<LeftCode, MessageKey>> = {
  otherCurrency: 'cleanup.left.otherCurrency',
  wouldBeFormula: 'cleanup.left.wouldBeFormula',
  digitsLost: 'cleanup.left.digitsLost',
};

export function leftMessage(locale: Locale, code: LeftCode, hint?: string): string {
  const own = OWN[code];
  if (own) return t(locale, own, { hint: hint ?? '' });
  return issueMessage(locale, code as IssueCode, hint ? { hint } : {});
}

export function kindLabel(locale: Locale, kind: ChangeKind): string {
  return t(locale, `cleanup.kind.${kind}` as MessageKey);
}
