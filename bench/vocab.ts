/**
 * Vocabulary for generated client tables: names, companies, stages, channels, owners and notes in
 * English and Simplified Chinese, with the variants real sheets are full of. Chinese wording follows the
 * user's source articles (客户名称, 负责人, 跟进, 销售阶段 …).
 */

/** Chinese family names with their pinyin. */
export const ZH_FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['张', 'Zhang'], ['王', 'Wang'], ['李', 'Li'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'],
  ['黄', 'Huang'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'],
  ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'],
  ['高', 'Gao'], ['罗', 'Luo'], ['郑', 'Zheng'], ['梁', 'Liang'], ['谢', 'Xie'], ['宋', 'Song'],
  ['唐', 'Tang'], ['许', 'Xu'], ['韩', 'Han'], ['冯', 'Feng'], ['邓', 'Deng'], ['曹', 'Cao'],
  ['欧阳', 'Ouyang'], ['司马', 'Sima'],
];

/** Chinese given names with their pinyin. */
export const ZH_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'],
  ['强', 'Qiang'], ['磊', 'Lei'], ['军', 'Jun'], ['洋', 'Yang'], ['勇', 'Yong'], ['艳', 'Yan'],
  ['杰', 'Jie'], ['娟', 'Juan'], ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'], ['秀英', 'Xiuying'],
  ['霞', 'Xia'], ['平', 'Ping'], ['刚', 'Gang'], ['桂英', 'Guiying'], ['晓东', 'Xiaodong'],
  ['志强', 'Zhiqiang'], ['建华', 'Jianhua'], ['海燕', 'Haiyan'], ['婷婷', 'Tingting'], ['思远', 'Siyuan'],
  ['子涵', 'Zihan'], ['雨欣', 'Yuxin'], ['浩然', 'Haoran'], ['欣怡', 'Xinyi'], ['俊杰', 'Junjie'],
  ['佳琪', 'Jiaqi'], ['宇航', 'Yuhang'], ['梓萱', 'Zixuan'], ['文博', 'Wenbo'], ['慧敏', 'Huimin'],
];

export const EN_FIRST: readonly string[] = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Emily', 'Mark', 'Olivia', 'Steven', 'Emma',
  'Andrew', 'Sophie', 'Kevin', 'Grace', 'Brian', 'Chloe', 'George', 'Hannah', 'Edward', 'Amelia',
  'Oliver', 'Isla', 'Jack', 'Freya', 'Noah', 'Zoe', 'Lucas', 'Ava', 'Ethan', 'Mia', 'Renée', 'José',
];

export const EN_LAST: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White',
  'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
  'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips',
  "O'Brien", 'Müller', 'Nguyen', 'Patel', 'Kim', 'Singh', 'Evans', 'Turner', 'Parker', 'Collins',
];

export const NICKNAMES: Readonly<Record<string, string>> = {
  Robert: 'Bob', William: 'Bill', Richard: 'Rick', Elizabeth: 'Liz', Michael: 'Mike', Thomas: 'Tom',
  Joseph: 'Joe', Daniel: 'Dan', Matthew: 'Matt', Anthony: 'Tony', Steven: 'Steve', Andrew: 'Andy',
  Jennifer: 'Jen', Patricia: 'Pat', Edward: 'Ed', Charles: 'Charlie', James: 'Jim', Susan: 'Sue',
};

