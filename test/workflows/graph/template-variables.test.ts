// Which variables a message template reads, as the publish check sees them.
import { isVariableAvailable, templateVariables, withRunVars } from '../../../workflows/graph/template-variables';

describe('templateVariables', () => {
  it('finds the paths in mustaches, once each', () => {
    expect(templateVariables('Hi {{candidate.firstName}}, thanks for applying to {{job.title}}. {{candidate.firstName}}!')).toEqual(['candidate.firstName', 'job.title']);
  });

  it('finds no variables in plain text and comments', () => {
    expect(templateVariables('Hello there {{! {{candidate.firstName}} is a note }}')).toEqual([]);
  });

  it('finds the parameters of built-in helpers, not the helper names', () => {
    expect(templateVariables('{{#if candidate.phone}}Call {{candidate.phone}}{{/if}}')).toEqual(['candidate.phone']);
    expect(templateVariables('{{#unless job.location}}Remote{{else}}{{job.location}}{{/unless}}')).toEqual(['job.location']);
    expect(templateVariables('{{lookup candidate "firstName"}}')).toEqual(['candidate']);
  });

  it('rejects helpers and partials that would fail at send time', () => {
    expect(() => templateVariables('{{format name=candidate.lastName}}')).toThrow('unknown helper "format"');
    expect(() => templateVariables('{{#if (gte feedback.score 3)}}Great{{/if}}')).toThrow('unknown helper "gte"');
    expect(() => templateVariables('{{shout candidate.firstName}}')).toThrow('unknown helper "shout"');
    expect(() => templateVariables('Bye {{> footer}}')).toThrow('partials');
  });

  it('ignores @data variables and this, and strips a leading this.', () => {
    expect(templateVariables('{{@root}} {{this}} {{this.org.name}}')).toEqual(['org.name']);
  });

  it('skips the body of {{#each}} and {{#with}}, whose paths are relative to the item', () => {
    expect(templateVariables('{{#each feedback.tags}}{{name}} at {{@index}}{{/each}}')).toEqual(['feedback.tags']);
    expect(templateVariables('{{#with candidate}}{{firstName}}{{/with}}')).toEqual(['candidate']);
  });

  it('reads the {{else}} of {{#each}} in the outer context', () => {
    expect(templateVariables('{{#each feedback.tags}}{{this}}{{else}}No tags for {{candidate.firstName}}{{/each}}')).toEqual(['feedback.tags', 'candidate.firstName']);
  });

  it('throws on a syntax error', () => {
    expect(() => templateVariables('{{#if candidate.phone}}no closing tag')).toThrow();
    expect(() => templateVariables('{{candidate.firstName')).toThrow();
  });
});

describe('isVariableAvailable', () => {
  const available = new Set(['candidate.firstName', 'feedback']);

  it('accepts an available path', () => {
    expect(isVariableAvailable('candidate.firstName', available)).toBe(true);
  });

  it('accepts a path below an available parent', () => {
    expect(isVariableAvailable('feedback.score', available)).toBe(true);
    expect(isVariableAvailable('feedback.scores.technical', available)).toBe(true);
  });

  it('accepts a whole object whose fields are available ({{#with candidate}})', () => {
    expect(isVariableAvailable('candidate', available)).toBe(true);
  });

  it('rejects a sibling and a mere name prefix', () => {
    expect(isVariableAvailable('candidate.lastName', available)).toBe(false);
    expect(isVariableAvailable('candidate.firstNameInitial', available)).toBe(false);
    expect(isVariableAvailable('feedbacks', available)).toBe(false);
  });
});

describe('withRunVars', () => {
  it('keeps run variables beside fresh data, and fresh fields win field by field', () => {
    const merged = withRunVars({ candidate: { firstName: 'Noor' }, org: { name: 'Acme' } }, { candidate: { tags: ['x'], firstName: 'stale' }, feedback: { score: 3 } });
    expect(merged).toEqual({ candidate: { firstName: 'Noor', tags: ['x'] }, org: { name: 'Acme' }, feedback: { score: 3 } });
  });
});
