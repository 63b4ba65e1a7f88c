/**
 * Header vocabulary: which header texts mean which role, in English and Chinese. Matching is done on
 * a normalized key (full-width folded by NFKC, lower case, spaces and punctuation removed), so
 * "E-mail", "e mail", "ＥＭＡＩＬ" and "Email:" all meet "email".
 */
import type { Role } from '../roles';

/** Folds full-width forms, case, spaces and punctuation. Keeps letters (any script) and digits. */
export function headerKey(raw: unknown): string {
  const s = String(raw ?? '').normalize('NFKC').toLowerCase();
  // \p{L}: letters of any script (CJK included), \p{N}: digits.
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Synonyms per role, written naturally; they are compared through headerKey(). Order inside a list
 * does not matter. A header matches a role when its key equals a synonym's key, or (weaker) when it
 * contains one; the longest contained synonym wins, so "Last contact date" is lastContact, not name.
 */
export const ROLE_SYNONYMS: Readonly<Partial<Record<Role, readonly string[]>>> = {
  clientId: ['Client ID', 'Customer ID', 'ID', 'No', 'No.', 'Number', '#', '编号', '客户编号', '客户ID', '序号', '客户代码'],
  name: [
    'Name', 'Client', 'Client name', 'Customer', 'Customer name', 'Contact', 'Contact name', 'Full name',
    'Lead name', '客户', '客户名称', '客户名', '客户姓名', '姓名', '名字', '联系人', '联系人姓名', '称呼',
  ],
  givenName: ['First name', 'Firstname', 'Given name', 'Forename', 'Christian name', '名'],
  familyName: ['Last name', 'Lastname', 'Surname', 'Family name', '姓', '姓氏'],
  company: ['Company', 'Company name', 'Organization', 'Organisation', 'Business', 'Account', 'Firm', '公司', '公司名称', '所属公司名称', '企业', '企业名称', '单位', '单位名称', '所属公司', '机构'],
  title: ['Title', 'Job title', 'Position', 'Role', '职位', '职务', '头衔', '岗位'],
  email: ['Email', 'E-mail', 'Email address', 'Mail', 'E-mail address', '邮箱', '电子邮箱', '电子邮件', '邮件', '邮件地址', '邮箱地址', 'Email邮箱'],
  phone: [
    'Phone', 'Phone number', 'Tel', 'Telephone', 'Mobile', 'Mobile phone', 'Cell', 'Cell phone', 'Contact number',
    '手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '联系方式', '移动电话', '座机', '联系人电话', '联系人手机', '客户电话',
  ],
  wechat: ['WeChat', 'WeChat ID', 'Weixin', '微信', '微信号'],
  address: ['Address', 'Addr', 'Street', 'Street address', 'Address line 1', 'Mailing address', 'Location', '地址', '联系地址', '公司地址', '所在地', '地区', '街道', '详细地址'],
  city: ['City', 'Town', 'Suburb', 'Locality', '城市', '所在城市', '市', '城市名称'],
  postcode: ['Postcode', 'Post code', 'Postal code', 'ZIP', 'ZIP code', 'Zipcode', '邮编', '邮政编码'],
  state: ['State', 'Province', 'County', 'State / province', '省', '省份', '州', '省/州'],
  birthDate: ['Date of birth', 'Birth date', 'Birthdate', 'Birthday', 'DOB', 'Born', '出生日期', '生日', '出生年月'],
  identifier: [
    'SSN', 'Social security number', 'Soc sec id', 'National ID', 'ID number', 'Tax ID', 'VAT number', 'Registration number',
    'Passport', '身份证', '身份证号', '身份证号码', '证件号', '证件号码', '税号', '统一社会信用代码', '信用代码',
  ],
  website: ['Website', 'Web site', 'URL', 'Homepage', 'Site', 'Link', '网站', '网址', '官网', '主页', '链接'],
  channel: ['Channel', 'Source', 'Lead source', 'Referral', 'Origin', 'How found', '来源', '渠道', '客户来源', '来源渠道', '获客渠道', '线索来源'],
  owner: ['Owner', 'Rep', 'Sales rep', 'Salesperson', 'Account manager', 'Assigned to', 'Responsible', 'Manager', '负责人', '销售', '销售员', '销售人员', '业务员', '跟进人', '客户经理', '所属销售'],
  stage: ['Stage', 'Status', 'Pipeline stage', 'Deal stage', 'Sales stage', 'Lead status', 'Customer stage', 'Client stage', 'Customer status', 'Client status', '阶段', '状态', '跟进阶段', '销售阶段', '客户状态', '跟进状态', '进度', '客户阶段'],
  nextStep: ['Next step', 'Next action', 'To do', '下一步', '下一步行动', '下步计划', '待办'],
  nextFollowUp: ['Next follow-up', 'Next follow up', 'Follow-up date', 'Follow up', 'Followup', 'Next contact', 'Follow-up', '下次跟进', '下次跟进时间', '下次跟进日期', '跟进日期', '回访日期', '下次联系', '计划跟进'],
  lastContact: [
    'Last contact', 'Last contacted', 'Last contact date', 'Last touch', 'Last call', '最近联系', '最近联系时间', '最近联系日期', '上次联系', '上次联系时间', '最后联系', '最后联系时间', '最近跟进',
    '最近一次联系', '最近一次联系日期', '最后一次联系日期',
  ],
  priority: ['Priority', 'Importance', 'Level', 'Tier', 'Grade', '优先级', '重要程度', '客户等级', '等级', '级别', '客户级别'],
  dealValue: ['Deal value', 'Deal size', 'Amount', 'Value', 'Deal amount', 'Revenue', 'Budget', 'Price', 'Contract value', 'Fee', 'Service fee', '服务费用', '费用', '金额', '成交金额', '合同金额', '预计金额', '商机金额', '预算', '报价', '价格'],
  totalSpend: ['Total spend', 'Total spent', 'Lifetime value', 'LTV', 'Total purchases amount', '消费总额', '累计消费', '总消费', '总消费金额', '消费金额', '累计金额'],
  orders: ['Orders', 'Order count', 'Number of orders', '订单数', '订单数量', '下单次数'],
  purchases: ['Purchases', 'Purchase count', 'Times purchased', '购买次数', '复购次数', '购买数量'],
  lastPurchase: ['Last purchase', 'Last order', 'Last purchase date', 'Last order date', '最近购买', '最近购买时间', '最后购买', '上次购买', '最近下单'],
  preference: ['Preference', 'Preferences', 'Interests', 'Interest', '偏好', '喜好', '兴趣', '购买偏好'],
  registered: [
    'Registered', 'Registration date', 'Signed up', 'Signup date', 'Joined', 'Member since', 'Client since', 'Customer since',
    'Signed', 'Signed on', 'Date signed', 'Signing date', 'Contract date', '注册时间', '注册日期', '入会时间', '签约日期', '签约时间', '合同日期', '成为客户日期',
  ],
  appointment: ['Appointment', 'Appointment time', 'Booking', 'Booked for', 'Meeting', '预约', '预约时间', '预约日期'],
  serviceType: ['Service', 'Service type', 'Product', 'Package', '服务', '服务类型', '服务项目', '产品', '项目', '意向产品'],
  provider: ['Provider', 'Staff', 'Consultant', 'Therapist', 'Advisor', '服务人员', '顾问', '技师', '服务顾问'],
  lastInteraction: ['Last interaction', 'Last conversation', 'Interaction summary', 'Last note', '最近沟通', '沟通记录', '跟进记录', '最近互动', '沟通内容', '跟进情况'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks', 'Memo', 'Description', '备注', '说明', '附注', '描述', '其他'],
  created: ['Created', 'Created at', 'Created on', 'Date added', 'Added', '创建时间', '创建日期', '录入时间', '录入日期', '添加时间'],
  updated: ['Updated', 'Updated at', 'Last updated', 'Modified', 'Last modified', '更新时间', '更新日期', '修改时间', '修改日期', '最后更新'],
  stageSince: ['Stage since', 'In stage since', 'Stage date', '阶段开始', '进入阶段时间', '阶段日期'],
};

interface Entry { key: string; role: Role; cjk: boolean }

/** A header key's runs of Han characters and of other letters/digits: 'contact联系人' → ['contact', '联系人']. */
export function scriptParts(key: string): string[] {
  return key.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g) ?? [];
}

/**
 * A bilingual header ('Contact 联系人', '签约日期 Signed'): each language's part is looked up alone.
 * When every part that names a role names the same one, that is the header's role (exact when all
 * parts name it); parts that disagree decide nothing here.
 */
function bilingualRole(key: string, exact: ReadonlyMap<string, Role>): RoleMatch | null {
  const parts = scriptParts(key);
  if (parts.length < 2) return null;
  const roles = parts.map((p) => exact.get(p) ?? null);
  const named = roles.filter((r): r is Role => r !== null);
  if (named.length === 0 || named.some((r) => r !== named[0])) return null;
  return { role: named[0], exact: named.length === parts.length };
}
let table: { exact: Map<string, Role>; all: Entry[] } | null = null;

function build(): { exact: Map<string, Role>; all: Entry[] } {
  const exact = new Map<string, Role>();
  const all: Entry[] = [];
  for (const [role, words] of Object.entries(ROLE_SYNONYMS) as Array<[Role, readonly string[]]>) {
    for (const w of words) {
      const key = headerKey(w);
      if (!key) continue;
      if (!exact.has(key)) exact.set(key, role);
      all.push({ key, role, cjk: /[\u3400-\u9fff]/.test(key) });
    }
  }
  // Longest first: the most specific contained synonym wins.
  all.sort((a, b) => b.key.length - a.key.length);
  return { exact, all };
}

export interface RoleMatch { role: Role; exact: boolean }

/** The role a header names, or null. Short synonyms (under 3 letters: "id", "no") only match exactly. */
export function roleForHeader(header: unknown): RoleMatch | null {
  const key = headerKey(header);
  if (!key) return null;
  table ??= build();
  const hit = table.exact.get(key);
  if (hit) return { role: hit, exact: true };
  const both = bilingualRole(key, table.exact);
  if (both) return both;
  // Contained synonyms: the longest wins, and one that ends the header counts extra (headers are
  // head-final in both languages: "客户邮箱" and "Company email" are emails).
  let best: { role: Role; score: number } | null = null;
  for (const e of table.all) {
    if (e.key.length < (e.cjk ? 2 : 4)) continue;
    if (!key.includes(e.key)) continue;
    const score = e.key.length + (key.endsWith(e.key) ? 3 : 0);
    if (!best || score > best.score) best = { role: e.role, score };
  }
  if (best) return { role: best.role, exact: false };
  return null;
}
