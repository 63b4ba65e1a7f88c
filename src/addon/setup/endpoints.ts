/** Sidebar endpoints of the table set-up (contract: src/core/api/setup.ts); the menu twin is ./menu.ts. */
import { t } from '../../core/i18n';
import { FIELD_TYPE_IDS } from '../../core/schema';
import { TEMPLATE_ORDER, spreadsheetDefaults, templateSchema } from '../../core/templates';
import { describeConfigProblem, loadConfig, repairConfig as repairStored, resetConfig } from '../config/store';
import { userLocale } from '../runtime/action';
import { UserError } from '../runtime/errors';
import { serve, serveChange } from '../runtime/serve';
import { setUpTable } from './setup';

export const getSetupState = serve('getSetupState', () => {
  const locale = userLocale();
  const stored = loadConfig();
  return {
    locale,
    templates: TEMPLATE_ORDER.map((id) => ({
      id,
      name: t(locale, `setup.template.${id}.name`),
      description: t(locale, `setup.template.${id}.description`),
    })),
    fieldTypes: FIELD_TYPE_IDS.map((id) => ({ id, name: t(locale, `setup.type.${id}`) })),
    schema: stored.ok ? stored.schema : null,
    configProblem: describeConfigProblem(stored, locale),
  };
});

export const previewTemplate = serve('previewTemplate', (id, locale) => {
  const ssLocale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  return templateSchema(id, locale, spreadsheetDefaults(ssLocale, locale));
});

export const applySetup = serveChange('applySetup', (schema, options) => setUpTable(schema, options?.target ?? 'auto', userLocale()));

export const repairConfig = serveChange('repairConfig', (remedy) => {
  const locale = userLocale();
  if (remedy === 'reset') {
    resetConfig();
    return { message: t(locale, 'config.reset'), schema: null };
  }
  const fixed = repairStored();
  if (!fixed) throw new UserError('config.cannotRepair');
  return { message: t(locale, 'config.repaired', { fields: fixed.fields.length }), schema: fixed };
});
