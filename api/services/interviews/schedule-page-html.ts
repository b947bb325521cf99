// The candidate's self-scheduling page, server-rendered without script: the
// offered slots grouped by day in the candidate's time zone, each a small form
// that books it; then a confirmation, or why the link no longer works. Every
// string from recruiters or the database is escaped.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// #1f2328 on #fff 15.8:1; white on #0b57d0 6.3:1; muted #57606a on #fff 6.1:1.
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}form{margin:0}
button{font:inherit;padding:.45rem .8rem;border:1px solid #0b57d0;border-radius:4px;background:#0b57d0;color:#fff;font-weight:600;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #1f2328;outline-offset:2px}.muted{color:#57606a}.zone{font-weight:600}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface SchedulePageModel {
  token: string;
  title: string;
  jobTitle: string;
  organization: string;
  candidateFirstName: string | null;
  durationMinutes: number;
  timeZone: string;
  slots: { start: number; end: number }[];
  /** Shown above the slots, e.g. after a slot was just taken. */
  notice?: string;
}

/** Slots by local day, in order, with local start-end labels. */
export function slotsByDay(slots: { start: number; end: number }[], timeZone: string) {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const days: { label: string; slots: { start: number; label: string }[] }[] = [];
  for (const s of [...slots].sort((a, b) => a.start - b.start)) {
    const label = day.format(s.start);
    if (days.at(-1)?.label !== label) days.push({ label, slots: [] });
    days.at(-1)!.slots.push({ start: s.start, label: `${time.format(s.start)}–${time.format(s.end)}` });
  }
  return days;
}

export function renderSchedulePage(m: SchedulePageModel): string {
  const action = `/schedule/${encodeURIComponent(m.token)}`;
  const greeting = m.candidateFirstName ? `Hi ${escapeHtml(m.candidateFirstName)}, ` : '';
  const days = slotsByDay(m.slots, m.timeZone);
  const list = days.length
    ? days.map((d) => `<section><h2>${escapeHtml(d.label)}</h2><ul>${d.slots.map((s) =>
      `<li><form method="post" action="${action}?start=${s.start}"><button type="submit" data-testid="slot" aria-label="Book ${escapeHtml(d.label)}, ${escapeHtml(s.label)}">${escapeHtml(s.label)}</button></form></li>`).join('')}</ul></section>`).join('')
    : '<p>There are no times left to choose from. Please reply to the recruiter for new times.</p>';
  return page(`Choose a time: ${m.title}`, `<h1>Choose a time for your ${escapeHtml(m.title.toLowerCase())}</h1>
<p>${greeting}${escapeHtml(m.organization)} would like to meet you about <strong>${escapeHtml(m.jobTitle)}</strong>. The interview takes ${m.durationMinutes} minutes.</p>
<p class="muted">Times are shown in <span class="zone">${escapeHtml(m.timeZone)}</span>. <a href="${action}?tz=UTC">Show in UTC</a></p>
${m.notice ? `<p role="alert">${escapeHtml(m.notice)}</p>` : ''}${list}`);
}

export function renderBookedPage(b: { title: string; startsAt: Date; endsAt: Date; timeZone: string }): string {
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: b.timeZone, dateStyle: 'full', timeStyle: 'short' });
  return page('Interview booked', `<h1>You are booked</h1><p data-testid="booked">Your ${escapeHtml(b.title.toLowerCase())} is on <strong>${escapeHtml(when.format(b.startsAt))}</strong> (${escapeHtml(b.timeZone)}). A calendar invitation is on its way by email.</p>`);
}

export function renderRefusedPage(message: string): string {
  return page('Scheduling link', `<h1>This link cannot be used</h1><p data-testid="refused">${escapeHtml(message)}</p>`);
}
