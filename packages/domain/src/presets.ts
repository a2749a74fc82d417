import { DEFAULT_POLICY, type MunicipalityPolicy } from './policy';
import { text, type Text } from './text';

/**
 * 運用方針の見本: four cities' rules, read from their own pages (shared/seeds), for an admin to start
 * from. Where a page is silent the default stands. Applying one is an ordinary policy change.
 */
export interface PolicyPreset {
  id: 'nishinomiya' | 'koto' | 'kasugai' | 'matsue';
  city: Text;
  /** The page the preset is read from: its title, and the seed that keeps a copy of it. */
  source: { title: string; seed: string };
  /** What differs from the default, in a sentence. */
  summary: Text;
  policy: MunicipalityPolicy;
}

export const POLICY_PRESETS: readonly PolicyPreset[] = [
  {
    id: 'nishinomiya',
    city: text('西宮市', 'Nishinomiya'),
    source: { title: 'マイナンバーカードの暗証番号の再設定について（ページ番号92508701）', seed: '000' },
    summary: text(
      '既定の運用方針です（代理人は写真付きの公的書類が必要、戸籍謄本は同一世帯か市内本籍で不要、代理人の書類は現住所・現氏名のもの）。',
      'The default (an agent needs a photo ID; no family register for the same household or a register in the city; representative IDs with the current address).',
    ),
    policy: { ...DEFAULT_POLICY },
  },
  {
    id: 'koto',
    city: text('江東区', 'Koto-ku'),
    source: { title: 'マイナンバーカードの暗証番号再設定について（区民部 区民課 住民記録係）', seed: '002' },
    summary: text(
      '法定代理人の手続で本人の2点目の書類は不要、戸籍謄本は同一世帯・親子・本籍筆頭者一致か区内本籍で不要、任意代理人の1回目は本人確認書類1点。',
      "On the legal-representative route no second holder ID; no family register for the same household, parent-child link and 本籍・筆頭者, or a register in the ward; the agent's first visit, any one ID.",
    ),
    policy: {
      ...DEFAULT_POLICY,
      legalRepresentativeHolderSecondId: 'none',
      parentProofWaiver: 'household_same_register_or_register_in_city',
      agentFirstVisitId: 'any_one',
      representativeIdsShowCurrentAddress: false,
    },
  },
  {
    id: 'kasugai',
    city: text('春日井市', 'Kasugai'),
    source: { title: 'マイナンバーカード・電子証明書の各種手続（戸籍住民課）', seed: '003' },
    summary: text(
      '本人はカードとA・Bいずれか1点。代理人の手続の書類はページに記載がないため既定のままです（日曜窓口の昼休み・第3日曜休みは窓口の開庁時間で設定します）。',
      "The holder: the card and one A or B. The page does not list the agents' documents, so the default stands (the Sunday counter's lunch break and third-Sunday closure are set in the office's hours).",
    ),
    policy: { ...DEFAULT_POLICY, representativeIdsShowCurrentAddress: false },
  },
  {
    id: 'matsue',
    city: text('松江市', 'Matsue'),
    source: { title: 'マイナンバーカードの電子証明書・暗証番号について', seed: '004' },
    summary: text(
      '17歳以下は親が法定代理人（カードと親の写真付き本人確認書類1点、代理権の証明なし）、本人申請はカードのみ、回答書は手続をした窓口へ。',
      'A parent represents a holder aged 17 or under (the card and one photo ID of the parent, no proof of parenthood); the self route needs the card alone; replies go to the counter where the application was made.',
    ),
    policy: {
      ...DEFAULT_POLICY,
      legalRepresentativeAgeLimit: 18,
      selfSecondId: 'none',
      legalRepresentativeHolderSecondId: 'none',
      parentProof: 'none',
      legalRepresentativeIds: 'one_a',
      representativeIdsShowCurrentAddress: false,
    },
  },
];
