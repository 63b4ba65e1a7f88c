/**
 * What each menu action does, in the user's words: one entry per menu function, next to nothing but
 * its text. The Help panel and the Help alert list the menu's items (src/addon/menu.ts, which holds only
 * items that work) and take each one's text from here, so a feature shows up in Help as soon as its
 * menu item exists, and an entry for a feature not in the build is never shown. A test fails when a
 * menu item has no entry here: adding a feature to Help is adding one line below (and its messages in
 * src/core/i18n/messages/help.ts).
 */
import type { MessageKey } from '../i18n';

export const ACTION_HELP: Readonly<Record<string, MessageKey>> = {
  menuOpenSidebar: 'help.action.openSidebar',
  menuSetUp: 'help.action.setUp',
  menuAdopt: 'help.action.adopt',
  menuValidateAll: 'help.action.validateAll',
  menuCleanUp: 'help.action.cleanUp',
  menuFindDuplicates: 'help.action.findDuplicates',
  menuBuildFunnel: 'help.action.buildFunnel',
  menuUndo: 'help.action.undo',
  menuBackUp: 'help.action.backUp',
  menuRestoreBackup: 'help.action.restoreBackup',
  menuProtectColumns: 'help.action.protectColumns',
  menuHelp: 'help.action.help',
};
