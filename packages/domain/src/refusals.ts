import { inLocale, type Locale, type Text } from './text';

/**
 * Refusals as values: every "no" the system says, with a stable code (what programs switch on),
 * a kind (what HTTP status it maps to, decided once by the API's exception filter) and its
 * message in Japanese and English. The rules return refusals; the API throws them; the console
 * shows them in the user's language. A message names its parameters as `{name}`.
 */
export type RefusalKind =
  /** 400: the request is malformed. */
  | 'invalid'
  /** 401: not logged in. */
  | 'unauthenticated'
  /** 403: the role may not. */
  | 'forbidden'
  /** 404: no such thing (in the caller's scope). */
  | 'not_found'
  /** 409: the state or version has moved on. */
  | 'conflict'
  /** 413, 415: the body is too large or not JSON. */
  | 'too_large'
  | 'unsupported'
  /** 422: well-formed, but the rules say no. */
  | 'refused'
  /** 429: too many tries. */
  | 'throttled'
  /** 503: the database went away; nothing was written. */
  | 'unavailable'
  /** 500: our fault. */
  | 'internal';

interface Entry {
  kind: RefusalKind;
  ja: string;
  en: string;
}

const entry = <const K extends RefusalKind, const J extends string, const E extends string>(kind: K, ja: J, en: E) => ({ kind, ja, en });

