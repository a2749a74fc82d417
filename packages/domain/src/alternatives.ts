import type { Pin, ResetReason } from './codes';

/** 代替手段: what the clerk can tell the resident instead of a counter visit. */
export interface Alternative {
  code: 'store_signature_reset' | 'store_user_auth_reset';
  message: string;
}

/**
 * Since 2022 the signature PIN can be reset at a convenience-store kiosk (6:30–23:00, after a
 * reservation in the "JPKI暗証番号リセット" app) by a holder who knows the user-auth PIN; since
 * 2024 the reverse at some stores. The resident-registry and card-info PINs, and a switch from a
 * face-authentication card, can only be done at the counter.
 */
export function storeAlternatives(input: { pins: readonly Pin[]; reason: ResetReason; hasSignatureCertificate: boolean }): Alternative[] {
  const { pins, reason } = input;
  if (reason === 'face_auth_switch' || pins.length !== 1) return [];
  if (pins[0] === 'signature') {
    return [
      {
        code: 'store_signature_reset',
        message:
          '利用者証明用電子証明書の暗証番号（数字4桁）が分かる場合は、スマートフォンの「JPKI暗証番号リセット」アプリで予約のうえ、コンビニのキオスク端末（6:30〜23:00）で署名用の暗証番号を再設定できます。',
      },
    ];
  }
  if (pins[0] === 'user_auth' && input.hasSignatureCertificate) {
    return [
      {
        code: 'store_user_auth_reset',
        message:
          '署名用電子証明書の暗証番号（英数字6〜16桁）が分かる場合は、「JPKI暗証番号リセット」アプリで予約のうえ、対応するコンビニのキオスク端末で利用者証明用の暗証番号を再設定できます（対応店舗は限られます）。',
      },
    ];
  }
  return [];
}
