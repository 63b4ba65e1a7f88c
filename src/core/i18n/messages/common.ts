import { defineMessages } from '../define';

/** Strings shared by every area: the add-on's name, buttons, generic errors. */
export const commonMessages = defineMessages(
  {
    'app.name': 'ClientFlow',
    'common.ok': 'OK',
    'common.cancel': 'Cancel',
    'common.apply': 'Apply',
    'common.close': 'Close',
    'common.working': 'Working…',
    'error.generic': 'Something went wrong: {message}',
    'error.timeLimit': 'The action stopped before finishing (Apps Script\'s time limit): part of it may already be applied. Run it again to complete it.',
    'error.noDocumentLock': 'ClientFlow cannot lock this spreadsheet from here (Apps Script gives no document lock in this context), so it changed nothing. Open the spreadsheet and use ClientFlow from its menu.',
    'error.timeZone': 'The spreadsheet\'s time zone "{zone}" is not known here, so dates cannot be read correctly. Choose a time zone in File › Settings, then try again.',
    'error.noAccess': 'ClientFlow cannot read this spreadsheet yet. Open it from the Extensions menu first.',
    'error.busy': 'Another ClientFlow action is running on this spreadsheet. Try again in a moment.',
    'error.badRequest': 'ClientFlow did not understand this request from the sidebar. Close the sidebar, open it again and retry.',
  },
  {
    'app.name': 'ClientFlow 客户流程表',
    'common.ok': '确定',
    'common.cancel': '取消',
    'common.apply': '应用',
    'common.close': '关闭',
    'common.working': '处理中…',
    'error.generic': '出错了：{message}',
    'error.timeLimit': '操作未完成就停止了（超出了运行时间上限），部分改动可能已经生效。请再运行一次以完成。',
    'error.noDocumentLock': 'ClientFlow 在此处无法锁定这个表格（在这种运行环境中没有文档锁），因此没有做任何改动。请打开表格，从 ClientFlow 菜单中操作。',
    'error.timeZone': '表格的时区“{zone}”在此无法识别，日期无法正确读取。请在“文件 › 设置”中选择时区后重试。',
    'error.noAccess': 'ClientFlow 暂时无法读取此表格，请先从“扩展程序”菜单打开。',
    'error.busy': '此表格上正在运行另一项 ClientFlow 操作，请稍后再试。',
    'error.badRequest': 'ClientFlow 无法理解侧边栏发来的请求。请关闭侧边栏后重新打开再试。',
  },
);
