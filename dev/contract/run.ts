/**
 * Runs the contract suite on the emulator: the person steps through `personEdit` (their events
 * recorded by the same `recordEdit` the real kit's onEdit calls, in LIMITED mode as a simple trigger
 * runs), then every claim, under the add-on's own manifest scopes.
 */
import manifest from '../../appsscript.json';
import { createEmulator, EditRejected } from '../emulator';
import { type ContractEnv, type ContractReport, PERSON_STEPS, preparePersonSheet, recordEdit, runClaims } from './claims';

export function runContractOnEmulator(): ContractReport {
  const emu = createEmulator({ oauthScopes: manifest.oauthScopes, spreadsheetLocale: 'en_US' });
  const env = emu.globals as unknown as ContractEnv;
  emu.setAuthMode('FULL');
  preparePersonSheet(env);
  emu.activateSheet('contract-person');
  for (const step of PERSON_STEPS) {
    let e;
    try {
      e = emu.personEdit(step.action);
    } catch (err) {
      if (err instanceof EditRejected) continue; // Sheets shows its dialog; no onEdit
      throw err;
    }
    emu.setAuthMode('LIMITED');
    try {
      recordEdit(env, e);
    } finally {
      emu.setAuthMode('FULL');
    }
  }
  return runClaims(env);
}
