/*
 * The order life-cycle of model/PROTOCOL.md, checked exhaustively by spin (see README.md).
 *
 * Sizes: one ticket type in one shard of CAP = 2 tickets; order A of 2 tickets, order B of 1 ticket (free in
 * FENCE). Two tickets in A are what a gate scan needs to race a refund (one scanned, one not); B competes for
 * the stock, so that a re-take can find the type sold out. More tickets, orders, types or shards repeat the
 * same conditional writes on more items; they add no new kind of interleaving of one order's writes.
 *
 * Every DynamoDB write is one d_step, commented with the Java method and its condition expression
 * (PROTOCOL.md's tables); every read is its own step, so anything may happen between a read and the write
 * that acts on it. A worker (a Lambda invocation) may die instead of any write: W(write), at most MAXCRASH
 * times in a run. What it left is finished by its retry (purchase, buyer, organizer: or they give up), its
 * redelivery (SQS messages: always, now or later), the order's expiry message or the sweep.
 *
 * Time is a clock of epochs. Within an epoch, everything interleaves freely; the clock moves on (by JUMP)
 * only when nothing else can move, so no worker lives across a change of epoch: that is the assumption
 * that a Lambda's timeout (20-55 s) is shorter than every delay of the protocol (the hold, H; the due time of
 * RETAKING and REFUNDING, D; the prune, P after T9, fencing at T9 + F) and that the hold outlives a purchase
 * attempt and an expiry message together (H > 2 timeouts). Every such delay ends in the next epoch. The
 * actors outside AWS (buyer, organizer, gate, Stripe) and SQS redeliveries act in any epoch. A refund's
 * finisher may also stall across epochs (STALL, in FENCE): the returns fence must hold without a timeout.
 *
 * Scenarios (spin -D<name>, one per run; each adds actors to the core: A's purchase, its buyer's payment,
 * the payment_intent.succeeded consumer, A's expiry message, the sweep):
 *   RETRY    the purchase dies and is retried with the same Idempotency-Key; both attempts' expiry
 *            messages; a failed card and its payment_failed event
 *   CANCEL   the buyer cancels twice, payment_intent.canceled, the expiry message delivered twice
 *   SOLDOUT  a buyer cancel; order B takes the stock A let go, and lets it expire: re-takes that fail
 *   CHARGE   a buyer cancel, a refund in Stripe's dashboard and its charge.refunded
 *   REFUND   the organizer refunds twice, the gate scans both tickets, a refund in the dashboard and its
 *            charge.refunded, the prune message
 *   FENCE    stalling organizer refunds of A and of B (free: T1f), both prune messages: the returns fence
 *
 * Changes to PROTOCOL.md as first written, each found by this model (the -D flag restores the text):
 *   -DREFIND_AS_WRITTEN        a purchase retry re-finds its entry without renewing it (RETRY): oversell
 *   -DT7_RELEASE_FIRST         T7 releases gen before the transition (SOLDOUT): oversell
 *   -DCHARGE_RETAKING_IGNORED  charge.refunded finds RETAKING, not in the table (CHARGE): a refunded PAID order
 *   -DPRUNE_AFTER_T9           the prune message is sent after T9 (REFUND): returns markers never pruned
 */

#ifndef MAXCRASH
#define MAXCRASH 1
#endif
#ifndef EPOCHS
#define EPOCHS 3       /* epochs in which the actors outside AWS act and redeliveries may wait */
#endif
#ifndef SETTLE
#define SETTLE 3       /* epochs after them, for what is due to come */
#endif

#define N 2            /* orders */
#define A 0
#define B 1
#define QA 2           /* tickets of A */
#define QB 1           /* tickets of B */
#define CAP 2          /* tickets of the type */
#define Q(o) ((o) == A -> QA : QB)
#ifdef FENCE
#define FREE(o) ((o) == B)
#else
#define FREE(o) false
#endif
#ifdef RETRY
#define MAXATT 2       /* purchase attempts: the first and one retry with the same Idempotency-Key */
#else
#define MAXATT 1       /* a purchase that dies is not retried */
#endif
#define JUMP 4         /* an epoch */
#define TACT (EPOCHS * JUMP)
#define TEND ((EPOCHS + SETTLE) * JUMP)
#define H 2            /* the hold time */
#define D 2            /* the due time of RETAKING and REFUNDING */
#define P 3            /* the prune message's delay after T9 */
#define F 1            /* the fence's margin after T9 */
#define PAST(t) ((t) <= now)

