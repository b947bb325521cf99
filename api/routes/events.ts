// Placeholder so route modules of the CRM can be added side by side; filled by its owner.
import type { RouteDef } from '../route';

export const eventRoutes: RouteDef[] = [];
