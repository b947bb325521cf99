// The public apply form, server-rendered: works without script (a plain
// multipart POST to its own address), one label per control, required fields
// marked in text, errors listed at the top (focusable, linked to each field)
// and repeated next to their field with aria-describedby, values kept after an
// error (except the file, which browsers never prefill). Every recruiter- or
// visitor-written string goes through escapeHtml.
import { escapeHtml as h } from '../careers/escape';
import { careersPath, jobPath, type TPublicOrg } from '../careers/public-job';
import { renderMarkdown } from '../careers/markdown';
import type { TJobQuestion } from './evaluate-answers';
import type { TFormValues } from './apply-form-fields';
import { EEO_CODES } from '../services/compliance/eeo';

export interface TApplyFormPage {
  org: Pick<TPublicOrg, 'slug' | 'name'>;
  job: { slug: string; title: string };
  questions: readonly TJobQuestion[];
  consent: { version: string; body: string } | null;
  values: TFormValues;
  /** Field name -> message; "" for errors not tied to a field. */
  errors: Array<{ field: string | null; message: string }>;
  /** Hidden: source and utm_* of the link that brought the visitor. */
  tracking: Record<string, string>;
  formKey: string;
}

// #1f2328 on #fff 15.8:1; #0b57d0 6.3:1; error #b3261e on #fff 6.5:1; white on #0b57d0 6.3:1.
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
header,main{max-width:40rem;margin:0 auto;padding:1rem}header{border-bottom:1px solid #d0d7de}a{color:#0b57d0}
.field{margin:1rem 0}label,legend{display:block;font-weight:600}input[type=text],input[type=email],input[type=tel],input[type=number],select,textarea{width:100%;font:inherit;padding:.45rem;border:1px solid #57606a;border-radius:4px}
input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.hint{color:#57606a;font-size:.9rem;margin:.1rem 0}.error{color:#b3261e;font-weight:600;margin:.2rem 0}[aria-invalid=true]{border-color:#b3261e!important;border-width:2px!important}
.summary{border:2px solid #b3261e;padding:.75rem 1rem;border-radius:4px}.consent{background:#f6f8fa;padding:.75rem;border-radius:4px}
fieldset{border:0;padding:0;margin:0}button{font:inherit;font-weight:600;background:#0b57d0;color:#fff;border:0;border-radius:4px;padding:.65rem 1.4rem;cursor:pointer}`;

function page(org: TApplyFormPage['org'], title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${h(title)}</title><style>${STYLE}</style></head>
<body><header><a href="${h(careersPath(org))}">${h(org.name)} careers</a></header>
<main id="main">${main}</main></body></html>
`;
}

const id = (field: string) => `f-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function applyFormHtml(p: TApplyFormPage): string {
  const errorOf = (field: string) => p.errors.find((e) => e.field === field)?.message;
  const v = (field: string) => p.values[field] ?? '';
  const describedBy = (field: string, hint?: boolean) => {
    const ids = [hint ? `${id(field)}-hint` : '', errorOf(field) ? `${id(field)}-error` : ''].filter(Boolean).join(' ');
    return `${ids ? ` aria-describedby="${ids}"` : ''}${errorOf(field) ? ' aria-invalid="true"' : ''}`;
  };
  const errorLine = (field: string) => (errorOf(field) ? `<p class="error" id="${id(field)}-error">${h(errorOf(field)!)}</p>` : '');
  const input = (field: string, label: string, type: string, opts: { required?: boolean; autocomplete?: string } = {}) => `
<div class="field"><label for="${id(field)}">${h(label)}${opts.required ? ' (required)' : ''}</label>${errorLine(field)}
<input type="${type}" id="${id(field)}" name="${h(field)}" value="${h(v(field))}"${opts.required ? ' required' : ''}${opts.autocomplete ? ` autocomplete="${opts.autocomplete}"` : ''}${describedBy(field)}></div>`;

  const question = (q: TJobQuestion) => {
    const field = `q.${q.key}`;
    const req = q.isRequired ? ' (required)' : '';
    if (q.type === 'YES_NO') {
      const radio = (value: string, label: string) => `<label><input type="radio" name="${h(field)}" value="${value}"${v(field) === value ? ' checked' : ''}${q.isRequired ? ' required' : ''}> ${label}</label>`;
      return `<fieldset class="field"${describedBy(field)}><legend>${h(q.label)}${req}</legend>${q.helpText ? `<p class="hint">${h(q.helpText)}</p>` : ''}${errorLine(field)}${radio('yes', 'Yes')}${radio('no', 'No')}</fieldset>`;
    }
    const hint = q.helpText ? `<p class="hint" id="${id(field)}-hint">${h(q.helpText)}</p>` : '';
    const head = `<label for="${id(field)}">${h(q.label)}${req}</label>${hint}${errorLine(field)}`;
    const attrs = `id="${id(field)}" name="${h(field)}"${q.isRequired ? ' required' : ''}${describedBy(field, !!q.helpText)}`;
    if (q.type === 'NUMBER') return `<div class="field">${head}<input type="number" step="any" ${attrs} value="${h(v(field))}"></div>`;
    if (q.type === 'CHOICE') {
      const options = ['', ...q.choices].map((c) => `<option value="${h(c)}"${v(field) === c ? ' selected' : ''}>${c === '' ? 'Choose…' : h(c)}</option>`).join('');
      return `<div class="field">${head}<select ${attrs}>${options}</select></div>`;
    }
    return `<div class="field">${head}<textarea rows="4" maxlength="5000" ${attrs}>${h(v(field))}</textarea></div>`;
  };

  const summary = p.errors.length
    ? `<div class="summary" role="alert" tabindex="-1" id="errors" data-testid="apply-errors"><h2>Please correct ${p.errors.length === 1 ? 'this' : 'these'}:</h2><ul>${p.errors
      .map((e) => `<li>${e.field ? `<a href="#${id(e.field)}">${h(e.message)}</a>` : h(e.message)}</li>`).join('')}</ul></div>`
    : '';
  const consent = p.consent
    ? `<div class="field consent">${errorLine('consent')}<div class="hint" id="${id('consent')}-text">${renderMarkdown(p.consent.body)}</div>
<label><input type="checkbox" id="${id('consent')}" name="consent" value="${h(p.consent.version)}" required${v('consent') ? ' checked' : ''}${describedBy('consent')}> I agree (required)</label></div>`
    : '';
  const eeoLabels: Record<string, string> = {
    gender: 'Gender', raceEthnicity: 'Race / ethnicity', veteranStatus: 'Veteran status', disabilityStatus: 'Disability',
  };
  const codeLabel = (code: string) => (code === 'declined' ? 'I decline to answer' : code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));
  const eeoSelect = ([key, codes]: [string, readonly string[]]) => {
    const field = `eeo.${key}`;
    const options = ['', ...codes].map((c) => `<option value="${h(c)}"${v(field) === c ? ' selected' : ''}>${c === '' ? 'Not answered' : h(codeLabel(c))}</option>`).join('');
    return `<div class="field"><label for="${id(field)}">${h(eeoLabels[key] ?? key)}</label>${errorLine(field)}<select id="${id(field)}" name="${h(field)}"${describedBy(field)}>${options}</select></div>`;
  };
  const isEeoOpen = Object.keys(EEO_CODES).some((k) => v(`eeo.${k}`) || errorOf(`eeo.${k}`));
  const eeo = `<details class="field" data-testid="apply-eeo"${isEeoOpen ? ' open' : ''}><summary>Voluntary self-identification (optional)</summary>
<p class="hint">These answers help us measure whether our hiring is fair. They are kept apart from your application and are never shown to the people who review it or decide on it. Answering is optional and does not affect your application.</p>
${Object.entries(EEO_CODES).map(eeoSelect).join('\n')}</details>`;
  const hidden = [...Object.entries(p.tracking), ['formKey', p.formKey]]
    .map(([k, val]) => `<input type="hidden" name="${h(k!)}" value="${h(val!)}">`).join('');
  const main = `<h1>Apply for ${h(p.job.title)}</h1>
<p><a href="${h(jobPath(p.org, p.job))}">Back to the job description</a></p>
${summary}
<form method="post" enctype="multipart/form-data" action="${h(jobPath(p.org, p.job))}/apply" data-testid="apply-form" novalidate>
${hidden}
${input('firstName', 'First name', 'text', { required: true, autocomplete: 'given-name' })}
${input('lastName', 'Last name', 'text', { required: true, autocomplete: 'family-name' })}
${input('email', 'Email', 'email', { required: true, autocomplete: 'email' })}
${input('phone', 'Phone', 'tel', { autocomplete: 'tel' })}
${input('location', 'Where you live (city, country)', 'text', { autocomplete: 'address-level2' })}
<div class="field"><label for="${id('resume')}">Resume (PDF or Word .docx, up to 10 MB)</label>${errorLine('resume')}
<input type="file" id="${id('resume')}" name="resume" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"${describedBy('resume')}></div>
${p.questions.map(question).join('\n')}
${eeo}
${consent}
<button type="submit">Submit application</button>
</form>`;
  return page(p.org, `Apply: ${p.job.title} at ${p.org.name}`, main);
}

export function appliedHtml(org: TApplyFormPage['org'], job: { slug: string; title: string }): string {
  return page(org, `Application received: ${job.title}`, `<h1 data-testid="apply-done">Thank you, your application was received</h1>
<p>We will be in touch about the ${h(job.title)} role by email.</p><p><a href="${h(careersPath(org))}">See other open jobs</a></p>`);
}
