/*
 * The order life-cycle of model/PROTOCOL.md as the code runs it (shared-lib: orders.OrderLifecycle,
 * OrderStock, PurchaseService, ExpiryService; inventory.InventoryRepository; OrderRepository.move/lease/checkIn),
 * checked exhaustively by spin. How to run it, the sizes and why they suffice: README.md.
 *
 * Sizes: one ticket type in one shard of CAP = 2 tickets; order A of 2 tickets; order B of 1 ticket (SOLDOUT,
 * FENCE; free in FENCE). Two tickets in A are what a dashboard refund needs to give back part of an order (one
 * scanned, one not); B competes for the stock, so that a re-take can find the type sold out.
 *
 * Every DynamoDB write is one d_step, commented with the Java method and its condition; every read is its own
 * step, so anything may happen between a read and the write that acts on it. A worker (a Lambda invocation)
 * may die instead of any write: W(write), at most MAXCRASH times in a run. What it left is finished by its
 * retry (purchase, buyer, organizer, or they give up), its redelivery (SQS messages: always, now or later),
 * the order's expiry message or the sweep.
 *
 * Time is a clock of epochs. Within an epoch everything interleaves freely; the clock moves on (by JUMP) only
 * when nothing else can move, so no worker lives across a change of epoch: that is the assumption that a
 * Lambda's timeout (30 s) is shorter than every delay of the protocol (the hold H, the leases D of RETAKING
 * and REFUNDING, the prune P after the refund, the fence margin F), each of which ends in the next epoch. The
 * actors outside AWS (buyer, organizer, gate, Stripe) and SQS redeliveries act in any epoch. A refund's
 * finisher may also stall for one or two epochs (STALL, in FENCE): the returns fence must hold without a timeout.
 *
 * Scenarios: -D<name> checks one (LifecycleModelTest runs one search each); without any, one search would explore
 * all of them (init picks each in turn), far beyond the CI budget. Each adds actors to the core: A's purchase,
 * its buyer's payment (in any epoch; at once in REFUND, DASHBOARD and FENCE, which race refunds against a paid
 * order), the payment_intent.succeeded consumer (duplicates wait for the event's idempotency claim: a
 * redelivery), A's expiry message, the sweep, and A's prune message (RETURNS) once a refund queues it. Each
 * scenario has only the outside actors its race needs: the write steps are the same in all.
 *   RETRY    the purchase dies and is retried with the same Idempotency-Key (both attempts' expiry messages);
 *            a failed card and its payment_intent.payment_failed
 *   CANCEL   the buyer cancels twice: a late payment re-takes the tickets while the repeat releases
 *   CANCELED a buyer cancel and its payment_intent.canceled
 *   EXPIRY   the expiry message delivered twice: a late payment re-takes the tickets meanwhile
 *   SOLDOUT  order B takes the stock A let go (A expired), and lets it expire: re-takes that fail
 *   CHARGE   a refund in Stripe's dashboard and its charge.refunded, of A paid, expired, or expired and paid
 *            late (also during the re-take)
 *   REFUND   one organizer refund racing one gate scan (defect 1), the charge.refunded our own refund causes
 *   DASHBOARD the gate scans both tickets, a refund in Stripe's dashboard and its charge.refunded: the checked-in
 *            tickets stay sold, the rest (none, one or both) go back
 *   FENCE    order B (free: T1f) bought in any epoch, its expiry message, an organizer refund of B whose
 *            finisher may stall while the sweep finishes the refund and the prune raises the fence, B's prune
 */

#ifndef MAXCRASH
#define MAXCRASH 1
#endif
#ifndef EPOCHS
#define EPOCHS 2       /* epochs in which the actors outside AWS act and redeliveries may wait */
#endif
#ifndef SETTLE
#define SETTLE 2       /* epochs after them, for what is due to come */
#endif

#define N 2            /* orders */
#define A 0
#define B 1
#define QA 2           /* tickets of A */
#define QB 1           /* tickets of B */
#define CAP 2          /* tickets of the type */
#define Q(o) ((o) == A -> QA : QB)
#define S_RETRY 1
#define S_CANCEL 2
#define S_CANCELED 3
#define S_EXPIRY 4
#define S_SOLDOUT 5
#define S_CHARGE 6
#define S_REFUND 7
#define S_DASHBOARD 8
#define S_FENCE 9
byte scenario;         /* the scenario init picked */
#define FREE(o) (scenario == S_FENCE && (o) == B)
#define ATTEMPTS 2     /* expiry messages per order: one per purchase attempt */
/* purchase attempts: in RETRY the first and one retry with the same Idempotency-Key; else a purchase that dies
   is not retried */
#define MAXATT (scenario == S_RETRY -> 2 : 1)
/* the scenarios of refunds race them against a paid order: there the buyer pays at once (the payment may still
   come late: the payment_intent.succeeded worker may die and its redelivery come after the hold ended) */
#define PAYS_LATE (scenario != S_REFUND && scenario != S_DASHBOARD && scenario != S_FENCE)
#define JUMP 4         /* an epoch */
#define TACT (EPOCHS * JUMP)
#define TEND ((EPOCHS + SETTLE) * JUMP)
#define H 2            /* the hold (HOLD_MINUTES), and a late payment's hold (LATE_HOLD) */
#define D 2            /* the lease of RETAKING (LATE_HOLD) and REFUNDING (REFUND_DUE) */
#define P 3            /* RETURNS_KEPT: the prune is due this long after the refund ended */
#define F 1            /* FENCE_MARGIN: the fence is the refund's end plus this */
#define PAST(t) ((t) <= now)

