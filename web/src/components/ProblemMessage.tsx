import { ApiError } from '../api/client';

/** An error as a person reads it: the server's detail, and for known codes a word on what to do. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return String(error instanceof Error ? error.message : error);
  }
  switch (error.code) {
    case 'network':
      return 'The server could not be reached. Check the connection and try again.';
    case 'unauthorized':
      return 'Please sign in (again) to do this.';
    case 'forbidden':
      return `You may not do this: ${error.detail}`;
    case 'sold_out':
      return `Sold out: ${error.detail}`;
    case 'seats_unavailable':
      return `Some of these seats were just taken (${((error.problem.seats as string[]) ?? []).join(', ')}). Choose others.`;
    default:
      return error.detail;
  }
}

export function ProblemMessage({ error, id }: { error: unknown; id?: string }) {
  if (!error) {
    return null;
  }
  return (
    <p className="alert" role="alert" id={id}>
      {problemText(error)}
    </p>
  );
}
