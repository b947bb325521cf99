// Title bar at the top of each page, with an optional subtitle and actions on the right.
import type { ReactNode } from 'react';

type PageHeaderProps = { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; backHref?: string; backLabel?: string };

export function PageHeader({ title, subtitle, actions, backHref, backLabel }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        {backHref && (
          <a className="back-link" href={backHref}>
            ← {backLabel ?? 'Back'}
          </a>
        )}
        <h1>{title}</h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
