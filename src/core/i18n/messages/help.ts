import { defineMessages } from '../define';

/** Help (menu alert and sidebar panel), the About line, and the Help menu item (src/core/help). */
export const helpMessages = defineMessages(
  {
    'menu.help': 'Help and about',
    'help.title': 'Help',
    'help.about': 'ClientFlow {version}',
    'help.actions.title': 'What each action does',
    'help.colors.title': 'What the colors mean',
    'help.action.openSidebar': 'Opens the ClientFlow panel on the right: set-up, checks, backups, protected columns and this help.',
    'help.action.setUp':
      'Creates a new client table from a template (B2B sales, e-commerce, services) with typed columns, dropdowns and color rules.',
    'help.action.adopt':
      'Keeps your existing sheet and its data: finds the header row, guesses what each column holds, shows you the guess, and only after your OK adds formats, dropdowns and checks. No value is changed.',
    'help.action.validateAll':
      'Checks every row against its column type and required fields, highlights the broken cells and lists the first ones.',
    'help.action.cleanUp':
      'Tidies values in place (emails, phones, dates, amounts, dropdown spellings), shows what it will change first, offers a backup of the table before changing it, and can be undone.',
    'help.action.findDuplicates':
      'Finds clients entered more than once (same email or phone, similar names) and lets you merge them (a backup of the table offered first); merged rows are kept in an archive sheet.',
    'help.action.buildFunnel':
      'Builds the Funnel sheet: how many clients reached each stage, the conversion between stages, the win rate and the open pipeline, as live formulas (with filters by owner and channel).',
    'help.action.undo': 'Puts back the table as it was before the last ClientFlow change (cleanup, merge, restore).',
    'help.action.backUp':
      'Copies the table with its settings to a dated hidden sheet. The last {keep} backups are kept; the oldest is removed.',
    'help.action.restoreBackup':
      'Lists the backups and puts the chosen one back (values, formats and settings). The table as it is now is backed up first.',
    'help.action.protectColumns':
      'Protects chosen columns (deal values, for instance): either everyone gets a warning before changing them, or only the editors you name can change them.',
    'help.action.help': 'Shows this help and the version.',
    'help.color.invalid':
      'Red text on pink: the value does not fit its column (a phone that is not a phone, an amount that is not a number).',
    'help.color.required': 'Light pink: a required field is empty in a row that has data.',
    'help.color.overdue': 'Dark red, bold: the next follow-up date has passed and the deal is still open.',
    'help.color.stale': 'Yellow: no contact for longer than the table allows (14 days unless you changed it).',
    'help.color.won': 'Green row: the deal is won.',
    'help.color.lost': 'Grey row: the deal is lost.',
    'help.options.title': 'Dropdown colors',
    'help.options.text':
      'Each dropdown option has its own color, chosen in the set-up. Sheets cannot color dropdown chips from an add-on, so the colors are conditional formatting rules named for ClientFlow; removing them removes the colors, not the data.',
    'help.undo.title': 'How undo works',
    'help.undo.text':
      "Before any ClientFlow action changes your data, it saves what it will change in a hidden sheet of this spreadsheet. Undo in the ClientFlow menu (or restoring a backup) puts it back. Sheets' own Undo (Ctrl+Z) does not undo add-on changes. Backups are a second net: make one before a big change.",
    'help.undo.backupsOnly': 'Sheets\' own Undo (Ctrl+Z) does not undo add-on changes. Before a big change, use "Back up the table"; "Restore a backup" puts any of the last backups back, and backs up the table as it is first, so a restore can be taken back too.',
    'help.limits.title': 'What Sheets cannot enforce',
    'help.limits.text':
      'Anyone who can open the spreadsheet can see every row and column: Sheets cannot hide rows or columns from some editors, and hidden sheets can be shown again by any editor. Protected columns stop edits by others, not viewing. The owner can always edit everything. A warning-only protection can be clicked through. Copies of the file (File > Make a copy, downloads) carry all the data. Checks run when a person edits a cell; values written by other scripts or imports are checked only by "Check all rows".',
    'help.data.title': 'Your data',
    'help.data.text':
      "ClientFlow works only on this spreadsheet. Its settings are kept in the spreadsheet's own properties and hidden sheets; nothing is sent anywhere.",
    'help.report.title': 'Report a problem',
    'help.report.text':
      "Open an issue on the project's GitHub page or write to the support address on the Marketplace listing. Say the version above, what you clicked, what you expected and what happened. Please do not send client data: a made-up row that shows the problem is enough.",
    'sidebar.help.title': 'Help',
  },
  {
    'menu.help': '帮助与关于',
    'help.title': '帮助',
    'help.about': 'ClientFlow {version}',
    'help.actions.title': '每个操作做什么',
    'help.colors.title': '颜色的含义',
    'help.action.openSidebar': '在右侧打开 ClientFlow 面板：设置、检查、备份、受保护列和本帮助。',
    'help.action.setUp': '从模板（B2B 销售、电商、服务）新建客户表，带类型化的列、下拉选项和颜色规则。',
    'help.action.adopt':
      '保留现有工作表和数据：找到表头行，推断每列的内容，先给您看推断结果，经您确认后才加上格式、下拉选项和检查。不改动任何值。',
    'help.action.validateAll': '按列类型和必填字段检查每一行，标出有问题的单元格并列出前几个。',
    'help.action.cleanUp': '就地整理数值（邮箱、电话、日期、金额、下拉选项的写法），先展示将要改动的内容，改动前会提议先备份表格，可以撤销。',
    'help.action.findDuplicates': '找出重复录入的客户（相同邮箱或电话、相似姓名）并可合并（合并前会提议先备份表格）；被合并的行保存在归档工作表中。',
    'help.action.buildFunnel': '生成漏斗工作表：每个阶段到达的客户数、阶段间转化率、赢单率和在途金额，全部是实时公式（可按负责人和渠道筛选）。',
    'help.action.undo': '把表格恢复到最近一次 ClientFlow 改动（清理、合并、恢复）之前的样子。',
    'help.action.backUp': '把表格连同设置复制到一个带日期的隐藏工作表。保留最近 {keep} 份备份，最早的一份会被删除。',
    'help.action.restoreBackup': '列出所有备份，并恢复所选的一份（数值、格式和设置）。恢复前会先备份当前的表格。',
    'help.action.protectColumns': '保护选定的列（例如成交金额）：要么所有人修改前都会看到警告，要么只有您指定的编辑者可以修改。',
    'help.action.help': '显示本帮助和版本号。',
    'help.color.invalid': '粉底红字：数值不符合所在列（电话不像电话，金额不是数字）。',
    'help.color.required': '浅粉色：有数据的行中某个必填字段为空。',
    'help.color.overdue': '深红加粗：下次跟进日期已过，而交易仍未结束。',
    'help.color.stale': '黄色：超过表格允许的天数没有联系（默认 14 天）。',
    'help.color.won': '绿色行：已成交。',
    'help.color.lost': '灰色行：已流失。',
    'help.options.title': '下拉选项的颜色',
    'help.options.text':
      '每个下拉选项都有自己的颜色，在设置中选择。插件无法设置 Google 表格下拉标签的颜色，因此颜色是以 ClientFlow 命名的条件格式规则；删除这些规则只会去掉颜色，不会删除数据。',
    'help.undo.title': '撤销如何工作',
    'help.undo.text':
      '每个 ClientFlow 操作在改动数据之前，都会把将要改动的内容保存到本表格的一个隐藏工作表中。在 ClientFlow 菜单中选择撤销（或恢复备份）即可还原。Google 表格自带的撤销（Ctrl+Z）不能撤销插件做的改动。备份是第二道保险：大改之前先备份一份。',
    'help.undo.backupsOnly': 'Google 表格自带的撤销（Ctrl+Z）不能撤销插件做的改动。大改之前，请使用“备份表格”；“恢复备份”可以恢复最近的任意一份备份，并且恢复前会先备份当前的表格，所以恢复本身也可以撤回。',
    'help.limits.title': 'Google 表格无法强制做到的事',
    'help.limits.text':
      '能打开这个表格的人都能看到所有行和列：Google 表格无法对部分编辑者隐藏行或列，隐藏的工作表任何编辑者都可以重新显示。受保护列阻止的是他人修改，而不是查看。表格所有者始终可以编辑一切。仅警告的保护可以点过。文件的副本（文件 > 创建副本、下载）带有全部数据。检查在有人编辑单元格时运行；其他脚本或导入写入的值只有通过“检查全部行”才会被检查。',
    'help.data.title': '您的数据',
    'help.data.text': 'ClientFlow 只处理当前这个表格。它的设置保存在表格自身的属性和隐藏工作表中；不会向任何地方发送任何内容。',
    'help.report.title': '报告问题',
    'help.report.text':
      '请在项目的 GitHub 页面提交问题，或写信到 Google Workspace 应用市场页面上的支持邮箱。请写明上面的版本号、您点了什么、期望什么、实际发生了什么。请不要发送客户数据：一行能重现问题的虚构数据就够了。',
    'sidebar.help.title': '帮助',
  },
);
