// Left navigation between the areas of the recruiting workspace.
import { hrefFor } from '../hash-route';

// 24×24 stroke icons, kept inline so the UI needs no icon font or extra package.
const NAV_SECTIONS = [
  { section: 'inbox', label: 'Inbox', iconPath: 'M4 13h4l2 3h4l2-3h4M4 13l2-8h12l2 8v6H4z' },
  // Searching the whole talent database is for the recruiting team; hiring managers and interviewers reach
  // candidates through their jobs, interviews and tasks.
  { section: 'search', label: 'Candidates', iconPath: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 20 20', roles: ['ADMIN', 'RECRUITER', 'COORDINATOR'] },
  { section: 'pipelines', label: 'Pipelines', iconPath: 'M6 4v5m0 6v5M6 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm3 3h6m3-3v6' },
  { section: 'runs', label: 'Runs', iconPath: 'M8 5v14l11-7z' },
  { section: 'jobs', label: 'Jobs', iconPath: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16' },
  { section: 'mailbox', label: 'Mailbox', iconPath: 'M3 6h18v12H3zM3 6l9 7 9-7' },
] as const;

function NavIcon({ path }: { path: string }) {
  return (
    <svg className="side-nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

/** `role` unknown (a pasted API token): every section shows, and the API still refuses what the token may not do. */
export function SideNav({ activeSection, role }: { activeSection: string; role?: string }) {
  const sections = NAV_SECTIONS.filter((s) => !role || !('roles' in s) || (s.roles as readonly string[]).includes(role));
  return (
    <nav className="side-nav" aria-label="Main">
      {sections.map(({ section, label, iconPath }) => {
        // A profile (#/candidates/:id) belongs to candidate search.
        const isActive = section === activeSection || (section === 'search' && activeSection === 'candidates');
        return (
          <a
            key={section}
            href={hrefFor(`/${section}`)}
            className={isActive ? 'side-nav-link is-active' : 'side-nav-link'}
            aria-current={isActive ? 'page' : undefined}
            data-testid={`nav-${section}`}
          >
            <NavIcon path={iconPath} />
            {label}
          </a>
        );
      })}
    </nav>
  );
}
