import { useEffect, useState } from 'react';
import { useServices } from '../context';
import type { Ticket } from '../api/types';
import { STATUS_LABELS } from '../format';
import { ProblemMessage } from './ProblemMessage';

/** One ticket: its QR code as the server renders it, its seat and its status in words. */
export function TicketCard({ ticket, typeName }: { ticket: Ticket; typeName?: string }) {
  const { api } = useServices();
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (ticket.status === 'VOID') {
      return;
    }
    let url: string | null = null;
    let live = true;
    api.ticketQr(ticket.ticketId).then(
      (u) => {
        url = u;
        if (live) setQr(u);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, ticket.ticketId, ticket.status]);

  const place = ticket.seat ? `Section ${ticket.seat.section}, row ${ticket.seat.row}, seat ${ticket.seat.number}` : 'General admission';
  return (
    <li className="card ticket" data-ticket-id={ticket.ticketId}>
      <h3>{typeName ?? 'Ticket'}</h3>
      <p>{place}</p>
      <p>
        Status: <span className="badge">{STATUS_LABELS[ticket.status] ?? ticket.status}</span>
      </p>
      {qr && <img className="qr" src={qr} alt={`QR code of the ticket (${place}); show it at the gate`} />}
      {ticket.status === 'VOID' && <p>This ticket was refunded and is no longer valid.</p>}
      <ProblemMessage error={error} />
    </li>
  );
}
