import { useState } from 'react';
import { useT } from '../useT.js';

const FORMATS = ['md', 'html', 'docx', 'csv', 'json'] as const;

/**
 * One click per format. Browsers cannot put a key in a header on a plain link, so the file is fetched with
 * `Authorization: Bearer` and saved from memory: the key never appears in a URL.
 */
export function ExportButtons({ path, keyValue }: { path: string; keyValue: string }) {
  const t = useT();
  const [names, setNames] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download(format: (typeof FORMATS)[number]) {
    setError(null);
    const res = await fetch(`${path}/export.${format}${names ? '?names=1' : ''}`, { headers: { authorization: `Bearer ${keyValue}` } });
    if (!res.ok) return setError(res.statusText);
    const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name ? decodeURIComponent(name) : `report.${format}`;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <div className="export">
      <div className="row-wrap">
        {FORMATS.map((f) => (
          <button key={f} type="button" className="btn btn-secondary small" onClick={() => void download(f)} data-testid={`export-${f}`}>
            {f.toUpperCase()}
          </button>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} />
        {t('includeNames')}
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
