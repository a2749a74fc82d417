/**
 * The stable codes of the HTTP contract (shared/API.md), each with its Japanese label.
 * Codes are what clients store and send; labels are what people read.
 */

function codes<const T extends string>(labels: Record<T, string>): { values: readonly T[]; labels: Readonly<Record<T, string>> } {
  return { values: Object.keys(labels) as T[], labels };
}

/** 申請の経路: who applies. */
export const ROUTE = codes({
  self: '本人',
  legal_representative: '法定代理人',
  voluntary_agent: '任意代理人',
});
export type Route = (typeof ROUTE.values)[number];

/** 暗証番号の種類. */
export const PIN = codes({
  signature: '署名用電子証明書の暗証番号',
  user_auth: '利用者証明用電子証明書の暗証番号',
  resident_registry: '住民基本台帳用暗証番号',
  card_info: '券面事項入力補助用暗証番号',
});
export type Pin = (typeof PIN.values)[number];

/** 再設定の理由. */
export const RESET_REASON = codes({
  forgotten: '暗証番号を忘れた',
  locked: 'ロックされた',
  face_auth_switch: '顔認証マイナンバーカードからの切替',
});
export type ResetReason = (typeof RESET_REASON.values)[number];

/** 申請の状態. */
export const CASE_STATE = codes({
  received: '受付',
  inquiry_mailed: '照会書発送済',
  reply_returned: '回答書受領',
  completed: '完了',
  cancelled: '取下げ・中止',
});
export type CaseState = (typeof CASE_STATE.values)[number];

/** 中止の理由. */
export const CANCEL_REASON = codes({
  withdrawn: '申請の取下げ',
  reply_overdue: '回答期限切れ',
  letter_undeliverable: '照会書が届かなかった（返戻）',
  documents_refused: '書類不備',
});
export type CancelReason = (typeof CANCEL_REASON.values)[number];

/** 照会書の状態. */
export const LETTER_STATUS = codes({
  pending: '作成待ち',
  ready: '印刷待ち',
  printed: '印刷済',
  mailed: '発送済',
  failed: '作成失敗',
  superseded: '再発行により無効',
});
export type LetterStatus = (typeof LETTER_STATUS.values)[number];

/** 照会書を再発行する理由. */
export const LETTER_REISSUE_REASON = codes({
  lost: '届いていない（紛失）',
  returned: '返送されてきた（宛先不明等）',
  damaged: '汚損・誤印刷',
});
export type LetterReissueReason = (typeof LETTER_REISSUE_REASON.values)[number];

/** 印刷バッチの状態. */
export const PRINT_RUN_STATUS = codes({
  rendering: '作成中',
  ready: '印刷可能',
  mailed: '発送済',
  cancelled: '取消',
});
export type PrintRunStatus = (typeof PRINT_RUN_STATUS.values)[number];

/** 代理人の種別. */
export const REPRESENTATIVE_KIND = codes({
  parent: '親権者',
  guardian: '成年後見人',
  agent: '任意代理人',
});
export type RepresentativeKind = (typeof REPRESENTATIVE_KIND.values)[number];

/** 職員の役割. */
export const ROLE = codes({
  clerk: '窓口職員',
  supervisor: '監督者',
  print_staff: '印刷担当',
  admin: '管理者',
});
export type Role = (typeof ROLE.values)[number];

/** 書類を提示した人. */
export const PRESENTER = codes({
  holder: '本人',
  representative: '代理人',
});
export type Presenter = (typeof PRESENTER.values)[number];

/** 提示書類の種類. The category (A, B, card, proof) is a rule of the documents module. */
export const DOCUMENT_TYPE = codes({
  drivers_license: '運転免許証',
  driving_history_certificate: '運転経歴証明書',
  passport: '旅券（パスポート）',
  resident_card_with_photo: '住民基本台帳カード（写真付き）',
  disability_handbook: '身体障害者手帳・精神障害者保健福祉手帳・療育手帳',
  residence_card: '在留カード',
  special_permanent_resident_certificate: '特別永住者証明書',
  health_insurance_card: '健康保険証',
  qualification_certificate: '資格確認書',
  care_insurance_card: '介護保険被保険者証',
  pension_book: '年金手帳',
  pension_number_notice: '基礎年金番号通知書',
  maternal_child_handbook: '母子健康手帳',
  employee_id: '社員証',
  student_id: '学生証',
  other_b: 'その他（氏名と生年月日または住所の記載があるもの）',
  my_number_card: 'マイナンバーカード',
  family_register_copy: '戸籍謄本',
  guardianship_certificate: '成年後見登記事項証明書',
  power_of_attorney: '委任状',
  cannot_attend_proof: '本人が来庁できないことの証明（診断書等）',
  sealed_reply_form: '封入・封緘された照会書兼回答書',
});
export type DocumentType = (typeof DOCUMENT_TYPE.values)[number];
