// Template autocomplete: when the variable list opens, what it offers as the
// author types, and the text and caret after a suggestion is taken.
import { applyCompletion, completionAt, matchVariables } from '../../builder-ui/src/builder/template-autocomplete';

const VARIABLES = ['candidate.firstName', 'candidate.lastName', 'candidate.email', 'job.title', 'feedback.score', 'org.name'];

/** Text with a | marking the caret. */
const at = (marked: string) => ({ text: marked.replace('|', ''), caret: marked.indexOf('|') });
const complete = (marked: string) => {
  const { text, caret } = at(marked);
  return completionAt(text, caret, VARIABLES);
};
/** Types `marked`, takes `variable`, and returns the result with | at the caret. */
const take = (marked: string, variable: string) => {
  const { text, caret } = at(marked);
  const completion = completionAt(text, caret, VARIABLES);
  if (!completion) throw new Error(`no completion at ${marked}`);
  const result = applyCompletion(text, completion, variable);
  return result.text.slice(0, result.caret) + '|' + result.text.slice(result.caret);
};

describe('completionAt', () => {
  it('opens with every variable right after {{', () => {
    expect(complete('Hi {{|')).toEqual({ query: '', from: 5, to: 5, suggestions: [...VARIABLES].sort() });
  });

  it('filters as the author types: prefix matches first, then a later path segment, then anywhere', () => {
    expect(complete('Hi {{cand|')?.suggestions).toEqual(['candidate.email', 'candidate.firstName', 'candidate.lastName']);
    expect(complete('Hi {{ti|')?.suggestions).toEqual(['job.title']);
    expect(complete('Hi {{name|')?.suggestions).toEqual(['org.name', 'candidate.firstName', 'candidate.lastName']);
    expect(complete('Hi {{zzz|')?.suggestions).toEqual([]);
  });

  it('offers variables as helper arguments and after {{{ and {{~', () => {
    expect(complete('{{#if feed|')?.suggestions).toEqual(['feedback.score']);
    expect(complete('{{{job|')?.suggestions).toEqual(['job.title']);
    expect(complete('{{~ org|')?.query).toBe('org');
  });

  it('stays closed in plain text, after a closed expression, across lines, and on helper names', () => {
    expect(complete('Hi candidate|')).toBeNull();
    expect(complete('Hi {{job.title}} and |')).toBeNull();
    expect(complete('Hi {{job.title}}|')).toBeNull();
    expect(complete('{{job.\ntitle|')).toBeNull();
    expect(complete('{{#ea|')).toBeNull();
    expect(complete('{{/if|')).toBeNull();
    expect(complete('|')).toBeNull();
  });

  it('covers the whole path token around the caret, so editing mid-word replaces the word', () => {
    expect(complete('{{cand|idate.email}}')).toMatchObject({ query: 'cand', from: 2, to: 17 });
  });
});

describe('applyCompletion', () => {
  it('inserts the variable and closes the expression, caret after the braces', () => {
    expect(take('Hi {{cand|', 'candidate.firstName')).toBe('Hi {{candidate.firstName}}|');
    expect(take('Hi {{| and more', 'job.title')).toBe('Hi {{job.title}}| and more');
  });

  it('does not add braces that are already there, and replaces the whole token', () => {
    expect(take('Hi {{cand|idate.email}}!', 'candidate.firstName')).toBe('Hi {{candidate.firstName}}|!');
    expect(take('{{job| }}', 'job.title')).toBe('{{job.title }}|');
  });

  it('closes {{{ with }}} and a block helper argument with }}', () => {
    expect(take('{{{jo|', 'job.title')).toBe('{{{job.title}}}|');
    expect(take('{{#if feed|', 'feedback.score')).toBe('{{#if feedback.score}}|');
  });

  it('matchVariables lists each variable once', () => {
    expect(matchVariables('', ['a.b', 'a.b', 'c'])).toEqual(['a.b', 'c']);
  });
});