mtype = { NONE, PENDING_PAYMENT, PAID, EXPIRED, CANCELLED, RETAKING, REFUNDING, REFUNDED };

/* ---- the order items (OrderRepository) ---- */
mtype status[N] = NONE;
byte gen[N];           /* the hold generation the order owns */
bool paidAt[N];        /* paidAt exists: written by T1f, T2, T6 (Order.wasPaid) */
bool viaCharge[N];     /* refund.external: the refund came from charge.refunded, the money is back already */
byte expiresAt[N];
byte dueAt[N];         /* with status in (PENDING_PAYMENT, RETAKING, REFUNDING): on the sweep's open index */
byte checkins[N];      /* bit i: ticket i checked in */
byte checkedIn[N];
byte refundedAt[N];    /* refund.completedAt: T9's time */

/* ---- the stock shard (InventoryRepository); `v` is not modelled: no condition reads it ---- */
byte available = CAP;
byte held = 0;
byte sold = 0;
byte rf = 0;           /* the returns fence (0: attribute_not_exists(rf)) */
bool hold[N];          /* holds.<order> exists, with q = Q(o), */
byte hg[N];            /* its generation g */
byte hexp[N];          /* and its exp */
bool returns[N];       /* returned.<order> exists */

/* ---- Stripe ---- */
bool paid[N];          /* the order's PaymentIntent succeeded */
bool refunded[N];      /* its charge is refunded (by TicketHub, key refund-<orderId>, or in the dashboard) */
bool intentCanceled[N];
bool failedAttempt[N];

/* ---- messages, and what the buyer has ---- */
byte msgExp[N * ATTEMPTS];  /* the expiry message of purchase attempt k, delayed to this time (0: none) */
byte pruneAt[N];          /* the RETURNS message of the order, delayed to this time (0: none) */
bool written[N];          /* T1 happened: the buyer has the client secret */

/* ---- time, crashes ---- */
byte now = 0;
byte crashes = 0;
bool sweepToken = true;   /* the sweep runs (at most) once per epoch */

/* ---- ghosts ---- */
byte soldTo[N];        /* tickets of the order counted in `sold` */
byte givenBack[N];     /* giveBack writes of the order */

/* ---- properties checked at every write (named: pan's message names the one violated) ---- */
bool conserved = true;
bool paid_only_with_all_tickets = true;
bool checked_in_never_void = true;
bool given_back_once = true;

#define HELD_SUM ((hold[A] -> QA : 0) + (hold[B] -> QB : 0))
/* Invariant 1: per type available + held + sold == capacity, held == the sum of the entries. */
#define CONSERVED (available + held + sold == CAP && held == HELD_SUM && sold == soldTo[A] + soldTo[B])
/* Invariant 2: the tickets of a PAID order (issued by the write that made it PAID) are all there: held for it
   under its generation or sold to it, never also available to others; the checked-in tickets of a refunded
   order stay sold. */
#define BACKED(o, n) ((hold[o] && hg[o] == gen[o]) || soldTo[o] >= (n))
#define PAID_WITH_ALL_OF(o) ((status[o] != PAID || BACKED(o, Q(o))) && \
  ((status[o] != REFUNDING && status[o] != REFUNDED) || BACKED(o, checkedIn[o])))
#define PAID_WITH_ALL_TICKETS (PAID_WITH_ALL_OF(A) && PAID_WITH_ALL_OF(B))
/* Invariant 4: a ticket is CHECKED_IN if checked in, else VOID once its order is REFUNDING/REFUNDED: a check-in
   happens only on a PAID order, so a refunding order has checked-in tickets only if the refund was made in
   Stripe's dashboard (never both VOID and CHECKED_IN; the organizer's refund voids every ticket). */
#define CHECKED_IN_NEVER_VOID_OF(o) (checkedIn[o] == 0 || status[o] == PAID || viaCharge[o])
#define CHECKED_IN_NEVER_VOID (CHECKED_IN_NEVER_VOID_OF(A) && CHECKED_IN_NEVER_VOID_OF(B))

#define CHECK \
  conserved = CONSERVED; assert(conserved); \
  paid_only_with_all_tickets = PAID_WITH_ALL_TICKETS; assert(paid_only_with_all_tickets); \
  checked_in_never_void = CHECKED_IN_NEVER_VOID; assert(checked_in_never_void)

/* ---- properties of "once every process has finished", asserted by init ---- */
bool money_only_for_usable_tickets = true;
bool every_order_final = true;
bool returns_pruned = true;
/* Invariant 3: money is kept only for tickets that are usable: a paid order is PAID and not refunded, or
   REFUNDED with its money back. */
#define MONEY_OF(o) (!paid[o] || (status[o] == PAID && !refunded[o]) || (status[o] == REFUNDED && refunded[o]))
/* Invariant 5: every order is final, holds nothing, and sold counts exactly the tickets of the PAID orders
   and the checked-in tickets of refunded ones. */
#define FINAL(o) (status[o] == NONE || status[o] == PAID || status[o] == EXPIRED || status[o] == CANCELLED || \
  status[o] == REFUNDED)
