/** Menu entry point: adopt an existing sheet of clients (issue 3). */
export function menuAdopt(): void {
  throw new Error('not yet');
}
