export {
  renderInquiryLetter,
  renderLetterBatch,
  renderPrintBatch,
  PAGES_PER_LETTER,
  type InquiryLetterData,
  type PrintItem,
  type RenderedLetter,
} from './inquiry-letter';
export { renderCompletionNotice, PAGES_PER_NOTICE, type CompletionNoticeData } from './completion-notice';
export { renderMailLedger, type MailLedgerData } from './mail-ledger';
export { UNPRINTABLE } from './fonts';
export { EXAMPLE_LETTER } from './example';
