import type { Locale, Text } from './text';

/**
 * The stable codes of the HTTP contract (shared/API.md), each with its Japanese label and its
 * English one. Codes are what clients store and send; labels are what people read.
 */
export interface CodeList<T extends string> {
  values: readonly T[];
  /** Japanese: the counter's language, and what letters and the API print. */
  labels: Readonly<Record<T, string>>;
  labelsEn: Readonly<Record<T, string>>;
}

function codes<const T extends string>(labels: Record<T, string>, labelsEn: Record<T, string>): CodeList<T> {
  return { values: Object.keys(labels) as T[], labels, labelsEn };
}

/** A code's label in both languages (a parameter of a refusal's message). */
export function labelText<T extends string>(list: CodeList<T>, value: T): Text {
  return { ja: list.labels[value], en: list.labelsEn[value] };
}

/** A code's label in `locale`. */
export function labelOf<T extends string>(list: CodeList<T>, value: T, locale: Locale | string | undefined): string {
  return locale === 'en' ? list.labelsEn[value] : list.labels[value];
}

/** 申請の経路: who applies. */
export const ROUTE = codes(
  {
    self: '本人',
    legal_representative: '法定代理人',
    voluntary_agent: '任意代理人',
  },
  { self: 'Self', legal_representative: 'Legal representative', voluntary_agent: 'Voluntary agent' },
);
export type Route = (typeof ROUTE.values)[number];

/** 暗証番号の種類. */
export const PIN = codes(
  {
    signature: '署名用電子証明書の暗証番号',
    user_auth: '利用者証明用電子証明書の暗証番号',
    resident_registry: '住民基本台帳用暗証番号',
    card_info: '券面事項入力補助用暗証番号',
  },
  {
    signature: 'Signature certificate PIN',
    user_auth: 'User authentication certificate PIN',
    resident_registry: 'Resident registry PIN',
    card_info: 'Card information PIN',
  },
);
export type Pin = (typeof PIN.values)[number];

/** 再設定の理由. */
export const RESET_REASON = codes(
  {
    forgotten: '暗証番号を忘れた',
    locked: 'ロックされた',
    face_auth_switch: '顔認証マイナンバーカードからの切替',
  },
  { forgotten: 'Forgotten', locked: 'Locked', face_auth_switch: 'Switch from a face-authentication card' },
);
export type ResetReason = (typeof RESET_REASON.values)[number];

/** 申請の状態. */
export const CASE_STATE = codes(
  {
    received: '受付',
    inquiry_mailed: '照会書発送済',
    reply_returned: '回答書受領',
    completed: '完了',
    cancelled: '取下げ・中止',
  },
  { received: 'Received', inquiry_mailed: 'Inquiry mailed', reply_returned: 'Reply returned', completed: 'Completed', cancelled: 'Cancelled' },
);
export type CaseState = (typeof CASE_STATE.values)[number];

/** 中止の理由. */
export const CANCEL_REASON = codes(
  {
    withdrawn: '申請の取下げ',
    reply_overdue: '回答期限切れ',
    letter_undeliverable: '照会書が届かなかった（返戻）',
    documents_refused: '書類不備',
  },
  { withdrawn: 'Withdrawn', reply_overdue: 'Reply overdue', letter_undeliverable: 'Letter undeliverable (returned)', documents_refused: 'Documents refused' },
);
export type CancelReason = (typeof CANCEL_REASON.values)[number];

/** 照会書の状態. */
export const LETTER_STATUS = codes(
  {
    pending: '作成待ち',
    ready: '印刷待ち',
    printed: '印刷済',
    mailed: '発送済',
    failed: '作成失敗',
    superseded: '差し替えにより無効',
  },
  { pending: 'Being made', ready: 'Waiting to print', printed: 'Printed', mailed: 'Mailed', failed: 'Failed', superseded: 'Replaced (void)' },
);
export type LetterStatus = (typeof LETTER_STATUS.values)[number];

/** 照会書を再発行する理由. */
export const LETTER_REISSUE_REASON = codes(
  {
    lost: '届いていない（紛失）',
    returned: '返送されてきた（宛先不明等）',
    damaged: '汚損・誤印刷',
    locked: '確認コードの誤入力が続いたため（照合ロック）',
    corrected: '申請内容の訂正（宛名・住所など）',
  },
  {
    lost: 'Did not arrive (lost)',
    returned: 'Came back (address unknown etc.)',
    damaged: 'Damaged or misprinted',
    locked: 'Too many wrong check codes (reply locked)',
    corrected: 'The case was corrected (name or address)',
  },
);
export type LetterReissueReason = (typeof LETTER_REISSUE_REASON.values)[number];
/** The reasons staff give for a reissue; `corrected` comes only from a correction (PATCH /api/cases/:id). */
export const STAFF_REISSUE_REASONS = LETTER_REISSUE_REASON.values.filter((r) => r !== 'corrected') as Exclude<LetterReissueReason, 'corrected'>[];

