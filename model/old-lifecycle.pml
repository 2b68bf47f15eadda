/*
 * The order life-cycle as it was on main at commit 551d0b7, before issue 8 (kept to show that the model
 * finds the defects the issue reports; lifecycle.pml is the protocol that replaces it).
 *
 * One order of QTY tickets of one ticket type with CAP tickets in one shard. Every DynamoDB write is one
 * d_step, commented with the Java method of 551d0b7 and its condition expression. Reads are separate steps:
 * between a read and the write that acts on it, anything may happen.
 *
 * Scenarios (spin -D...): which actors run. Each finds one defect of issue 8:
 *   -DREFUND_VS_SCAN   defect 1: an organizer refund racing a gate scan
 *   -DCANCEL_TWICE     defect 2: a repeated buyer cancel releases the hold a late payment re-took
 *   -DEXPIRY_TWICE     defect 2: a duplicate expiry message does the same
 * Without one of them every actor runs.
 *
 * Properties: named asserts in the writes (checked at every step) and, for "once every process has finished",
 * in init once nothing else can move (safety only: compile pan with -DSAFETY).
 */

#define QTY 2          /* tickets of the order */
#define CAP 2          /* tickets of the type */

#if !defined(REFUND_VS_SCAN) && !defined(CANCEL_TWICE) && !defined(EXPIRY_TWICE)
#define REFUND_VS_SCAN
#define CANCEL_TWICE
#define EXPIRY_TWICE
#endif

mtype = { NONE, PENDING_PAYMENT, PAID, EXPIRED, CANCELLED, REFUNDED,  /* order */
          ISSUED, VOID, CHECKED_IN };                                   /* ticket item (NONE: not issued) */

/* The order item (OrderRepository). */
mtype status = NONE;

/* The ticket items (TicketRepository), written one by one by OrderHolds.settle -> TicketRepository.issue. */
mtype ticket[QTY] = NONE;

/* The inventory shard (InventoryRepository): counts, the holds map (one order: its entry), returned#<order>. */
byte available = CAP;
byte held = 0;
byte sold = 0;
bool hold = false;      /* holds.<orderId> exists */
bool returned = false;  /* returned#<orderId> exists */

/* Stripe. */
bool paid = false;      /* the PaymentIntent succeeded */
bool refunded = false;  /* the charge is refunded (by us or in the dashboard) */

/* Time, abstracted: the hold has run out (expiresAt <= now). The purchase Lambda is long dead by then. */
bool holdOver = false;
bool expiryScheduled = false;  /* HoldExpiryQueue.schedule ran */
bool orderWritten = false;     /* the buyer has the client secret, so can pay */

/* Ghost: the order's tickets counted in `sold` (commit adds, returnSold subtracts). */
byte soldToOrder = 0;
bool finished = false;
bool checked_in_only_while_paid = true;
bool money_only_for_usable_tickets = true;
bool refunded_all_void = true;
bool every_order_final = true;

/* ---- properties ---- */

/* Invariant 1: the counts always add up. */
#define CONSERVED (available + held + sold == CAP && held == (hold -> QTY : 0) && soldToOrder <= sold)
/* Invariant 2 (no oversell): a PAID order's tickets are held for it or sold to it. */
#define NO_OVERSELL (status != PAID || hold || soldToOrder == QTY)
/* A ticket is used at the gate only while its order is paid and not refunded. */
#define CHECKIN_WHILE_PAID (status == PAID && !refunded)

/* Checked at every write, named like lifecycle.pml's (pan's message names the one violated). */
bool conserved = true;
bool paid_only_with_all_tickets = true;
#define CHECK conserved = CONSERVED; assert(conserved); \
  paid_only_with_all_tickets = NO_OVERSELL; assert(paid_only_with_all_tickets)

#define USABLE(t) (ticket[t] == ISSUED || ticket[t] == CHECKED_IN)
#define ALL_USABLE (USABLE(0) && USABLE(1))
#define ALL_VOID (ticket[0] == VOID && ticket[1] == VOID)
#define FINAL (status == NONE || status == PAID || status == EXPIRED || status == CANCELLED || status == REFUNDED)

/* ---- the conditional writes ---- */