#define SOLD_OF(o, q) ((status[o] == PAID && soldTo[o] == q) || \
  (status[o] == REFUNDED && paidAt[o] && soldTo[o] == checkedIn[o]) || \
  (status[o] != PAID && !(status[o] == REFUNDED && paidAt[o]) && soldTo[o] == 0))
#define SETTLED_OF(o, q) (FINAL(o) && !hold[o] && SOLD_OF(o, q))
/* Invariant 6: stock is given back at most once per order (given_back_once, at every write) and no returns
   marker outlives the prune (returns_pruned, at the end). */

#define OPEN(o) (status[o] == PENDING_PAYMENT || status[o] == RETAKING || status[o] == REFUNDING)

/* ---- workers, crashes, time ---- */

/* A worker's local variables: the same in every worker, so that FORGET can reset them when an invocation
   ends (what it read is gone). */
#define WORKER \
  bool canCrash = true, canStall = false; \
  byte g, c, due, exAt, readAt, rAt, holdGen, exp, seen; \
  bool ok, wp, vc, hasHold, room, notDue; \
  mtype st
#define FORGET atomic { g = 0; c = 0; due = 0; exAt = 0; readAt = 0; rAt = 0; holdGen = 0; exp = 0; seen = 0; \
  ok = false; wp = false; vc = false; hasHold = false; room = false; notDue = false; st = 0 }

/* W(write): the worker may die instead of making the write. */
#if MAXCRASH > 0
#define W(write) atomic { if :: canCrash && crashes < MAXCRASH -> crashes++; printf("%d: dies\n", _pid); goto crash :: true fi; write }
#else
#define W(write) write
#endif

/* Goes on now, or waits for a later epoch (while the actors may still act). */
#define LATER do :: break :: now < TACT -> seen = now; now != seen; seen = 0 od
/* A message put back (a batch item failure, or a message queued again): delivered in a later epoch. */
#define REDELIVERED atomic { seen = now }; now != seen; seen = 0
/* A finisher that may stall (canStall) waits here for the next epoch or the one after (long enough for another
   finisher to end the refund in the next epoch and for the prune to raise the fence in the one after). */
#define STALL if :: canStall && now < TACT -> if :: seen = now :: seen = now + JUMP fi; now > seen; seen = 0 :: true fi

/* ---- the entry operations (InventoryRepository), one conditional UpdateItem each ---- */

/* take(o, g, q, exp): available >= :q AND attribute_not_exists(holds.#o) */
inline TAKE(o, g, exp, ok) {
  d_step {
    if
    :: available >= Q(o) && !hold[o] ->
       available = available - Q(o); held = held + Q(o); hold[o] = true; hg[o] = g; hexp[o] = exp; ok = true
    :: else -> ok = false
    fi;
    printf("%d: take(%c, g%d) %d\n", _pid, o + 65, g, ok);
    CHECK
  }
}

/* adopt(o, gOld -> g): holds.#o.g = :gOld (sets g and exp; gOld == g renews a re-found entry) */
inline ADOPT(o, gOld, g, exp, ok) {
  d_step {
    if
    :: hold[o] && hg[o] == gOld -> hg[o] = g; hexp[o] = exp; ok = true
    :: else -> ok = false
    fi;
    printf("%d: adopt(%c, g%d -> g%d) %d\n", _pid, o + 65, gOld, g, ok);
    CHECK
  }
}

/* release(o, g, q): holds.#o.g = :g AND holds.#o.q = :q */
inline RELEASE(o, g) {
  d_step {
    if
    :: hold[o] && hg[o] == g -> hold[o] = false; held = held - Q(o); available = available + Q(o)
    :: else
    fi;
    printf("%d: release(%c, g%d)\n", _pid, o + 65, g);
    CHECK
  }
}

/* releaseExpired(o, g, now): holds.#o.g = :g AND holds.#o.exp <= :now */
inline RELEASE_EXPIRED(o, g) {
  d_step {
    if
    :: hold[o] && hg[o] == g && PAST(hexp[o]) -> hold[o] = false; held = held - Q(o); available = available + Q(o)
    :: else
    fi;
    printf("%d: releaseExpired(%c, g%d)\n", _pid, o + 65, g);
    CHECK
  }
}

/* commit(o, g, q): holds.#o.g = :g AND holds.#o.q = :q */
inline COMMIT(o, g) {
  d_step {
    if
    :: hold[o] && hg[o] == g -> hold[o] = false; held = held - Q(o); sold = sold + Q(o); soldTo[o] = soldTo[o] + Q(o)
    :: else
    fi;
    printf("%d: commit(%c, g%d)\n", _pid, o + 65, g);
    CHECK
  }
}

/* giveBack(o, q, readAt): attribute_not_exists(returned.#o) AND (attribute_not_exists(rf) OR rf < :readAt)
   AND sold >= :q. (n) in parentheses: an inline substitutes its argument's text (Q(o) - c). */
inline GIVE_BACK(o, n, readAt, ok) {
  d_step {
    if
    :: !returns[o] && (rf == 0 || rf < readAt) && sold >= (n) ->
       sold = sold - (n); available = available + (n); returns[o] = true; soldTo[o] = soldTo[o] - (n);
       givenBack[o]++; ok = true
    :: else -> ok = false
    fi;
    given_back_once = (givenBack[o] <= 1); assert(given_back_once);
    printf("%d: giveBack(%c, %d, readAt %d) %d\n", _pid, o + 65, n, readAt, ok);
    CHECK
  }
}

