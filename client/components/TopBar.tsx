import type { ReactNode } from 'react';
import { useT } from '../useT.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { ConnectionBadge } from './ConnectionBadge.js';

export function TopBar({ children, live = false }: { children?: ReactNode; live?: boolean }) {
  const t = useT();
  return (
    <header className="topbar">
      <a className="brand" href="/">
        <span className="brand-mark" aria-hidden="true">
          ●●
        </span>{' '}
        {t('appName')}
      </a>
      <div className="topbar-middle">{children}</div>
      <div className="topbar-right">
        {live && <ConnectionBadge />}
        <LanguageSwitch />
      </div>
    </header>
  );
}
