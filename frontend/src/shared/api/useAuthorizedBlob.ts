import { useEffect, useState } from 'react';
import { authorizedFetch } from './client';

/**
 * A file of the API as a blob URL. `<audio src>` and `<img src>` cannot send the bearer token, and the
 * API has no other way in (no signed links, no cookies): the file is fetched with the Authorization
 * header and shown from a blob URL (the content-security policy allows `blob:`), released when the
 * component goes away or the path changes.
 */
export function useAuthorizedBlob(path: string): { src: string | null; error: string | null } {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    setSrc(null);
    setError(null);
    authorizedFetch(path)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        const blob = await response.blob();
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);
  return { src, error };
}
