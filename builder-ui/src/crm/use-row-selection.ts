// Checkbox selection over the rows a table shows (pool members, search results): toggle one, toggle every
// row shown, clear. Ids no longer shown drop out of the selection, so an action never reaches a row the
// person cannot see.
import { useCallback, useMemo, useState } from 'react';

export type RowSelection = {
  selectedIds: string[];
  isSelected: (id: string) => boolean;
  isAllSelected: boolean;
  toggle: (id: string) => void;
  toggleAll: () => void;
  clear: () => void;
};

export function useRowSelection(visibleIds: readonly string[]): RowSelection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const selectedIds = useMemo(() => visibleIds.filter((id) => picked.has(id)), [visibleIds, picked]);
  const isAllSelected = visibleIds.length > 0 && selectedIds.length === visibleIds.length;
  const toggle = useCallback((id: string) => setPicked((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }), []);
  const toggleAll = () => setPicked(isAllSelected ? new Set() : new Set(visibleIds));
  const clear = useCallback(() => setPicked(new Set()), []);
  return { selectedIds, isSelected: (id) => picked.has(id), isAllSelected, toggle, toggleAll, clear };
}
