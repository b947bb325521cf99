// What an enrollment of a campaign's audience did, once its bulk job finished: how many people the audience
// held, how many were enrolled now, were enrolled before, or were skipped (and why), and how many runs started.
import type { CampaignEnrollmentReport } from './crm-types';

const SKIP_LABELS: Record<string, string> = {
  merged: 'merged into another profile', anonymized: 'erased', no_email: 'no email address', suppressed: 'address suppressed', unsubscribed: 'unsubscribed from this topic',
};

export function EnrollmentReportView({ report }: { report: CampaignEnrollmentReport }) {
  const skipped = Object.entries(report.skipped ?? {}).filter(([, n]) => n > 0);
  const n = (value: number) => value.toLocaleString('en');
  return (
    <div className="bulk-report" data-testid="enrollment-report">
      <dl className="report-counts">
        <div><dt>In the audience</dt><dd>{n(report.audience)}</dd></div>
        <div><dt>Enrolled now</dt><dd data-testid="enrollment-report-enrolled">{n(report.enrolled)}</dd></div>
        <div><dt>Already enrolled</dt><dd>{n(report.alreadyEnrolled)}</dd></div>
        <div><dt>Skipped</dt><dd>{n(skipped.reduce((sum, [, count]) => sum + count, 0))}</dd></div>
        <div><dt>Runs started</dt><dd>{n(report.started)}</dd></div>
      </dl>
      {skipped.length > 0 && <p className="muted">Skipped: {skipped.map(([reason, count]) => `${n(count)} ${SKIP_LABELS[reason] ?? reason}`).join(', ')}.</p>}
      {report.startFailed > 0 && <p className="field-error">{n(report.startFailed)} runs could not start yet; they are retried.</p>}
      {report.errors?.length > 0 && <ul className="notice-details">{report.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>}
    </div>
  );
}
