// Who a prospect is and what it adds to them, without a database: the match order (email, phone, link with
// the same name), filling only empty places, unions of tags, skills and link keys, countries and skills as
// the profile stores them.
import { addProspectTo, newPerson, PeopleIndex, type TPerson } from '../../../api/services/crm/prospect-match';
import { toProspect } from '../../../api/services/crm/prospect';
import { countryCodeOf, placeOf } from '../../../api/services/crm/country-code';
import { canonicalSkill } from '../../../api/services/crm/canonical-skill';
import { applyLinks, fillLinks, normaliseProfileUrl, ZProfileLinks } from '../../../api/services/crm/profile-links';

const options = { tags: ['imported'], source: 'import' };

function person(over: Partial<TPerson>): TPerson {
  return { ...newPerson('p1', toProspect({ firstName: 'Ada', lastName: 'Lovelace' }), { tags: [], source: 'x' }), isNew: false, source: null, ...over };
}

describe('PeopleIndex.match', () => {
  test('email first, then an E.164 phone, then a shared link with the same name', () => {
    const index = new PeopleIndex();
    const byEmail = person({ id: 'e', email: 'ada@x.com' });
    const byPhone = person({ id: 'p', phoneE164: '+14155550134' });
    const byLink = person({ id: 'l', firstName: 'Ada', lastName: 'Lovelace', linkKeys: ['github.com/ada'] });
    const otherName = person({ id: 'o', firstName: 'Grace', lastName: 'Hopper', linkKeys: ['github.com/shared'] });
    for (const p of [byEmail, byPhone, byLink, otherName]) index.add(p);
    const match = (p: Parameters<typeof toProspect>[0]) => index.match(toProspect(p));
    expect(match({ firstName: 'X', email: 'ada@x.com', phone: '+14155550134' })).toEqual({ person: byEmail, reason: 'email' });
    expect(match({ firstName: 'X', email: 'new@x.com', phone: '+1 (415) 555-0134' })).toEqual({ person: byPhone, reason: 'phone' });
    expect(match({ firstName: 'Ádá', lastName: 'LOVELACE', links: { github: 'https://github.com/ada' } })).toEqual({ person: byLink, reason: 'name_and_link' });
    // A shared link alone (a company page, a shared repository) is not the same person.
    expect(match({ firstName: 'Ada', lastName: 'Lovelace', links: { github: 'https://github.com/shared' } })).toBeNull();
  });

  test("a merged record's address leads to its survivor; erased people are matched by email only, to be refused", () => {
    const index = new PeopleIndex();
    const survivor = person({ id: 's', email: 'new@x.com' });
    index.add(survivor, 'old@x.com');
    expect(index.match(toProspect({ email: 'old@x.com' }))?.person).toBe(survivor);
    const erased = person({ id: 'z', email: 'gone@x.com', phoneE164: '+14155550199', isAnonymized: true });
    index.add(erased);
    expect(index.match(toProspect({ email: 'gone@x.com' }))?.person.isAnonymized).toBe(true);
    expect(index.match(toProspect({ firstName: 'Z', phone: '+14155550199' }))).toBeNull();
  });
});

