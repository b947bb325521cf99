// docs/metrics.md is the one source of each report's definition: the parser finds every section the
// catalog names, and the dashboards' renderer keeps its paragraphs, lists and SQL apart.
import fs from 'node:fs';
import { METRICS_DOC, parseDefinitions } from '../../../api/services/analytics/metric-definitions';
import { REPORTS } from '../../../api/services/analytics/report-catalog';
import { definitionBlocks } from '../../../builder-ui/src/analytics/definition-text';

test('a section runs from its anchor to the next heading; an anchor inside a code block is text', () => {
  const sections = parseDefinitions(['# Doc', '<a id="one"></a>', 'First **words**.', '', '```sql', '<a id="not"></a>', 'SELECT 1;', '```', '## Next', 'outside', '<a id="two"></a>', '- a', '- b'].join('\n'));
  expect([...sections.keys()]).toEqual(['one', 'two']);
  expect(sections.get('one')).toBe('First **words**.\n\n```sql\n<a id="not"></a>\nSELECT 1;\n```');
  expect(definitionBlocks(sections.get('one')!)).toEqual([{ kind: 'paragraph', text: 'First **words**.' }, { kind: 'code', text: '<a id="not"></a>\nSELECT 1;' }]);
  expect(definitionBlocks(sections.get('two')!)).toEqual([{ kind: 'list', items: ['a', 'b'] }]);
});

test('every report in the catalog has its definition written in docs/metrics.md, with the query behind it', () => {
  const sections = parseDefinitions(fs.readFileSync(METRICS_DOC, 'utf8'));
  for (const report of REPORTS) {
    const text = sections.get(report.definition.split('#')[1]!);
    expect([report.id, Boolean(text && text.length > 80)]).toEqual([report.id, true]);
    expect([report.id, /```sql/.test(text!)]).toEqual([report.id, true]);
  }
});
