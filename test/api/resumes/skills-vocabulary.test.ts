import { SKILLS } from '../../../api/resumes/skills-vocabulary';
import { matchSkills } from '../../../api/resumes/match-skills';

describe('skills vocabulary', () => {
  it('has about 300 skills, technical and not, and no alias claimed by two skills', () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(SKILLS.map((s) => s.category)).size).toBeGreaterThanOrEqual(10);
    const owner = new Map<string, string>();
    for (const skill of SKILLS) {
      for (const alias of skill.aliases) {
        const key = alias.replace(/^=/, '').toLowerCase();
        expect([key, owner.get(key) ?? skill.name]).toEqual([key, skill.name]);
        owner.set(key, skill.name);
      }
    }
  });

  it('every skill is found by its own name and each of its aliases', () => {
    for (const skill of SKILLS) {
      for (const alias of skill.aliases) {
        const written = alias.replace(/^=/, '');
        const found = matchSkills({ text: `Skills: ${written}, Teamwork` }).map((s) => s.name);
        expect([written, found.includes(skill.name)]).toEqual([written, true]);
      }
    }
  });

  it('maps aliases to one canonical skill and counts mentions', () => {
    const found = matchSkills({ text: 'JS and JavaScript, ECMAScript; k8s + Kubernetes; Postgres/PostgreSQL' });
    expect(found.map((s) => [s.name, s.mentions])).toEqual([['JavaScript', 3], ['Kubernetes', 2], ['PostgreSQL', 2]]);
  });
});
