/**
 * The add-on's version: package.json's, put in by build.mjs at build time (esbuild `define`), so the
 * About line always names the release that runs. Outside a build (unit tests) it reads 'dev'.
 */
declare const __CLIENTFLOW_VERSION__: string | undefined;

export const VERSION: string = typeof __CLIENTFLOW_VERSION__ === 'string' ? __CLIENTFLOW_VERSION__ : 'dev';
