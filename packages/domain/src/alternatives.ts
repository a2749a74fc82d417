import type { Pin, ResetReason } from './codes';
import type { IsoDate } from './dates';
import { certificateState, type HolderFacts } from './eligibility';
import { text, type Text } from './text';

/** 代替手段: what the clerk can tell the resident instead of a counter visit. */
export interface Alternative {
  code: 'store_signature_reset' | 'store_user_auth_reset';
  message: Text;
}

/**
 * Since 2022 the signature PIN can be reset at a convenience-store kiosk (6:30–23:00, after a
 * reservation in the "JPKI暗証番号リセット" app) by a holder who knows the user-auth PIN; since
 * 2024 the reverse at some stores. The resident-registry and card-info PINs, and a switch from a
 * face-authentication card, can only be done at the counter.
 */
export function storeAlternatives(input: { pins: readonly Pin[]; reason: ResetReason; holder: HolderFacts; on: IsoDate }): Alternative[] {
  const { pins, reason } = input;
  if (reason === 'face_auth_switch' || pins.length !== 1) return [];
  // The kiosk asks for the other certificate's PIN: that certificate must be on the card, valid, and its PIN not the one forgotten.
  const usable = (pin: 'signature' | 'user_auth') => ['valid', 'renewal_window'].includes(certificateState(input.holder, pin, input.on));
  if (pins[0] === 'signature' && usable('user_auth')) {
    return [
      {
        code: 'store_signature_reset',
        message: text(
          '利用者証明用電子証明書の暗証番号（数字4桁）が分かる場合は、スマートフォンの「JPKI暗証番号リセット」アプリで予約のうえ、コンビニのキオスク端末（6:30〜23:00）で署名用の暗証番号を再設定できます。',
          'If the holder knows the user-authentication PIN (4 digits), the signature PIN can be reset at a convenience-store kiosk (6:30–23:00) after booking in the "JPKI PIN reset" smartphone app.',
        ),
      },
    ];
  }
  if (pins[0] === 'user_auth' && usable('signature')) {
    return [
      {
        code: 'store_user_auth_reset',
        message: text(
          '署名用電子証明書の暗証番号（英数字6〜16桁）が分かる場合は、「JPKI暗証番号リセット」アプリで予約のうえ、対応するコンビニのキオスク端末で利用者証明用の暗証番号を再設定できます（対応店舗は限られます）。',
          'If the holder knows the signature PIN (6–16 letters and digits), the user-authentication PIN can be reset at some convenience-store kiosks after booking in the "JPKI PIN reset" app.',
        ),
      },
    ];
  }
  return [];
}
