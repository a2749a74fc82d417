export { renderInquiryLetter, type InquiryLetterData, type RenderedLetter } from './inquiry-letter';
export { UNPRINTABLE } from './fonts';