/* InventoryRepository.takeOnShard: available >= :q AND attribute_not_exists(holds.#o) */
#define TAKE(ok) d_step { if :: available >= QTY && !hold -> available = available - QTY; held = held + QTY; hold = true; ok = true :: else -> ok = false fi; CHECK }
/* Holds.renew (a retry re-finds its hold): attribute_exists(holds.#o.exp) */
#define RENEW(ok) d_step { ok = hold }
/* InventoryRepository.release -> Holds.apply: holds.#o.q = :q (the entry's own quantity, read first) */
#define RELEASE d_step { if :: hold -> hold = false; held = held - QTY; available = available + QTY :: else fi; CHECK }
/* InventoryRepository.commit -> Holds.apply: holds.#o.q = :q */
#define COMMIT d_step { if :: hold -> hold = false; held = held - QTY; sold = sold + QTY; soldToOrder = QTY :: else fi; CHECK }
/* InventoryRepository.returnSold: attribute_not_exists(returned#<orderId>) AND sold >= :q */
#define RETURN_SOLD d_step { if :: !returned && sold >= QTY -> sold = sold - QTY; available = available + QTY; returned = true; soldToOrder = soldToOrder - QTY :: else fi; CHECK }
/* TicketRepository.issue: attribute_not_exists(pk) */
#define ISSUE(t) d_step { if :: ticket[t] == NONE -> ticket[t] = ISSUED :: else fi }
/* OrderRepository transitions: #status IN (:from...) [AND expiresAtEpoch <= :nowEpoch] */
#define TRANSITION(cond, to, ok) d_step { if :: cond -> status = to; ok = true :: else -> ok = false fi; CHECK }

/* OrderHolds.settle: issue every ticket, then commit the hold. */
#define SETTLE ISSUE(0); ISSUE(1); COMMIT

/* TicketRepository.voidTickets: reads the tickets; none if one is CHECKED_IN; else each ISSUED -> VOID by
   voidIfIssued (#status = :issued), one by one; a check-in in between wins and is reported. */
#define VOID_TICKETS(anyCheckedIn) \
  anyCheckedIn = (ticket[0] == CHECKED_IN || ticket[1] == CHECKED_IN); \
  if \
  :: !anyCheckedIn -> \
     d_step { if :: ticket[0] == ISSUED -> ticket[0] = VOID :: else fi; anyCheckedIn = (ticket[0] == CHECKED_IN) }; \
     d_step { if :: ticket[1] == ISSUED -> ticket[1] = VOID :: else fi; anyCheckedIn = anyCheckedIn || (ticket[1] == CHECKED_IN) } \
  :: else \
  fi

/* OrderHolds.unsell: settle, void, and unless one is checked in, return the sold tickets. */
#define UNSELL(anyCheckedIn) SETTLE; VOID_TICKETS(anyCheckedIn); if :: !anyCheckedIn -> RETURN_SOLD :: else fi

/* ---- actors ---- */

/* PurchaseService.purchase: take the hold, create the intent (Stripe, no state here), write the order,
   then (resume) schedule its expiry. */
proctype purchase() {
  bool ok;
  TAKE(ok);
  if
  :: !ok -> RENEW(ok)  /* a retry's own hold; else sold out (one order: never) */
  :: else
  fi;
  if
  :: ok ->
     /* OrderRepository.create: attribute_not_exists(pk) */
     d_step { if :: status == NONE -> status = PENDING_PAYMENT; orderWritten = true :: else fi };
     expiryScheduled = true
  :: else
  fi
}

/* The buyer pays on the client secret, at any time after the purchase answered (Stripe's own state). */
proctype buyerPays() {
end:
  orderWritten;
  paid = true
}

/* The hold time passes. */
proctype clock() {
end:
  expiryScheduled;
  holdOver = true
}

/* PaymentEventService.paid, for the order's own payment_intent.succeeded. */
proctype paymentSucceeded() {
  mtype st;
  bool ok;
end:
  paid;
top:
  st = status;
  if
  :: st == PENDING_PAYMENT ->
     /* OrderRepository.markPaid: #status IN (PENDING_PAYMENT) */
     TRANSITION(status == PENDING_PAYMENT, PAID, ok);
     if :: !ok -> goto top :: else fi;
     SETTLE
  :: st == PAID -> SETTLE
  :: st == EXPIRED || st == CANCELLED ->
     /* latePayment: take again under the same order id */
     TAKE(ok);
     if :: !ok -> RENEW(ok) :: else fi;
     if
     :: ok ->
        /* OrderRepository.markPaidLate: #status IN (EXPIRED, CANCELLED) */
        TRANSITION(status == EXPIRED || status == CANCELLED, PAID, ok);
        if :: !ok -> goto top :: else fi;
        SETTLE
     :: else ->
        /* refundLate: OrderRepository.refundUnpaid: #status IN (PENDING_PAYMENT, EXPIRED, CANCELLED) */
        TRANSITION(status == PENDING_PAYMENT || status == EXPIRED || status == CANCELLED, REFUNDED, ok);
        if :: !ok -> goto top :: else fi;
        refunded = true
     fi
  :: st == REFUNDED -> refunded = true
  :: else
  fi
}

