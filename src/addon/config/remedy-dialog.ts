/** The config problem dialog of the menus (the sidebar shows the same remedies in its Setup panel). */
import { t, type Locale } from '../../core/i18n';
import { underDocumentLock } from '../runtime/action';
import { describeConfigProblem, loadConfig, repairConfig, resetConfig } from './store';

/**
 * When the stored config cannot be read, say so and offer the way out: YES repair, NO reset,
 * CANCEL leave it (only YES reset / NO leave when nothing can be kept). Returns true when the config
 * is usable afterwards (or there is none). The repair or reset runs under the document lock, after
 * the dialog.
 */
export function offerConfigRemedy(locale: Locale): boolean {
  const problem = describeConfigProblem(loadConfig(), locale);
  if (!problem) return true;
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (problem.remedies.includes('repair')) {
    const b = ui.alert(t(locale, 'config.title'), `${problem.message}\n\n${t(locale, 'config.remedy.both')}`, ui.ButtonSet.YES_NO_CANCEL);
    if (b === ui.Button.YES) {
      const fixed = underDocumentLock(() => repairConfig());
      ss.toast(fixed ? t(locale, 'config.repaired', { fields: fixed.fields.length }) : t(locale, 'config.cannotRepair'), t(locale, 'config.title'));
      return fixed !== null;
    }
    if (b === ui.Button.NO) { underDocumentLock(() => resetConfig()); ss.toast(t(locale, 'config.reset'), t(locale, 'config.title')); return true; }
  } else {
    const b = ui.alert(t(locale, 'config.title'), `${problem.message}\n\n${t(locale, 'config.remedy.reset')}`, ui.ButtonSet.YES_NO);
    if (b === ui.Button.YES) { underDocumentLock(() => resetConfig()); ss.toast(t(locale, 'config.reset'), t(locale, 'config.title')); return true; }
  }
  ss.toast(t(locale, 'config.left'), t(locale, 'config.title'));
  return false;
}

