import { ConflictException, ForbiddenException, HttpException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { checkDocuments, decideTransition, freeTextProblems, requiredDocuments, type LetterStatus, type Problem, type TransitionNeed } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { PolicyService } from '../offices/policy.service';
import { checkReplyToLetter, readTypedInquiryNumber } from '../replies/reply-check';
import { documentRows, type TransitionBody } from './case-body.schema';
import { CASE_VIEW_INCLUDE, toCaseView, type CaseView } from './case-view';
import { CASE_NOT_FOUND, isUuid, sameMunicipalityAs, VERSION_CONFLICT } from './case-query.service';
import { Clock } from '../clock/clock';

function refuse(status: 'conflict' | 'forbidden' | 'unprocessable', problem: Problem, message = problem.message): HttpException {
  const body = { code: problem.code, message, details: problem.path === undefined ? [] : [{ path: problem.path, code: problem.code, message: problem.message }] };
  if (status === 'conflict') return new ConflictException(body);
  if (status === 'forbidden') return new ForbiddenException(body);
  return new UnprocessableEntityException(body);
}

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
    private readonly codes: LetterCodes,
    private readonly clock: Clock,
  ) {}

  async transition(staff: StaffPrincipal, caseId: string, body: TransitionBody): Promise<CaseView> {
    if (!isUuid(caseId)) throw new NotFoundException(CASE_NOT_FOUND);
    const current = await this.db.pinResetCase.findFirst({
      where: { id: caseId, ...sameMunicipalityAs(staff) },
      include: { parties: { where: { role: 'representative' } }, letters: { orderBy: { createdAt: 'desc' } } },
    });
    if (!current) throw new NotFoundException(CASE_NOT_FOUND);

    const decision = decideTransition({ route: current.route, from: current.state, to: body.to, role: staff.role, cancelReason: body.reason ?? null });
    if (!decision.ok) throw refuse(decision.status, decision.problem);
    if (body.version !== current.version) throw new ConflictException(VERSION_CONFLICT);

    const problems = await this.unmetNeeds(decision.rule.needs, current, body);
    if (body.note) problems.push(...freeTextProblems(body.note, 'note'));
    if (problems.length) {
      throw new UnprocessableEntityException({
        code: 'transition_needs_not_met',
        message: 'この操作に必要な条件を満たしていません。',
        details: problems.map((p) => ({ path: p.path ?? '', code: p.code, message: p.message })),
      });
    }

    await this.db.$transaction(async (tx) => {
      const moved = await tx.pinResetCase.updateMany({ where: { id: caseId, version: body.version }, data: { state: body.to, version: { increment: 1 } } });
      if (moved.count !== 1) throw new ConflictException(VERSION_CONFLICT);
      await tx.caseHistory.create({ data: { caseId, fromState: current.state, toState: body.to, actorId: staff.id, reason: body.reason ?? null, note: body.note ?? null } });
      if (decision.rule.needs.includes('visit2_documents')) {
        await tx.presentedDocument.createMany({ data: documentRows(body.documents ?? [], 2).map((row) => ({ ...row, caseId })) });
      }
    });
    return toCaseView(await this.db.pinResetCase.findUniqueOrThrow({ where: { id: caseId }, include: CASE_VIEW_INCLUDE }));
  }

  private async unmetNeeds(
    needs: readonly TransitionNeed[],
    current: { route: 'self' | 'legal_representative' | 'voluntary_agent'; policyVersionId: string; parties: { kind: 'parent' | 'guardian' | 'agent' | null }[]; letters: { inquiryNumber: string; status: LetterStatus }[] },
    body: TransitionBody,
  ): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (!needs.includes('visit2_documents') && body.documents?.length) problems.push({ code: 'documents_not_expected', message: 'この操作では書類を記録しません。', path: 'documents' });
    if (!needs.includes('matched_reply') && body.reply) problems.push({ code: 'reply_not_expected', message: 'この操作では回答書を照合しません。', path: 'reply' });
    if (needs.includes('letter_mailed')) {
      problems.push({ code: 'mailed_through_print_run', message: '照会書の発送は、印刷バッチの「発送済み」の確認で記録します。', path: 'to' });
    }
    if (needs.includes('visit2_documents')) {
      const policy = await this.policies.byVersionId(current.policyVersionId);
      const required = requiredDocuments({ route: current.route, visit: 2, representativeKind: current.parties[0]?.kind ?? null }, policy);
      const check = checkDocuments(required, body.documents ?? [], this.clock.today(), policy);
      for (const r of check.results) if (r.missing) problems.push({ ...r.missing, path: `documents.${r.requirement.id}` });
    }
    if (needs.includes('matched_reply')) problems.push(...this.replyProblems(current.letters, body.reply));
    return problems;
  }

  /** The reply must carry the inquiry number and check code of the case's current, mailed letter. */
  private replyProblems(letters: { inquiryNumber: string; status: LetterStatus }[], reply: TransitionBody['reply']): Problem[] {
    if (!reply) return [{ code: 'reply_required', message: '回答書の照会番号と確認コードを入力してください。', path: 'reply' }];
    const typed = readTypedInquiryNumber(reply.inquiryNumber, 'reply.inquiryNumber');
    if (!typed.ok) return [typed.refusal.problem];
    const letter = letters.find((l) => l.inquiryNumber === typed.value);
    if (!letter) return [{ code: 'reply_other_case', message: 'この照会番号はこの申請の照会書のものではありません。', path: 'reply.inquiryNumber' }];
    const refused = checkReplyToLetter(letter, reply.checkCode, this.codes, 'reply.');
    return refused ? [refused.problem] : [];
  }
}
