import { ERASED, likePatterns, personalTokens, scrubJson, scrubText, tokenPattern } from '../../../api/services/data-rights/personal-data-tokens';
import { anonymizeCandidateFields, ANONYMIZE_CANDIDATES_SQL } from '../../../api/services/data-rights/anonymized-candidate';

const ada = {
  id: 'c1', firstName: 'Ada', lastName: 'Lovelace', email: 'Ada.Lovelace@Example.com', phone: '+44 20 7946 0018', phoneE164: '+442079460018',
  links: { linkedin: 'https://www.linkedin.com/in/ada-lovelace', others: ['https://ada.dev'] }, linkKeys: ['linkedin.com/in/ada-lovelace'],
  resumeText: 'Ada Lovelace\nada@analytical.engine | +44 20 7946 0018',
};

describe('personalTokens', () => {
  test('strong tokens: addresses (lower-cased), phones, the full name, links, and addresses written in the resume', () => {
    const t = personalTokens([ada]);
    expect(t.strong).toEqual(expect.arrayContaining([
      'ada.lovelace@example.com', '+44 20 7946 0018', '+442079460018', 'Ada Lovelace', 'https://www.linkedin.com/in/ada-lovelace', 'https://ada.dev',
      'linkedin.com/in/ada-lovelace', 'ada@analytical.engine',
    ]));
    expect(t.weak).toEqual(['Lovelace', 'Ada']);
  });

  test('merged records and snapshots add their own addresses; erased placeholders and short strings are not tokens', () => {
    const t = personalTokens([ada, { email: 'ada.old@example.org', firstName: 'Erased', lastName: '' }, { firstName: 'A', lastName: 'B', phone: '123' }], ['Contact: second@example.net']);
    expect(t.strong).toEqual(expect.arrayContaining(['ada.old@example.org', 'second@example.net']));
    expect(t.strong).not.toContain('123');
    expect([...t.strong, ...t.weak].map((s) => s.toLowerCase())).not.toContain('erased');
    expect(t.weak).not.toContain('A');
  });

  test('longest first, so an address is cut whole before a name inside it', () => {
    const t = personalTokens([{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@lovelace.org' }]);
    const pattern = tokenPattern([...t.strong, ...t.weak]);
    expect(scrubText('mail ada@lovelace.org or call Ada', pattern)).toBe(`mail ${ERASED} or call ${ERASED}`);
  });
});

describe('scrubbing', () => {
  const tokens = personalTokens([ada]);
  const strong = tokenPattern(tokens.strong);
  const all = tokenPattern([...tokens.strong, ...tokens.weak]);

  test('case-insensitive; names only as whole words', () => {
    expect(scrubText('Write to ADA.LOVELACE@EXAMPLE.COM today', strong)).toBe(`Write to ${ERASED} today`);
    expect(scrubText('Adamant Adalovelace met Ada', all)).toBe(`Adamant Adalovelace met ${ERASED}`);
    expect(scrubText('Interview: Ada Lovelace (Staff Engineer)', strong)).toBe(`Interview: ${ERASED} (Staff Engineer)`);
  });

  test('JSON: every string leaf and key, numbers and nulls kept', () => {
    const value = { line: 7, email: 'ada.lovelace@example.com', errors: [{ message: 'duplicate of ada.lovelace@example.com', row: null }], byAddress: { 'ada.lovelace@example.com': 1 } };
    expect(scrubJson(value, strong)).toEqual({ line: 7, email: ERASED, errors: [{ message: `duplicate of ${ERASED}`, row: null }], byAddress: { [ERASED]: 1 } });
  });

  test('no tokens, no pattern: values unchanged', () => {
    expect(tokenPattern([])).toBeNull();
    expect(scrubText('anything', null)).toBe('anything');
    expect(scrubJson({ a: 'b' }, null)).toEqual({ a: 'b' });
  });

  test('regular-expression characters in tokens are literal', () => {
    const p = tokenPattern(['a+b@x.io', '(555) 010-0000']);
    expect(scrubText('to a+b@x.io or (555) 010-0000, not aab@xxio', p)).toBe(`to ${ERASED} or ${ERASED}, not aab@xxio`);
  });

  test('LIKE patterns escape % and _', () => {
    expect(likePatterns(['ada_l@x.io', '50%'])).toEqual(['%ada\\_l@x.io%', '%50\\%%']);
  });
});

describe('anonymized candidate', () => {
  test('a snapshot copy keeps ids and dates, loses every personal field', () => {
    const out = anonymizeCandidateFields({ ...ada, orgId: 'o1', createdAt: '2025-01-01', skills: ['go'], education: [{ institution: 'X' }] });
    expect(out).toEqual({
      id: 'c1', orgId: 'o1', createdAt: '2025-01-01', firstName: 'Erased', lastName: '', email: null, phone: null, phoneE164: null,
      links: {}, linkKeys: [], resumeText: null, skills: [], education: [],
    });
  });

  test('the SQL sets the same fields', () => {
    for (const column of ['firstName', 'email', 'phone', 'links', 'linkKeys', 'resumeText', 'education', 'employers', 'profile', 'skills', 'tags', 'currentResumeId']) {
      expect(ANONYMIZE_CANDIDATES_SQL).toContain(`"${column}" = `);
    }
    expect(ANONYMIZE_CANDIDATES_SQL).toContain(`"firstName" = 'Erased'`);
  });
});