/* prune(o, fence): attribute_exists(returned.#o); REMOVE returned.#o SET rf = :fence if rf < :fence */
inline PRUNE(o, fence) {
  d_step {
    if
    :: returns[o] -> returns[o] = false; if :: rf < fence -> rf = fence :: else fi
    :: else
    fi;
    printf("%d: prune(%c, fence %d)\n", _pid, o + 65, fence);
    CHECK
  }
}

/* ---- the order transitions: OrderRepository.move, one conditional UpdateItem each, always
   `#status IN (<from>) AND gen = :gen` (the generation read) plus the move's own condition ---- */

/* T1 create (OrderRepository.create): attribute_not_exists(pk); PENDING_PAYMENT, gen 1, open, dueAt = expiresAt */
inline T1(o, exp, ok) {
  d_step {
    if
    :: status[o] == NONE -> status[o] = PENDING_PAYMENT; gen[o] = 1; expiresAt[o] = exp; dueAt[o] = exp;
       written[o] = true; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T1 create %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T1f create (a free order): attribute_not_exists(pk); PAID, gen 1, paidAt */
inline T1F(o, exp, ok) {
  d_step {
    if
    :: status[o] == NONE -> status[o] = PAID; gen[o] = 1; paidAt[o] = true; expiresAt[o] = exp; written[o] = true;
       ok = true
    :: else -> ok = false
    fi;
    printf("%d: T1f create free %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T2 PAY: PENDING_PAYMENT -> PAID, paidAt (the tickets are issued by this write) */
inline T2(o, g, ok) {
  d_step {
    if
    :: status[o] == PENDING_PAYMENT && gen[o] == g -> status[o] = PAID; paidAt[o] = true; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T2 pay %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T3 EXPIRE: PENDING_PAYMENT -> EXPIRED, AND expiresAtEpoch <= :nowEpoch */
inline T3(o, g, ok) {
  d_step {
    if
    :: status[o] == PENDING_PAYMENT && gen[o] == g && PAST(expiresAt[o]) -> status[o] = EXPIRED; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T3 expire %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T4 CANCEL: PENDING_PAYMENT -> CANCELLED */
inline T4(o, g, ok) {
  d_step {
    if
    :: status[o] == PENDING_PAYMENT && gen[o] == g -> status[o] = CANCELLED; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T4 cancel %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T5 START_RETAKE: EXPIRED, CANCELLED -> RETAKING, gen = :g + 1, open, dueAt = now + LATE_HOLD */
inline T5(o, g, ok) {
  d_step {
    if
    :: (status[o] == EXPIRED || status[o] == CANCELLED) && gen[o] == g ->
       status[o] = RETAKING; gen[o] = g + 1; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T5 startRetake %c g%d %d\n", _pid, o + 65, g, ok);
    CHECK
  }
}

/* T6 FINISH_RETAKE: RETAKING -> PAID, paidAt, the new allocations */
inline T6(o, g, ok) {
  d_step {
    if
    :: status[o] == RETAKING && gen[o] == g -> status[o] = PAID; paidAt[o] = true; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T6 finishRetake %c g%d %d\n", _pid, o + 65, g, ok);
    CHECK
  }
}

/* T7 FAIL_RETAKE: RETAKING -> REFUNDING (never paid: refund.external false), dueAt = now + REFUND_DUE */
inline T7(o, g, ok) {
  d_step {
    if
    :: status[o] == RETAKING && gen[o] == g ->
       status[o] = REFUNDING; viaCharge[o] = false; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T7 failRetake %c g%d %d\n", _pid, o + 65, g, ok);
    CHECK
  }
}

/* T8 START_REFUND by the organizer: PAID, PENDING_PAYMENT -> REFUNDING, AND checkedIn = :zero */
inline T8_ORGANIZER(o, g, ok) {
  d_step {
    if
    :: (status[o] == PAID || status[o] == PENDING_PAYMENT) && gen[o] == g && checkedIn[o] == 0 ->
       status[o] = REFUNDING; viaCharge[o] = false; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T8 startRefund (organizer) %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T8/T10 START_REFUND by charge.refunded: PAID, PENDING_PAYMENT -> REFUNDING (refund.external: the money is
   back already) */
inline T8_CHARGE(o, g, ok) {
  d_step {
    if
    :: (status[o] == PAID || status[o] == PENDING_PAYMENT) && gen[o] == g ->
       status[o] = REFUNDING; viaCharge[o] = true; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T8 startRefund (charge.refunded) %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T9 FINISH_REFUND: REFUNDING -> REFUNDED, refund.completedAt = now (off the open index) */
inline T9(o, g, ok) {
  d_step {
    if
    :: status[o] == REFUNDING && gen[o] == g -> status[o] = REFUNDED; refundedAt[o] = now; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T9 finishRefund %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T11 REFUND_UNPAID by charge.refunded: EXPIRED, CANCELLED -> REFUNDED (refund.external) */
inline T11(o, g, ok) {
  d_step {
    if
    :: (status[o] == EXPIRED || status[o] == CANCELLED) && gen[o] == g ->
       status[o] = REFUNDED; viaCharge[o] = true; refundedAt[o] = now; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T11 refundUnpaid %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* OrderRepository.lease: #status = :status AND gen = :gen AND dueAt = :was; dueAt = now + the lease */
inline LEASE(o, ok) {
  d_step {
    if
    :: status[o] == st && gen[o] == g && dueAt[o] == due -> dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: lease %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* C OrderRepository.checkIn: #status = :paid AND attribute_not_exists(checkins.#p); checkedIn + 1 */
inline CHECK_IN(o, i) {
  d_step {
    if
    :: status[o] == PAID && (checkins[o] & (1 << i)) == 0 -> checkins[o] = checkins[o] | (1 << i); checkedIn[o]++
    :: else
    fi;
    printf("%d: checkIn %c ticket %d\n", _pid, o + 65, i);
    CHECK
  }
}

/* PaymentGateway.refund, Stripe idempotency key refund-<orderId>: one refund whoever asks, any number of times.
   Stripe refuses to refund a payment that did not succeed; no finisher may ask for that. */
inline STRIPE_REFUND(o) {
  d_step { assert(paid[o]); refunded[o] = true; printf("%d: Stripe refund %c\n", _pid, o + 65) }
}

/* ---- the steps shared by several actors ---- */

/* Reads the order (orders.find: one consistent GetItem), keeping what its status makes relevant. */
#define READ_ORDER(o) \
  atomic { \
    st = status[o]; g = gen[o]; \
    c = (st == PAID || st == REFUNDING -> checkedIn[o] : 0); \
    wp = paidAt[o]; vc = (st == REFUNDING || st == REFUNDED -> viaCharge[o] : false); \
    readAt = (st == REFUNDING -> now : 0); \
    due = (st == RETAKING || st == REFUNDING -> dueAt[o] : 0); \
    rAt = (st == REFUNDED -> refundedAt[o] : 0); \
    exAt = (st == PENDING_PAYMENT -> expiresAt[o] : 0); \
    printf("%d: reads %c: %e g%d\n", _pid, o + 65, st, g) \
  }

/* OrderStock.reconcile, the order read as (st, g, wp) (NONE: not found): a paid order's holds of its
   generation are made final; then one Query finds the order's entries, and each one the order does not own
   is released (every entry, if the order was not found, once expired). Owned: the entry of the order's
   generation while PENDING_PAYMENT or RETAKING. */
inline STOCK_RECONCILE(o) {
  if :: st != NONE && wp && st != REFUNDED -> W(COMMIT(o, g)) :: else fi;
  d_step { hasHold = hold[o]; holdGen = hg[o] };
  if
  :: hasHold && st == NONE -> W(RELEASE_EXPIRED(o, holdGen))
#ifdef RELEASE_NEWER_GEN
  /* as on main: an entry of a newer generation than the order read (a re-take began after the read) is
     released as not owned */
  :: hasHold && st != NONE && !(holdGen == g && (st == PENDING_PAYMENT || st == RETAKING)) ->
#else
  /* an entry of a newer generation than the order read belongs to a re-take that began after the read */
  :: hasHold && st != NONE && holdGen <= g && !(holdGen == g && (st == PENDING_PAYMENT || st == RETAKING)) ->
#endif
     W(RELEASE(o, holdGen))
  :: else
  fi;
  atomic { hasHold = false; holdGen = 0 }
}

/* OrderLifecycle.finishRefund, the order read (st, g, wp, vc, c) at readAt. REFUNDED: make sure the money went
   back (not for a refund made in Stripe). REFUNDING, paid: commit what is still held, refund the money, queue
   the prune, give back all but the checked-in tickets (fenced by readAt: refused, read the order again), T9.
   REFUNDING, never paid: release every entry, refund the money (a late payment's), T9. */
inline FINISH_REFUND(o) {
  if
  :: st == REFUNDED ->
     if :: !vc && !FREE(o) -> W(STRIPE_REFUND(o)) :: else fi
  :: st == REFUNDING && wp ->
     W(COMMIT(o, g));                   /* a crash may have left the paid order unsettled */
     if :: !vc && !FREE(o) -> W(STRIPE_REFUND(o)) :: else fi;
     W(d_step { if :: pruneAt[o] == 0 -> pruneAt[o] = readAt + P :: else fi;
                printf("%d: queues the prune of %c\n", _pid, o + 65) });
     if
     :: Q(o) > c ->
        STALL;
        W(GIVE_BACK(o, Q(o) - c, readAt, ok));
        if
        :: !ok ->
           /* refused: given back already (ALREADY_GIVEN), or fenced (FENCED); anything else throws */
           atomic {
             assert(returns[o] || (rf != 0 && rf >= readAt));
             if :: !returns[o] -> goto reread :: else fi
           }
        :: else
        fi
     :: else
     fi;
     W(T9(o, g, ok))
  :: st == REFUNDING && !wp ->
     STOCK_RECONCILE(o);
     if :: !vc -> W(STRIPE_REFUND(o)) :: else fi;
     W(T9(o, g, ok))
  fi
}

/* OrderLifecycle.retake, the order read as RETAKING with gen g: takes the tickets again (OrderStock.take ->
   InventoryRepository.takeOnShard: a refused take reads the shard; its own entry of this or an older
   generation is adopted, one of a newer generation is never taken over; no entry and enough available: it
   was released meanwhile, take again; else sold out), then T6, commit and reconcile, or
   T7 and finish the refund. A refused move reads the order again (afterRetake). */
inline RETAKE(o) {
  do
  :: W(TAKE(o, g, now + H, ok));
     if
     :: ok -> break
     :: else ->
        d_step { hasHold = hold[o]; holdGen = hg[o]; room = (available >= Q(o)) };
        if
        :: hasHold && holdGen <= g ->
           W(ADOPT(o, holdGen, g, now + H, ok));
           if :: ok -> break :: else fi                  /* gone meanwhile: take again */
        :: !hasHold && room                              /* released meanwhile: take again */
        :: else -> break                                 /* sold out, or a newer generation's entry */
        fi
     fi
  od;
  atomic { hasHold = false; holdGen = 0; room = false };
  if
  :: ok ->
     W(T6(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     W(COMMIT(o, g));
     d_step { st = PAID; wp = true };
     STOCK_RECONCILE(o)                   /* older generations' leftovers */
  :: else ->
     W(T7(o, g, ok));
     goto reread                          /* finishRefund(reread(order)), or afterRetake */
  fi
}

/* OrderLifecycle.reconcile, for the expiry message and the sweep, the order read (at their label reread). */
inline RECONCILE(o) {
  if
  :: st == NONE -> STOCK_RECONCILE(o)                 /* a purchase that died before T1: expired entries */
  :: st == PENDING_PAYMENT && PAST(exAt) ->
     W(T3(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     W(RELEASE(o, g))
  :: st == PENDING_PAYMENT && !PAST(exAt) -> notDue = true
  :: (st == RETAKING || st == REFUNDING) && PAST(due) ->
     W(LEASE(o, ok));                                  /* its worker is dead: one finisher takes over */
     if
     :: ok && st == RETAKING -> RETAKE(o)
     :: ok && st == REFUNDING -> d_step { readAt = now }; FINISH_REFUND(o)
     :: else
     fi
  :: (st == RETAKING || st == REFUNDING) && !PAST(due) -> notDue = true; exAt = due
  :: st == PAID || st == EXPIRED || st == CANCELLED || st == REFUNDED -> STOCK_RECONCILE(o)
  fi
}

/* ---- the actors ---- */

/* The clock: the next epoch, once nothing else can move. */
active proctype clock() {
end:
  do
  :: atomic { timeout && now < TEND -> now = now + JUMP; sweepToken = true; printf("-- time %d\n", now) }
  od
}

/* POST /tickets/purchase (PurchaseService.purchase): a takeover of a dead attempt's Idempotency claim reads the
   order first; the expiry message (HoldExpiryQueue, delayed to expiresAt), the take, the PaymentIntent (Stripe
   key = order id: nothing the model needs), T1 (T1f and commit for a free order). After a crash the buyer
   retries with the same Idempotency-Key, now or later (MAXATT attempts in all), or gives up. */
proctype purchase(byte o; bool later) {
  WORKER;
  byte k = 0;
  if :: later -> LATER :: else fi;
attempt:
  k++;
  atomic { st = status[o]; exp = now + H };
  if :: st != NONE -> goto resume :: else fi;
  W(d_step { msgExp[o * ATTEMPTS + k - 1] = exp; printf("%d: queues the expiry message of %c\n", _pid, o + 65) });
take:
  W(TAKE(o, 1, exp, ok));
  if
  :: !ok ->
     /* the refused take reads the shard */
     d_step { hasHold = hold[o]; holdGen = hg[o]; room = (available >= Q(o)) };
     if
     :: hasHold && holdGen == 1 ->
        W(ADOPT(o, 1, 1, exp, ok));  /* re-found (an earlier attempt's), renewed to this attempt's expiresAt */
        if :: !ok -> goto take :: else fi
     :: !hasHold && room -> goto take  /* released meanwhile: take again */
     :: else -> goto answered      /* 409 sold out */
     fi
  :: else
  fi;
  if
  :: FREE(o) -> W(T1F(o, exp, ok))
  :: else -> W(T1(o, exp, ok))
  fi;
resume:
  atomic { st = status[o]; g = gen[o] };
  if
  :: st == PAID -> W(COMMIT(o, g))   /* a free order: its hold becomes sold */
  :: else
  fi;
answered:
  FORGET;
  goto out;
crash:
  FORGET;
  if
  :: k < MAXATT -> LATER; goto attempt
  :: true
  fi;
out:
  skip
}

/* The buyer pays on the client secret (Stripe), once the purchase answered, in any epoch. Stripe's cancel of
   the intent is taken as not stopping a payment already under way (so a payment may succeed after a cancel:
   the late payments of issue 8). */
proctype buyer(byte o; bool later) {
  byte seen;
  if :: later -> LATER :: else fi;
end:
  atomic { written[o] && !paid[o] -> paid[o] = true; printf("%d: the buyer pays %c\n", _pid, o + 65) }
}
proctype failedCard(byte o) {
end:
  d_step { written[o] && !paid[o] -> failedAttempt[o] = true }
}
proctype dashboardRefund(byte o) {
  byte seen;
  LATER;
end:
  atomic { paid[o] && !refunded[o] -> refunded[o] = true; printf("%d: refund of %c in the dashboard\n", _pid, o + 65) }
}

/* payment_intent.succeeded of the order's own intent (PaymentEventService -> OrderLifecycle.paymentSucceeded);
   SQS redelivers it after a crash or a refusal. */
proctype paymentSucceeded(byte o) {
  WORKER;
end:
  paid[o];
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT ->
     W(T2(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     W(COMMIT(o, g))
  :: st == PAID -> W(COMMIT(o, g))
  :: st == EXPIRED || st == CANCELLED ->
     W(T5(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     /* the retake's reconciliation message, due at the lease's end: the sweep stands for it here */
     d_step { st = RETAKING; g = g + 1 };
     RETAKE(o)
  :: st == RETAKING && PAST(due) ->
     W(LEASE(o, ok));
     if :: ok -> RETAKE(o) :: else -> goto reread fi
  :: st == RETAKING && !PAST(due) -> REDELIVERED; goto reread  /* another worker's retake runs: throws */
  :: st == REFUNDING || st == REFUNDED -> FINISH_REFUND(o)
  :: st == NONE -> assert(false)   /* the buyer pays only once the order is written */
  fi;
  FORGET;
  goto out;
crash:
  FORGET;
  LATER;
  goto reread;
out:
  skip
}

/* payment_intent.payment_failed: recorded on a PENDING_PAYMENT order (OrderRepository.record: history, no
   transition). */
proctype paymentFailed(byte o) {
  WORKER;
end:
  failedAttempt[o];
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT -> W(skip)
  :: else
  fi;
  FORGET;
  goto out;
crash:
  FORGET;
  LATER;
  goto reread;
out:
  skip
}

/* payment_intent.canceled (OrderLifecycle.paymentCanceled -> end): T4 + release; on a CANCELLED order, release
   again. */
proctype paymentCanceled(byte o) {
  WORKER;
end:
  intentCanceled[o];
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT ->
     W(T4(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     W(RELEASE(o, g))
  :: st == CANCELLED -> W(RELEASE(o, g))
  :: else
  fi;
  FORGET;
  goto out;
crash:
  FORGET;
  LATER;
  goto reread;
out:
  skip
}

/* POST /orders/{id}/cancel by the buyer (OrderLifecycle.cancel), `calls` times, each now or later (a repeat
   answers the cancelled order). */
proctype buyerCancel(byte o; byte calls) {
  WORKER;
request:
  LATER;
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT ->
     /* PaymentGateway.cancelIntent */
     W(d_step { intentCanceled[o] = true; printf("%d: cancels the intent of %c\n", _pid, o + 65) });
     W(T4(o, g, ok));
     if :: !ok -> goto answered :: else fi;  /* end() refused: answered as the order now is */
     W(RELEASE(o, g))
  :: st == CANCELLED -> W(RELEASE(o, g))  /* a repeat: never touches a newer generation */
  :: else                                  /* 404, 409 order_not_cancellable */
  fi;
answered:
crash:
  FORGET;
  calls--;
  if
  :: calls > 0 -> goto request
  :: else
  fi
}

/* POST /orders/{id}/refund by the organizer (OrderLifecycle.refund), `calls` times, each now or later. */
proctype organizerRefund(byte o; byte calls; bool stalls) {
  WORKER;
  canStall = stalls;
request:
  LATER;
reread:
  READ_ORDER(o);
  if
  :: st == PAID && c == 0 ->
     W(T8_ORGANIZER(o, g, ok));
     goto reread                 /* refused: 409 already_checked_in if checked in, else as it is now */
  :: st == REFUNDING -> FINISH_REFUND(o)
  :: else               /* 409 already_checked_in (PAID, c > 0), 409 order_not_refundable; REFUNDED: answered */
  fi;
crash:
  FORGET;
  calls--;
  if
  :: calls > 0 -> goto request
  :: else
  fi
}

/* charge.refunded (a full refund of the order's own payment: in the dashboard, or TicketHub's own;
   OrderLifecycle.chargeRefunded); redelivered after a crash or a refusal. */
proctype chargeRefunded(byte o) {
  WORKER;
end:
  refunded[o];
reread:
  READ_ORDER(o);
  if
  :: st == PAID || st == PENDING_PAYMENT ->
     W(T8_CHARGE(o, g, ok));
     goto reread
  :: st == EXPIRED || st == CANCELLED ->
     W(T11(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     W(RELEASE(o, g))            /* finishes the expiry or cancel */
  :: st == RETAKING -> REDELIVERED; goto reread  /* throws: applied once the retake ends */
  :: st == REFUNDING -> FINISH_REFUND(o)
  :: st == REFUNDED || st == NONE
  fi;
  FORGET;
  goto out;
crash:
  FORGET;
  LATER;
  goto reread;
out:
  skip
}

/* The gate scans tickets 0 .. scans - 1 of the order once each, now or later (TicketService.validate ->
   checkIn). */
proctype gate(byte o; byte scans) {
  byte i = 0, seen;
  do
  :: i < scans -> LATER; CHECK_IN(o, i); i++
  :: else -> break
  od
}

/* The expiry message of purchase attempt k (ExpiryService.handle, kind HOLD), at its expiresAt (run twice for
   a duplicate); redelivered after a crash; put back until the order is due. */
proctype expiry(byte o; byte k) {
  WORKER;
end:
  msgExp[o * ATTEMPTS + k - 1] != 0 && PAST(msgExp[o * ATTEMPTS + k - 1]);
reread:
  READ_ORDER(o);
  RECONCILE(o);
  if
  :: notDue -> d_step { exp = exAt; exAt = 0; st = 0; g = 0; c = 0; due = 0; wp = false; notDue = false };
     PAST(exp); exp = 0; goto reread
  :: else
  fi;
  FORGET;
  goto out;
crash:
  FORGET;
  LATER;
  goto reread;
out:
  skip
}

/* The RETURNS message of a refunded order (ExpiryService.handle -> OrderLifecycle.pruneReturns), queued by a
   finisher before it gives stock back, delayed RETURNS_KEPT; put back until the refund ended RETURNS_KEPT ago. */
proctype pruner(byte o) {
  WORKER;
end:
  pruneAt[o] != 0 && PAST(pruneAt[o]);
reread:
  READ_ORDER(o);
  if
  :: st == REFUNDED && PAST(rAt + P) -> W(PRUNE(o, rAt + F))
  :: st == REFUNDED && !PAST(rAt + P) -> exp = rAt + P; PAST(exp); goto reread
  :: else -> REDELIVERED; goto reread   /* still being refunded */
  fi;
  FORGET;
  goto out;
crash:
  FORGET;
  LATER;
  goto reread;
out:
  skip
}

/* The sweep (ExpiryService.sweep), every minute (here once per epoch), when the open index has an order due:
   each such order is read again and reconciled. */
proctype sweep() {
  WORKER;
  byte o;
end:
  do
  :: d_step { sweepToken && ((OPEN(A) && PAST(dueAt[A])) || (OPEN(B) && PAST(dueAt[B]))) -> sweepToken = false };
     o = 0;
     do
     :: o < N ->
        if
        :: OPEN(o) && PAST(dueAt[o]) ->
reread:
           READ_ORDER(o);
           RECONCILE(o)
        :: else
        fi;
        FORGET;
        o++
     :: else -> break
     od;
crash:
     FORGET;
     o = 0
  od
}

/* The scenario named by -D<scenario>, or all of them in one search (spin picks each in turn: too big for CI). */
#if !defined(RETRY) && !defined(CANCEL) && !defined(CANCELED) && !defined(EXPIRY) && !defined(SOLDOUT) && \
    !defined(CHARGE) && !defined(REFUND) && !defined(DASHBOARD) && !defined(FENCE)
#define RETRY
#define CANCEL
#define CANCELED
#define EXPIRY
#define SOLDOUT
#define CHARGE
#define REFUND
#define DASHBOARD
#define FENCE
#endif

/* A scenario: its actors and the core (A bought and paid, its payment event, its expiry message, the sweep, its
   prune). */
init {
  bool canCrash = false;
  atomic {
    if
#ifdef RETRY
    :: scenario = S_RETRY;
       run expiry(A, 2);            /* the retry's own expiry message */
       run failedCard(A);
       run paymentFailed(A)
#endif
#ifdef CANCEL
    :: scenario = S_CANCEL;
       run buyerCancel(A, 2)        /* the buyer cancels, and cancels again */
#endif
#ifdef CANCELED
    :: scenario = S_CANCELED;
       run buyerCancel(A, 1);
       run paymentCanceled(A)       /* the intent's payment_intent.canceled */
#endif
#ifdef EXPIRY
    :: scenario = S_EXPIRY;
       run expiry(A, 1)             /* the expiry message, delivered twice */
#endif
#ifdef SOLDOUT
    :: scenario = S_SOLDOUT;
       run purchase(B, true);       /* takes the stock A let go, then lets it expire */
       run expiry(B, 1)
#endif
#ifdef CHARGE
    :: scenario = S_CHARGE;
       run dashboardRefund(A);      /* of an order that expired (a late payment) or was paid */
       run chargeRefunded(A)
#endif
#ifdef REFUND
    :: scenario = S_REFUND;
       run organizerRefund(A, 1, false);
       run gate(A, 1);
       run chargeRefunded(A)        /* the one TicketHub's own refund causes */
#endif
#ifdef DASHBOARD
    :: scenario = S_DASHBOARD;
       run gate(A, 2);
       run dashboardRefund(A);
       run chargeRefunded(A)
#endif
#ifdef FENCE
    :: scenario = S_FENCE;
       run purchase(B, true);       /* free: once A let go of the stock, or before A takes it */
       run expiry(B, 1);
       run organizerRefund(B, 1, true);  /* its finisher may stall */
       run pruner(B)
#endif
    fi;
    run purchase(A, false);
    run buyer(A, PAYS_LATE);
    run paymentSucceeded(A);
    run expiry(A, 1);
    run sweep();
    run pruner(A)                /* the RETURNS message, once a refund queues it */
  }
  /* Every process has finished (or waits for what never comes) and the clock has made its last jump. */
  timeout && now >= TEND;
  /* The prune messages still on their way arrive (queued late in the last epoch, their delay ends after it). */
  if :: pruneAt[A] != 0 && status[A] == REFUNDED -> PRUNE(A, refundedAt[A] + F) :: else fi;
  if :: pruneAt[B] != 0 && status[B] == REFUNDED -> PRUNE(B, refundedAt[B] + F) :: else fi;
  /* The properties of "once every process has finished". */
  money_only_for_usable_tickets = (MONEY_OF(A) && MONEY_OF(B));
  assert(money_only_for_usable_tickets);
  every_order_final = (SETTLED_OF(A, QA) && SETTLED_OF(B, QB) && available + sold == CAP);
  assert(every_order_final);
  returns_pruned = (!returns[A] && !returns[B]);
  assert(returns_pruned);
  checked_in_never_void = CHECKED_IN_NEVER_VOID;
  assert(checked_in_never_void);
crash:
  skip
}