/** The one catalogue of refusal codes (shared/API.md names the stable ones). */
export const REFUSALS = {
  // The request itself
  bad_request: entry('invalid', 'リクエストの形式が正しくありません。', 'The request is malformed.'),
  invalid_request: entry('invalid', '入力内容に誤りがあります。', 'Some of the input is not valid.'),
  invalid_type: entry('invalid', '形式が正しくありません。', 'This has the wrong form.'),
  value_required: entry('invalid', '入力してください。', 'Please fill this in.'),
  invalid_value: entry('invalid', '選択肢から選んでください。', 'Please choose one of the options.'),
  invalid_format: entry('invalid', '形式が正しくありません。', 'This has the wrong form.'),
  too_long: entry('invalid', '{max}文字以内で入力してください。', 'Please use at most {max} characters.'),
  too_many: entry('invalid', '{max}件以内にしてください。', 'Please give at most {max} items.'),
  too_few: entry('invalid', '{min}件以上にしてください。', 'Please give at least {min} items.'),
  unknown_fields: entry('invalid', '使えない項目が含まれています。', 'The request has fields that are not accepted.'),
  json_malformed: entry('invalid', 'JSON の形式が正しくありません。', 'This is not valid JSON.'),
  range_too_large: entry('invalid', '範囲は1回に{max}件までです。', 'A page holds at most {max} rows.'),
  uuid_malformed: entry('invalid', 'ID の形式が正しくありません。', 'This ID has the wrong form.'),
  month_malformed: entry('invalid', '月を YYYY-MM の形式で指定してください。', 'Please give a month as YYYY-MM.'),
  date_malformed: entry('invalid', '実在する日付を YYYY-MM-DD の形式で入力してください。', 'Please give a real date as YYYY-MM-DD.'),
  kana_only: entry('invalid', 'カタカナで入力してください。', 'Please write this in katakana.'),
  name_has_digits: entry('invalid', '氏名に数字は使えません。', 'A name cannot contain digits.'),
  text_control_character: entry('invalid', '制御文字（NUL など）は入力できません。', 'Control characters (such as NUL) cannot be entered.'),
  text_malformed_unicode: entry(
    'invalid',
    '正しくない文字（対になっていないサロゲート）が含まれています。',
    'This holds a malformed character (an unpaired surrogate).',
  ),
  text_direction_override: entry('invalid', '文字の向きを変える制御文字は入力できません。', 'Characters that override the text direction cannot be entered.'),
  text_invisible_only: entry('invalid', '見えない文字だけでは入力になりません。', 'Invisible characters alone are not an entry.'),
  postal_code_malformed: entry('invalid', '郵便番号は7桁の数字で入力してください。', 'A postal code is 7 digits.'),
  idempotency_key_malformed: entry(
    'invalid',
    'Idempotency-Key は8〜128文字の英数字と記号（_ . : -）です。',
    'An Idempotency-Key is 8–128 letters, digits and _ . : -',
  ),
  case_listed_twice: entry('invalid', '同じ申請が2回指定されています。', 'The same case is given twice.'),
  print_run_empty: entry('invalid', '印刷する照会書を1通以上選んでください。', 'Please pick at least one letter to print.'),
  password_one_character: entry('invalid', '同じ文字だけのパスワードは使えません。', 'A password of one repeated character cannot be used.'),
  password_has_username: entry('invalid', 'ユーザー名を含むパスワードは使えません。', 'A password cannot contain the username.'),
  password_too_common: entry(
    'invalid',
    'よく使われるパスワードのため使えません。別のものにしてください。',
    'This password is too common; please choose another.',
  ),
  range_too_far: entry(
    'invalid',
    '一覧の{max}件目より先は表示できません。条件で絞り込んでください。',
    'A list goes no further than row {max}; narrow it with a filter.',
  ),
  password_too_short: entry('invalid', 'パスワードは12文字以上にしてください。', 'A password needs at least 12 characters.'),
  password_too_long: entry('invalid', 'パスワードは128文字以内にしてください。', 'A password has at most 128 characters.'),
  municipality_code_malformed: entry('invalid', '団体コードは6桁の数字です。', 'A municipality code is 6 digits.'),
  office_code_malformed: entry('invalid', '窓口コードは英大文字と数字で8文字までです。', 'An office code is up to 8 capital letters and digits.'),
  phone_malformed: entry('invalid', '電話番号は数字とハイフンで10〜13文字です。', 'A phone number is 10–13 digits and hyphens.'),
  username_malformed: entry('invalid', 'ユーザー名は3〜64文字の英小文字・数字・記号（_ . -）です。', 'A username is 3–64 lower-case letters, digits and _ . -'),
  payload_too_large: entry('too_large', '送信された内容が大きすぎます。', 'What was sent is too large.'),
  unsupported_media_type: entry('unsupported', 'JSON で送信してください。', 'Please send JSON.'),
  method_not_allowed: entry('invalid', 'この操作はできません。', 'This operation is not available.'),

  // Dates as typed (和暦 or Western)
  date_incomplete: entry('invalid', '日付が途中までです。', 'The date is not complete.'),
  date_unreadable: entry(
    'invalid',
    '日付として読めません（例: 昭和23年2月29日、S23.2.29、1948-02-29、19480229）。',
    'This cannot be read as a date (e.g. 1948-02-29, 19480229, S23.2.29).',
  ),
  date_not_in_calendar: entry('invalid', '{text} という日はありません。', 'There is no such day as {text}.'),
  date_before_era: entry('invalid', '{era}は{start}からです。', 'The {era} era begins on {start}.'),
  date_after_era: entry('invalid', '{era}は{end}までです（{next}）。', 'The {era} era ended on {end} ({next}).'),
  date_out_of_range: entry('invalid', '{from}から{to}までの日付を入力してください。', 'Please give a date from {from} to {to}.'),
  birth_date_in_future: entry('invalid', '生年月日が未来の日付になっています。', 'The birth date is in the future.'),
  birth_date_too_old: entry('invalid', '生年月日が{years}年より前になっています。', 'The birth date is more than {years} years ago.'),

  // Login and roles
  unauthenticated: entry('unauthenticated', 'ログインしてください。', 'Please log in.'),
  invalid_credentials: entry('unauthenticated', 'ユーザー名またはパスワードが正しくありません。', 'The username or password is wrong.'),
  municipality_required: entry(
    'unauthenticated',
    'このユーザー名は複数の自治体にあります。団体コード（6桁）も入力してください。',
    'This username exists in more than one municipality: give its code (6 digits) too.',
  ),
  login_backoff: entry(
    'throttled',
    'ログインの失敗が続いたため、この端末からのこのユーザー名でのログインを{seconds}秒間止めています。しばらくしてからやり直してください。',
    'Too many failed logins for this username from this computer: try again in {seconds} seconds.',
  ),
  too_many_requests: entry('throttled', '操作が多すぎます。しばらく待ってからやり直してください。', 'Too many attempts. Please wait a little and try again.'),
  forbidden: entry('forbidden', 'この操作を行う権限がありません。', 'Your role may not do this.'),

  // The platform
  municipality_code_taken: entry('conflict', 'この団体コードの自治体はすでに登録されています。', 'A municipality with this code is already on the platform.'),
  municipality_not_found: entry('not_found', '指定された自治体が見つかりません。', 'No such municipality.'),
  office_code_taken: entry('conflict', 'この自治体にはこの窓口コードがすでにあります。', 'This municipality already has an office with this code.'),

  // Things that are not there (in the caller's municipality)
  not_found: entry('not_found', '指定されたものが見つかりません。', 'Not found.'),
  case_not_found: entry('not_found', '指定された申請が見つかりません。', 'No such case.'),
  office_not_found: entry('not_found', '指定された窓口が見つかりません。', 'No such office.'),
  letter_not_found: entry('not_found', '指定された照会書が見つかりません。', 'No such letter.'),
  print_run_not_found: entry('not_found', '指定された印刷バッチが見つかりません。', 'No such print run.'),
  mail_ledger_not_found: entry('not_found', '指定された発送簿が見つかりません。', 'No such mailing ledger.'),
  staff_not_found: entry('not_found', '指定された職員が見つかりません。', 'No such member of staff.'),
  reply_letter_not_found: entry('not_found', 'この照会番号の照会書は見つかりません。', 'No letter has this inquiry number.'),
  reference_not_found: entry('refused', '関連するデータが見つかりません。', 'Something this refers to does not exist.'),

  // Conflicts with what changed meanwhile
  conflict: entry('conflict', '他の操作と競合しました。画面を更新してやり直してください。', 'Something else changed this first. Please reload and try again.'),
  duplicate: entry('conflict', '同じ内容のものが既にあります。', 'This already exists.'),
  version_conflict: entry(
    'conflict',
    '他の職員が先にこの申請を更新しました。画面を更新してやり直してください。',
    'Someone else updated this case first. Please reload and try again.',
  ),
  idempotency_key_reused: entry(
    'conflict',
    'この Idempotency-Key は別の内容の受付に使われています。',
    'This Idempotency-Key was used for a different registration.',
  ),
  transition_not_allowed: entry('conflict', 'この申請の現在の状態からは、その状態に変更できません。', 'The case cannot move to that state from where it is.'),
  case_finished: entry('conflict', 'この申請は既に終了しているため、状態を変更できません。', 'The case is finished; its state cannot change.'),
  username_taken: entry('conflict', 'このユーザー名は既に使われています。', 'This username is taken.'),
  letters_taken: entry(
    'conflict',
    '選んだ照会書の一部は、他の印刷バッチに入りました。一覧を更新してやり直してください。',
    'Some of these letters went into another print run. Please reload and try again.',
  ),
  cases_changed: entry(
    'conflict',
    'この印刷バッチの申請が他の操作で更新されました。もう一度確認してください。',
    'Cases of this print run were changed meanwhile. Please check again.',
  ),
  print_run_not_ready: entry(
    'conflict',
    '印刷用のPDFを作成中です。しばらくしてからもう一度操作してください。',
    'The print PDF is still being made. Please try again shortly.',
  ),
  print_run_already_mailed: entry('conflict', 'この印刷バッチは既に発送済みです。', 'This print run was already mailed.'),
  print_run_cancelled: entry('conflict', 'この印刷バッチは取り消されています。', 'This print run was cancelled.'),
  mail_ledger_not_rendered: entry(
    'conflict',
    '発送簿のPDFを作成中です。しばらくしてからもう一度開いてください。',
    'The ledger PDF is still being made. Please open it again shortly.',
  ),
  pdf_removed_by_retention: entry(
    'conflict',
    '保存期間を過ぎたため、このPDFは削除されました（SHA-256・番号・日付は記録に残っています）。',
    'This PDF was deleted when its retention period ended (its SHA-256, numbers and dates are kept).',
  ),
  letter_not_rendered: entry(
    'conflict',
    'この照会書はまだ作成されていません。しばらくしてからもう一度開いてください。',
    'This letter has not been made yet. Please open it again shortly.',
  ),
  letter_render_failed: entry('conflict', 'この照会書は作成に失敗しています。再作成してください。', 'Making this letter failed. Please make it again.'),

  // Registration and the rules
  requirements_not_met: entry(
    'refused',
    '申請の要件を満たしていないため、受付できません。',
    'The application does not meet the rules, so it cannot be registered.',
  ),
  holder_birth_date_in_future: entry('refused', '本人の生年月日が未来の日付になっています。', "The holder's birth date is in the future."),
  self_with_representative: entry('refused', '本人申請に代理人は入力できません。', 'A self application has no representative.'),
  holder_under_15_needs_representative: entry(
    'refused',
    '本人が15歳未満のため、法定代理人（親権者）が申請してください。',
    'The holder is under 15: a legal representative (parent) must apply.',
  ),
  agent_holder_under_15: entry(
    'refused',
    '本人が15歳未満のため、任意代理人では申請できません（照会書に同意するのは法定代理人です）。「法定代理人」の経路で、親権者が申請してください。',
    'The holder is under 15: a voluntary agent cannot apply (the consent belongs to the legal representative). Use the legal-representative route: a parent applies.',
  ),
  agent_holder_adult_ward: entry(
    'refused',
    '本人が成年被後見人のため、任意代理人では申請できません（照会書に同意するのは成年後見人です）。「法定代理人」の経路で、成年後見人が申請してください。',
    'The holder is an adult ward: a voluntary agent cannot apply (the consent belongs to the guardian). Use the legal-representative route: the guardian applies.',
  ),
  adult_ward_needs_guardian: entry(
    'refused',
    '本人が成年被後見人のため、成年後見人が申請してください。',
    'The holder is an adult ward: the guardian must apply.',
  ),
  representative_required: entry('refused', '代理人の情報を入力してください。', "Please give the representative's details."),
  holder_too_old_for_parent: entry(
    'refused',
    '本人が{limit}歳以上のため、親権者は法定代理人として申請できません。任意代理人の手続（照会書の郵送）になります。',
    'The holder is {limit} or older, so a parent cannot apply as legal representative: this is the voluntary-agent route (a letter by post).',
  ),
  holder_not_adult_ward: entry(
    'refused',
    '本人が成年被後見人でない場合、成年後見人としては申請できません。',
    'Only the guardian of an adult ward can apply as guardian.',
  ),
  legal_representative_kind_invalid: entry(
    'refused',
    '法定代理人は親権者または成年後見人です。それ以外の方は任意代理人として申請してください。',
    'A legal representative is a parent or a guardian; anyone else applies as a voluntary agent.',
  ),
  voluntary_agent_kind_invalid: entry(
    'refused',
    '任意代理人の申請では、代理人の種別を「任意代理人」にしてください。',
    'On the voluntary-agent route the representative is an agent.',
  ),
  signature_holder_under_15: entry(
    'refused',
    '15歳未満の方には署名用電子証明書が発行されないため、署名用の暗証番号はありません。',
    'Holders under 15 get no signature certificate, so there is no signature PIN.',
  ),
  signature_adult_ward: entry(
    'refused',
    '成年被後見人の方には署名用電子証明書が発行されないため、署名用の暗証番号はありません。',
    'Adult wards get no signature certificate, so there is no signature PIN.',
  ),
  signature_no_certificate: entry(
    'refused',
    '署名用電子証明書が発行されていないため、署名用の暗証番号はありません。',
    'No signature certificate was issued, so there is no signature PIN.',
  ),
  user_auth_no_certificate: entry(
    'refused',
    '利用者証明用電子証明書が搭載されていないため、利用者証明用の暗証番号はありません。',
    'The card carries no user-authentication certificate, so there is no user-authentication PIN.',
  ),
  signature_lapsed_issue_anew: entry(
    'refused',
    '氏名・住所・性別・生年月日の変更により署名用電子証明書は失効しています。暗証番号の再設定ではなく、署名用電子証明書の新規発行（新しい暗証番号の設定）になります。',
    'The signature certificate lapsed when the name, address, sex or birth date changed: it is issued anew, with a new PIN, rather than reset.',
  ),
  certificate_expired_issue_anew: entry(
    'refused',
    '{certificate}の有効期限（{expiresOn}）が切れています。暗証番号の再設定ではなく、電子証明書の新規発行（新しい暗証番号の設定）になります。',
    'The {certificate} expired on {expiresOn}: it is issued anew, with a new PIN, rather than reset.',
  ),
  pins_required: entry('refused', '再設定する暗証番号を1つ以上選んでください。', 'Please choose at least one PIN to reset.'),
  pins_duplicated: entry('refused', '同じ暗証番号が重複して選ばれています。', 'The same PIN is chosen twice.'),
  document_expired: entry('refused', '有効期限が切れています。', 'It has expired.'),
  card_expiry_missing: entry(
    'refused',
    'マイナンバーカードの有効期限を入力してください（有効期限内のカードに限ります）。',
    "Please give the card's expiry date (only a card within its validity counts).",
  ),
  health_insurance_card_ended: entry(
    'refused',
    '健康保険証は{lastDay}までで本人確認書類として使えなくなりました。資格確認書やほかの書類をお持ちか確認してください。',
    'Health insurance cards stopped counting as ID after {lastDay}. Ask for the qualification certificate that replaced it, or another document.',
  ),
  agent_birth_date_required: entry(
    'refused',
    '代理人の生年月日を入力してください（2回目の来庁で同じ代理人か確認します）。',
    "Please give the agent's birth date (the second visit checks it is the same agent).",
  ),
  agent_birth_date_in_future: entry('refused', '代理人の生年月日が未来の日付になっています。', "The agent's birth date is in the future."),
  document_issued_in_future: entry('refused', '発行日が未来の日付になっています。', 'The issue date is in the future.'),
  proof_issue_date_missing: entry(
    'refused',
    '発行日を入力してください（発行から一定期間内のものに限ります）。',
    'Please give the issue date (it must be recent).',
  ),
  proof_too_old: entry('refused', '発行から{months}か月以内のものが必要です。', 'It must have been issued within {months} months.'),
  // A checklist line still unmet: one code per line of the checklist, its wording from the line.
  holder_card_missing: entry('refused', '{need}', '{need}'),
  holder_second_id_missing: entry('refused', '{need}', '{need}'),
  representation_proof_missing: entry('refused', '{need}', '{need}'),
  representative_ids_missing: entry('refused', '{need}', '{need}'),
  representative_current_address_missing: entry('refused', '{need}', '{need}'),
  holder_address_checked_missing: entry('refused', '{need}', '{need}'),
  agent_first_visit_id_missing: entry('refused', '{need}', '{need}'),
  sealed_reply_form_missing: entry('refused', '{need}', '{need}'),
  power_of_attorney_missing: entry('refused', '{need}', '{need}'),
  cannot_attend_proof_missing: entry('refused', '{need}', '{need}'),
  text_contains_individual_number: entry(
    'refused',
    '個人番号（マイナンバー）と思われる12桁の数字が含まれています。個人番号は記録できません。',
    'This seems to hold a 12-digit individual number, which may not be recorded.',
  ),
  text_contains_pin: entry(
    'refused',
    '暗証番号と思われる文字列が含まれています。暗証番号は記録できません（数字には「年」「円」などの単位を付けてください）。',
    'This seems to hold a PIN, which may not be recorded (give numbers a unit such as 年 or 円).',
  ),
  text_refused: entry('refused', '記録できない内容が含まれています。', 'This holds something that may not be recorded.'),
  note_refused: entry('refused', '備考に入力できない内容が含まれています。', 'The note holds something that may not be recorded.'),

  // Counter hours (warnings at registration)
  office_closed_today: entry('refused', '本日は窓口は閉庁しています。', 'The counter is closed today.'),
  office_closed_holiday: entry('refused', '本日は{holiday}のため窓口は閉庁しています。', 'The counter is closed today ({holiday}).'),
  office_closed_year_end: entry('refused', '年末年始のため窓口は閉庁しています。', 'The counter is closed for the New Year holidays.'),
  office_not_open_yet: entry('refused', '窓口は{opens}からです。', 'The counter opens at {opens}.'),
  office_closed_now: entry('refused', '本日の受付は{closes}で終了しました。', "Today's counter closed at {closes}."),
  may_not_finish_today: entry(
    'refused',
    '手続には約{minutes}分かかります。システムの受付終了（{cutoff}頃）までに終わらない場合は、後日あらためてお越しください。',
    'A reset takes about {minutes} minutes. If it cannot finish before the national system stops (about {cutoff}), the resident must come back another day.',
  ),
  office_lunch_closure: entry('refused', '{from}から{to}までは窓口の受付を休止しています。', 'The counter pauses from {from} to {to}.'),
  may_not_finish_before_lunch: entry(
    'refused',
    '手続には約{minutes}分かかります。{from}からの休止までに終わらない場合は、再開後にお越しください。',
    'A reset takes about {minutes} minutes. If it cannot finish before the pause at {from}, the resident must come back after it.',
  ),
  national_system_closure: entry(
    'refused',
    '国のシステムが{from}から{to}まで停止すると案内されています。その間は暗証番号の再設定ができません。',
    'The national system is announced to be down from {from} to {to}: no PIN can be reset in that time.',
  ),
  hours_invalid_time: entry('invalid', '時刻は HH:MM の形式で入力してください。', 'Times are HH:MM.'),
  hours_lunch_outside: entry(
    'invalid',
    '休止時間は開始より後、終了より前で、始まりが終わりより前になるようにしてください。',
    'A pause must lie within the opening hours, its start before its end.',
  ),
  hours_invalid_nth_weekday: entry('invalid', '曜日（0〜6）と第何週（1〜5）を指定してください。', 'Give a weekday (0–6) and a week of the month (1–5).'),
  hours_closes_before_opens: entry('invalid', '終了時刻は開始時刻より後にしてください。', 'Closing must be after opening.'),
  hours_invalid_weekday: entry('invalid', '曜日は 0（日）から 6（土）で指定してください。', 'Weekdays are 0 (Sunday) to 6 (Saturday).'),

  // Policy
  policy_invalid: entry('refused', '運用方針の設定に誤りがあります。', 'The policy has errors.'),
  policy_changed: entry(
    'conflict',
    '他の管理者が先に運用方針を変更しました（現在は第{version}版）。画面を更新してやり直してください。',
    'Another administrator changed the policy first (it is now version {version}). Please reload and try again.',
  ),
  if_match_malformed: entry(
    'invalid',
    'If-Match には編集した版の番号を指定してください（例 "3"）。',
    'If-Match takes the number of the version you edited (e.g. "3").',
  ),
  office_hours_invalid: entry('refused', '開庁時間の設定に誤りがあります。', 'The opening hours have errors.'),
  policy_not_object: entry('invalid', '運用方針はオブジェクトで指定してください。', 'A policy is an object.'),
  policy_unknown_field: entry('invalid', '運用方針にない項目です。', 'A policy has no such field.'),
  policy_field_missing: entry(
    'invalid',
    'この項目を指定してください（運用方針は全項目をそろえて保存します）。',
    'Please give this field (a policy is saved whole).',
  ),
  policy_integer_out_of_range: entry('invalid', '{min} から {max} までの整数で指定してください。', 'Please give a whole number from {min} to {max}.'),
  policy_choice: entry('invalid', '{choices} のいずれかを指定してください。', 'Please give one of {choices}.'),
  policy_boolean: entry('invalid', 'true または false を指定してください。', 'Please give true or false.'),
  policy_time: entry('invalid', 'HH:MM の形式（例 19:00）で指定してください。', 'Please give a time as HH:MM (e.g. 19:00).'),
  policy_printed_text: entry(
    'invalid',
    '{max}文字以内の文字で入力してください（制御文字や暗証番号・個人番号は使えません）。',
    'Use at most {max} printable characters (no control characters, PINs or individual numbers).',
  ),
  policy_document_number_format: entry(
    'invalid',
    '文書番号の書式には、番号の入る位置に # を1つ入れてください（例：見市民第#号）。',
    'Put one # in the document number format, where the number goes (e.g. No. #).',
  ),
  policy_closures: entry(
    'invalid',
    '国のシステムの停止は、日付（YYYY-MM-DD）と、終日でなければ開始・終了時刻（HH:MM、開始が先）で、100件まで入力してください。',
    'National system closures are a date (YYYY-MM-DD) and, unless all day, a start and an end (HH:MM, start first); at most 100.',
  ),

  // Transitions
  transition_role_not_allowed: entry('forbidden', 'この操作を行う権限がありません。', 'Your role may not make this move.'),
  cancel_reason_required: entry('refused', '中止の理由を選んでください。', 'Please choose why the case is cancelled.'),
  cancel_reason_not_allowed: entry(
    'refused',
    'この状態では、その理由で中止することはできません。',
    'A case in this state cannot be cancelled for that reason.',
  ),
  reason_only_for_cancel: entry('refused', '理由は中止のときだけ指定できます。', 'A reason is only given when cancelling.'),
  transition_needs_not_met: entry('refused', 'この操作に必要な条件を満たしていません。', 'What this move needs is not all there.'),
  documents_not_expected: entry('refused', 'この操作では書類を記録しません。', 'This move records no documents.'),
  reply_not_expected: entry('refused', 'この操作では回答書を照合しません。', 'This move checks no reply.'),
  mailed_through_print_run: entry(
    'refused',
    '照会書の発送は、印刷バッチの「発送済み」の確認で記録します。',
    "A letter's mailing is recorded by confirming its print run as mailed.",
  ),
  reply_required: entry('refused', '回答書の照会番号と確認コードを入力してください。', 'Please give the inquiry number and check code of the reply.'),
  reply_other_case: entry('refused', 'この照会番号はこの申請の照会書のものではありません。', "This inquiry number is not this case's letter."),

  // The reply desk
  reply_inquiry_number_malformed: entry(
    'invalid',
    '照会番号は{length}文字です（例: K7Q-M3X-A9T）。',
    'An inquiry number has {length} characters (e.g. K7Q-M3X-A9T).',
  ),
  reply_inquiry_number_mistyped: entry(
    'refused',
    '照会番号の入力に誤りがあります。回答書の照会番号をもう一度確認してください。',
    'The inquiry number is mistyped. Please check it on the reply form.',
  ),
  reply_check_code_malformed: entry('invalid', '確認コードは{length}文字です（例: ABC-DEF）。', 'A check code has {length} characters (e.g. ABC-DEF).'),
  reply_check_code_mistyped: entry(
    'refused',
    '確認コードの入力に誤りがあります。回答書の確認コードをもう一度確認してください。',
    'The check code is mistyped. Please check it on the reply form.',
  ),
  reply_lapsed: entry(
    'refused',
    '回答期限を過ぎ、猶予期間も終わったため、この申請は失効しています（{lapsedOn}に失効）。改めて申請してください。',
    'The reply deadline and its grace days have passed: the application lapsed on {lapsedOn}. A new application is needed.',
  ),
  reply_late: entry(
    'refused',
    '回答期限を過ぎた回答書は窓口では受け付けられません（申請は失効しています）。もう一度申請していただくか、監督者が理由を記録して受け付けます。',
    'The reply came back after its deadline (the application has lapsed): apply again, or a supervisor accepts it, recording why.',
  ),
  agent_not_confirmed: entry(
    'refused',
    '来庁した方が申請時の代理人本人であることを（氏名・生年月日と本人確認書類で）確認し、チェックを入れてください。',
    'Check that the person at the counter is the agent who applied (name, birth date and ID), and tick the box.',
  ),
  agent_confirmation_not_expected: entry(
    'invalid',
    '代理人の確認は回答書の受付のときだけ記録します。',
    "The agent's confirmation is recorded only when the reply is taken.",
  ),
  reply_at_registering_office: entry(
    'refused',
    'この申請の回答書は、申請を受け付けた{office}でのみ受け付けます。',
    'The reply to this application is taken only at {office}, where it was made.',
  ),
  late_reply_note_required: entry('refused', '期限後の回答書を受け付ける理由を備考に入力してください。', 'Write in the note why this late reply is accepted.'),
  reply_locked: entry(
    'conflict',
    '確認コードの誤入力が上限に達したため、この照会書では照合できません。監督者が照会書を再発行してください。',
    'Too many wrong check codes were typed for this letter; a supervisor must reissue it.',
  ),
  reissue_locked_needs_supervisor: entry('forbidden', '照合ロックによる再発行は監督者が行います。', 'Only a supervisor reissues a locked letter.'),
  reply_check_code_mismatch: entry(
    'refused',
    '確認コードが照会番号と一致しません。回答書が本物か確認してください。',
    'The check code does not belong to this inquiry number. Please check that the reply form is genuine.',
  ),
  reply_superseded: entry(
    'conflict',
    'この照会書は再発行により無効になっています。新しい照会書の回答書が必要です。',
    'This letter was replaced by a reissue: the reply to the new letter is needed.',
  ),
  reply_letter_not_mailed: entry('conflict', 'この照会書はまだ発送されていません。', 'This letter has not been mailed yet.'),
  reply_case_not_awaiting: entry('conflict', 'この申請は「{state}」のため、回答書を受け付けられません。', 'The case is "{state}", so no reply can be taken.'),

  // Letters and print runs
  case_has_no_letter: entry(
    'conflict',
    'この申請には照会書がありません（任意代理人の申請だけが照会書を使います）。',
    'This case has no letter (only the voluntary-agent route uses one).',
  ),
  letter_not_yet_mailed: entry(
    'conflict',
    '照会書はまだ発送されていません。再発行ではなく、印刷バッチを取り消して作り直してください。',
    'The letter has not been mailed: cancel its print run and make a new one instead of reissuing.',
  ),
  case_not_awaiting_reply: entry(
    'conflict',
    'この申請は回答書を待っていないため、照会書を再発行できません。',
    'The case is not waiting for a reply, so its letter cannot be reissued.',
  ),
  letter_reissue_pending: entry('conflict', '再発行した照会書がまだ発送されていません。', 'The reissued letter has not been mailed yet.'),
  letter_not_failed: entry('conflict', '作成に失敗した照会書だけを再作成できます。', 'Only a letter that failed can be made again.'),
  letters_not_printable: entry('refused', '印刷できない照会書が含まれています。', 'Some of these letters cannot be printed.'),
  case_not_awaiting_letter: entry('refused', 'この申請は「{state}」のため、照会書を印刷しません。', 'The case is "{state}": its letter is not printed.'),
  letter_not_ready: entry('refused', '照会書が印刷待ちではありません（{status}）。', 'The letter is not waiting to be printed ({status}).'),
  print_run_not_mailable: entry(
    'refused',
    '発送の確認ができません。発送しない照会書を確認してください。',
    'The run cannot be confirmed as mailed: check which letters are held back.',
  ),
  case_not_in_run: entry('refused', 'この印刷バッチにない申請です。', 'This case is not in the print run.'),
  letter_must_be_held_back: entry(
    'refused',
    '{receiptNumber} は「{state}」です。この照会書は発送せず、発送しなかったものとして指定してください。',
    '{receiptNumber} is "{state}": hold its letter back and name it as not mailed.',
  ),

  // Returned mail
  letter_already_returned: entry('conflict', 'この照会書の返戻は記録済みです。', 'This letter was already recorded as returned.'),
  letter_not_out: entry(
    'conflict',
    'この照会書は発送中のものではありません（未発送、または再発行で無効）。',
    'This letter is not the one out in the post (not mailed yet, or replaced).',
  ),
  return_note_required: entry('refused', '「その他」の場合は、返戻の理由を入力してください。', 'For "other", write the reason the post office gave.'),
  reissue_same_address: entry(
    'refused',
    'この照会書は今の住所から返戻されています。住民記録で新しい住所を確認し、訂正してから再発行してください（訂正すると新しい住所へ再発行します）。住所が変わらない場合は、「宛先不明」で中止します。',
    'The letter came back from this address. Check the resident register for a new address and correct it (which reissues the letter there); if there is none, cancel as undeliverable.',
  ),

  // Corrections
  correction_refused: entry('refused', 'この訂正はできません。', 'This correction cannot be made.'),
  case_finished_no_correction: entry('conflict', 'この申請は既に終了しているため、訂正できません。', 'The case is finished; it cannot be corrected.'),
  correction_after_mailing_supervisor: entry(
    'forbidden',
    '照会書の発送後の訂正は監督者が行います。',
    'Once the letter has been mailed, only a supervisor corrects the case.',
  ),
  correction_nothing_changed: entry(
    'refused',
    '訂正する内容がありません（入力した値は登録済みのものと同じです）。',
    'Nothing to correct: every value given is the one recorded.',
  ),
  holder_correction_from_register: entry(
    'refused',
    '本人の情報は住民記録から取得しています。訂正するときは、住民記録をもう一度照会して選び直してください。',
    "The holder's details come from the resident register: to correct them, look the holder up again and pick them.",
  ),
  holder_register_or_typed: entry(
    'invalid',
    '住民記録から選ぶときは、本人の氏名・生年月日・住所を入力しないでください。',
    'When the holder is picked from the resident register, do not type their name, birth date or address.',
  ),
  correction_no_representative: entry('refused', 'この申請には代理人がいません。', 'This case has no representative.'),
  holder_address_recheck_required: entry(
    'refused',
    '本人の住所を訂正するときは、住民票で確認したことにチェックしてください（照会書はこの住所に送ります）。',
    "When correcting the holder's address, tick that it was checked against the resident record (the letter goes there).",
  ),

  // The resident register
  resident_key_malformed: entry('invalid', '住民記録の番号は英数字と - _ . で64文字以内です。', 'A resident key is up to 64 letters, digits, - _ or .'),
  resident_key_duplicated: entry('invalid', '住民記録の番号が{line}行目と重複しています。', 'This resident key is also on line {line}.'),
  holder_not_in_register: entry(
    'refused',
    '住民記録にこの方が見つかりません。氏名（カナ）と生年月日を確かめて、もう一度照会してください。',
    'The resident register has no such person. Check the kana name and birth date and look them up again.',
  ),
  holder_resident_required: entry(
    'refused',
    '任意代理人の申請では、本人を住民記録から選んでください（照会書は住民記録の住所へ送ります）。',
    'On the agent route, pick the holder from the resident register (the letter goes to the address on record).',
  ),
  resident_register_unavailable: entry(
    'unavailable',
    '住民記録を確認できません。少し待ってからやり直してください。何も登録されていません。',
    'The resident register cannot be reached. Nothing was recorded; please try again shortly.',
  ),

  // Staff
  cannot_demote_self: entry(
    'refused',
    '自分自身を無効にしたり、管理者以外の役割に変更したりすることはできません。',
    'You cannot deactivate yourself or take away your own administrator role.',
  ),

  // The system
  database_unavailable: entry(
    'unavailable',
    'データベースに一時的に接続できません。何も登録されていません。少し待ってからやり直してください。',
    'The database is briefly unreachable. Nothing was recorded; please try again shortly.',
  ),
  internal_error: entry(
    'internal',
    'システムエラーが発生しました。時間をおいてやり直してください。',
    'Something went wrong on our side. Please try again later.',
  ),
} as const satisfies Record<string, Entry>;

