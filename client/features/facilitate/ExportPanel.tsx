import { ExportButtons } from '../../components/ExportButtons.js';
import { storage } from '../../storage.js';
import { useT } from '../../useT.js';

export function ExportPanel({ sessionId }: { sessionId: string }) {
  const t = useT();
  const key = storage.facilitatorKey(sessionId);
  if (!key) return null;
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <ExportButtons path={`/api/sessions/${sessionId}`} keyValue={key} />
    </section>
  );
}
