// The import's CSV reader and column recognition: RFC 4180 quoting, line numbers of records that span
// lines, malformed records reported alone with reading resumed, delimiters, and header spellings.
import { detectDelimiter, readCsv, stripBom } from '../../../api/services/crm/parse-csv';
import { csvColumns, prospectOfRow, splitFullName } from '../../../api/services/crm/csv-prospects';
import { AppError } from '../../../api/errors';

const read = (text: string) => [...readCsv(text)];

describe('readCsv', () => {
  test('quoted fields with delimiters, doubled quotes and line breaks; records keep the line they start on', () => {
    expect(read('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nlast,,\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  test('CR-only line ends, blank lines skipped, a last line without a line end', () => {
    expect(read('a,b\r\r1,2\r3,4')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 3, fields: ['1', '2'] }, { line: 4, fields: ['3', '4'] }]);
  });

  test('malformed records are reported by line and reading resumes on the next line', () => {
    expect(read('a,b\nbro"ken,1\n"closed"junk,2\nok,3\n"never closed,4\nafter,5\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: expect.stringContaining('a quote inside an unquoted field') },
      { line: 3, error: expect.stringContaining('text after a closing quote') },
      { line: 4, fields: ['ok', '3'] },
      { line: 5, error: 'a quoted field is never closed' },
      { line: 6, fields: ['after', '5'] },
    ]);
  });

  test('the delimiter is the one the header uses most outside quotes; a BOM is dropped', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('name')).toBe(',');
    expect(read('x;y\n1;"2;3"')).toEqual([{ line: 1, fields: ['x', 'y'] }, { line: 2, fields: ['1', '2;3'] }]);
    expect(stripBom('\uFEFFa,b')).toBe('a,b');
  });
});

describe('csv columns and rows', () => {
  test('header spellings are recognised without case or punctuation; unknown columns are ignored', () => {
    const columns = csvColumns(['Given Name', 'SURNAME', 'E-mail Address', 'Mobile', 'LinkedIn Profile URL', 'Notes']);
    expect(columns.byPosition).toEqual(['firstName', 'lastName', 'email', 'phone', 'linkedin', null]);
    expect(columns.ignored).toEqual(['Notes']);
  });

  test('an explicit mapping wins; two columns for one field, or a mapping of a missing column, refuse the file', () => {
    expect(csvColumns(['Nom', 'Courriel'], { Nom: 'name', Courriel: 'email' }).byPosition).toEqual(['name', 'email']);
    expect(csvColumns(['name', 'email', 'url'], { url: 'ignore' }).byPosition).toEqual(['name', 'email', null]);
    expect(() => csvColumns(['name', 'email', 'e-mail'])).toThrow(AppError);
    expect(() => csvColumns(['name', 'email'], { Mail: 'email' })).toThrow(/does not have: Mail/);
    expect(() => csvColumns(['name', 'city'])).toThrow(/no email, phone or profile-link column/);
    expect(() => csvColumns(['email'])).toThrow(/no name column/);
  });

  test('rows become prospects, or the first reason they cannot', () => {
    const columns = csvColumns(['name', 'email', 'title', 'company', 'interest', 'tags', 'skills', 'time zone', 'website']);
    const row = (cells: string[]) => prospectOfRow(columns, cells, { source: 'import' });
    expect(row(['Lovelace, Ada', 'ADA@X.COM', 'Analyst', 'Babbage & Co', 'not interested', 'a; b | a', 'JS, Golang', 'Europe/London', 'ada.example.org'])).toEqual({
      prospect: expect.objectContaining({
        firstName: 'Ada', lastName: 'Lovelace', email: 'ada@x.com', headline: 'Analyst at Babbage & Co', interestLevel: 'NOT_INTERESTED', tags: ['a', 'b'],
        skills: ['javascript', 'go'], timeZone: 'Europe/London', source: 'import', links: expect.objectContaining({ website: 'https://ada.example.org' }), linkKeys: ['ada.example.org'],
      }),
    });
    expect(row(['A', 'a@x.com', '', '', 'tepid', '', '', '', ''])).toEqual({ error: 'interestLevel: "tepid" is not COLD, WARM, HOT or NOT_INTERESTED' });
    expect(row(['A', 'a@x.com', '', '', '', '', '', 'Mars/Olympus', ''])).toEqual({ error: 'timeZone: "Mars/Olympus" is not an IANA time zone' });
    expect(row(['A', 'a@x.com', '', '', '', '', '', '', 'not a url'])).toEqual({ error: 'website: must be a web address (https://...)' });
    expect(row(['A', 'a@x.com'])).toEqual({ error: 'expected 9 fields as in the header, found 2' });
    expect(row(['A'.repeat(201), 'a@x.com', '', '', '', '', '', '', ''])).toEqual({ error: 'name: longer than 200 characters' });
  });

  test('full names split at the last space, or at a comma written last-name first', () => {
    expect(splitFullName('  Ada   King Lovelace ')).toEqual({ firstName: 'Ada King', lastName: 'Lovelace' });
    expect(splitFullName('Lovelace, Ada')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });
});
