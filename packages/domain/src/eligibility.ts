import type { Pin, RepresentativeKind, ResetReason, Route } from './codes';
import { addMonths, ageOn, compareDates, formatDate, isIsoDate, type IsoDate } from './dates';
import { text, type Text } from './text';
import type { MunicipalityPolicy } from './policy';
import { refusal, type Refusal } from './refusals';

/** The facts about the cardholder that the rules depend on. */
export interface HolderFacts {
  birthDate: IsoDate;
  /** 成年被後見人. */
  adultWard: boolean;
  /** Whether a signature certificate (署名用電子証明書) was issued on the card. */
  hasSignatureCertificate: boolean;
  /** Whether the card carries a user-authentication certificate (000: 「搭載を希望した方のみ」); absent means it does. */
  hasUserAuthCertificate?: boolean;
  /** The certificates' own expiry dates, when the clerk has them (the 5th birthday after issue). */
  signatureCertificateExpiresOn?: IsoDate | null;
  userAuthCertificateExpiresOn?: IsoDate | null;
  /** 氏名・住所・性別・生年月日 changed since the signature certificate was issued: it has lapsed (003, 004). */
  basicInfoChanged?: boolean;
}

/** A certificate may be renewed from the day after the same day three months before its expiry (003). */
export const CERTIFICATE_RENEWAL_MONTHS = 3;

type CertificateState = 'absent' | 'lapsed' | 'expired' | 'renewal_window' | 'valid';

/** Where a certificate of the holder stands on `on`: not carried, lapsed, expired, due for renewal, or valid. */
export function certificateState(holder: HolderFacts, pin: 'signature' | 'user_auth', on: IsoDate): CertificateState {
  const carried = pin === 'signature' ? holder.hasSignatureCertificate : holder.hasUserAuthCertificate !== false;
  if (!carried) return 'absent';
  if (pin === 'signature' && holder.basicInfoChanged) return 'lapsed';
  const expiresOn = pin === 'signature' ? holder.signatureCertificateExpiresOn : holder.userAuthCertificateExpiresOn;
  if (!isIsoDate(expiresOn)) return 'valid';
  if (compareDates(on, expiresOn) > 0) return 'expired';
  return compareDates(on, addMonths(expiresOn, -CERTIFICATE_RENEWAL_MONTHS)) > 0 ? 'renewal_window' : 'valid';
}

export interface Application {
  route: Route;
  reason: ResetReason;
  pins: readonly Pin[];
  holder: HolderFacts;
  /** The agent's birth date is recorded at visit 1 so visit 2 can check it is the same person. */
  representative?: { kind: RepresentativeKind; birthDate?: IsoDate | null } | null;
}

/** Below this age a holder cannot apply alone, whatever the municipality (法定代理人が手続). */
export const MINIMUM_AGE_TO_APPLY_ALONE = 15;
/** A signature certificate is never issued to a holder under 15. */
export const MINIMUM_AGE_FOR_SIGNATURE = 15;

/** Why the chosen route is not open for this holder and representative (empty when it is). */
export function routeRefusals(app: Application, policy: MunicipalityPolicy, on: IsoDate): Refusal[] {
  const { holder, representative } = app;
  if (compareDates(holder.birthDate, on) > 0) {
    return [refusal('holder_birth_date_in_future', undefined, 'holder.birthDate')];
  }
  const age = ageOn(holder.birthDate, on);
  const problems: Refusal[] = [];
  switch (app.route) {
    case 'self':
      if (representative) problems.push(refusal('self_with_representative', undefined, 'representative'));
      if (age < MINIMUM_AGE_TO_APPLY_ALONE) {
        problems.push(refusal('holder_under_15_needs_representative', undefined, 'route'));
      }
      if (holder.adultWard) problems.push(refusal('adult_ward_needs_guardian', undefined, 'route'));
      break;
    case 'legal_representative':
      if (!representative) {
        problems.push(refusal('representative_required', undefined, 'representative'));
      } else if (representative.kind === 'parent') {
        if (age >= policy.legalRepresentativeAgeLimit) {
          problems.push(refusal('holder_too_old_for_parent', { limit: policy.legalRepresentativeAgeLimit }, 'route'));
        }
      } else if (representative.kind === 'guardian') {
        if (!holder.adultWard) problems.push(refusal('holder_not_adult_ward', undefined, 'representative.kind'));
      } else {
        problems.push(refusal('legal_representative_kind_invalid', undefined, 'representative.kind'));
      }
      break;
    case 'voluntary_agent':
      // The letter asks the holder to consent: a child or a ward cannot, their legal representative does.
      if (age < MINIMUM_AGE_TO_APPLY_ALONE) problems.push(refusal('agent_holder_under_15', undefined, 'route'));
      if (holder.adultWard) problems.push(refusal('agent_holder_adult_ward', undefined, 'route'));
      if (!representative) {
        problems.push(refusal('representative_required', undefined, 'representative'));
      } else if (representative.kind !== 'agent') {
        problems.push(refusal('voluntary_agent_kind_invalid', undefined, 'representative.kind'));
      } else if (!isIsoDate(representative.birthDate)) {
        // Visit 2 checks the agent against what visit 1 recorded (DOMAIN.md: the same agent).
        problems.push(refusal('agent_birth_date_required', undefined, 'representative.birthDate'));
      } else if (compareDates(representative.birthDate, on) > 0) {
        problems.push(refusal('agent_birth_date_in_future', undefined, 'representative.birthDate'));
      }
      break;
  }
  return problems;
}

