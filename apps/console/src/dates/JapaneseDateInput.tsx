import { ageOn, japanDate, readDate, refusal, type DateReadingOptions, type IsoDate } from '@madoguchi/domain';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useWording } from '../i18n/wording';

export type DatePurpose = NonNullable<DateReadingOptions['purpose']>;

/** The ISO date a typed date field holds, or null while it holds none (empty, half typed, impossible). */
export function isoOf(typed: string, purpose: DatePurpose = 'plain', today = japanDate(new Date())): IsoDate | null {
  const reading = readDate(typed, { purpose, today });
  return reading.state === 'date' ? reading.date : null;
}

/** Whether a typed date field holds something that is not (yet) a date: the form cannot go with it. */
export function isUnreadable(typed: string, purpose: DatePurpose = 'plain'): boolean {
  return !!typed.trim() && isoOf(typed, purpose) === null;
}

/**
 * A date field as the counter writes dates: 昭和23年2月29日, S23.2.29, 1948-02-29, 19480229,
 * full-width digits too. It is a text field (a browser's date picker turns 19480229 into year
 * 80229), shows its reading as it is typed (「昭和23年2月29日（78歳）」), says why a date cannot
 * exist, and never throws: half a date is "not a date yet".
 */
export function JapaneseDateInput({
  id,
  label,
  value,
  onChange,
  purpose = 'plain',
  required,
  serverError,
  size,
  autoFocus,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (typed: string) => void;
  purpose?: DatePurpose;
  required?: boolean;
  /** The API's message for this field, when it refused it. */
  serverError?: string;
  size?: 'small' | 'medium';
  autoFocus?: boolean;
}) {
  const translate = useTranslate();
  const wording = useWording();
  const [left, setLeft] = useState(false);
  const [focused, setFocused] = useState(false);
  const today = japanDate(new Date());
  const reading = readDate(value, { purpose, today });
  let helper: string | undefined;
  let error = false;
  if (serverError) [helper, error] = [serverError, true];
  else if (reading.state === 'date') {
    helper =
      purpose === 'birth'
        ? translate('madoguchi.dates.readingWithAge', { date: wording.date(reading.date), age: ageOn(reading.date, today) })
        : wording.date(reading.date);
  } else if (reading.state === 'invalid') [helper, error] = [wording.refusal(reading.refusal), true];
  else if (reading.state === 'incomplete' && left) [helper, error] = [wording.refusal(refusal('date_incomplete')), true];
  // The accepted forms while the field is being filled in; an empty field elsewhere says nothing.
  else if (focused || reading.state === 'incomplete') helper = translate('madoguchi.dates.hint');
  return (
    <TextField
      id={id}
      size={size}
      label={label}
      value={value}
      required={required}
      autoFocus={autoFocus}
      onChange={(e) => {
        setLeft(false);
        onChange(e.target.value);
      }}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setLeft(true);
        setFocused(false);
      }}
      error={error}
      helperText={helper}
      autoComplete="off"
      slotProps={{ htmlInput: { inputMode: 'text', 'data-reading': reading.state === 'date' ? reading.date : reading.state, spellCheck: false } }}
      sx={{ minWidth: 200 }}
    />
  );
}
