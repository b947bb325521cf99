// The self-scheduling page as the candidate sees it: slots grouped by their own
// local day (not the UTC day), local times, escaped recruiter text, one form per slot.
import { renderBookedPage, renderRefusedPage, renderSchedulePage, slotsByDay } from '../../../api/services/interviews/schedule-page-html';

const at = (iso: string) => Date.parse(iso);

test('slots are grouped by the local day of the candidate, across midnight UTC', () => {
  // 23:00Z and 01:00Z the next day are both Tuesday in Los Angeles (UTC-8 in December).
  const slots = [{ start: at('2026-12-09T01:00:00Z'), end: at('2026-12-09T01:30:00Z') }, { start: at('2026-12-08T23:00:00Z'), end: at('2026-12-08T23:30:00Z') }];
  const la = slotsByDay(slots, 'America/Los_Angeles');
  expect(la).toEqual([{ label: 'Tuesday, 8 December 2026', slots: [{ start: slots[1]!.start, label: '15:00–15:30' }, { start: slots[0]!.start, label: '17:00–17:30' }] }]);
  const tokyo = slotsByDay(slots, 'Asia/Tokyo');
  expect(tokyo.map((d) => d.label)).toEqual(['Wednesday, 9 December 2026']);
  expect(slotsByDay(slots, 'UTC').map((d) => d.label)).toEqual(['Tuesday, 8 December 2026', 'Wednesday, 9 December 2026']);
});

test('a DST change is read per slot: the same UTC hour shows as different local times', () => {
  const days = slotsByDay([{ start: at('2026-03-27T08:00:00Z'), end: at('2026-03-27T09:00:00Z') }, { start: at('2026-03-30T08:00:00Z'), end: at('2026-03-30T09:00:00Z') }], 'Europe/Berlin');
  expect(days.map((d) => d.slots[0]!.label)).toEqual(['09:00–10:00', '10:00–11:00']);
});

test('the page escapes recruiter and candidate text and posts each slot to the link', () => {
  const html = renderSchedulePage({
    token: 'abc.def', title: 'Tech <script>alert(1)</script>', jobTitle: 'Engineer & "Lead"', organization: 'Acme', candidateFirstName: '<b>Ada</b>',
    durationMinutes: 45, timeZone: 'Europe/Berlin', slots: [{ start: at('2026-12-08T09:00:00Z'), end: at('2026-12-08T09:45:00Z') }],
  });
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<b>Ada</b>');
  expect(html).toContain('Engineer &#38; &#34;Lead&#34;');
  expect(html).toContain('action="/schedule/abc.def?start=1796720400000"');
  expect(html).toContain('10:00–10:45');
  expect(renderSchedulePage({ token: 't', title: 'X', jobTitle: 'Y', organization: 'Z', candidateFirstName: null, durationMinutes: 30, timeZone: 'UTC', slots: [] })).toContain('no times left');
});

test('confirmation in the candidate zone; refusals escaped', () => {
  expect(renderBookedPage({ title: 'Interview', startsAt: new Date('2026-12-08T09:00:00Z'), endsAt: new Date('2026-12-08T10:00:00Z'), timeZone: 'Asia/Kolkata' })).toContain('14:30');
  expect(renderRefusedPage('<i>no</i>')).toContain('&#60;i&#62;no');
});
