import type { Group } from '../../shared/schemas/session.js';
import type { MessageKey } from '../i18n/index.js';

/** "Group 3", or "Group 1 + 2" for a merged group, in the reader's language. */
export function groupName(t: (k: MessageKey, v?: Record<string, string | number>) => string, g: Pick<Group, 'number' | 'mergedFrom'>): string {
  return g.mergedFrom.length ? t('groupMerged', { list: g.mergedFrom.join(' + ') }) : t('group', { n: g.number });
}
