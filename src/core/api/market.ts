/**
 * Sidebar endpoints of Help (getHelp), backups (listBackups, createBackup, restoreBackup) and
 * protected columns (getProtection, saveProtection). Served by src/addon/{help,backup,protect}/endpoints.ts.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';

export const helpContentSchema = lazy(() => z.object({
  about: z.string(),
  version: z.string(),
  actions: z.array(z.object({ fn: z.string(), label: z.string(), text: z.string() })),
  colors: z.array(z.object({ background: z.string(), fontColor: z.optional(z.string()), text: z.string() })),
  sections: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
}));

export const backupListSchema = lazy(() => z.object({
  keep: z.int(),
  backups: z.array(
    z.object({ id: z.int(), date: z.string(), sheetName: z.string(), sourceName: z.string(), rows: z.int() }),
  ),
}));

export const backupReportSchema = lazy(() => z.extend(backupListSchema, { message: z.string() }));

export const protectStateSchema = lazy(() => z.object({
  sheetName: z.string(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), letter: z.string(), protected: z.boolean() })),
  mode: z.enum(['warning', 'editors']),
  editors: z.array(z.string()),
}));

export const protectRequestSchema = lazy(() => z.object({
  columns: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(200)),
  mode: z.enum(['warning', 'editors']),
  editors: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(100)),
}));

export const marketEndpoints = {
  getHelp: endpoint(() => z.tuple([]), () => helpContentSchema),
  listBackups: endpoint(() => z.tuple([]), () => backupListSchema),
  createBackup: endpoint(() => z.tuple([]), () => backupReportSchema),
  restoreBackup: endpoint(() => z.tuple([z.int()]), () => backupReportSchema),
  getProtection: endpoint(() => z.tuple([]), () => protectStateSchema),
  saveProtection: endpoint(() => z.tuple([protectRequestSchema]), () => z.extend(protectStateSchema, { message: z.string() })),
};
