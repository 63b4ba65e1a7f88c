import { resolveLayout, sequentialLayout } from '../../../src/core/table/layout';
import { templateSchema } from '../../../src/core/templates';

const schema = templateSchema('b2b', 'en');
const fields = schema.fields;
const headers = fields.map((f) => f.header);

describe('resolveLayout', () => {
  it('finds a fresh table by its headers', () => {
    const l = resolveLayout(fields, headers, []);
    expect(l.missing).toEqual([]);
    expect(l.columns).toEqual(sequentialLayout(fields).columns);
  });

  it('follows column metadata after the user moved and renamed columns', () => {
    // Stage moved to the front and renamed; the others shifted right by one.
    const stageIdx = fields.findIndex((f) => f.key === 'stage');
    const moved = ['Pipeline step', ...headers.filter((_, i) => i !== stageIdx)];
    const keys = ['stage', ...fields.filter((_, i) => i !== stageIdx).map((f) => f.key)];
    const meta = keys.map((key, i) => ({ column: i + 1, key }));
    const l = resolveLayout(fields, moved, meta);
    expect(l.columns.stage).toBe(1);
    expect(l.columns.clientId).toBe(2);
    expect(l.missing).toEqual([]);
    expect(l.notes).toContainEqual({ kind: 'renamed', key: 'stage', column: 1, header: 'Pipeline step' });
  });

  it('falls back to header text when metadata is gone, in any order, ignoring case and spaces', () => {
    const shuffled = ['  EMAIL ', 'Stage', 'Name', 'Client   ID'];
    const l = resolveLayout(fields, shuffled, []);
    expect(l.columns).toMatchObject({ email: 1, stage: 2, name: 3, clientId: 4 });
    expect(l.missing).toContain('phone');
  });

  it('matches a label in the other language (an English table whose header was typed in Chinese)', () => {
    const l = resolveLayout(fields, ['联系电话', '跟进阶段'], []);
    expect(l.columns).toMatchObject({ phone: 1, stage: 2 });
  });

  it('uses the first of duplicate headers, reports the rest, and never matches a blank header', () => {
    const l = resolveLayout(fields, ['Email', '', 'Email', 'Stage'], []);
    expect(l.columns.email).toBe(1);
    expect(l.columns.stage).toBe(4);
    expect(l.notes).toContainEqual({ kind: 'duplicateHeader', column: 3, header: 'Email' });
    expect(l.notes).toContainEqual({ kind: 'blankHeader', column: 2 });
    expect(Object.values(l.columns)).not.toContain(2);
  });

  it('prefers the column whose header matches when metadata was copied with a column', () => {
    // The user duplicated the Email column: both copies carry the metadata; the renamed copy loses.
    const l = resolveLayout(fields, ['Email (old)', 'Email'], [{ column: 1, key: 'email' }, { column: 2, key: 'email' }]);
    expect(l.columns.email).toBe(2);
  });

  it('ignores metadata naming a field the schema no longer has', () => {
    const l = resolveLayout(fields, ['Fax', 'Email'], [{ column: 1, key: 'fax' }]);
    expect(l.columns.email).toBe(2);
    expect(l.notes).toContainEqual({ kind: 'staleMetadata', column: 1, key: 'fax' });
  });
});
