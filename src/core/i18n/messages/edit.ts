import { defineMessages } from '../define';

/** Strings of the edit area (the onEdit trigger). Keys start with 'edit.'. */
export const editMessages = defineMessages(
  {
    'edit.title': 'ClientFlow',
    'edit.failed': 'ClientFlow could not fill the automatic columns for this edit: {message}',
    'edit.tooLarge': 'Pasted block too large for automatic columns ({rows, plural, one {# row} other {# rows}}); run "Check all rows" instead.',
  },
  {
    'edit.title': 'ClientFlow',
    'edit.failed': 'ClientFlow 未能为这次编辑填写自动列：{message}',
    'edit.tooLarge': '粘贴的区域太大（{rows} 行），未填写自动列；请改用“检查全部行”。',
  },
);
