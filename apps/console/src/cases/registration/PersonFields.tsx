import { katakanaOf } from '@madoguchi/domain';
import { Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Person } from './form';

/** 氏名・カナ・住所 of the holder or the representative; kana fields turn hiragana and half-width kana into katakana. */
export function PersonFields({
  who,
  person,
  onChange,
  fieldError,
}: {
  who: 'holder' | 'representative';
  person: Person;
  onChange: (patch: Partial<Person>) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const translate = useTranslate();
  const field = (name: keyof Person, extra: { kana?: boolean; width?: number } = {}) => (
    <TextField
      id={`${who}-${name}`}
      label={translate(`madoguchi.register.${name}`)}
      value={person[name]}
      required={who === 'holder' || !['postalCode', 'address'].includes(name)}
      onChange={(e) => onChange({ [name]: e.target.value })}
      onBlur={extra.kana ? (e) => onChange({ [name]: katakanaOf(e.target.value) }) : undefined}
      error={!!fieldError(`${who}.${name}`)}
      helperText={fieldError(`${who}.${name}`) ?? (extra.kana ? translate('madoguchi.register.kanaHelp') : undefined)}
      sx={{ minWidth: extra.width ?? 180 }}
      autoComplete="off"
    />
  );
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {field('familyName')}
        {field('givenName')}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {field('familyNameKana', { kana: true })}
        {field('givenNameKana', { kana: true })}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {field('postalCode', { width: 140 })}
        {field('address', { width: 420 })}
      </Stack>
    </Stack>
  );
}
