import { defineMessages } from '../define';

/** Captions of the add-on menu (src/addon/menu.ts). */
export const menuMessages = defineMessages(
  {
    'menu.setUp': 'Set up a new client table…',
    'menu.adopt': 'Adopt this sheet…',
    'menu.openSidebar': 'Open ClientFlow',
    'menu.validateAll': 'Check all rows',
    'menu.buildFunnel': 'Build or refresh the funnel',
    'menu.findDuplicates': 'Find duplicates',
  },
  {
    'menu.setUp': '新建客户流程表…',
    'menu.adopt': '接管当前工作表…',
    'menu.openSidebar': '打开 ClientFlow',
    'menu.validateAll': '检查全部行',
    'menu.buildFunnel': '生成或刷新销售漏斗',
    'menu.findDuplicates': '查找重复客户',
  },
);
