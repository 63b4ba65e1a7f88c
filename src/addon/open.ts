import { resolveLocale, t } from '../core/i18n';
import { MENU_ITEMS } from './menu';

/**
 * onOpen may run in AuthMode.NONE for an editor add-on: it must only build the menu, touching no
 * document data. Session.getActiveUserLocale() is allowed in every mode.
 * Ref: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const locale = resolveLocale(Session.getActiveUserLocale());
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if ('separator' in item) menu.addSeparator();
    else menu.addItem(t(locale, item.label), item.fn);
  }
  menu.addToUi();
}

/** Runs once when the user installs the add-on: show the menu right away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
