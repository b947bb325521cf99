// Worker thread that runs pdf.js on one PDF at a time and posts back the raw
// text items (with positions) and link targets of each page. It lives in its own
// thread so the parent can enforce a wall-clock and heap limit by terminating it
// (a pathological PDF can spin inside pdf.js), and it is plain ESM JavaScript
// because pdf.js ships as ES modules only and this file runs under Node as is.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

// Predefined CMaps let pdf.js map CJK and other CID fonts to unicode.
const cMapUrl = join(pdfjsRoot, 'cmaps') + '/';
const standardFontDataUrl = join(pdfjsRoot, 'standard_fonts') + '/';

async function extract({ data, maxPages, maxChars }) {
  const task = pdfjs.getDocument({
    data,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false, // no code generation from file content (CVE-2024-4367 class)
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: 1, // text only: never decode images
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages = [];
    const urls = [];
    let chars = 0;
    const last = Math.min(doc.numPages, maxPages);
    for (let n = 1; n <= last && chars <= maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: false });
      const items = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, x, y] = item.transform;
        items.push({ str: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) || Math.hypot(a, b) || 1 });
        chars += item.str.length;
      }
      pages.push(items);
      for (const annotation of await page.getAnnotations({ intent: 'display' })) {
        if (annotation.subtype === 'Link' && typeof annotation.url === 'string') urls.push(annotation.url);
      }
      page.cleanup();
    }
    return { isOk: true, pageCount: doc.numPages, pages, urls, isTruncated: doc.numPages > pages.length };
  } finally {
    await doc.destroy();
  }
}

parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage({ id: job.id, ...(await extract(job)) });
  } catch (error) {
    parentPort.postMessage({ id: job.id, isOk: false, errorName: String(error?.name ?? 'Error'), message: String(error?.message ?? error) });
  }
});
// Parse a one-page PDF before saying ready: pdf.js loads its parser lazily on
// the first document, and that second or so belongs to start-up, not to the
// first candidate's time budget.
const WARM_UP_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 33>>stream\nBT /F1 9 Tf 1 1 Td (Hi) Tj ET\nendstream\nendobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
try {
  await extract({ data: WARM_UP_PDF, maxPages: 1, maxChars: 1 });
} catch {
  // A failed warm-up only means the first real file pays for loading.
}
parentPort.postMessage({ ready: true });
