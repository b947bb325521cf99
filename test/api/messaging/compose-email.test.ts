import { composeEmail, type TTrackingUrls } from '../../../api/services/messaging/compose-email';

const tracking: TTrackingUrls = {
  click: (i) => `https://t.example/c/${i}`,
  open: 'https://t.example/o.gif',
  unsubscribe: 'https://t.example/u',
  preferences: 'https://t.example/p',
};

test('marketing: each distinct link is tracked in text and HTML, with the pixel and the footer', () => {
  const text = 'Hi Ada, see https://acme.example/jobs/1. Also https://acme.example/blog?a=1&b=2 and again https://acme.example/jobs/1!';
  const out = composeEmail({ text, orgName: 'Acme & Co', tracking });
  expect(out.links).toEqual(['https://acme.example/jobs/1', 'https://acme.example/blog?a=1&b=2']);
  expect(out.text).toContain('see https://t.example/c/0. Also https://t.example/c/1 and again https://t.example/c/0!');
  expect(out.text).toContain('Unsubscribe: https://t.example/u');
  expect(out.text).toContain('Choose what you receive: https://t.example/p');
  expect(out.html).toContain('<a href="https://t.example/c/1">https://acme.example/blog?a=1&#38;b=2</a>');
  expect(out.html).toContain('<img src="https://t.example/o.gif"');
  expect(out.html).toContain('Acme &#38; Co');
  expect(out.html).not.toContain('href="https://acme.example');
});

test('transactional: links stay as written, no pixel, no footer, nothing tracked', () => {
  const out = composeEmail({ text: 'Book here: https://acme.example/schedule/abc', orgName: 'Acme', tracking: null });
  expect(out).toEqual({
    text: 'Book here: https://acme.example/schedule/abc',
    html: '<div style="font-family:sans-serif;white-space:pre-wrap">Book here: <a href="https://acme.example/schedule/abc">https://acme.example/schedule/abc</a></div>',
    links: [],
  });
});

test('pre-rendered HTML: its hrefs are tracked, text escaped where inserted, footer before </body>', () => {
  const html = '<html><body><a href="https://acme.example/jobs?x=1&amp;y=2">Job</a> <a href="mailto:a@b.example">mail</a></body></html>';
  const out = composeEmail({ text: 'Job: https://acme.example/jobs?x=1&y=2', html, orgName: 'Acme', tracking });
  expect(out.links).toEqual(['https://acme.example/jobs?x=1&y=2']);
  expect(out.html).toMatch(/^<html><body><a href="https:\/\/t.example\/c\/0">Job<\/a> <a href="mailto:a@b.example">mail<\/a><p /);
  expect(out.html.endsWith('</body></html>')).toBe(true);
});

test('HTML in a plain-text body is shown, not interpreted', () => {
  const out = composeEmail({ text: '<script>alert(1)</script>', orgName: 'Acme', tracking: null });
  expect(out.html).toContain('&#60;script&#62;');
});
