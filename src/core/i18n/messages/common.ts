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
    'error.timeLimit': 'The action ran out of time and was rolled back; nothing was changed.',
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
    'error.timeLimit': '操作超时，已全部撤回，表格没有任何改动。',
    'error.noAccess': 'ClientFlow 暂时无法读取此表格，请先从“扩展程序”菜单打开。',
    'error.busy': '此表格上正在运行另一项 ClientFlow 操作，请稍后再试。',
    'error.badRequest': 'ClientFlow 无法理解侧边栏发来的请求。请关闭侧边栏后重新打开再试。',
  },
);