mtype = { NONE, PENDING_PAYMENT, PAID, EXPIRED, CANCELLED, RETAKING, REFUNDING, REFUNDED };

/* ---- the order items (OrderRepository) ---- */
mtype status[N] = NONE;
byte gen[N];           /* the hold generation the order owns */
bool wasPaid[N];       /* REFUNDING/REFUNDED: the order had been PAID (T8) rather than never (T7, T10, T11) */
bool viaCharge[N];     /* the refund came from charge.refunded: the money is back already */
byte expiresAt[N];
byte dueAt[N];         /* with status in (PENDING_PAYMENT, RETAKING, REFUNDING): on the sweep's open index */
byte checkins[N];      /* bit i: ticket i checked in */
byte checkedIn[N];
byte refundedAt[N];    /* T9's time */
bool listed[N];        /* a REFUNDED order still on the open index (until the sweep has pruned it) */

/* ---- the stock shard (InventoryRepository); `v` is not modelled: no condition reads it ---- */
byte available = CAP;
byte held = 0;
byte sold = 0;
byte rf = 0;           /* the returns fence (0: attribute_not_exists(rf)) */
bool hold[N];          /* holds.<order> exists, with q = Q(o), */
byte hg[N];            /* its generation g */
byte hexp[N];          /* and its exp */
bool returns[N];       /* returns.<order> exists */

/* ---- Stripe ---- */
bool paid[N];          /* the order's PaymentIntent succeeded */
bool refunded[N];      /* its charge is refunded (by TicketHub, key refund-<orderId>, or in the dashboard) */
bool intentCanceled[N];
bool failedAttempt[N];

/* ---- messages, and what the buyer has ---- */
byte msgExp[N * MAXATT];  /* the expiry message of purchase attempt k, delayed to this time (0: none) */
bool pruneSent[N];
bool written[N];          /* T1 happened: the buyer has the client secret */

/* ---- time, crashes ---- */
byte now = 0;
byte crashes = 0;
bool sweepToken = true;   /* the sweep runs (at most) once per epoch */

/* ---- ghosts ---- */
byte soldTo[N];        /* tickets of the order counted in `sold` */
byte givenBack[N];     /* giveBack writes of the order */
bool finished = false; /* every process has finished: init sets it once nothing else can move */

/* ---- properties checked at every write (named: pan's message names the one violated) ---- */
bool conserved = true;
bool no_oversell = true;
bool checked_in_never_void = true;
bool given_back_once = true;

#define HELD_SUM ((hold[A] -> QA : 0) + (hold[B] -> QB : 0))
/* Invariant 1: per type available + held + sold == capacity, held == the sum of the entries. */
#define CONSERVED (available + held + sold == CAP && held == HELD_SUM && sold == soldTo[A] + soldTo[B])
/* Invariant 2, as the stock sees it: the tickets of a PAID order (issued by the write that made it PAID) are
   held for it under its generation or sold to it; checked-in tickets of a refunded order stay sold. */
#define BACKED(o, n) ((hold[o] && hg[o] == gen[o]) || soldTo[o] >= (n))
#define NO_OVERSELL_OF(o) ((status[o] != PAID || BACKED(o, Q(o))) && \
  ((status[o] != REFUNDING && status[o] != REFUNDED) || BACKED(o, checkedIn[o])))
#define NO_OVERSELL (NO_OVERSELL_OF(A) && NO_OVERSELL_OF(B))
/* Invariant 4: a refunding or refunded order's tickets are VOID, except those checked in before a refund made
   in Stripe (a ticket is CHECKED_IN, else VOID once the order is REFUNDING: never both). */
#define CHECKED_IN_NEVER_VOID_OF(o) (checkedIn[o] == 0 || status[o] == PAID || viaCharge[o])
#define CHECKED_IN_NEVER_VOID (CHECKED_IN_NEVER_VOID_OF(A) && CHECKED_IN_NEVER_VOID_OF(B))

#define CHECK \
  conserved = CONSERVED; assert(conserved); \
  no_oversell = NO_OVERSELL; assert(no_oversell); \
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
  (status[o] == REFUNDED && wasPaid[o] && soldTo[o] == checkedIn[o]) || \
  (status[o] != PAID && !(status[o] == REFUNDED && wasPaid[o]) && soldTo[o] == 0))
