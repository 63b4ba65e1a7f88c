/** Sidebar endpoints of protected columns (contract: src/core/api/market.ts); the menu twin is ./menu.ts. */
import { columnLetter } from '../../core/fields/util';
import { resolveEditors } from '../../core/protect';
import { userLocale } from '../runtime/action';
import { UserError } from '../runtime/errors';
import { serve, serveChange } from '../runtime/serve';
import { currentSetting, saveProtection as save, tableContext, type TableContext } from './protect';
import type { ProtectSetting } from '../../core/protect';

function state(ctx: TableContext, s: ProtectSetting) {
  return {
    sheetName: ctx.sheet.getName(),
    columns: ctx.columns.map((c) => ({
      key: c.key,
      header: c.header,
      letter: columnLetter(c.column),
      protected: s.columns.includes(c.key),
    })),
    mode: s.mode,
    editors: s.editors,
  };
}

export const getProtection = serve('getProtection', () => state(tableContext(), currentSetting()));

export const saveProtection = serveChange('saveProtection', (req) => {
  const locale = userLocale();
  const e = resolveEditors(req.editors.join(','));
  if (!e.ok) throw new UserError('protect.badEmail', { email: e.token });
  const ctx = tableContext();
  const setting: ProtectSetting = {
    v: 1,
    columns: req.columns,
    mode: req.mode === 'editors' && e.emails.length > 0 ? 'editors' : 'warning',
    editors: req.mode === 'editors' ? e.emails : [],
  };
  const message = save(ctx, setting, locale);
  return { ...state(ctx, currentSetting()), message };
});
