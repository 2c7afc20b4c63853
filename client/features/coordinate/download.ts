/**
 * Fetches a file with the key in `Authorization: Bearer` and saves it from memory (a plain link cannot carry a
 * header, and a key in a URL ends up in logs). Returns an error text, or null when saved.
 */
export async function downloadWithKey(url: string, key: string, fallbackName: string): Promise<string | null> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? res.statusText;
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  a.click();
  URL.revokeObjectURL(href);
  return null;
}

/**
 * The print-ready attendance list in a new tab, to print or save as PDF with the browser's own dialog. Fetched with
 * the key like a download, then shown from memory (a blob URL), so the key stays out of the address bar.
 */
export async function openForPrint(url: string, key: string): Promise<string | null> {
  const tab = window.open('', '_blank');
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) {
    tab?.close();
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? res.statusText;
  }
  // The page inherits the app's CSP (no inline styles): its stylesheet comes from the server instead.
  const html = (await res.text()).replace('</head>', `<link rel="stylesheet" href="${window.location.origin}/api/attendance/print.css"></head>`);
  const href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  if (tab) tab.location.href = href;
  else window.location.href = href;
  return null;
}