/** Chinese company parts: city, brand (with pinyin, for the email domain and English name), trade. */
export const ZH_CITY: ReadonlyArray<readonly [string, string]> = [
  ['上海', 'Shanghai'], ['北京', 'Beijing'], ['深圳', 'Shenzhen'], ['广州', 'Guangzhou'], ['杭州', 'Hangzhou'],
  ['成都', 'Chengdu'], ['南京', 'Nanjing'], ['苏州', 'Suzhou'], ['武汉', 'Wuhan'], ['西安', "Xi'an"],
  ['厦门', 'Xiamen'], ['重庆', 'Chongqing'],
];
export const ZH_BRAND: ReadonlyArray<readonly [string, string]> = [
  ['星辰', 'xingchen'], ['华信', 'huaxin'], ['恒通', 'hengtong'], ['远航', 'yuanhang'], ['瑞丰', 'ruifeng'],
  ['鼎盛', 'dingsheng'], ['新创', 'xinchuang'], ['金桥', 'jinqiao'], ['天宇', 'tianyu'], ['博远', 'boyuan'],
  ['汇智', 'huizhi'], ['云帆', 'yunfan'], ['青禾', 'qinghe'], ['启明', 'qiming'], ['长风', 'changfeng'],
  ['海川', 'haichuan'], ['嘉禾', 'jiahe'], ['同创', 'tongchuang'], ['明德', 'mingde'], ['万象', 'wanxiang'],
];
export const ZH_TRADE: ReadonlyArray<readonly [string, string]> = [
  ['科技', 'Technology'], ['贸易', 'Trading'], ['网络', 'Network'], ['电子', 'Electronics'], ['物流', 'Logistics'],
  ['餐饮管理', 'Catering'], ['教育咨询', 'Education'], ['文化传媒', 'Media'], ['医疗器械', 'Medical'],
  ['建材', 'Building Materials'], ['服饰', 'Apparel'], ['信息技术', 'IT'],
];
export const ZH_COMPANY_SUFFIX: readonly string[] = ['有限公司', '股份有限公司', '有限责任公司', '工作室'];

export const EN_COMPANY_A: readonly string[] = [
  'Blue Harbor', 'Northwind', 'Silver Oak', 'Red Maple', 'Summit', 'Brightline', 'Ironwood', 'Cedar Grove',
  'Golden Gate', 'Pioneer', 'Evergreen', 'Lakeside', 'Stonebridge', 'Crescent', 'Atlas', 'Harbor Point',
  'Greenfield', 'Westbrook', 'Sunrise', 'Riverstone',
];
export const EN_COMPANY_B: readonly string[] = [
  'Logistics', 'Traders', 'Software', 'Consulting', 'Foods', 'Labs', 'Media', 'Dental', 'Design',
  'Manufacturing', 'Analytics', 'Outfitters', 'Health', 'Ventures', 'Realty',
];
/** Suffix variants that mean the same company. */
export const EN_COMPANY_SUFFIX: ReadonlyArray<readonly string[]> = [
  ['Inc.', 'Inc', 'Incorporated', ''],
  ['LLC', 'L.L.C.', ''],
  ['Ltd', 'Ltd.', 'Limited', ''],
  ['Corp.', 'Corporation', 'Corp', ''],
  ['Co.', 'Company', ''],
];

export const TITLES_EN: readonly string[] = [
  'CEO', 'CTO', 'Founder', 'Co-founder', 'Purchasing Manager', 'Marketing Director', 'Head of Sales',
  'Operations Manager', 'Office Manager', 'Owner', 'VP Engineering', 'Buyer', 'Procurement Lead',
];
export const TITLES_ZH: readonly string[] = [
  '总经理', '创始人', '采购经理', '市场总监', '销售总监', '运营经理', '行政主管', '老板', '技术总监',
  '采购专员', '店长', '财务经理',
];

export const CITIES_EN: readonly string[] = [
  'San Francisco', 'New York', 'London', 'Singapore', 'Hong Kong', 'Seattle', 'Austin', 'Toronto',
  'Sydney', 'Manchester', 'Boston', 'Chicago',
];

