import { Inject, Injectable } from '@nestjs/common';
import { dayOf, type Database } from '@madoguchi/db';
import {
  at,
  checkDocuments,
  decideTransition,
  freeTextRefusals,
  lateReplyRefusal,
  refusal,
  requiredDocuments,
  secondVisitRefusals,
  type Refusal,
  type TransitionNeed,
} from '@madoguchi/domain';
import { enqueue, renderCompletionNotice } from '@madoguchi/jobs';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { PolicyService } from '../policy/policy.service';
import { readTypedInquiryNumber } from '../replies/reply-check';
import { ReplyChecks, type CheckedLetter } from '../replies/reply-checks.service';
import type { TransitionRequest } from '@madoguchi/contract/schemas';
import { documentRows } from './document-rows';
import { readCaseView, type CaseView } from './case-view';
import { isUuid } from '../validation/ids';
import { inScope } from '../scope/scope';
import { Clock } from '../clock/clock';
import { Refused, refused, refusedWith } from '../errors/refused';

/**
 * 状態の変更: one endpoint for every move, driven by the domain's transition table. The update is
 * guarded by the case's version, so of two clerks acting at once exactly one wins and the other
 * gets 409; the history entry is written in the same transaction.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly policies: PolicyService,
    private readonly replyChecks: ReplyChecks,
    private readonly clock: Clock,
  ) {}

  async transition(staff: StaffPrincipal, caseId: string, body: TransitionRequest): Promise<CaseView> {
    if (!isUuid(caseId)) throw refused('case_not_found');
    const current = await this.db.pinResetCase.findFirst({
      where: { id: caseId, ...inScope(staff) },
      include: {
        parties: { where: { role: 'representative' } },
        letters: { orderBy: { createdAt: 'desc' } },
        office: { select: { name: true } },
      },
    });
    if (!current) throw refused('case_not_found');

    const decision = decideTransition({ route: current.route, from: current.state, to: body.to, role: staff.role, cancelReason: body.reason ?? null });
    if (!decision.ok) throw new Refused(decision.problem);
    if (body.version !== current.version) throw refused('version_conflict', undefined, 'version');

    const problems = await this.unmetNeeds(staff, decision.rule.needs, current, body);
    if (body.note) problems.push(...freeTextRefusals(body.note, 'note'));
    if (problems.length) throw refusedWith('transition_needs_not_met', problems);

    // 完了通知: the holder hears that the PINs were reset, at the registered address, where the case's policy says so.
    const notifies =
      body.to === 'completed' && current.route === 'voluntary_agent' && (await this.policies.byVersionId(current.policyVersionId)).completionNotice;
    await this.db.$transaction(async (tx) => {
      const moved = await tx.pinResetCase.updateMany({ where: { id: caseId, version: body.version }, data: { state: body.to, version: { increment: 1 } } });
      if (moved.count !== 1) throw refused('version_conflict', undefined, 'version');
      await tx.caseHistory.create({
        data: { caseId, fromState: current.state, toState: body.to, actorId: staff.id, reason: body.reason ?? null, note: body.note ?? null },
      });
      if (decision.rule.needs.includes('visit2_documents')) {
        await tx.presentedDocument.createMany({ data: documentRows(body.documents ?? [], 2).map((row) => ({ ...row, caseId })) });
      }
      if (notifies) {
        const notice = await tx.completionNotice.create({ data: { caseId } });
        await enqueue(tx, renderCompletionNotice, { noticeId: notice.id }, staff);
      }
    });
    return (await readCaseView(this.db, staff, caseId))!;
  }

  private async unmetNeeds(
    staff: StaffPrincipal,
    needs: readonly TransitionNeed[],
    current: {
      route: 'self' | 'legal_representative' | 'voluntary_agent';
      policyVersionId: string;
      officeId: string;
      office: { name: string };
      parties: { kind: 'parent' | 'guardian' | 'agent' | null }[];
      letters: (CheckedLetter & { replyDeadline: Date | null })[];
    },
    body: TransitionRequest,
  ): Promise<Refusal[]> {
    const problems: Refusal[] = [];
    if (!needs.includes('visit2_documents') && (body.documents?.length || body.attested?.length))
      problems.push(refusal('documents_not_expected', undefined, 'documents'));
    if (!needs.includes('matched_reply') && body.reply) problems.push(refusal('reply_not_expected', undefined, 'reply'));
    if (needs.includes('letter_mailed')) problems.push(refusal('mailed_through_print_run', undefined, 'to'));
    if (!needs.includes('same_agent') && body.agentConfirmed !== undefined)
      problems.push(refusal('agent_confirmation_not_expected', undefined, 'agentConfirmed'));
    const policy = needs.some((n) => n === 'visit2_documents' || n === 'same_agent' || n === 'matched_reply')
      ? await this.policies.byVersionId(current.policyVersionId)
      : undefined;
    if (policy && needs.includes('same_agent')) {
      const counter = { caseOfficeId: current.officeId, caseOfficeName: current.office.name, deskOfficeId: staff.officeId };
      problems.push(...secondVisitRefusals({ ...counter, agentConfirmed: body.agentConfirmed }, policy));
    }
    if (policy && needs.includes('visit2_documents')) {
      const required = requiredDocuments({ route: current.route, visit: 2, representativeKind: current.parties[0]?.kind ?? null }, policy);
      const check = checkDocuments(required, body.documents ?? [], this.clock.today(), policy, body.attested ?? []);
      for (const r of check.results) if (r.missing) problems.push(at(r.missing, `documents.${r.requirement.id}`));
    }
    if (policy && needs.includes('matched_reply'))
      problems.push(...(await this.replyRefusals(staff, current.letters, body.reply, body.note, policy.lapseGraceDays)));
    return problems;
  }

  /** The reply must carry the inquiry number and check code of the case's current, mailed letter. */
  private async replyRefusals(
    staff: StaffPrincipal,
    letters: (CheckedLetter & { replyDeadline: Date | null })[],
    reply: TransitionRequest['reply'],
    note: string | null | undefined,
    graceDays: number,
  ): Promise<Refusal[]> {
    if (!reply) return [refusal('reply_required', undefined, 'reply')];
    const typed = readTypedInquiryNumber(reply.inquiryNumber, 'reply.inquiryNumber');
    if (!typed.ok) return [typed.refusal];
    const letter = letters.find((l) => l.inquiryNumber === typed.value);
    if (!letter) return [refusal('reply_other_case', undefined, 'reply.inquiryNumber')];
    const wrong = await this.replyChecks.check(staff, letter, reply.checkCode, 'reply_returned', 'reply.');
    if (wrong) return [wrong];
    // The deadline printed on the letter: after it, only a supervisor accepts the reply, saying why, until the grace days run out.
    const late = letter.replyDeadline ? lateReplyRefusal(dayOf(letter.replyDeadline), this.clock.today(), staff.role, note, graceDays) : undefined;
    return late ? [late] : [];
  }
}
