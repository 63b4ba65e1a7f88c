import { defineMessages } from '../define';

/** Strings of "Find duplicates" (menu, alert, Duplicates panel). Keys start with 'dedupe.'. */
export const dedupeMessages = defineMessages(
  {
    'dedupe.title': 'Find duplicates',
    'dedupe.error.noTable': 'There is no ClientFlow table yet. Set one up or adopt a sheet first.',
    'dedupe.error.empty': 'The table on “{sheet}” has no rows to compare.',
    'dedupe.none': 'No duplicates among the {rows} rows of “{sheet}”. Nothing was changed.',
    'dedupe.summary':
      'Found {groups, plural, one {# group} other {# groups}} of duplicates ({dupRows} rows) among the {rows} rows of “{sheet}”: {sure} surely the same client, {review} to review. Their rows are colored and the column “{column}” gives each group’s ID (D1, D2…). No value was changed.',
    'dedupe.notDuplicates': '{count, plural, one {# pair marked “not duplicates” was} other {# pairs marked “not duplicates” were}} left out.',
    'dedupe.panel.intro': 'Rows that seem to be the same client, with why. Nothing is changed here; “Find duplicates” in the menu colors the groups.',
    'dedupe.panel.load': 'Find duplicates',
    'dedupe.panel.none': 'No duplicates found.',
    'dedupe.panel.group': 'Group {id} · {band} · score {score}%',
    'dedupe.panel.band.sure': 'same client',
    'dedupe.panel.band.review': 'please review',
    'dedupe.panel.agreed': 'Agreed: {list}',
    'dedupe.panel.differed': 'Differed: {list}',
    'dedupe.panel.row': 'Row',
    'dedupe.panel.notDuplicates': 'Not duplicates',
    'dedupe.panel.merge': 'Merge',
    'dedupe.merge.why': 'Merged into client {id}',
    'dedupe.merge.changed': 'The table changed since the duplicates were found: these rows are no longer one group. Nothing was merged; find the duplicates again.',
  },
  {
    'dedupe.title': '查找重复客户',
    'dedupe.error.noTable': '还没有 ClientFlow 客户表。请先新建客户流程表或接管当前工作表。',
    'dedupe.error.empty': '“{sheet}”上的表格没有可比较的行。',
    'dedupe.none': '“{sheet}”的 {rows} 行中没有重复客户。未做任何修改。',
    'dedupe.summary':
      '在“{sheet}”的 {rows} 行中找到 {groups} 组重复客户（共 {dupRows} 行）：{sure} 组确定是同一客户，{review} 组需要复核。这些行已标色，“{column}”列给出每组的编号（D1、D2…）。没有修改任何值。',
    'dedupe.notDuplicates': '已排除 {count} 对标记为“不是重复”的记录。',
    'dedupe.panel.intro': '看起来是同一客户的行及其依据。这里不做任何修改；菜单中的“查找重复客户”会为各组标色。',
    'dedupe.panel.load': '查找重复客户',
    'dedupe.panel.none': '没有找到重复客户。',
    'dedupe.panel.group': '第 {id} 组 · {band} · 相似度 {score}%',
    'dedupe.panel.band.sure': '同一客户',
    'dedupe.panel.band.review': '请复核',
    'dedupe.panel.agreed': '一致：{list}',
    'dedupe.panel.differed': '不同：{list}',
    'dedupe.panel.row': '行',
    'dedupe.panel.notDuplicates': '不是重复',
    'dedupe.panel.merge': '合并',
    'dedupe.merge.why': '已合并到客户 {id}',
    'dedupe.merge.changed': '找到重复客户之后表格已有改动：这些行不再是一组。未做合并；请重新查找重复客户。',
  },
);
