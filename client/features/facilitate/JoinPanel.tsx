import { useState } from 'react';
import { CopyField } from '../../components/CopyField.js';
import { QrCode } from '../../components/QrCode.js';
import { useStore } from '../../store/index.js';
import { storage } from '../../storage.js';
import { useT } from '../../useT.js';
import { Reason, useClosedReason } from '../console/closed.js';

export function JoinPanel({ sessionId }: { sessionId: string }) {
  const t = useT();
  const joinCode = useStore((s) => s.view?.joinCode);
  const link = useStore((s) => s.link);
  const [coLink, setCoLink] = useState<string | null>(null);
  // The server makes no new facilitator once the session is closed: the button says so instead of failing.
  const closed = useClosedReason();
  if (!joinCode) return null;
  const joinUrl = `${window.location.origin}/join/${joinCode}`;
  const key = storage.facilitatorKey(sessionId);
  return (
    <section className="panel" aria-labelledby="join-panel">
      <h2 id="join-panel" className="visually-hidden">
        {t('joinLink')}
      </h2>
      <div className="join-box">
        <QrCode text={joinUrl} size={112} label={`${t('joinLink')}: ${joinUrl}`} />
        <div>
          <div className="field-label">{t('joinCode')}</div>
          <div className="join-code" data-testid="join-code-display">
            {joinCode}
          </div>
        </div>
      </div>
      <CopyField label={t('joinLink')} value={joinUrl} />
      <div className="row-wrap">
        <a className="btn btn-secondary" href={`/projector/${sessionId}#key=${key ?? ''}`} target="_blank" rel="noreferrer">
          {t('projector')}
        </a>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!!closed}
          aria-describedby={closed ? 'invite-closed' : undefined}
          onClick={async () => {
            const ack = await link?.invite();
            if (ack?.ok) setCoLink(ack.result!.facilitatorUrl);
          }}
        >
          {t('makeCoFacilitator')}
        </button>
      </div>
      <Reason id="invite-closed" text={closed} />
      {coLink && <CopyField label={t('coFacilitator')} value={coLink} />}
    </section>
  );
}
