import type { ReactNode } from 'react';

/** A short coloured word for a status; the colour only repeats what the text already says. */
export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
