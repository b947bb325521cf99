// renderTemplate: emails are rendered as text (no HTML escaping, or names like
// O'Brien arrive mangled); HTML mode escapes.
import { renderTemplate, type TemplateContext } from '../../activities/render-template';

const context: TemplateContext = {
  candidate: { firstName: 'Siobhán', lastName: "O'Brien & Sons", fullName: "Siobhán O'Brien & Sons", email: 'siobhan@example.com', phone: null },
  job: { title: 'Backend <Engineer>', department: 'Platform', location: null },
  application: { id: 'app-1', stage: 'Screening' },
  org: { name: 'Acme' },
  sender: { name: 'Dana from Acme Talent', email: 'talent@acme.example' },
};

describe('renderTemplate', () => {
  it('renders candidate, job, org and sender fields', () => {
    expect(renderTemplate('Hi {{candidate.firstName}}, thanks for applying to {{job.title}} at {{org.name}}. {{sender.name}}', context)).toBe(
      'Hi Siobhán, thanks for applying to Backend <Engineer> at Acme. Dana from Acme Talent',
    );
  });

  it('does not HTML-escape in text mode', () => {
    expect(renderTemplate('Dear {{candidate.lastName}}', context)).toBe("Dear O'Brien & Sons");
  });

  it('escapes in HTML mode, even for a template already rendered as text', () => {
    const template = '<p>Dear {{candidate.lastName}}</p>';
    renderTemplate(template, context);

    expect(renderTemplate(template, context, { isHtml: true })).toBe('<p>Dear O&#x27;Brien &amp; Sons</p>');
  });

  it('renders missing and null fields as empty', () => {
    expect(renderTemplate('[{{candidate.phone}}][{{job.location}}][{{candidate.nickname}}]', context)).toBe('[][][]');
  });

  it('renders conditionals over the context', () => {
    const template = '{{#if candidate.phone}}Call {{candidate.phone}}{{else}}Email {{candidate.email}}{{/if}}';

    expect(renderTemplate(template, context)).toBe('Email siobhan@example.com');
    expect(renderTemplate(template, { ...context, candidate: { ...context.candidate, phone: '+351 900 000 000' } })).toBe('Call +351 900 000 000');
  });

  it('throws on a helper Handlebars does not know', () => {
    expect(() => renderTemplate('{{shout candidate.firstName}}', context)).toThrow('Missing helper: "shout"');
  });
});
