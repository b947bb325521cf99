// docs/pipeline-language.md is generated from the node registry; this fails
// when a node type changed and the reference was not regenerated.
import fs from 'node:fs';
import { DOC_PATH, renderPipelineLanguageDoc } from '../../scripts/pipeline-language-doc';
import { NODE_DEFINITIONS } from '../../workflows/graph/registry';

test('the committed reference matches the registry (run npm run docs:pipeline-language)', () => {
  expect(fs.readFileSync(DOC_PATH, 'utf8')).toBe(renderPipelineLanguageDoc());
});

test('every node type has a section', () => {
  const doc = renderPipelineLanguageDoc();
  for (const def of NODE_DEFINITIONS) expect(doc).toContain(`\`${def.type}\` v${def.typeVersion}`);
});
