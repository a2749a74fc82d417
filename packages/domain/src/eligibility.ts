import type { Pin, RepresentativeKind, ResetReason, Route } from './codes';
import { ageOn, compareDates, type IsoDate } from './dates';
import type { MunicipalityPolicy } from './policy';
import { problem, type Problem } from './problems';

/** The facts about the cardholder that the rules depend on. */
export interface HolderFacts {
  birthDate: IsoDate;
  /** 成年被後見人. */
  adultWard: boolean;
  /** Whether a signature certificate (署名用電子証明書) was issued on the card. */
  hasSignatureCertificate: boolean;
}

export interface Application {
  route: Route;
  reason: ResetReason;
  pins: readonly Pin[];
  holder: HolderFacts;
  representative?: { kind: RepresentativeKind } | null;
}

/** Below this age a holder cannot apply alone, whatever the municipality (法定代理人が手続). */
export const MINIMUM_AGE_TO_APPLY_ALONE = 15;
/** A signature certificate is never issued to a holder under 15. */
export const MINIMUM_AGE_FOR_SIGNATURE = 15;

/** Why the chosen route is not open for this holder and representative (empty when it is). */
export function routeProblems(app: Application, policy: MunicipalityPolicy, on: IsoDate): Problem[] {
  const { holder, representative } = app;
  if (compareDates(holder.birthDate, on) > 0) {
    return [problem('holder_birth_date_in_future', '本人の生年月日が未来の日付になっています。', 'holder.birthDate')];
  }
  const age = ageOn(holder.birthDate, on);
  const problems: Problem[] = [];
  switch (app.route) {
    case 'self':
      if (representative) problems.push(problem('self_with_representative', '本人申請に代理人は入力できません。', 'representative'));
      if (age < MINIMUM_AGE_TO_APPLY_ALONE) {
        problems.push(problem('holder_under_15_needs_representative', '本人が15歳未満のため、法定代理人（親権者）が申請してください。', 'route'));
      }
      if (holder.adultWard) problems.push(problem('adult_ward_needs_guardian', '本人が成年被後見人のため、成年後見人が申請してください。', 'route'));
      break;
    case 'legal_representative':
      if (!representative) {
        problems.push(problem('representative_required', '代理人の情報を入力してください。', 'representative'));
      } else if (representative.kind === 'parent') {
        if (age >= policy.legalRepresentativeAgeLimit) {
          problems.push(
            problem(
              'holder_too_old_for_parent',
              `本人が${policy.legalRepresentativeAgeLimit}歳以上のため、親権者は法定代理人として申請できません。任意代理人の手続（照会書の郵送）になります。`,
              'route',
            ),
          );
        }
      } else if (representative.kind === 'guardian') {
        if (!holder.adultWard) problems.push(problem('holder_not_adult_ward', '本人が成年被後見人でない場合、成年後見人としては申請できません。', 'representative.kind'));
      } else {
        problems.push(problem('legal_representative_kind_invalid', '法定代理人は親権者または成年後見人です。それ以外の方は任意代理人として申請してください。', 'representative.kind'));
      }
      break;
    case 'voluntary_agent':
      if (!representative) {
        problems.push(problem('representative_required', '代理人の情報を入力してください。', 'representative'));
      } else if (representative.kind !== 'agent') {
        problems.push(problem('voluntary_agent_kind_invalid', '任意代理人の申請では、代理人の種別を「任意代理人」にしてください。', 'representative.kind'));
      }
      break;
  }
  return problems;
}

export interface PinEligibility {
  pin: Pin;
  eligible: boolean;
  problems: Problem[];
}

/** Which of the requested PINs can be reset for this holder, each refusal with its reason. */
export function pinEligibility(app: Application, on: IsoDate): PinEligibility[] {
  const age = ageOn(app.holder.birthDate, on);
  return app.pins.map((pin) => {
    const problems: Problem[] = [];
    if (pin === 'signature') {
      if (age < MINIMUM_AGE_FOR_SIGNATURE) {
        problems.push(problem('signature_holder_under_15', '15歳未満の方には署名用電子証明書が発行されないため、署名用の暗証番号はありません。', 'pins'));
      }
      if (app.holder.adultWard) {
        problems.push(problem('signature_adult_ward', '成年被後見人の方には署名用電子証明書が発行されないため、署名用の暗証番号はありません。', 'pins'));
      }
      if (!app.holder.hasSignatureCertificate) {
        problems.push(problem('signature_no_certificate', '署名用電子証明書が発行されていないため、署名用の暗証番号はありません。', 'pins'));
      }
    }
    return { pin, eligible: problems.length === 0, problems };
  });
}

/** Problems with the list of PINs itself (none chosen, one chosen twice). */
export function pinListProblems(pins: readonly Pin[]): Problem[] {
  if (pins.length === 0) return [problem('pins_required', '再設定する暗証番号を1つ以上選んでください。', 'pins')];
  if (new Set(pins).size !== pins.length) return [problem('pins_duplicated', '同じ暗証番号が重複して選ばれています。', 'pins')];
  return [];
}

/** Self and legal-representative cases finish the same day; the agent route needs the mailed inquiry. */
export function completesSameDay(route: Route): boolean {
  return route !== 'voluntary_agent';
}
