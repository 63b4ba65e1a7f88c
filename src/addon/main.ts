/**
 * The add-on's entry module. Every export is an Apps Script entry point (trigger, menu callback or
 * google.script.run target): build.mjs turns each into a top-level function declaration in dist/Code.js.
 * Export only functions from here. One module per feature.
 */
export { onOpen, onInstall } from './open';
export * from './setup/menu';
export * from './setup/endpoints';
export * from './adopt/menu';
export * from './adopt/endpoints';
export * from './shell/endpoints';