#define SETTLED_OF(o, q) (FINAL(o) && !hold[o] && SOLD_OF(o, q))
/* Invariant 6: no returns marker outlives the prune (giving back twice: given_back_once, at every write). */

#define OPEN(o) (status[o] == PENDING_PAYMENT || status[o] == RETAKING || status[o] == REFUNDING || listed[o])

/* ---- workers, crashes, time ---- */

/* A worker's local variables: the same in every worker, so that FORGET can reset them when an invocation
   ends (what it read is gone). */
#define WORKER \
  bool canCrash = true, canStall = false; \
  byte g, c, due, exAt, readAt, rAt, holdGen, exp, seen; \
  bool ok, wp, vc, lst, hasHold, notDue; \
  mtype st
#define FORGET atomic { g = 0; c = 0; due = 0; exAt = 0; readAt = 0; rAt = 0; holdGen = 0; exp = 0; seen = 0; \
  ok = false; wp = false; vc = false; lst = false; hasHold = false; notDue = false; st = 0 }

/* W(write): the worker may die instead of making the write. */
#if MAXCRASH > 0
#define W(write) atomic { if :: canCrash && crashes < MAXCRASH -> crashes++; printf("%d: dies\n", _pid); goto crash :: true fi; write }
#else
#define W(write) write
#endif

/* Goes on now, or waits for a later epoch (while the actors may still act). */
#define LATER do :: break :: now < TACT -> seen = now; now != seen; seen = 0 od
/* A finisher that may stall (canStall) waits for a later epoch here. */
#define STALL if :: canStall && now < TACT -> seen = now; now != seen; seen = 0 :: true fi

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

/* giveBack(o, q, readAt): attribute_not_exists(returns.#o) AND (attribute_not_exists(rf) OR rf < :readAt)
   AND sold >= :q */
inline GIVE_BACK(o, n, readAt, ok) {
  d_step {
    if
    :: !returns[o] && (rf == 0 || rf < readAt) && sold >= n ->
       sold = sold - n; available = available + n; returns[o] = true; soldTo[o] = soldTo[o] - n;
       givenBack[o]++; ok = true
    :: else -> ok = false
    fi;
    given_back_once = (givenBack[o] <= 1); assert(given_back_once);
    printf("%d: giveBack(%c, %d, readAt %d) %d\n", _pid, o + 65, n, readAt, ok);
    CHECK
  }
}

/* prune(o, fence): attribute_exists(returns.#o); REMOVE returns.#o SET rf = max(rf, :fence) */
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

/* ---- the order transitions (OrderRepository), one conditional UpdateItem (or PutItem) each ---- */

/* T1 create: attribute_not_exists(pk); PENDING_PAYMENT, gen 1, open, dueAt = expiresAt */
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

