import { databaseName, quoteIdent, redactUrl, withDatabase } from './urls';

describe('connection-string helpers', () => {
  it('swap the database and keep credentials, host and options', () => {
    expect(withDatabase('postgresql://u:p@h:5433/app?sslmode=disable', 'other')).toBe('postgresql://u:p@h:5433/other?sslmode=disable');
    expect(databaseName('postgresql://h/app_test')).toBe('app_test');
  });

  it('refuse a URL that names no database', () => {
    expect(() => databaseName('postgresql://u:secret@h/')).toThrow(/names no database: postgresql:\/\/u:\*\*\*@h\//);
  });

  it('never print a password', () => {
    expect(redactUrl('postgresql://u:secret@h/db')).toBe('postgresql://u:***@h/db');
    expect(redactUrl('not a url')).toBe('(unparseable URL)');
  });

  it('quote identifiers safely', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
