// The left navigation offers each role only the areas it may use.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SideNav } from '../../builder-ui/src/components/side-nav';

const sections = (role?: string) => [...renderToStaticMarkup(createElement(SideNav, { activeSection: 'inbox', role })).matchAll(/data-testid="nav-(\w+)"/g)].map((m) => m[1]);

test.each(['ADMIN', 'RECRUITER', 'COORDINATOR'])('%s: candidate search is offered', (role) => {
  expect(sections(role)).toContain('search');
});

test.each(['HIRING_MANAGER', 'INTERVIEWER'])('%s: no candidate search (the API refuses it); the inbox and jobs stay', (role) => {
  expect(sections(role)).not.toContain('search');
  expect(sections(role)).toEqual(expect.arrayContaining(['inbox', 'jobs']));
});

test('a pasted token of unknown role sees every section', () => {
  expect(sections(undefined)).toContain('search');
});
