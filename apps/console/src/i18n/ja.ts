/** Our own Japanese messages; react-admin's come from @bicstone/ra-language-japanese. */
export const ja = {
  madoguchi: {
    title: '窓口 — マイナンバーカード暗証番号の再設定',
    dashboard: {
      heading: 'ようこそ',
      intro: '暗証番号再設定の申請を受け付け、照会書兼回答書の発送と回答を管理します。',
      system: 'システムの状態',
      database: 'データベース',
      queue: 'キュー（Redis）',
      up: '正常',
      down: '停止',
      checking: '確認中…',
      unreachable: 'API に接続できません',
    },
    cases: {
      title: '申請の一覧',
      search: '受付番号・照会番号・カナ',
      receiptNumber: '受付番号',
      createdAt: '受付日時',
      holderKana: '本人（カナ）',
      route: '経路',
      state: '状態',
      overdue: '期限超過',
      replyDeadline: '回答期限',
    },
    rules: {
      menu: '必要書類の案内',
      title: '必要書類と暗証番号の案内',
      visit1: '申請時（1回目の来庁）',
      visit2: '回答書の持参時（2回目の来庁）',
      pinFormats: '暗証番号の形式',
      pinFormat: '%{format}。%{tries}回続けて間違えるとロックされます。',
    },
    language: { ja: '日本語', en: 'English' },
    resources: { cases: '申請' },
  },
};

export type Messages = typeof ja;