describe('addProspectTo', () => {
  test('fills empty places, never replaces; unions tags, skills and link keys; joins the pool once', () => {
    const index = new PeopleIndex();
    const ada = person({ headline: 'Analyst', tags: ['alumni'], skills: ['python'], interestLevel: 'WARM', links: { linkedin: 'https://linkedin.com/in/ada', github: null, website: null, others: [] }, linkKeys: ['linkedin.com/in/ada'] });
    index.add(ada);
    const incoming = toProspect({
      email: 'ada@x.com', headline: 'Engineer', location: 'London, United Kingdom', tags: ['speaker', 'alumni'], skills: ['Python', 'Rust'], interestLevel: 'HOT',
      links: { linkedin: 'https://linkedin.com/in/someone-else', github: 'https://github.com/ada' },
    });
    const changed = addProspectTo(ada, incoming, { ...options, poolId: 'pool' }, index);
    expect(changed.sort()).toEqual(['city', 'countryCode', 'email', 'linkKeys', 'links', 'location', 'pool', 'skills', 'tags'].sort());
    expect(ada).toMatchObject({
      headline: 'Analyst', interestLevel: 'WARM', email: 'ada@x.com', city: 'London', countryCode: 'GB', tags: ['alumni', 'speaker', 'imported'], skills: ['python', 'rust'],
      links: { linkedin: 'https://linkedin.com/in/ada', github: 'https://github.com/ada', website: null, others: [] },
    });
    expect(ada.linkKeys.sort()).toEqual(['github.com/ada', 'linkedin.com/in/ada', 'linkedin.com/in/someone-else']);
    expect(addProspectTo(ada, incoming, { ...options, poolId: 'pool' }, index)).toEqual([]);
  });

  test("an email is only filled when nobody holds it", () => {
    const index = new PeopleIndex();
    index.add(person({ id: 'other', email: 'taken@x.com' }));
    const ada = person({ id: 'ada', phone: '+14155550134', phoneE164: '+14155550134' });
    index.add(ada);
    expect(addProspectTo(ada, toProspect({ email: 'taken@x.com', phone: '+14155550134' }), { tags: [], source: 'x' }, index)).toEqual([]);
    expect(ada.email).toBeNull();
  });
});

describe('normalising what people type', () => {
  test('countries by name (several languages), code or abbreviation; retired codes are not countries', () => {
    expect(['Germany', 'Deutschland', 'de', 'Allemagne'].map(countryCodeOf)).toEqual(['DE', 'DE', 'DE', 'DE']);
    expect(['USA', 'United States', 'U.S.', 'UK', 'England', 'Czech Republic'].map(countryCodeOf)).toEqual(['US', 'US', 'US', 'GB', 'GB', 'CZ']);
    expect(['DD', 'SU', 'EU', 'Atlantis'].map(countryCodeOf)).toEqual([null, null, null, null]);
    expect(placeOf('Austin, TX, USA')).toEqual({ city: 'Austin', countryCode: 'US' });
    expect(placeOf('Austin, TX')).toEqual({ city: 'Austin' });
  });

  test('skills by their vocabulary name, others as given in lower case', () => {
    expect(['JS', 'golang', 'Node.js', 'k8s', 'Underwater Basket Weaving', '  '].map(canonicalSkill)).toEqual(['javascript', 'go', 'node.js', 'kubernetes', 'underwater basket weaving', null]);
  });

  test('profile links: web addresses only, LinkedIn and GitHub profiles where they are asked for', () => {
    expect(normaliseProfileUrl('github.com/ada/')).toBe('https://github.com/ada');
    expect(['javascript:alert(1)', 'ftp://x.org', 'https://user:pw@x.org', 'localhost', 'a b.com'].map(normaliseProfileUrl)).toEqual([null, null, null, null, null]);
    expect(ZProfileLinks.safeParse({ linkedin: 'https://linkedin.com/company/acme' }).success).toBe(false);
    expect(ZProfileLinks.safeParse({ github: 'https://gitlab.com/ada' }).success).toBe(false);
    const links = { linkedin: 'https://linkedin.com/in/a', github: null, website: 'https://a.org', others: ['https://x.org'] };
    expect(applyLinks(links, { website: null, others: [] })).toEqual({ linkedin: 'https://linkedin.com/in/a', github: null, website: null, others: [] });
    expect(fillLinks(links, { linkedin: 'https://linkedin.com/in/b', github: 'https://github.com/a', website: null, others: ['https://x.org', 'https://y.org'] }))
      .toEqual({ linkedin: 'https://linkedin.com/in/a', github: 'https://github.com/a', website: 'https://a.org', others: ['https://x.org', 'https://y.org'] });
  });
});