export interface PinEligibility {
  pin: Pin;
  eligible: boolean;
  problems: Refusal[];
  /** What the counter does for it, in order: the reset, then (inside the renewal window) the certificate's renewal (004). */
  steps: Text[];
}

const CERTIFICATE_NAME: Record<'signature' | 'user_auth', Text> = {
  signature: text('署名用電子証明書', 'signature certificate'),
  user_auth: text('利用者証明用電子証明書', 'user-authentication certificate'),
};

const RESET_STEP = text('暗証番号の再設定', 'Reset the PIN');
const RENEW_STEP = text('電子証明書の更新（再設定のあと、続けて行います）', 'Renew the certificate (right after the reset)');

/** Which of the requested PINs can be reset for this holder, each refusal with its reason. */
export function pinEligibility(app: Application, on: IsoDate): PinEligibility[] {
  const age = ageOn(app.holder.birthDate, on);
  return app.pins.map((pin) => {
    const problems: Refusal[] = [];
    if (pin === 'signature') {
      if (age < MINIMUM_AGE_FOR_SIGNATURE) {
        problems.push(refusal('signature_holder_under_15', undefined, 'pins'));
      }
      if (app.holder.adultWard) {
        problems.push(refusal('signature_adult_ward', undefined, 'pins'));
      }
      if (!app.holder.hasSignatureCertificate) {
        problems.push(refusal('signature_no_certificate', undefined, 'pins'));
      }
    }
    let renew = false;
    if (pin === 'signature' || pin === 'user_auth') {
      const state = certificateState(app.holder, pin, on);
      if (pin === 'user_auth' && state === 'absent') problems.push(refusal('user_auth_no_certificate', undefined, 'pins'));
      // A certificate that lapsed or expired is not reset: it is issued anew, with new PINs.
      if (state === 'lapsed') problems.push(refusal('signature_lapsed_issue_anew', undefined, 'pins'));
      if (state === 'expired') {
        const expiresOn = (pin === 'signature' ? app.holder.signatureCertificateExpiresOn : app.holder.userAuthCertificateExpiresOn)!;
        problems.push(
          refusal(
            'certificate_expired_issue_anew',
            { certificate: CERTIFICATE_NAME[pin], expiresOn: text(formatDate(expiresOn, 'ja'), formatDate(expiresOn, 'en')) },
            'pins',
          ),
        );
      }
      renew = state === 'renewal_window';
    }
    const eligible = problems.length === 0;
    return { pin, eligible, problems, steps: eligible ? (renew ? [RESET_STEP, RENEW_STEP] : [RESET_STEP]) : [] };
  });
}

/** Refusals with the list of PINs itself (none chosen, one chosen twice). */
export function pinListRefusals(pins: readonly Pin[]): Refusal[] {
  if (pins.length === 0) return [refusal('pins_required', undefined, 'pins')];
  if (new Set(pins).size !== pins.length) return [refusal('pins_duplicated', undefined, 'pins')];
  return [];
}

/** Self and legal-representative cases finish the same day; the agent route needs the mailed inquiry. */
export function completesSameDay(route: Route): boolean {
  return route !== 'voluntary_agent';
}
