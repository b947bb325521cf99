// The CRM's pages by address: #/pools, #/segments, #/campaigns, #/events, #/import, #/crm-settings, with
// "new", an id, or "<id>/edit" after them. Null for any other address (the shell shows "not found").
import type { ReactNode } from 'react';
import type { HashRoute } from '../hash-route';
import { CampaignEditorPage } from '../pages/campaign-editor-page';
import { CampaignPage } from '../pages/campaign-page';
import { CampaignsPage } from '../pages/campaigns-page';
import { CrmSettingsPage } from '../pages/crm-settings-page';
import { EventEditorPage } from '../pages/event-editor-page';
import { EventPage } from '../pages/event-page';
import { EventsPage } from '../pages/events-page';
import { ImportPage } from '../pages/import-page';
import { SegmentEditorPage } from '../pages/segment-editor-page';
import { SegmentsPage } from '../pages/segments-page';
import { TalentPoolPage } from '../pages/talent-pool-page';
import { TalentPoolsPage } from '../pages/talent-pools-page';

export function crmPage(route: HashRoute): ReactNode | null {
  const [section, id, sub] = route.segments;
  switch (section) {
    case 'pools':
      return id ? <TalentPoolPage key={id} poolId={id} /> : <TalentPoolsPage />;
    case 'segments':
      if (id === 'new') return <SegmentEditorPage key="new" segmentId={null} />;
      return id ? <SegmentEditorPage key={id} segmentId={id} /> : <SegmentsPage />;
    case 'campaigns':
      if (id === 'new') return <CampaignEditorPage key="new" campaignId={null} />;
      if (id && sub === 'edit') return <CampaignEditorPage key={`${id}-edit`} campaignId={id} />;
      return id ? <CampaignPage key={id} campaignId={id} /> : <CampaignsPage />;
    case 'events':
      if (id === 'new') return <EventEditorPage key="new" eventId={null} />;
      if (id && sub === 'edit') return <EventEditorPage key={`${id}-edit`} eventId={id} />;
      return id ? <EventPage key={id} eventId={id} /> : <EventsPage />;
    case 'import':
      return <ImportPage />;
    case 'crm-settings':
      return <CrmSettingsPage />;
    default:
      return null;
  }
}
