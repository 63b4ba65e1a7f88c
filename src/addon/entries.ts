/** Menu callbacks, onEdit and sidebar API functions; filled in by the features. */
export function menuOpenSidebar(): void {
  throw new Error('not yet');
}
export function menuSetUp(): void {
  throw new Error('not yet');
}
export function menuAdopt(): void {
  throw new Error('not yet');
}
