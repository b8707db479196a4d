/** An Avito ad as call tracking names it: its title linking to the ad when Avito gave a link, else its title or number. */
export function AvitoAdLink({ ad }: { ad: { id: string; title: string | null; url: string | null } }) {
  const label = ad.title ?? ad.id;
  return ad.url ? <a href={ad.url} target="_blank" rel="noreferrer noopener">{label}</a> : <>{label}</>;
}
