import { lazy } from '../../core/lazy';
import * as z from '../../core/zod-vi';
import { approvalQueue, type ApprovalQueuePayload } from '../approval-queue';
import { decideApprovals, type DecisionResult } from '../approval-decision';
import { analyzeContext, type ServerContext } from '../server-context';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';

/** Duyệt đăng ký: what waits for the person signed in, and their decisions (src/sheets/approval-queue.ts, approval-decision.ts). */

export function getApprovalQueue(ctx: ServerContext): ApprovalQueuePayload {
  const { analysis, warnings } = analyzeContext(ctx, { withNotes: true });
  return approvalQueue(analysis, ctx.user.trim(), warnings);
}

/** A decision as the page sends it: the rows it was shown, each with the fingerprint it was shown with. */
export const DecideApprovalsSchema = lazy(() => {
  const rowNumber = z.number({ message: pageTexts.badRows }).check(z.int({ message: pageTexts.badRows }), z.gte(1, { message: pageTexts.badRows }));
  return z.object({
    role: z.enum(['ban', 'btc-kt', 'thuong-truc'], { message: pageTexts.badInput(['Vai trò không hợp lệ.']) }),
    ban: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
    decision: z.enum(['approve', 'return'], { message: pageTexts.badInput(['Quyết định không hợp lệ.']) }),
    rows: z
      .array(z.object({ row: rowNumber, fingerprint: z.string().check(z.maxLength(32, { message: pageTexts.badRows })) }))
      .check(z.minLength(1, { message: pageTexts.badRows }), z.maxLength(20_000, { message: pageTexts.badRows })),
    reason: z._default(z.string().check(z.trim(), z.maxLength(500, { message: 'Lý do trả lại tối đa 500 ký tự.' })), ''),
    noticeNumber: z._default(z.string().check(z.trim(), z.maxLength(60, { message: 'Số thông báo tối đa 60 ký tự.' })), ''),
  });
});
export type DecideApprovalsInput = z.input<typeof DecideApprovalsSchema>;

export function decide(ctx: ServerContext, input: z.output<typeof DecideApprovalsSchema>): DecisionResult {
  return decideApprovals(ctx, input);
}

export const approvalFunctions = {
  getApprovalQueue: serverFunction({ action: PAGE_ACTIONS.approvals, input: NoInput, writes: false, run: getApprovalQueue }),
  decideApprovals: serverFunction({ action: PAGE_ACTIONS.approvals, input: DecideApprovalsSchema, writes: true, run: decide }),
};
