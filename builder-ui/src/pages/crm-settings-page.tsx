// CRM settings (#/crm-settings, admins): the contact policy every marketing email obeys, the retention
// policy with its consent renewal, the wording of event emails (recruiters read and preview it), and the
// suppression list.
import { PageHeader } from '../components/page-header';
import { ContactPolicySettings } from '../crm/contact-policy-settings';
import { RetentionSettings } from '../crm/retention-settings';
import { EventEmailTemplatesSettings } from '../crm/event-email-templates-settings';
import { SuppressionList } from '../crm/suppression-list';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';

export function CrmSettingsPage() {
  const { isAdmin, canEdit } = useCrmRole();
  return (
    <section className="crm-page" data-testid="crm-settings-page">
      <PageHeader title="CRM settings" subtitle="How and how often people may be contacted, how long their data is kept, and who is never emailed." />
      {!isAdmin && <div className="notice" role="note">Only admins change these settings; you can read the suppression list and preview the event emails.</div>}
      <div className="settings-columns">
        {isAdmin && <ContactPolicySettings />}
        {isAdmin && <RetentionSettings />}
      </div>
      {canEdit && <EventEmailTemplatesSettings canEdit={isAdmin} />}
      <SuppressionList canRemove={isAdmin} />
    </section>
  );
}
