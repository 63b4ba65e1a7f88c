/**
 * What dropdown values mean, in English and Chinese: the pipeline stages in their order (with the won
 * and lost outcomes) and the common choices of other client columns (channels, priorities). A value
 * whose folded spelling is listed here has a *meaning*; two values with the same meaning are one
 * option (成交, 已成交, Closed Won and closed-won are all Won). Compared through meaningKey(), so case,
 * full-width forms, spaces, '-' and '_' do not matter.
 */

export type StageKind = 'step' | 'won' | 'lost';

/** Known pipeline steps, in order. `won`/`lost` are the outcomes. Synonyms in both languages. */
export const STAGE_VOCAB: ReadonlyArray<{ step: number; kind: StageKind; words: readonly string[] }> = [
  { step: 0, kind: 'step', words: ['lead', 'new', 'new lead', 'prospect', 'cold', 'open', '线索', '新线索', '潜在客户', '潜客', '新客户', '待跟进', '未联系', '新建'] },
  { step: 1, kind: 'step', words: ['contacted', 'contact made', 'reached out', 'in contact', 'following up', 'follow up', 'attempted', 'attempted to contact', '已联系', '初步接触', '初次接触', '接触', '跟进中', '沟通中', '初步沟通', '已沟通'] },
  { step: 2, kind: 'step', words: ['qualified', 'interested', 'needs analysis', 'discovery', 'warm', 'hot', 'mql', 'sql', '意向客户', '有意向', '需求确认', '需求分析', '已确认需求', '意向', '高意向', '合格', '已合格', '已验证'] },
  { step: 3, kind: 'step', words: ['proposal', 'quote', 'quoted', 'quote sent', 'proposal sent', 'demo', 'presentation', '方案', '方案报价', '报价', '已报价', '提交方案', '方案阶段', '演示', '报价中'] },
  { step: 4, kind: 'step', words: ['negotiation', 'negotiating', 'in negotiation', 'contract sent', 'commit', 'closing', '谈判', '谈判中', '商务谈判', '合同谈判', '议价', '待签约', '洽谈', '洽谈中'] },
  { step: 5, kind: 'won', words: ['won', 'closed won', 'win', 'customer', 'signed', 'deal', 'closed', 'converted', 'deal won', '成交', '已成交', '赢单', '签约', '已签约', '成单', '合作中', '已合作', '已签单'] },
  { step: 6, kind: 'lost', words: ['lost', 'closed lost', 'dead', 'churned', 'disqualified', 'no deal', 'rejected', 'deal lost', '流失', '已流失', '输单', '丢单', '失败', '放弃', '无效', '无意向', '已丢单'] },
];

/** Other choices with the same meaning in both languages (the first word is the English label). */
export const CHOICE_VOCAB: ReadonlyArray<readonly string[]> = [
  ['WeChat', '微信', 'weixin', 'wx', '微信群', '朋友圈'],
  ['Website', '官网', '网站', 'web site', 'web', 'homepage', '官方网站'],
  ['Referral', '转介绍', '老客户介绍', '介绍', '推荐', '客户推荐', 'referred'],
  ['Trade show', '展会', 'exhibition', 'expo', 'trade fair', '展销会'],
  ['Cold call', '电话营销', '陌拜', '电销', 'telemarketing', 'cold calling', '陌生拜访'],
  ['Email campaign', '邮件营销', 'email', 'e-mail campaign', '邮件推广', 'newsletter'],
  ['Baidu ads', '百度推广', '百度', 'baidu', '百度竞价'],
  ['Douyin', '抖音', 'tiktok', '抖音推广'],
  ['LinkedIn', '领英', 'linked in'],
  ['Google Ads', '谷歌广告', 'google', 'adwords', '谷歌'],
  ['Xiaohongshu', '小红书', 'rednote'],
  ['Phone', '电话', 'phone call', '来电'],
  ['Walk-in', '到店', '上门', 'walk in', '自然到访'],
  ['High', '高', 'h', '紧急', 'urgent', '重要'],
  ['Medium', '中', 'm', 'normal', '一般', '普通'],
  ['Low', '低', 'l', '不急'],
];

/** The comparison key of a value's meaning: NFKC, lower case, without spaces, '-', '_', '.', '/' and '·'. */
export function meaningKey(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/[\s\-_./·・]+/g, '');
}

export interface Meaning {
  /** 'stage:<step>' or 'choice:<index>': equal ids mean the same thing. */
  id: string;
  /** For stages: position and outcome. */
  stage?: { step: number; kind: StageKind };
}

let index: Map<string, Meaning> | null = null;
function build(): Map<string, Meaning> {
  const m = new Map<string, Meaning>();
  for (const s of STAGE_VOCAB) {
    const meaning: Meaning = { id: `stage:${s.step}`, stage: { step: s.step, kind: s.kind } };
    for (const w of s.words) m.set(meaningKey(w), meaning);
  }
  CHOICE_VOCAB.forEach((words, i) => {
    const meaning: Meaning = { id: `choice:${i}` };
    for (const w of words) if (!m.has(meaningKey(w))) m.set(meaningKey(w), meaning);
  });
  return m;
}

/** Values looked up before (NFKC folding is the cost): bounded, cleared when full. */
const seen = new Map<string, Meaning | null>();

/** What a value means when the vocabulary knows it; null otherwise. */
export function meaningOf(value: string): Meaning | null {
  const hit = seen.get(value);
  if (hit !== undefined) return hit;
  index ??= build();
  const m = index.get(meaningKey(value)) ?? null;
  if (seen.size >= 50_000) seen.clear();
  seen.set(value, m);
  return m;
}

/** The known stage a value names, or null. */
export function knownStage(value: string): { step: number; kind: StageKind } | null {
  return meaningOf(value)?.stage ?? null;
}
