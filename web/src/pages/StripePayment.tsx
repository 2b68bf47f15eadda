// Stripe's Payment Element (AWS deployments): Stripe.js from Stripe, the PaymentIntent's client secret from our
// purchase answer. The order becomes PAID only when Stripe's webhook says so; this form only submits the card.
import { useEffect, useRef, useState } from 'react';

interface StripeElements {
  create(type: 'payment'): { mount(el: HTMLElement): void; destroy(): void };
  submit(): Promise<{ error?: { message?: string } }>;
}
interface StripeJs {
  elements(options: { clientSecret: string }): StripeElements;
  confirmPayment(options: { elements: StripeElements; redirect: 'if_required'; confirmParams?: { return_url: string } }): Promise<{
    error?: { message?: string };
  }>;
}
declare global {
  interface Window {
    Stripe?: (key: string) => StripeJs;
  }
}

function loadStripeJs(): Promise<void> {
  if (window.Stripe) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3/';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Stripe.js could not be loaded'));
    document.head.appendChild(script);
  });
}

export default function StripePayment({ publishableKey, clientSecret, onSubmitted }: {
  publishableKey: string;
  clientSecret: string;
  onSubmitted: () => void;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const stripe = useRef<StripeJs | null>(null);
  const elements = useRef<StripeElements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let element: { destroy(): void } | null = null;
    loadStripeJs().then(() => {
      stripe.current = window.Stripe!(publishableKey);
      elements.current = stripe.current.elements({ clientSecret });
      const payment = elements.current.create('payment');
      payment.mount(mount.current!);
      element = payment;
    }, (e) => setError(String(e.message ?? e)));
    return () => element?.destroy();
  }, [publishableKey, clientSecret]);

  const pay = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!stripe.current || !elements.current) {
      return;
    }
    setBusy(true);
    const result = await stripe.current.confirmPayment({
      elements: elements.current,
      redirect: 'if_required',
      confirmParams: { return_url: window.location.href },
    });
    setBusy(false);
    if (result.error) {
      setError(result.error.message ?? 'The payment failed');
    } else {
      onSubmitted();
    }
  };

  return (
    <form onSubmit={pay} aria-label="Card payment">
      <div ref={mount} />
      {error && <p className="alert" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>Pay</button>
    </form>
  );
}
