import { defineMessages } from '../define';

/** Strings of the config area. Keys start with 'config.'. */
export const configMessages = defineMessages(
  {
    'config.title': 'ClientFlow settings',
    'config.error.corrupt': 'ClientFlow\'s saved settings for this spreadsheet are damaged. Your table\'s data is safe.',
    'config.error.tooNew': 'These settings were saved by a newer version of ClientFlow (format {detail}). Update the add-on, or reset the settings.',
    'config.error.tooOld': 'These settings were saved by an older version of ClientFlow (format {detail}) that this version cannot read. Your table\'s data is safe.',
    'config.error.invalid': 'ClientFlow\'s saved settings do not describe a valid table. Your table\'s data is safe.',
    'config.error.tooLarge': 'The table definition is too large to save ({detail} bytes). Remove some fields or options.',
    'config.remedy.both': 'Answer YES to repair them (keep every field that is still valid), NO to reset them (forget the settings; no cell is changed; set up or adopt again), or CANCEL to leave them.',
    'config.remedy.reset': 'Answer YES to reset them (forget the settings; no cell is changed; set up or adopt again) or NO to leave them.',
    'config.repaired': 'Settings repaired: {fields} fields kept.',
    'config.reset': 'Settings reset. No cell was changed; set up or adopt the table again.',
    'config.cannotRepair': 'Nothing could be kept from the damaged settings; only a reset can help.',
    'config.left': 'The settings were left as they are.',
  },
  {
    'config.title': 'ClientFlow 设置',
    'config.error.corrupt': '此表格保存的 ClientFlow 设置已损坏。表格中的数据是安全的。',
    'config.error.tooNew': '这些设置由更新版本的 ClientFlow 保存（格式 {detail}）。请更新插件，或重置设置。',
    'config.error.tooOld': '这些设置由旧版 ClientFlow 保存（格式 {detail}），当前版本无法读取。表格中的数据是安全的。',
    'config.error.invalid': '保存的 ClientFlow 设置不是有效的表格定义。表格中的数据是安全的。',
    'config.error.tooLarge': '表格定义太大，无法保存（{detail} 字节）。请删除一些字段或选项。',
    'config.remedy.both': '回答“是”修复设置（保留所有仍然有效的字段），“否”重置设置（清除设置，不改动任何单元格，之后可重新建表或接管），“取消”则保持原样。',
    'config.remedy.reset': '回答“是”重置设置（清除设置，不改动任何单元格，之后可重新建表或接管），“否”则保持原样。',
    'config.repaired': '设置已修复：保留了 {fields} 个字段。',
    'config.reset': '设置已重置。没有改动任何单元格；请重新建表或接管表格。',
    'config.cannotRepair': '损坏的设置中没有可保留的内容，只能重置。',
    'config.left': '设置保持原样。',
  },
);