/* OrderChangeService.cancel, by the buyer, any number of times (here twice, as the issue's repro). */
proctype buyerCancel() {
  mtype st;
  bool ok;
  byte calls = 0;
again:
  st = status;
  if
  :: st == PENDING_PAYMENT ->
     /* PaymentGateway.cancelIntent: the local gateway's is a no-op, so the payment may still succeed */
     /* OrderRepository.cancel: #status IN (PENDING_PAYMENT) */
     TRANSITION(status == PENDING_PAYMENT, CANCELLED, ok);
     st = status
  :: else
  fi;
  if
  :: st == CANCELLED -> RELEASE  /* OrderHolds.release(order) */
  :: else                         /* 404 / 409 order_not_cancellable */
  fi;
  calls++;
  if
  :: calls < 2 -> goto again
  :: true
  fi
}

/* ExpiryService.expire, for one delivery of the expiry message (at expiresAt). */
proctype expiry() {
  mtype st;
  bool ok;
end:
  holdOver;
top:
  st = status;
  if
  :: st == PENDING_PAYMENT ->
     /* OrderRepository.expire: #status IN (PENDING_PAYMENT) AND expiresAtEpoch <= :nowEpoch */
     TRANSITION(status == PENDING_PAYMENT && holdOver, EXPIRED, ok);
     if
     :: ok -> RELEASE
     :: else -> goto top
     fi
  :: st == EXPIRED || st == CANCELLED -> RELEASE
  :: st == PAID -> SETTLE
  :: else
  fi
}

/* OrderChangeService.refund, by the organizer (repeatable: here at most twice). */
proctype organizerRefund() {
  mtype st;
  bool ok, anyCheckedIn;
  byte calls = 0;
again:
  st = status;
  if
  :: st == PAID ->
     /* OrderHolds.voidTickets: settle, then void */
     SETTLE;
     VOID_TICKETS(anyCheckedIn);
     if
     :: anyCheckedIn -> goto answered  /* 409 already_checked_in */
     :: else
     fi;
     refunded = true;  /* PaymentGateway.refund, key refund-<orderId> */
     /* OrderRepository.refund: #status IN (PAID) */
     TRANSITION(status == PAID, REFUNDED, ok);
     st = status
  :: else
  fi;
  if
  :: st == REFUNDED -> UNSELL(anyCheckedIn)
  :: else  /* 409 order_not_refundable */
  fi;
answered:
  calls++;
  if
  :: calls < 2 -> goto again
  :: true
  fi
}

/* TicketRepository.checkIn of one of the order's tickets: #status = :issued AND eventId = :eventId */
proctype gateScan() {
  byte t;
  if :: t = 0 :: t = 1 fi;
  d_step {
    if
    :: ticket[t] == ISSUED ->
       checked_in_only_while_paid = CHECKIN_WHILE_PAID; assert(checked_in_only_while_paid); ticket[t] = CHECKED_IN
    :: else
    fi
  }
}

init {
  atomic {
    run purchase();
    run buyerPays();
    run paymentSucceeded();
#ifdef REFUND_VS_SCAN
    run organizerRefund();
    run gateScan();
#endif
#ifdef CANCEL_TWICE
    run buyerCancel();
#endif
#ifdef EXPIRY_TWICE
    run clock();
    run expiry();
    run expiry();
#endif
  }
  /* Every process has finished (or waits for something that never comes): the final state. */
  timeout -> finished = true;
  /* Invariant 3: money is kept only for tickets that are usable. */
  money_only_for_usable_tickets = (!paid || refunded || (status == PAID && ALL_USABLE));
  assert(money_only_for_usable_tickets);
  /* Invariant 4: a refunded order has every ticket void. */
  refunded_all_void = (status != REFUNDED || !orderWritten || ALL_VOID || ticket[0] == NONE);
  assert(refunded_all_void);
  /* Invariant 5: every order ends final, holding nothing, and sold counts exactly its usable tickets. */
  every_order_final = (FINAL && !hold && sold == soldToOrder);
  assert(every_order_final)
}
