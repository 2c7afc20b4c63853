import { useState } from 'react';
import { useT } from '../useT.js';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label>
        <span className="field-label">{label}</span>
        <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
      </label>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? t('copied') : t('copy')}
      </button>
    </div>
  );
}
