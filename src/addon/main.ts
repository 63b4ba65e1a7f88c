/**
 * The add-on's entry module: the list of its entry points. Every export is an Apps Script entry point
 * (trigger, menu callback or google.script.run target): build.mjs turns each into a top-level function
 * declaration in dist/Code.js. Export only functions from here.
 *
 * One folder per feature: <feature>/menu.ts holds its menu entry and <feature>/endpoints.ts its sidebar
 * endpoints (the typed contracts are in src/core/api); both go through ./runtime (locale, document lock
 * around the change, translated errors).
 */
export { onOpen, onInstall } from './open';
export { menuOpenSidebar } from './shell/menu';
export { getBootstrap } from './shell/endpoints';
export { menuSetUp } from './setup/menu';
export { getSetupState, previewTemplate, applySetup, repairConfig } from './setup/endpoints';
export { menuValidateAll } from './check/menu';
export { validateTable, getCheckPage, goToCell } from './check/endpoints';
export { getFollowUps } from './followups/endpoints';
export { getClientForm, saveClientForm } from './form/endpoints';
export { menuAdopt } from './adopt/menu';
export { previewAdopt, applyAdopt } from './adopt/endpoints';
export { menuBuildFunnel } from './funnel/menu';
export { getFunnelSummary, buildFunnel } from './funnel/endpoints';
export { menuFindDuplicates } from './dedupe/menu';
export { getDuplicates, markNotDuplicates, mergeDuplicates, mergeGroups, removeFromGroup } from './dedupe/endpoints';
export { onEdit } from './edit/trigger';
export { menuCleanUp, menuUndo } from './cleanup/menu';
export { previewCleanup, applyCleanup, undoLastChange } from './cleanup/endpoints';
export { menuHelp } from './help/menu';
export { getHelp } from './help/endpoints';
export { menuBackUp, menuRestoreBackup } from './backup/menu';
export { listBackups, createBackup, restoreBackup } from './backup/endpoints';
export { menuProtectColumns } from './protect/menu';
export { getProtection, saveProtection } from './protect/endpoints';
