import { defineMessages } from '../define';

/** Strings of the edit area (the onEdit trigger). Keys start with 'edit.'. */
export const editMessages = defineMessages(
  {
    'edit.title': 'ClientFlow',
    'edit.failed': 'ClientFlow could not fill the automatic columns for this edit: {message}',
    'edit.tooLarge': 'Pasted block too large for automatic columns ({rows, plural, one {# row} other {# rows}}); run "Check all rows" instead.',
    'edit.stageNote': 'stage dated in this cell:',
    'edit.checksSkipped': 'Pasted block too large to check as you paste ({rows, plural, one {# row} other {# rows}}); automatic columns are filled. Run "Check all rows" to check it.',
    'edit.history.id': 'Client ID',
    'edit.history.from': 'From',
    'edit.history.to': 'To',
    'edit.history.when': 'When',
    'edit.history.owner': 'Owner',
    'edit.rule.skip': 'Stages skipped: {from} → {to} leaves out {skipped}.',
    'edit.rule.backward': 'Stage moved back: {from} → {to}.',
    'edit.rule.requiredFrom': 'Required from the stage {stage} on.',
  },
  {
    'edit.title': 'ClientFlow',
    'edit.failed': 'ClientFlow 未能为这次编辑填写自动列：{message}',
    'edit.tooLarge': '粘贴的区域太大（{rows} 行），未填写自动列；请改用“检查全部行”。',
    'edit.stageNote': '此日期对应的阶段：',
    'edit.checksSkipped': '粘贴的区域太大（{rows} 行），未在粘贴时检查；自动列已填写。请运行“检查全部行”进行检查。',
    'edit.history.id': '客户编号',
    'edit.history.from': '原阶段',
    'edit.history.to': '新阶段',
    'edit.history.when': '时间',
    'edit.history.owner': '负责人',
    'edit.rule.skip': '跳过了阶段：{from} → {to}，中间缺少 {skipped}。',
    'edit.rule.backward': '阶段倒退：{from} → {to}。',
    'edit.rule.requiredFrom': '从“{stage}”阶段起必须填写。',
  },
);
