import type { MessageKey } from '../core/i18n';

/**
 * The add-on menu, as data. build.mjs checks that every `fn` here is an exported entry point of
 * main.ts. Only items that work go here (no placeholders).
 */
export type MenuItem = { fn: `menu${string}`; label: MessageKey } | { separator: true };

export const MENU_ITEMS: readonly MenuItem[] = [
  { fn: 'menuOpenSidebar', label: 'menu.openSidebar' },
  { separator: true },
  { fn: 'menuSetUp', label: 'menu.setUp' },
  { fn: 'menuValidateAll', label: 'menu.validateAll' },
  { fn: 'menuAdopt', label: 'menu.adopt' },
  { fn: 'menuCleanUp', label: 'menu.cleanUp' },
  { fn: 'menuBuildFunnel', label: 'menu.buildFunnel' },
  { fn: 'menuFindDuplicates', label: 'menu.findDuplicates' },
  { separator: true },
  { fn: 'menuUndo', label: 'menu.undo' },
  { fn: 'menuBackUp', label: 'menu.backUp' },
  { fn: 'menuRestoreBackup', label: 'menu.restoreBackup' },
  { fn: 'menuProtectColumns', label: 'menu.protectColumns' },
  { separator: true },
  { fn: 'menuHelp', label: 'menu.help' },
];
