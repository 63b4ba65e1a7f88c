import { defineMessages } from '../define';

/** Backups of the table (src/addon/backup, src/sidebar/panels/backup.ts). */
export const backupMessages = defineMessages(
  {
    'menu.backUp': 'Back up the table',
    'menu.restoreBackup': 'Restore a backup…',
    'backup.title': 'Backups',
    'backup.sheetName': 'ClientFlow backup {date}',
    'backup.done': 'Backed up {rows, plural, one {# row} other {# rows}} to the hidden sheet "{sheet}". Backups kept: {count} of {keep}.',
    'backup.removedOldest': 'The oldest backup ({date}) was removed.',
    'backup.none': 'There is no backup yet. Use "Back up the table" first.',
    'backup.choose':
      'Backups, newest first:\n{list}\n\nType the number of the backup to put back. The table as it is now is backed up first.',
    'backup.item': '{n}. {date}: {rows, plural, one {# row} other {# rows}} of "{sheet}"',
    'backup.badChoice': '"{answer}" is not one of the numbers listed. Nothing was changed.',
    'backup.restored':
      'The backup of {date} is back in "{sheet}" ({rows, plural, one {# row} other {# rows}}). The table as it was is saved as the backup "{safety}".',
    'backup.gone': 'That backup is no longer in the spreadsheet (its sheet was deleted).',
    'backup.noTable': 'There is no ClientFlow table in this spreadsheet yet: set one up or adopt a sheet first.',
    'backup.tooLarge':
      'The table has {cells} cells; a backup copy would take the spreadsheet past the 10-million-cell limit of Sheets. Nothing was changed.',
    'sidebar.backup.title': 'Backups',
    'sidebar.backup.intro': 'A backup copies the table with its settings to a hidden sheet of this spreadsheet. The last {keep} are kept.',
    'sidebar.backup.now': 'Back up now',
    'sidebar.backup.restore': 'Restore',
    'sidebar.backup.empty': 'No backup yet.',
    'sidebar.backup.confirm': 'Put back the backup of {date}? The table as it is now is backed up first.',
  },
  {
    'menu.backUp': '备份表格',
    'menu.restoreBackup': '恢复备份…',
    'backup.title': '备份',
    'backup.sheetName': 'ClientFlow 备份 {date}',
    'backup.done': '已将 {rows} 行备份到隐藏工作表“{sheet}”。已保留备份：{count} / {keep} 份。',
    'backup.removedOldest': '最早的备份（{date}）已删除。',
    'backup.none': '还没有备份。请先使用“备份表格”。',
    'backup.choose': '备份（最新的在前）：\n{list}\n\n请输入要恢复的备份编号。恢复前会先备份当前的表格。',
    'backup.item': '{n}. {date}：“{sheet}”的 {rows} 行',
    'backup.badChoice': '“{answer}”不是列出的编号之一。没有做任何改动。',
    'backup.restored': '{date} 的备份已恢复到“{sheet}”（{rows} 行）。恢复前的表格已保存为备份“{safety}”。',
    'backup.gone': '这份备份已不在表格中（它的工作表已被删除）。',
    'backup.noTable': '这个表格中还没有 ClientFlow 表：请先新建客户表或接管一个工作表。',
    'backup.tooLarge': '表格有 {cells} 个单元格；备份副本会使整个表格超过 Sheets 1000 万个单元格的上限。没有做任何改动。',
    'sidebar.backup.title': '备份',
    'sidebar.backup.intro': '备份会把表格连同设置复制到本表格的一个隐藏工作表中。保留最近 {keep} 份。',
    'sidebar.backup.now': '立即备份',
    'sidebar.backup.restore': '恢复',
    'sidebar.backup.empty': '还没有备份。',
    'sidebar.backup.confirm': '恢复 {date} 的备份吗？恢复前会先备份当前的表格。',
  },
);