/* T1f create (free order): attribute_not_exists(pk); PAID, gen 1 */
inline T1F(o, exp, ok) {
  d_step {
    if
    :: status[o] == NONE -> status[o] = PAID; gen[o] = 1; expiresAt[o] = exp; written[o] = true; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T1f create free %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T2 pay: #status = PENDING_PAYMENT -> PAID (the tickets are issued by this write) */
inline T2(o, ok) {
  d_step {
    if :: status[o] == PENDING_PAYMENT -> status[o] = PAID; ok = true :: else -> ok = false fi;
    printf("%d: T2 pay %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T3 expire: #status = PENDING_PAYMENT AND expiresAt <= :now */
inline T3(o, ok) {
  d_step {
    if :: status[o] == PENDING_PAYMENT && PAST(expiresAt[o]) -> status[o] = EXPIRED; ok = true :: else -> ok = false fi;
    printf("%d: T3 expire %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T4 cancel: #status = PENDING_PAYMENT */
inline T4(o, ok) {
  d_step {
    if :: status[o] == PENDING_PAYMENT -> status[o] = CANCELLED; ok = true :: else -> ok = false fi;
    printf("%d: T4 cancel %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T5 startRetake: #status IN (EXPIRED, CANCELLED) AND gen = :g; gen = :g + 1, RETAKING, open, dueAt */
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

/* T6 finishRetake: #status = RETAKING AND gen = :g -> PAID */
inline T6(o, g, ok) {
  d_step {
    if :: status[o] == RETAKING && gen[o] == g -> status[o] = PAID; ok = true :: else -> ok = false fi;
    printf("%d: T6 finishRetake %c g%d %d\n", _pid, o + 65, g, ok);
    CHECK
  }
}

/* T7 failRetake: #status = RETAKING AND gen = :g -> REFUNDING (unpaid), dueAt. `charge` marks the money as
   back already (the proposed T7 of charge.refunded on a RETAKING order). */
inline T7(o, g, charge, ok) {
  d_step {
    if
    :: status[o] == RETAKING && gen[o] == g ->
       status[o] = REFUNDING; wasPaid[o] = false; viaCharge[o] = charge; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T7 failRetake %c g%d %d\n", _pid, o + 65, g, ok);
    CHECK
  }
}

/* T8 startRefund, organizer: #status = PAID AND checkedIn = :zero -> REFUNDING (paid), dueAt */
inline T8_ORGANIZER(o, ok) {
  d_step {
    if
    :: status[o] == PAID && checkedIn[o] == 0 ->
       status[o] = REFUNDING; wasPaid[o] = true; viaCharge[o] = false; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T8 startRefund (organizer) %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T8 startRefund, charge.refunded: #status = PAID -> REFUNDING (paid, money back already), dueAt */
inline T8_CHARGE(o, ok) {
  d_step {
    if
    :: status[o] == PAID -> status[o] = REFUNDING; wasPaid[o] = true; viaCharge[o] = true; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T8 startRefund (charge.refunded) %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T9 finishRefund: #status = REFUNDING -> REFUNDED, refundedAt = :now (off the open index) */
inline T9(o, ok) {
  d_step {
    if
    :: status[o] == REFUNDING -> status[o] = REFUNDED; refundedAt[o] = now; ok = true;
#ifndef REFUNDED_CLOSED
       listed[o] = true; dueAt[o] = now + P
#endif
    :: else -> ok = false
    fi;
    printf("%d: T9 finishRefund %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T10 startRefund, charge.refunded before the payment event: #status = PENDING_PAYMENT -> REFUNDING (unpaid) */
inline T10(o, ok) {
  d_step {
    if
    :: status[o] == PENDING_PAYMENT ->
       status[o] = REFUNDING; wasPaid[o] = false; viaCharge[o] = true; dueAt[o] = now + D; ok = true
    :: else -> ok = false
    fi;
    printf("%d: T10 startRefund (unpaid) %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T11 refundUnpaid: #status IN (EXPIRED, CANCELLED) -> REFUNDED */
inline T11(o, ok) {
  d_step {
    if
    :: status[o] == EXPIRED || status[o] == CANCELLED ->
       status[o] = REFUNDED; wasPaid[o] = false; viaCharge[o] = true; refundedAt[o] = now; ok = true;
#ifndef REFUNDED_CLOSED
       listed[o] = true; dueAt[o] = now + P
#endif
    :: else -> ok = false
    fi;
    printf("%d: T11 refundUnpaid %c %d\n", _pid, o + 65, ok);
    CHECK
  }
}

/* T12 unlist: #status = REFUNDED AND attribute_exists(open): off the open index */
inline T12(o) {
  d_step {
    if :: status[o] == REFUNDED && listed[o] -> listed[o] = false :: else fi;
    printf("%d: T12 unlist %c\n", _pid, o + 65);
    CHECK
  }
}

/* C TicketRepository.checkIn: #status = PAID AND attribute_not_exists(checkins.#i); checkedIn + 1 */
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

/* Reads the order (one consistent GetItem), keeping what its status makes relevant. */
#define READ_ORDER(o) \
  atomic { \
    st = status[o]; g = gen[o]; \
    c = (st == PAID || st == REFUNDING -> checkedIn[o] : 0); \
    wp = (st == REFUNDING -> wasPaid[o] : false); vc = (st == REFUNDING -> viaCharge[o] : false); \
    readAt = (st == REFUNDING -> now : 0); \
    due = (st == RETAKING || st == REFUNDING || (st == REFUNDED && listed[o]) -> dueAt[o] : 0); \
    lst = (st == REFUNDED -> listed[o] : false); rAt = (st == REFUNDED -> refundedAt[o] : 0); \
    exAt = (st == PENDING_PAYMENT -> expiresAt[o] : 0); \
    printf("%d: reads %c: %e g%d\n", _pid, o + 65, st, g) \
  }

/* Finishing a refund, the order read as REFUNDING (st, g, wp, vc, c) at readAt. A giveBack refused because
   the fence is not below readAt sends the finisher back to reading the order (label reread). */
inline FINISH_REFUND(o) {
  if
  :: wp ->
     W(COMMIT(o, g));                   /* a crash may have left the paid order unsettled */
     if :: !vc && !FREE(o) -> W(STRIPE_REFUND(o)) :: else fi;
     if
     :: Q(o) > c ->
        STALL;
        W(GIVE_BACK(o, Q(o) - c, readAt, ok));
        if
        :: !ok ->
           /* refused: given back already (by another finisher), or fenced */
           atomic {
             assert(returns[o] || !(rf == 0 || rf < readAt) || sold >= Q(o) - c);
             if :: !returns[o] && rf != 0 && rf >= readAt -> goto reread :: else fi
           }
        :: else
        fi
     :: else
     fi
  :: else ->
     W(RELEASE(o, g));
     if :: !vc -> W(STRIPE_REFUND(o)) :: else fi
  fi;
  W(T9(o, ok));
#ifdef REFUNDED_CLOSED
  /* as first written: the prune message, delayed P, sent once T9 is written */
  if :: ok -> W(d_step { pruneSent[o] = true; printf("%d: sends the prune message of %c\n", _pid, o + 65) }) :: else fi;
#endif
  skip
}

/* Continues a re-take, the order read as RETAKING with gen g (or just moved there by T5). */
inline RETAKE(o) {
  do
  :: W(TAKE(o, g, now + H, ok));
     if
     :: ok -> break
     :: else ->
        d_step { hasHold = hold[o]; holdGen = hg[o] };  /* the failed take reads the shard once */
        if
        :: hasHold && holdGen == g -> ok = true; break  /* re-found: an earlier attempt of this re-take */
        :: hasHold && holdGen < g ->                     /* an entry of an older generation: adopted */
           W(ADOPT(o, holdGen, g, now + H, ok));
           if :: ok -> break :: else fi                  /* gone meanwhile: take again */
        :: else -> break                                 /* sold out */
        fi
     fi
  od;
  if
  :: ok ->
     W(T6(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     W(COMMIT(o, g))
  :: else ->
     W(RELEASE(o, g));                    /* T7: the entries of gen are released first */
     W(T7(o, g, false, ok));
     if :: !ok -> goto reread :: else fi;
     d_step { st = REFUNDING; wp = false; vc = false; c = 0; readAt = now };
     FINISH_REFUND(o)
  fi
}

/* What the expiry message and the sweep do with the order they read (at their label reread). */
inline RECONCILE(o) {
  if
  :: st == NONE ->
     /* an order never written (its purchase died before T1): its entry, once expired */
     W(RELEASE_EXPIRED(o, 1))
  :: st == PENDING_PAYMENT && PAST(exAt) ->
     W(T3(o, ok));
     if :: !ok -> goto reread :: else fi;
     W(RELEASE(o, g))
  :: st == PENDING_PAYMENT && !PAST(exAt) -> notDue = true
  :: st == EXPIRED || st == CANCELLED -> W(RELEASE(o, g))
  :: st == REFUNDED ->
     W(RELEASE(o, g));                       /* an entry a re-take made after the refund released its own */
     if
     :: lst && PAST(due) ->                  /* P after T9: no finisher that read it REFUNDING is alive */
        W(PRUNE(o, rAt + F));
        W(T12(o))
     :: else
     fi
  :: st == PAID -> W(COMMIT(o, g))
#ifdef SWEEP_RETAKES
  :: st == RETAKING && PAST(due) -> RETAKE(o)          /* as first written: its worker is dead */
  :: st == RETAKING && !PAST(due)
#else
  :: st == RETAKING                                    /* the payment event's consumer continues it */
#endif
  :: st == REFUNDING && PAST(due) -> FINISH_REFUND(o)  /* its worker is dead */
  :: st == REFUNDING && !PAST(due)
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

/* POST /tickets/purchase (PurchaseService.purchase): the Idempotency claim, then the order is read first (a
   takeover of a dead attempt's claim keeps its order id); the expiry message, the take, the PaymentIntent
   (Stripe key = order id: nothing the model needs), T1. After a crash the buyer retries with the same
   Idempotency-Key, now or later (MAXATT attempts in all), or gives up. */
proctype purchase(byte o; bool later) {
  WORKER;
  byte k = 0;
  if :: later -> LATER :: else fi;
attempt:
  k++;
  atomic { st = status[o]; exp = now + H };
  if :: st != NONE -> goto resume :: else fi;
  W(d_step { msgExp[o * MAXATT + k - 1] = exp; printf("%d: sends the expiry message of %c\n", _pid, o + 65) });  /* HoldExpiryQueue: the expiry message, delayed to expiresAt */
take:
  W(TAKE(o, 1, exp, ok));
  if
  :: !ok ->
     if                            /* the failed take reads the shard once */
     :: hold[o] && hg[o] == 1 ->
#ifdef REFIND_AS_WRITTEN
        skip                       /* re-found: this order's earlier attempt */
#else
        W(ADOPT(o, 1, 1, exp, ok));  /* re-found, and renewed to this attempt's expiresAt */
        if :: !ok -> goto take :: else fi  /* released meanwhile: take afresh */
#endif
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

/* The buyer pays on the client secret (Stripe), once the purchase answered, in any epoch; a card may fail
   first; the payment may be refunded in Stripe's dashboard. */
proctype buyer(byte o) {
  byte seen;
  LATER;
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

/* payment_intent.succeeded of the order's own intent (PaymentEventService); SQS redelivers it after a crash
   (a duplicate waits for the idempotency claim, so it is the same as a redelivery). */
proctype paymentSucceeded(byte o) {
  WORKER;
end:
  paid[o];
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT ->
     W(T2(o, ok));
     if :: !ok -> goto reread :: else fi;
     W(COMMIT(o, g))
  :: st == PAID -> W(COMMIT(o, g))
  :: st == EXPIRED || st == CANCELLED ->
     W(T5(o, g, ok));
     if :: !ok -> goto reread :: else fi;
     g = g + 1;
     RETAKE(o)
  :: st == RETAKING -> RETAKE(o)
  :: st == REFUNDING || st == REFUNDED -> W(STRIPE_REFUND(o))  /* make sure the refund was made */
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

/* payment_intent.payment_failed: recorded on a PENDING_PAYMENT order (its history; no transition). */
proctype paymentFailed(byte o) {
  WORKER;
end:
  failedAttempt[o];
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT -> W(skip)  /* OrderRepository: #status = PENDING_PAYMENT, history += the error */
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

/* payment_intent.canceled: T4 + release; on a CANCELLED order, release again. */
proctype paymentCanceled(byte o) {
  WORKER;
end:
  intentCanceled[o];
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT ->
     W(T4(o, ok));
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

/* POST /orders/{id}/cancel by the buyer, `calls` times, each now or later (a repeat answers the cancelled
   order). */
proctype buyerCancel(byte o; byte calls) {
  WORKER;
request:
  LATER;
reread:
  READ_ORDER(o);
  if
  :: st == PENDING_PAYMENT ->
     /* PaymentGateway.cancelIntent; never refused here: a payment may still succeed afterwards */
     W(d_step { intentCanceled[o] = true; printf("%d: cancels the intent of %c\n", _pid, o + 65) });
     W(T4(o, ok));
     if :: !ok -> goto reread :: else fi;
     W(RELEASE(o, g))
  :: st == CANCELLED -> W(RELEASE(o, g))  /* a repeat: never touches a newer generation */
  :: else                                  /* 404, 409 order_not_cancellable */
  fi;
crash:
  FORGET;
  calls--;
  if
  :: calls > 0 -> goto request
  :: else
  fi
}

/* POST /orders/{id}/refund by the organizer, `calls` times, each now or later. */
proctype organizerRefund(byte o; byte calls; bool stalls) {
  WORKER;
  canStall = stalls;
request:
  LATER;
reread:
  READ_ORDER(o);
  if
  :: st == PAID && c == 0 ->
     W(T8_ORGANIZER(o, ok));
     if :: !ok -> goto reread :: else fi;
     d_step { st = REFUNDING; wp = true; vc = false; readAt = now };
     FINISH_REFUND(o)
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

/* charge.refunded (a full refund: in the dashboard, or TicketHub's own); redelivered after a crash. */
proctype chargeRefunded(byte o) {
  WORKER;
end:
  refunded[o];
reread:
  READ_ORDER(o);
  if
  :: st == PAID ->
     W(T8_CHARGE(o, ok));
     if :: !ok -> goto reread :: else fi;
     d_step { st = REFUNDING; wp = true; vc = true; readAt = now };
     FINISH_REFUND(o)
  :: st == PENDING_PAYMENT ->
     W(T10(o, ok));
     if :: !ok -> goto reread :: else fi;
     d_step { st = REFUNDING; wp = false; vc = true; readAt = now };
     FINISH_REFUND(o)
  :: st == EXPIRED || st == CANCELLED ->
     W(T11(o, ok));
     if :: !ok -> goto reread :: else fi
  :: st == RETAKING ->
#ifdef CHARGE_RETAKING_IGNORED
     skip
#else
     /* proposed: the money is back, the re-take ends (T7 of charge.refunded) */
     W(T7(o, g, true, ok));
     if :: !ok -> goto reread :: else fi;
     d_step { st = REFUNDING; wp = false; vc = true; readAt = now };
     FINISH_REFUND(o)
#endif
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

/* The gate scans each of the order's tickets once, now or later. */
proctype gate(byte o) {
  byte i = 0, seen;
  do
  :: i < QA -> LATER; CHECK_IN(o, i); i++
  :: else -> break
  od
}

/* The expiry message of purchase attempt k, at its expiresAt (run twice for a duplicate); redelivered after
   a crash; put back while the order's own expiresAt is later (a retry wrote the order). */
proctype expiry(byte o; byte k) {
  WORKER;
end:
  msgExp[o * MAXATT + k - 1] != 0 && PAST(msgExp[o * MAXATT + k - 1]);
reread:
  READ_ORDER(o);
  RECONCILE(o);
  if
  :: notDue -> d_step { exp = exAt; exAt = 0; st = 0; g = 0; notDue = false }; PAST(exp); exp = 0; goto reread
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

#ifdef REFUNDED_CLOSED
/* As first written: the prune message, P after T9 (redelivered after a crash). */
proctype pruner(byte o) {
  WORKER;
end:
  pruneSent[o] && status[o] == REFUNDED && refundedAt[o] + P <= now;
delivery:
  W(PRUNE(o, refundedAt[o] + F));
  goto out;
crash:
  LATER;
  goto delivery;
out:
  skip
}
#endif

/* The sweep, every minute (here once per epoch), when the open index has an order due: each such order is
   read again and reconciled. */
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

/* A scenario: the core (A bought, paid in some epoch, its expiry message, the sweep) and its actors. */
init {
  bool canCrash = false;
  byte o;
  atomic {
    run purchase(A, false);
    run buyer(A);
    run paymentSucceeded(A);
    run expiry(A, 1);
    run sweep();
#ifdef RETRY
    run expiry(A, 2);            /* the retry's own expiry message */
    run failedCard(A);
    run paymentFailed(A);
#endif
#ifdef CANCEL
    run buyerCancel(A, 2);       /* the buyer cancels, and cancels again */
#endif
#ifdef EXPIRY
    run expiry(A, 1);            /* the expiry message, delivered twice */
#endif
#ifdef CANCELED
    run buyerCancel(A, 1);
    run paymentCanceled(A);      /* the intent's payment_intent.canceled */
#endif
#ifdef SOLDOUT
    run buyerCancel(A, 1);
    run purchase(B, true);       /* takes the stock A let go, then lets it expire */
    run expiry(B, 1);
#endif
#ifdef CHARGE
    run buyerCancel(A, 1);
    run dashboardRefund(A);
    run chargeRefunded(A);
#endif
#ifdef REFUND
    run organizerRefund(A, 2, false);
    run gate(A);
    run dashboardRefund(A);
    run chargeRefunded(A);
#ifdef REFUNDED_CLOSED
    run pruner(A);
#endif
#endif
#ifdef FENCE
    run organizerRefund(A, 1, true);
#ifdef REFUNDED_CLOSED
    run pruner(A);
#endif
    run purchase(B, true);       /* free */
    run expiry(B, 1);
    run organizerRefund(B, 1, true);
#ifdef REFUNDED_CLOSED
    run pruner(B);
#endif
#endif
  }
  /* Every process has finished (or waits for what never comes) and the clock has made its last jump. */
  timeout && now >= TEND;
  /* The prune messages still on their way arrive. */
  o = 0;
  do
  :: o < N -> if :: pruneSent[o] -> PRUNE(o, refundedAt[o] + F) :: else fi; o++
  :: else -> break
  od;
  finished = true;
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
