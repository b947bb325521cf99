// Template preview: renders for Sam Sample with the variables available at the
// node, the way the server renders (no HTML escaping, built-in helpers only,
// JSON-escaped webhook payloads), and reports errors instead of throwing.
import { renderTemplatePreview, sampleTemplateContext } from '../../builder-ui/src/builder/template-preview';
import { CONTEXT_VARIABLES, RUN_SNAPSHOT_VARIABLES } from '../../workflows/graph/template-variables';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../workflows/graph/nodes/action-webhook';

const BASE = [...CONTEXT_VARIABLES, ...RUN_SNAPSHOT_VARIABLES];

describe('renderTemplatePreview', () => {
  it('renders a message for Sam Sample and the pipeline\'s job, without HTML escaping', () => {
    const context = sampleTemplateContext(BASE, { job: { title: 'R&D Engineer' }, orgName: 'Acme', sender: { name: 'Dana' } });
    const preview = renderTemplatePreview('Hi {{candidate.firstName}}, thanks for applying to {{job.title}} at {{org.name}}. {{sender.name}}', context);

    expect(preview).toEqual({ ok: true, output: 'Hi Sam, thanks for applying to R&D Engineer at Acme. Dana' });
  });

  it('fills run variables only where the node has them: feedback after a feedback step, empty elsewhere', () => {
    const template = '{{#if feedback.score}}Score {{feedback.score}}{{else}}No score{{/if}}';

    expect(renderTemplatePreview(template, sampleTemplateContext([...BASE, 'feedback.score']))).toEqual({ ok: true, output: 'Score 4' });
    expect(renderTemplatePreview(template, sampleTemplateContext(BASE))).toEqual({ ok: true, output: 'No score' });
  });

  it('shows a variable with no sample value as its path, and iterates snapshot arrays', () => {
    const context = sampleTemplateContext([...BASE, 'lastEvent.channel', 'task']);

    expect(renderTemplatePreview('{{lastEvent.channel}} / {{task.notes}} / {{#each candidate.tags}}#{{this}} {{/each}}', context)).toEqual({
      ok: true, output: '[lastEvent.channel] / Looks good / #referral ',
    });
  });

  it('reports syntax errors on one line, with Handlebars\' full text as detail', () => {
    const preview = renderTemplatePreview('Hi {{candidate.firstName', sampleTemplateContext(BASE));

    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.message).toMatch(/^template error: Parse error on line 1: Expecting .*got '[A-Z]+'$/);
    expect(preview.message).not.toContain('\n');
    expect(preview.detail).toContain('Expecting');
  });

  it('refuses helpers the server does not have and partials, as validation does', () => {
    expect(renderTemplatePreview('{{uppercase candidate.firstName}}', sampleTemplateContext(BASE))).toMatchObject({ ok: false, message: 'template error: unknown helper "uppercase"' });
    expect(renderTemplatePreview('{{> footer}}', sampleTemplateContext(BASE))).toMatchObject({ ok: false, message: expect.stringContaining('partials') });
  });

  it('renders a webhook payload as JSON with inserted values escaped, and says when the result is not JSON', () => {
    const context = sampleTemplateContext(BASE, { job: { title: 'The "Best" Role' } });
    const preview = renderTemplatePreview(DEFAULT_WEBHOOK_PAYLOAD, context, { isJson: true });

    expect(preview.ok).toBe(true);
    expect(preview.ok && JSON.parse(preview.output)).toMatchObject({ candidate: { firstName: 'Sam', email: 'sam.sample@example.com' }, job: { title: 'The "Best" Role' } });
    expect(renderTemplatePreview('{"name": {{candidate.firstName}} }', context, { isJson: true })).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON once rendered/) });
  });
});
