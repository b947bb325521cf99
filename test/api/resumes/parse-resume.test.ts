// Hand-written resumes with layouts the generator does not produce: letter-
// spaced headings, no headings at all, dates above titles, references, prose.
import { parseResume, type TField } from '../../../api/resumes/parse-resume';

const NOW = new Date(Date.UTC(2026, 0, 15));
const valueOf = <T>(field: TField<T>): T | undefined => (field.status === 'found' ? field.value : undefined);

describe('parseResume on odd layouts', () => {
  it('a designer template: ALL-CAPS unicode name, letter-spaced headings, obfuscated email, "Title at Company (years)"', () => {
    const parsed = parseResume([
      'JOSÉ ÁLVAREZ-NÚÑEZ',
      'Senior Backend Engineer  •  Madrid, Spain',
      'jose.alvarez [at] example [dot] com  •  +34 612 345 678  •  github.com/jalvarez',
      '',
      'S U M M A R Y',
      'Backend engineer with 12+ years of experience designing payment systems in Go, Postgres and k8s.',
      '',
      'W O R K   E X P E R I E N C E',
      '▪ Staff Engineer at Paylane (2019 – Present)',
      '▪ Built the ledger in Go; moved 40 services to Kubernetes.',
      '▪ Senior Engineer at Cabify (2015 – 2019)',
      '▪ Owned the dispatch API (Java, Spring Boot, Kafka).',
      '',
      'E D U C A T I O N',
      'Universidad Politécnica de Madrid — M.Sc. Computer Science, 2013',
    ].join('\n'), { now: NOW });
    expect(valueOf(parsed.name)).toBe('José Álvarez-Núñez');
    expect(valueOf(parsed.email)).toBe('jose.alvarez@example.com');
    expect(valueOf(parsed.phone)).toEqual({ e164: '+34612345678', raw: '+34 612 345 678' });
    expect(valueOf(parsed.links)?.github).toBe('https://github.com/jalvarez');
    expect(valueOf(parsed.skills)?.map((s) => s.name).sort()).toEqual(['Go', 'Java', 'Kafka', 'Kubernetes', 'PostgreSQL', 'Spring']);
    // The jobs listed cover 2015-2026 (10.5 years by the mid-year rule); the stated 12+ is larger and wins.
    expect(valueOf(parsed.yearsOfExperience)).toEqual({ years: 12, basis: 'stated' });
    expect(valueOf(parsed.employers)).toEqual([
      { title: 'Staff Engineer', company: 'Paylane', start: '2019', end: null, isCurrent: true, confidence: 0.85 },
      { title: 'Senior Engineer', company: 'Cabify', start: '2015', end: '2019', isCurrent: false, confidence: 0.85 },
    ]);
    expect(valueOf(parsed.education)).toEqual([{ institution: 'Universidad Politécnica de Madrid', degree: 'M.Sc. Computer Science', startYear: null, endYear: 2013, confidence: 0.85 }]);
  });

  it('no section headings at all: labelled fields, dates above the title, references ignored', () => {
    const parsed = parseResume([
      'Curriculum Vitae',
      '',
      "Name: Zoë O'Connor",
      'Tel: 020 7946 0958',
      'Email: zoe.oconnor@example.org',
      '',
      'I have worked with C, C++ and Python since 2010. Comfortable with Excel and PowerPoint.',
      '',
      'Jan 2018 - Present',
      'Platform Lead',
      'Monzo Bank, London',
      '',
      '03/2014 - 12/2017',
      'Software Developer',
      'Sage Group plc, Newcastle',
      '',
      'B.Eng. Electronic Engineering, University of Bristol (2010 - 2014)',
      '',
      'References',
      'Dr. Alan Grant, alan.grant@example.com, +44 20 7946 0000',
    ].join('\n'), { now: NOW });
    expect(valueOf(parsed.name)).toBe("Zoë O'Connor");
    expect(valueOf(parsed.email)).toBe('zoe.oconnor@example.org');
    // No country code and no default country: kept as written, not guessed (the referee's +44 number is not taken either).
    expect(valueOf(parsed.phone)).toEqual({ e164: null, raw: '020 7946 0958' });
    expect(parseResume('Tel: 020 7946 0958', { defaultCountry: 'GB' }).phone).toMatchObject({ value: { e164: '+442079460958' } });
    expect(valueOf(parsed.skills)?.map((s) => s.name).sort()).toEqual(['C', 'C++', 'Microsoft Excel', 'PowerPoint', 'Python']);
    expect(valueOf(parsed.employers)?.map((e) => [e.title, e.company, e.start, e.end])).toEqual([
      ['Platform Lead', 'Monzo Bank', '2018-01', null],
      ['Software Developer', 'Sage Group plc', '2014-03', '2017-12'],
    ]);
    // 2014-03..2017-12 (46 months) + 2018-01..2026-01 (97 months), back to back: 143 months.
    expect(valueOf(parsed.yearsOfExperience)).toEqual({ years: 11.9, basis: 'date_ranges' });
    expect(valueOf(parsed.education)?.map((e) => [e.institution, e.degree, e.startYear, e.endYear])).toEqual([['University of Bristol', 'B.Eng. Electronic Engineering', 2010, 2014]]);
  });

  it('overlapping jobs count once, and a stated total below the listed jobs does not shrink them', () => {
    const parsed = parseResume([
      'Mina Park', 'mina@example.com', 'Summary', 'Analyst with 3 years of experience.', 'Experience',
      'Data Analyst, Initech\tJan 2016 – Dec 2019',
      'Freelance Consultant, Self-employed\tJun 2018 – Jun 2020', // overlaps the job above by 19 months
      'Analytics Lead, Hooli Inc.\t2021 – 2023',
    ].join('\n'), { now: NOW });
    // 2016-01..2020-06 = 54 months, plus 2021.5..2023.5 = 24 months.
    expect(valueOf(parsed.yearsOfExperience)).toEqual({ years: 6.5, basis: 'date_ranges' });
    expect(valueOf(parsed.employers)?.map((e) => e.company)).toEqual(['Initech', 'Self-employed', 'Hooli Inc.']);
  });

  it('finds whole-word skills only, through aliases, without false friends', () => {
    const parsed = parseResume([
      'Ruby Chen', 'Skills',
      'JS, TS, k8s, Postgres, C#, .NET, Node.js, CI/CD, GCP',
      'Prior: C-level reporting for Javanese clients; each node in the graph; went to Go-live meetings.',
    ].join('\n'), { now: NOW });
    const skills = valueOf(parsed.skills)!;
    expect(skills.map((s) => s.name).sort()).toEqual(['.NET', 'C#', 'CI/CD', 'Google Cloud', 'JavaScript', 'Kubernetes', 'Node.js', 'PostgreSQL', 'TypeScript']);
    expect(skills.every((s) => s.isInSkillsSection)).toBe(true);
    expect(valueOf(parsed.name)).toBe('Ruby Chen'); // and Ruby-the-name is not Ruby-the-language
  });

  it('never throws on empty, binary or odd text: every field is simply not found', () => {
    const inputs = ['', '\u0000\u0001\u0002 %PDF garbage \uFFFD\uFFFE @@@ 1999-2999 ----\n\n\t\t', '\n'.repeat(5_000), 42 as unknown as string];
    for (const input of inputs) {
      const parsed = parseResume(input, { now: NOW });
      expect(parsed.parserVersion).toBe(1);
      for (const field of [parsed.name, parsed.email, parsed.phone, parsed.employers, parsed.education, parsed.yearsOfExperience]) {
        expect(field).toEqual({ status: 'not_found' });
      }
    }
  });

  // Each of these once took seconds to minutes (regex backtracking, or the phone
  // library scanning long digit runs); text is capped at 200,000 characters.
  it.each([
    ['letters', 'a'.repeat(200_000)],
    ['at signs', 'a@'.repeat(100_000)],
    ['digits', '1 '.repeat(100_000)],
    ['parenthesized digits', '(1) '.repeat(50_000)],
    ['plus signs', '+1 '.repeat(66_000)],
    ['years and dashes', '2019 – '.repeat(28_000)],
    ['newlines', '\n'.repeat(200_000)],
    ['tabs', '\t'.repeat(200_000)],
    ['domain-like', 'a.'.repeat(100_000)],
    ['obfuscated emails', 'a [at] b [dot] '.repeat(13_000)],
    ['capitalized words', 'Ab '.repeat(66_000)],
    ['skills and dates', 'Jan 2018 – Present, C, Go, k8s '.repeat(6_000)],
  ])('parses 200,000 characters of %s in well under the request budget', (_what, text) => {
    const started = performance.now();
    expect(() => parseResume(text, { now: NOW })).not.toThrow();
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('stays fast on a long pasted resume (the parse budget of the apply endpoint)', () => {
    const block = 'Senior Engineer, Acme Corp\tJan 2018 – Present\n• Built Kafka and Go services for Postgres and k8s teams, see https://github.com/acme\n';
    const started = performance.now();
    const parsed = parseResume(`Jane Doe\njane@example.com\nExperience\n${block.repeat(1500)}`, { now: NOW });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(valueOf(parsed.skills)?.find((s) => s.name === 'Kafka')?.mentions).toBeGreaterThan(1000);
  });
});
