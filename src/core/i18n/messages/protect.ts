import { defineMessages } from '../define';

/** Protected columns (src/addon/protect, src/sidebar/panels/protect.ts). */
export const protectMessages = defineMessages(
  {
    'menu.protectColumns': 'Protect columns…',
    'protect.title': 'Protected columns',
    'protect.description': 'Protected column (ClientFlow): {header}',
    'protect.askColumns':
      'Columns of "{sheet}":\n{list}\n\nType the columns to protect (letters or names, separated by commas). Leave empty to protect none.',
    'protect.askEditors':
      'Who may change them? Type the email addresses of the editors allowed (separated by commas), or leave empty: then everyone may, after a warning.\n\nThe owner of the spreadsheet can always edit. Protection stops changes, not viewing.',
    'protect.unknownColumn': '"{column}" is not a column of the table. Nothing was changed.',
    'protect.badEmail': '"{email}" is not an email address. Nothing was changed.',
    'protect.done.none': 'No column of the table is protected now.',
    'protect.done.warning': 'Protected with a warning: {columns}. Anyone editing them is warned first.',
    'protect.done.editors': 'Protected: {columns}. Only {editors} (and the owner) may change them.',
    'protect.note': 'Sheets cannot hide these columns from people who can open the file.',
    'sidebar.protect.title': 'Protect',
    'sidebar.protect.intro':
      'Protect columns such as deal values. Sheets cannot hide them: anyone who can open the spreadsheet can still see them.',
    'sidebar.protect.mode.warning': 'Warn anyone who edits them',
    'sidebar.protect.mode.editors': 'Only these editors may change them',
    'sidebar.protect.editors': 'Editors (emails, separated by commas)',
    'sidebar.protect.save': 'Save protection',
  },
  {
    'menu.protectColumns': '保护列…',
    'protect.title': '受保护列',
    'protect.description': '受保护列（ClientFlow）：{header}',
    'protect.askColumns': '“{sheet}”的列：\n{list}\n\n请输入要保护的列（字母或列名，用逗号分隔）。留空表示不保护任何列。',
    'protect.askEditors':
      '谁可以修改这些列？请输入允许修改的编辑者邮箱（用逗号分隔），或留空：这样所有人都可以修改，但会先看到警告。\n\n表格所有者始终可以编辑。保护阻止的是修改，而不是查看。',
    'protect.unknownColumn': '“{column}”不是表格中的列。没有做任何改动。',
    'protect.badEmail': '“{email}”不是有效的邮箱地址。没有做任何改动。',
    'protect.done.none': '现在表格中没有受保护的列。',
    'protect.done.warning': '已加警告保护：{columns}。任何人修改前都会先看到警告。',
    'protect.done.editors': '已保护：{columns}。只有 {editors}（以及所有者）可以修改。',
    'protect.note': 'Google 表格无法对能打开文件的人隐藏这些列。',
    'sidebar.protect.title': '保护',
    'sidebar.protect.intro': '保护成交金额等列。Google 表格无法隐藏它们：能打开表格的人仍然可以看到。',
    'sidebar.protect.mode.warning': '任何人修改时给出警告',
    'sidebar.protect.mode.editors': '只有这些编辑者可以修改',
    'sidebar.protect.editors': '编辑者（邮箱，用逗号分隔）',
    'sidebar.protect.save': '保存保护设置',
  },
);