/** Stages: the canonical option, then variants that mean it (English and Chinese, typos, spacing). */
export const STAGES: ReadonlyArray<{ label: string; variants: readonly string[]; weight: number }> = [
  { label: 'Lead', variants: ['Lead', 'lead', 'LEAD', 'New lead', '线索', '潜在客户', ' Lead'], weight: 26 },
  { label: 'Contacted', variants: ['Contacted', 'contacted', 'Contacted ', '已联系', '初步接触', 'Contaced'], weight: 20 },
  { label: 'Qualified', variants: ['Qualified', 'qualified', 'Qualifed', '合格', '需求确认', '意向客户'], weight: 15 },
  { label: 'Proposal', variants: ['Proposal', 'proposal', 'Propsal', 'Quote sent', '方案', '报价', '已报价'], weight: 11 },
  { label: 'Negotiation', variants: ['Negotiation', 'negotiation', 'Negotation', '谈判', '商务谈判', '谈判中'], weight: 8 },
  { label: 'Won', variants: ['Won', 'won ', 'WON', 'Closed Won', 'closed-won', '成交', '已成交', '赢单'], weight: 10 },
  { label: 'Lost', variants: ['Lost', 'lost', 'Closed Lost', 'closed lost', '输单', '流失', '已流失'], weight: 8 },
];

export const CHANNELS: readonly string[] = [
  'Website', 'website', 'Referral', 'referral ', 'WeChat', '微信', '转介绍', '展会', 'Trade show',
  'LinkedIn', 'Cold call', '电话营销', '抖音', '小红书', 'Google Ads', '百度推广', '官网', 'Email campaign',
];

/** The sales team (owners), each with spellings seen in the wild. */
export const OWNERS: ReadonlyArray<readonly string[]> = [
  ['Alice', 'alice', 'Alice '],
  ['Bob Chen', 'Bob', 'bob chen'],
  ['李娜', 'Li Na', '李娜 '],
  ['王磊', 'Wang Lei'],
  ['Carol', 'carol'],
  ['David Wu', 'David', '吴大卫'],
  ['陈静', 'Chen Jing'],
  ['Emma', 'emma'],
];

export const PRIORITIES: readonly string[] = ['High', 'Medium', 'Low', 'high', '高', '中', '低', 'P1', 'P2', 'P3', 'urgent!'];

export const NEXT_STEPS_EN: readonly string[] = [
  'Send quote', 'Schedule demo', 'Follow up by phone', 'Send contract', 'Wait for budget approval',
  'Intro call', 'Share case study', 'Invoice', 'Check in after trial', 'Renewal talk',
];
export const NEXT_STEPS_ZH: readonly string[] = [
  '发报价', '约演示', '电话回访', '寄合同', '等预算审批', '首次沟通', '发送案例', '开发票', '试用后回访', '续约沟通',
];

/** Notes with commas, quotes, line breaks and mixed languages (CSV and typing both have to survive them). */
export const NOTES: readonly string[] = [
  'Asked for a quote, wants "net 30" terms',
  '客户说："下周再联系"，预算有限',
  'Met at the expo, 2024; follow up re: pricing',
  'Line one\nLine two: prefers email',
  '对价格敏感，关注售后服务。',
  'Called twice, no answer',
  'VIP — handle with care',
  '需要发票抬头：公司全称',
  'Prefers WeChat over phone',
  'Decision maker is the CFO, not him',
  '老客户介绍的，态度很好',
  'Wants a discount >10%, said "maybe"',
  '"Urgent" — needs delivery before Q3',
  '地址：上海市浦东新区张江路88号, 3楼',
  'Budget: $5k–$8k\nTimeline: Q2',
  '',
];

/**
 * Hostile cells: formula injection, markup, values Sheets would turn into numbers or formulas, and
 * strings that look like something else. Every one must come back as the same text.
 */
export const HOSTILE: readonly string[] = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/x","click me")',
  '=IMPORTXML("http://evil.example","//a")',
  '=1+1',
  '+86 138 0013 8000',
  '-2+3',
  '@SUM(A1:A9)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '00123',
  "'quoted",
  'TRUE',
  '1/2',
  '3e5',
  '" OR 1=1 --',
  '\tleading tab',
];

/** Email domains. */
export const ZH_MAIL: readonly string[] = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com', 'aliyun.com'];
export const EN_MAIL: readonly string[] = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me'];
