#!/usr/bin/env bash
# The README's walkthrough as a script that checks every answer and can run again and again against
# one server (fresh Idempotency-Keys and a new event each run). Start a server first, then:
#   ./run --in-memory &        scripts/walkthrough.sh [BASE_URL]     (default http://localhost:3000)
# Needs curl and jq. A test keeps README.md's copy equal to what follows the marker line below.
set -euo pipefail
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "walkthrough.sh needs $tool (apt-get install $tool)" >&2; exit 2; }
done
# --- walkthrough ---
B=${1:-http://localhost:3000}
RUN=$(date +%s%N)   # this run's Idempotency-Keys are "$RUN-k1", "$RUN-k2"
# call STATUS curl-arguments: prints the answer and "HTTP <status>", stops unless the status is STATUS
call() { local want=$1 out; shift; out=$(curl -s -w '\nHTTP %{http_code}' "$@"); echo "$out";
  [[ ${out##*HTTP } == "$want" ]] || { echo "expected HTTP $want" >&2; exit 1; }; }
tok() { call 200 $B/_local/token -d "{\"sub\":\"$1\",\"groups\":$2}" | sed -n 1p | jq -r .token; }
ORG=$(tok org1 '["organizer"]'); BUYER=$(tok u1 '[]'); GATE=$(tok gate1 '["staff"]')

# An organizer creates an event with 2 tickets; gate1 may scan
E=$(call 201 $B/events -H "Authorization: Bearer $ORG" -H 'Content-Type: application/json' -d '{"name":"Spring Gala",
  "venue":"Main Hall","startsAt":"2027-03-01T19:30:00Z","staff":["gate1"],
  "ticketTypes":[{"name":"General","priceCents":2500,"currency":"EUR","capacity":2}]}' | sed -n 1p)
EV=$(jq -r .eventId <<<"$E"); TT=$(jq -r '.ticketTypes[0].ticketTypeId' <<<"$E")
call 200 $B/events/$EV | sed -n 1p | jq '.ticketTypes[0].available'       # 2

# A buyer holds both; the same Idempotency-Key replays, another body with it is refused
buy() { call $1 $B/tickets/purchase -H "Authorization: Bearer $BUYER" -H "Idempotency-Key: $RUN-$2" \
  -H 'Content-Type: application/json' -d "{\"eventId\":\"$EV\",\"items\":[{\"ticketTypeId\":\"$TT\",\"quantity\":$3}]}"; }
buy 201 k1 2   # {"orderId":...,"status":"PENDING_PAYMENT","amountCents":5000,"expiresAt":...,"payment":{...}}
buy 201 k1 2   # the same body again: the same order, no second one
buy 422 k1 1   # idempotency_key_reused
buy 409 k2 1   # sold_out, "available":{"<ticketTypeId>":0}
ORDER=$(buy 201 k1 2 | sed -n 1p | jq -r .orderId)

# Stripe confirms: a signed payment_intent.succeeded goes webhook -> SQS -> payment-events
call 202 $B/_local/stripe/pay -d "{\"orderId\":\"$ORDER\"}"     # {"eventId":"evt_local_...","type":...}
for i in $(seq 30); do
  call 200 $B/orders/$ORDER -H "Authorization: Bearer $BUYER" | sed -n 1p | jq -e '.status == "PAID"' >/dev/null && break
  [[ $i == 30 ]] && { echo "the order was not paid within 30 s" >&2; exit 1; }; sleep 1
done
TICKET=$(call 200 $B/orders/$ORDER -H "Authorization: Bearer $BUYER" | sed -n 1p | jq -r '.tickets[0].ticketId')
CODE=$(call 200 $B/tickets/$TICKET -H "Authorization: Bearer $BUYER" | sed -n 1p | jq -r .code)  # TH2.<kid>.<ticket>.<event>.<sig>
curl -sf $B/tickets/$TICKET/qr -H "Authorization: Bearer $BUYER" -o ticket.png   # the QR code (image/png)

# At the gate: the first scan is VALID, the second ALREADY_USED
scan() { call $1 $B/tickets/validate -H "Authorization: Bearer $GATE" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$CODE\",\"eventId\":\"$EV\",\"gate\":\"North\"}"; }
scan 200     # {"result":"VALID",...,"checkedInAt":"...","gate":"North"}
scan 409     # {...,"result":"ALREADY_USED","checkedInAt":"<the first>","gate":"North"}
call 200 $B/events/$EV/stats -H "Authorization: Bearer $ORG" | sed -n 1p | jq -c '.ticketTypes[0]'  # held 0, sold 2, checkedIn 1
