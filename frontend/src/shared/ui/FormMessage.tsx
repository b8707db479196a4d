export function FormMessage({ message, kind = 'error' }: { message?: string; kind?: 'error' | 'success' }) {
  if (!message) return null;
  return (
    <p className={`form-message form-message-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {message}
    </p>
  );
}
