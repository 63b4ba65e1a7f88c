/** Menu entry points of the table set-up (issue 3). */
export function menuSetUp(): void {
  throw new Error('not yet');
}
