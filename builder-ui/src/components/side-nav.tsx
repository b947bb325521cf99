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
  // Reports: hiring managers read hiring and forecast reports of their jobs; interviewers none.
  { section: 'analytics', label: 'Analytics', iconPath: 'M4 20V10m6 10V4m6 16v-7m4 7H2', roles: ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER'] },
  { section: 'mailbox', label: 'Mailbox', iconPath: 'M3 6h18v12H3zM3 6l9 7 9-7' },
] as const;

const ORG_WIDE_ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR'];
// The CRM (talent pools, segments, campaigns, events, sourcing imports) is the recruiting team's: the API
// refuses hiring managers and interviewers. Its settings (contact policy, retention, suppressions) are admins'.
const CRM_SECTIONS = [
  { section: 'pools', label: 'Talent pools', iconPath: 'M5 8a3 3 0 1 0 6 0 3 3 0 0 0-6 0zm8 1a2.5 2.5 0 1 0 5 0 2.5 2.5 0 0 0-5 0zM3 19c0-3 2.5-5 5-5s5 2 5 5m1-4c2.5-.5 7 0 7 4', roles: ORG_WIDE_ROLES },
  { section: 'segments', label: 'Segments', iconPath: 'M4 5h16l-6 7v6l-4 2v-8z', roles: ORG_WIDE_ROLES },
  { section: 'campaigns', label: 'Campaigns', iconPath: 'M4 10v4h3l6 4V6L7 10zm13-1a4 4 0 0 1 0 6', roles: ORG_WIDE_ROLES },
  { section: 'events', label: 'Events', iconPath: 'M4 6h16v14H4zM4 10h16M8 3v5m8-5v5', roles: ORG_WIDE_ROLES },
  { section: 'import', label: 'Import', iconPath: 'M12 4v11m-4-4 4 4 4-4M4 16v4h16v-4', roles: ORG_WIDE_ROLES },
  { section: 'crm-settings', label: 'CRM settings', iconPath: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm7 3-2-1 1-2-2-2-2 1-1-2h-2l-1 2-2-1-2 2 1 2-2 1v2l2 1-1 2 2 2 2-1 1 2h2l1-2 2 1 2-2-1-2 2-1z', roles: ['ADMIN'] },
] as const;
type NavSection = { section: string; label: string; iconPath: string; roles?: readonly string[] };

function NavIcon({ path }: { path: string }) {
  return (
    <svg className="side-nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

const isOffered = (role: string | undefined) => (s: NavSection) => !role || !s.roles || s.roles.includes(role);

/** `role` unknown (a pasted API token): every section shows, and the API still refuses what the token may not do. */
export function SideNav({ activeSection, role }: { activeSection: string; role?: string }) {
  const sections = (NAV_SECTIONS as readonly NavSection[]).filter(isOffered(role));
  const crmSections = (CRM_SECTIONS as readonly NavSection[]).filter(isOffered(role));
  const link = ({ section, label, iconPath }: NavSection) => {
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
  };
  return (
    <nav className="side-nav" aria-label="Main">
      {sections.map(link)}
      {crmSections.length > 0 && (
        <div className="side-nav-group" role="group" aria-labelledby="side-nav-crm" data-testid="nav-group-crm">
          <div className="side-nav-group-label" id="side-nav-crm">CRM</div>
          {crmSections.map(link)}
        </div>
      )}
    </nav>
  );
}