export type RefusalCode = keyof typeof REFUSALS;

export function isRefusalCode(code: string): code is RefusalCode {
  return Object.hasOwn(REFUSALS, code);
}

/** A parameter of a message: a number, a string (data, the same in both languages) or wording in both. */
export type ParamValue = string | number | Text;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type Names<C extends RefusalCode> = Placeholders<(typeof REFUSALS)[C]['ja']> | Placeholders<(typeof REFUSALS)[C]['en']>;
/** The parameters a code's messages name, checked by the compiler. */
export type ParamsOf<C extends RefusalCode> = [Names<C>] extends [never] ? undefined : Record<Names<C>, ParamValue>;

/** A refusal or a gap, with a stable code for programs and a Japanese message for people. */
export interface Refusal<C extends RefusalCode = RefusalCode> {
  kind: RefusalKind;
  code: C;
  /** The Japanese message (the counter's language); `localize` gives it in English. */
  message: string;
  /** The input field it concerns, when there is one (e.g. `holder.birthDate`). */
  path?: string;
  params?: Record<string, ParamValue>;
}

function render(template: string, params: Record<string, ParamValue> | undefined, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? inLocale(value, locale) : String(value);
  });
}

/** Make a refusal: `refusal('proof_too_old', { months: 3 }, 'documents.2')`. */
export function refusal<C extends RefusalCode>(
  code: C,
  ...[params, path]: ParamsOf<C> extends undefined ? [params?: undefined, path?: string] : [params: ParamsOf<C>, path?: string]
): Refusal<C> {
  const e: Entry = REFUSALS[code];
  const out: Refusal<C> = { kind: e.kind, code, message: render(e.ja, params as Record<string, ParamValue> | undefined, 'ja') };
  if (path !== undefined) out.path = path;
  if (params) out.params = params as Record<string, ParamValue>;
  return out;
}

/** The same refusal about another field. */
export function at<R extends Refusal>(r: R, path: string): R {
  return { ...r, path };
}

/** A refusal's message in `locale`; a code the catalogue does not know keeps its own message. */
export function localize(r: { code: string; message: string; params?: Record<string, ParamValue> }, locale: Locale | string | undefined): string {
  if (locale !== 'en' || !isRefusalCode(r.code)) return r.message;
  return render(REFUSALS[r.code].en, r.params, 'en');
}

/** The catalogue's message for a code in `locale`, with its parameters. */
export function messageFor(code: RefusalCode, locale: Locale | string | undefined, params?: Record<string, ParamValue>): string {
  return render(locale === 'en' ? REFUSALS[code].en : REFUSALS[code].ja, params, locale === 'en' ? 'en' : 'ja');
}
