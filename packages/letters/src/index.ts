export { renderInquiryLetter, renderLetterBatch, PAGES_PER_LETTER, type InquiryLetterData, type RenderedLetter } from './inquiry-letter';
export { UNPRINTABLE } from './fonts';
export { EXAMPLE_LETTER } from './example';