/** 返戻の理由: the reason the post office gives on a letter it brings back. */
export const RETURN_REASON = codes(
  {
    addressee_unknown: '宛所に尋ねあたりません',
    moved_no_forwarding: '転居先不明',
    refused: '受取拒否',
    other: 'その他',
  },
  {
    addressee_unknown: 'Addressee unknown at this address',
    moved_no_forwarding: 'Moved, no forwarding address',
    refused: 'Refused by the addressee',
    other: 'Other',
  },
);
export type ReturnReason = (typeof RETURN_REASON.values)[number];

/** 郵便物の種類: what a line of a mailing ledger is. */
export const MAIL_PIECE_KIND = codes(
  { inquiry_letter: '照会書', completion_notice: '完了通知' },
  { inquiry_letter: 'Inquiry letter', completion_notice: 'Completion notice' },
);
export type MailPieceKind = (typeof MAIL_PIECE_KIND.values)[number];

/** 郵便料金の支払い: 料金後納 (counted on the ledger and billed) or stamps. */
export const POSTAGE_PAYMENT = codes({ deferred: '料金後納', stamps: '切手' }, { deferred: 'Deferred payment', stamps: 'Stamps' });
export type PostagePayment = (typeof POSTAGE_PAYMENT.values)[number];

/** 経過の記録: what the system did to a case besides moving it. */
export const HISTORY_EVENT = codes(
  {
    letter_mailed: '照会書を発送しました',
    reissued_letter_mailed: '再発行した照会書を発送しました',
    letter_reissued: '照会書を再発行しました',
    corrected: '申請内容を訂正しました',
    letter_returned: '照会書が返戻されました',
  },
  {
    letter_mailed: 'Letter mailed',
    reissued_letter_mailed: 'Reissued letter mailed',
    letter_reissued: 'Letter reissued',
    corrected: 'Case corrected',
    letter_returned: 'Letter returned undelivered',
  },
);
export type HistoryEvent = (typeof HISTORY_EVENT.values)[number];

/** 印刷バッチの状態. */
export const PRINT_RUN_STATUS = codes(
  {
    rendering: '作成中',
    ready: '印刷可能',
    mailed: '発送済',
    cancelled: '取消',
  },
  { rendering: 'Being made', ready: 'Ready to print', mailed: 'Mailed', cancelled: 'Cancelled' },
);
export type PrintRunStatus = (typeof PRINT_RUN_STATUS.values)[number];

/** 代理人の種別. */
export const REPRESENTATIVE_KIND = codes(
  {
    parent: '親権者',
    guardian: '成年後見人',
    agent: '任意代理人',
  },
  { parent: 'Parent', guardian: 'Adult guardian', agent: 'Voluntary agent' },
);
export type RepresentativeKind = (typeof REPRESENTATIVE_KIND.values)[number];

/** 職員の役割. */
export const ROLE = codes(
  {
    clerk: '窓口職員',
    supervisor: '監督者',
    print_staff: '印刷担当',
    admin: '管理者',
  },
  { clerk: 'Clerk', supervisor: 'Supervisor', print_staff: 'Print staff', admin: 'Administrator' },
);
export type Role = (typeof ROLE.values)[number];

/** 書類を提示した人. */
export const PRESENTER = codes(
  {
    holder: '本人',
    representative: '代理人',
  },
  { holder: 'Holder', representative: 'Representative' },
);
export type Presenter = (typeof PRESENTER.values)[number];

/** 提示書類の種類. The category (A, B, card, proof) is a rule of the documents module. */
export const DOCUMENT_TYPE = codes(
  {
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
    relationship_proof: '続柄を証明する書類（外国籍の方）',
  },
  {
    drivers_license: "Driver's licence",
    driving_history_certificate: 'Driving history certificate',
    passport: 'Passport',
    resident_card_with_photo: 'Basic Resident Register card (with photo)',
    disability_handbook: 'Disability handbook',
    residence_card: 'Residence card',
    special_permanent_resident_certificate: 'Special permanent resident certificate',
    health_insurance_card: 'Health insurance card',
    qualification_certificate: 'Qualification certificate (health insurance)',
    care_insurance_card: 'Long-term care insurance card',
    pension_book: 'Pension book',
    pension_number_notice: 'Basic pension number notice',
    maternal_child_handbook: 'Maternal and child health handbook',
    employee_id: 'Employee ID',
    student_id: 'Student ID',
    other_b: 'Other (shows name and birth date or address)',
    my_number_card: 'My Number Card',
    family_register_copy: 'Family register copy',
    guardianship_certificate: 'Certificate of registered guardianship',
    power_of_attorney: 'Power of attorney',
    cannot_attend_proof: 'Proof the holder cannot come (medical certificate etc.)',
    sealed_reply_form: 'Sealed inquiry-and-reply form',
    relationship_proof: 'Document proving the relation (foreign residents)',
  },
);
export type DocumentType = (typeof DOCUMENT_TYPE.values)[number];
