import { policyPresetSchema, policyViewSchema } from '@madoguchi/contract/schemas';
import { POLICY_PRESETS } from '@madoguchi/domain';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { Body, Controller, Get, Headers, Inject, Put } from '@nestjs/common';
import type { PolicyPresetView, PolicyView } from '@madoguchi/contract';
import { z } from 'zod';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { PolicyService } from './policy.service';

/** `If-Match: "3"`: the version the admin edited (a weak `W/"3"` and a bare 3 read the same). */
const ifMatchSchema = z
  .string()
  .regex(/^(W\/)?"?\d{1,9}"?$/, { error: 'if_match_malformed' })
  .transform((v) => Number(v.replace(/\D/g, '')));

@Controller('policy')
export class PolicyController {
  constructor(
    private readonly policies: PolicyService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Every version of the municipality's policy, newest first. */
  @Describe('運用方針（版の一覧）', { answer: z.array(policyViewSchema) })
  @Get()
  @Allow('readMunicipality')
  history(@CurrentStaff() staff: StaffPrincipal): Promise<PolicyView[]> {
    return this.policies.history(staff);
  }

  /**
   * The four cities' presets (shared/seeds), each citing its page, for the admin who sets the
   * policy; applying one is a normal PUT. Where a resident register is connected, a preset has the
   * register decide the agent route's holder (a fact of this installation, not of the city's rules).
   */
  @Describe('運用方針の見本（4市区）', { answer: z.array(policyPresetSchema) })
  @Get('presets')
  @Allow('changePolicy')
  presets(): PolicyPresetView[] {
    const connected = this.config.RESIDENT_REGISTER_URL !== undefined;
    return POLICY_PRESETS.map((p) => ({ ...p, policy: { ...p.policy, ...(connected ? { residentRegister: 'required' as const } : {}) } }));
  }

  /** A new version of the policy (checked by the domain's validator); `If-Match` names the version edited. */
  @Describe('運用方針の変更（新しい版を作成）', { answer: policyViewSchema })
  @Put()
  @Allow('changePolicy')
  change(@Body() body: unknown, @Headers('if-match') ifMatch: string | undefined, @CurrentStaff() staff: StaffPrincipal): Promise<PolicyView> {
    return this.policies.change(staff, body, ifMatch === undefined ? undefined : parseBody(ifMatchSchema, ifMatch));
  }
}
