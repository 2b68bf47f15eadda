package com.tickethub.seats;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.num;
import static com.tickethub.aws.Attributes.s;

import com.tickethub.aws.BatchWrites;
import com.tickethub.config.TableNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The seat rows: one item per (event, section, row) under the event's partition
 * ({@code pk = EVENT#id, sk = ROW#<section>#<row>}) with the row's layout, its {@code category} (and
 * {@code ticketTypeId}), a {@code free} count, a change counter {@code v} and a {@code seats} map keyed by seat
 * number whose entries are {@code {st: "H"|"S"|"B", o: orderId, g: generation, exp: epochSeconds}}; free seats
 * have no entry.
 *
 * <p>Every change is one conditional UpdateItem on one row that adds, changes or removes the entries of several
 * seats, moves {@code free} by exactly the number of entries added or removed and increments {@code v}; its
 * condition checks each seat's entry (absent for a free seat, or this order's generation's hold). So per row, at
 * every instant, {@code free + entries == seats that exist}, and a seat is never taken twice. No transaction,
 * never a read-then-write: a read only follows a failed condition, to tell the caller why.
 */
@Singleton
public class SeatRepository {
  static final String ROW = "ROW#";
  /**
   * Seats per UpdateItem: keeps every expression well under DynamoDB's 4 KB per expression (about 60 characters
   * per seat in the longest condition) while covering any one order's seats in a row (maxPerOrder is at most 50).
   */
  public static final int MAX_SEATS_PER_WRITE = 50;
  /** Re-reads of a row whose entries changed between a failed write and the read that explains it. */
  private static final int ATTEMPTS = 5;
  private static final int BATCH_GET = 100;
  private static final String INV = "INV#";

  private final DynamoDbClient dynamo;
  private final String table;

  @Inject
  public SeatRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
  }

  /** Writes the event's fresh rows (every seat free, {@code v = 0}) with BatchWriteItem. */
  public void create(String eventId, List<RowLayout> rows) {
    List<WriteRequest> writes = new ArrayList<>(rows.size());
    for (RowLayout layout : rows) {
      Map<String, AttributeValue> item = new HashMap<>(key(RowKey.of(eventId, layout)));
      item.put("section", s(layout.section()));
      item.put("row", s(layout.row()));
      item.put("pos", n(layout.position()));
      item.put("x", n(layout.x()));
      item.put("y", n(layout.y()));
      item.put("dx", n(layout.dx()));
      item.put("dy", n(layout.dy()));
      item.put("seatCount", n(layout.seats()));
      item.put("skip", numbers(layout.skip()));
      item.put("accessible", numbers(layout.accessible()));
      item.put("category", s(layout.category()));
      item.put("ticketTypeId", s(layout.ticketTypeId()));
      item.put("free", n(layout.size()));
      item.put("v", n(0));
      item.put("seats", AttributeValue.fromM(Map.of()));
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    BatchWrites.writeAll(dynamo, table, writes);
  }

  /**
   * Every row of the event with its seats' states, in the organizer's order: one strongly consistent Query of the
   * event's {@code ROW#} items, a few 1 MB pages even for a sold-out 20,000-seat arena.
   */
  public List<SeatRow> rows(String eventId) {
    List<SeatRow> rows = new ArrayList<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :row)")
            .expressionAttributeValues(Map.of(":pk", s(eventKey(eventId)), ":row", s(ROW))))
        .items().forEach(item -> rows.add(toRow(item)));
    rows.sort(Comparator.comparingInt(r -> r.layout().position()));
    return rows;
  }

  /** The rows of the given keys that exist (BatchGetItem, strongly consistent), by {@link RowLayout#key}. */
  public Map<String, SeatRow> rows(String eventId, Collection<String> rowKeys) {
    List<Map<String, AttributeValue>> keys = new TreeSet<>(rowKeys).stream()
        .map(k -> Map.of("pk", s(eventKey(eventId)), "sk", s(ROW + k))).toList();
    Map<String, SeatRow> rows = new LinkedHashMap<>();
    for (int from = 0; from < keys.size(); from += BATCH_GET) {
      Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
          .keys(keys.subList(from, Math.min(from + BATCH_GET, keys.size()))).build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        var response = dynamo.batchGetItem(b -> b.requestItems(request));
        response.responses().getOrDefault(table, List.of()).forEach(item -> {
          SeatRow row = toRow(item);
          rows.put(row.layout().key(), row);
        });
        pending = response.unprocessedKeys();
      }
    }
    return rows;
  }

  public Optional<SeatRow> row(RowKey key) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRow(item));
  }

  /**
   * The layouts of the event's rows without their seats' states (a Query projecting the layout attributes), in
   * the organizer's order: they never change, so a function may keep them ({@link SeatLayouts}).
   */
  public List<RowLayout> layouts(String eventId) {
    List<RowLayout> layouts = new ArrayList<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :row)")
            .projectionExpression("#section, #row, pos, x, y, dx, dy, seatCount, skip, accessible, category, "
                + "ticketTypeId")
            .expressionAttributeNames(Map.of("#section", "section", "#row", "row"))
            .expressionAttributeValues(Map.of(":pk", s(eventKey(eventId)), ":row", s(ROW))))
        .items().forEach(item -> layouts.add(toLayout(item)));
    layouts.sort(Comparator.comparingInt(RowLayout::position));
    return layouts;
  }

  /** The {@code free} count of every row, by {@link RowLayout#key} (a Query projecting two attributes). */
  public Map<String, Long> freeByRow(String eventId) {
    Map<String, Long> free = new HashMap<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :row)")
            .projectionExpression("sk, #free")
            .expressionAttributeNames(Map.of("#free", "free"))
            .expressionAttributeValues(Map.of(":pk", s(eventKey(eventId)), ":row", s(ROW))))
        .items().forEach(item -> free.put(item.get("sk").s().substring(ROW.length()), num(item, "free")));
    return free;
  }

  /** Free seats per seated ticket type id, summed over the rows (one Query). */
  public Map<String, Long> free(String eventId) {
    Map<String, Long> free = new HashMap<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :row)")
            .projectionExpression("ticketTypeId, #free")
            .expressionAttributeNames(Map.of("#free", "free"))
            .expressionAttributeValues(Map.of(":pk", s(eventKey(eventId)), ":row", s(ROW))))
        .items().forEach(item -> free.merge(item.get("ticketTypeId").s(), num(item, "free"), Long::sum));
    return free;
  }

  /**
   * The event's version: the sum of {@code v} over its stock items, inventory shards ({@code INV#}) and seat rows
   * ({@code ROW#}). Every change to stock increments one of them, so the sum grows with every change and never
   * needs a hot per-event counter.
   */
  public long version(String eventId) {
    return sumOfV(eventId, INV) + sumOfV(eventId, ROW);
  }

  /** The inventory shards' part of {@link #version}, for a reader that already has the rows. */
  public long inventoryVersion(String eventId) {
    return sumOfV(eventId, INV);
  }

  /**
   * Holds {@code seats} of the row for the order's generation {@code gen} until {@code expiresAt}, all in one
   * conditional write. Free seats are taken:
   * <pre>
   * SET #s.#n0 = :hold, #s.#n1 = :hold, #free = #free - :k, #v = #v + :one
   * IF attribute_exists(#free) AND attribute_not_exists(#s.#n0) AND attribute_not_exists(#s.#n1)
   * </pre>
   * and seats the same order still holds under an older generation (its hold expired or was cancelled, and a
   * late payment takes them again before their release) are adopted in the same write:
   * {@code SET #s.#n2.g = :g, #s.#n2.exp = :exp IF #s.#n2.o = :o AND #s.#n2.g < :g AND #s.#n2.st = :H}, so the
   * older generation's release no longer matches them. The first attempt assumes every seat is free; only a
   * failed condition reads the row, to re-find the order's own holds (a retry holds nothing twice) or name the
   * seats that are taken. The seats must exist in the row's layout (the caller checks them) and be at most
   * {@link #MAX_SEATS_PER_WRITE}.
   *
   * @return held, or the seats that are not free (held or sold by others or by a newer generation, blocked),
   *     and then this call changed nothing in the row
   */
  public SeatHold hold(RowKey key, List<Integer> seats, String orderId, long gen, Instant expiresAt) {
    List<Integer> wanted = distinct(seats);
    requireOneWrite(wanted);
    Map<String, AttributeValue> values = owner(orderId, gen, SeatState.HELD);
    values.put(":exp", n(expiresAt.getEpochSecond()));
    values.put(":hold", holdEntry(orderId, gen, expiresAt));
    List<Integer> take = wanted;
    List<Integer> adopt = List.of();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<Clause> clauses = new ArrayList<>(each(take, "%s = :hold", null, "attribute_not_exists(%s)"));
      clauses.addAll(each(adopt, "%1$s.g = :g, %1$s.exp = :exp", null, "%1$s.o = :o AND %1$s.g < :g AND %1$s.st = :st"));
      if (write(key, clauses, -take.size(), values)) {
        return SeatHold.HELD;
      }
      SeatRow row = existing(key);
      List<Integer> unavailable = filter(wanted, n -> row.taken().containsKey(n)
          && !ownsAtOrBefore(row.taken().get(n), orderId, gen));
      if (!unavailable.isEmpty()) {
        return new SeatHold(unavailable);
      }
      take = filter(wanted, row::isFree);
      adopt = filter(wanted, n -> row.taken().containsKey(n) && row.taken().get(n).generation() < gen);
      if (take.isEmpty() && adopt.isEmpty()) {
        return SeatHold.HELD; // every seat is this generation's already: a retry
      }
    }
    throw new IllegalStateException("Row " + key + " kept changing while holding " + wanted);
  }

  /**
   * The first write of {@link #hold} alone: holds {@code seats} if every one is free, else changes nothing and reads
   * nothing. For a pick of best available by an order that cannot hold any seat yet, which just picks again.
   */
  public boolean holdIfFree(RowKey key, List<Integer> seats, String orderId, long gen, Instant expiresAt) {
    List<Integer> wanted = distinct(seats);
    requireOneWrite(wanted);
    return write(key, each(wanted, "%s = :hold", null, "attribute_not_exists(%s)"), -wanted.size(),
        Map.of(":hold", holdEntry(orderId, gen, expiresAt)));
  }

  /**
   * Undoes a {@link #holdIfFree} that was refused by its own success: when the SDK retries a write whose first
   * attempt succeeded (the answer was lost to a timeout), the retry finds the seats taken. That write was all or
   * nothing, so the seats are either all the order's generation's or none is: one conditional REMOVE of all of them,
   * never read back. The hold entries carry the order id and generation, so nobody else's seat can match.
   *
   * @return true if the seats were the order's and are free again
   */
  public boolean releaseIfAllHeld(RowKey key, List<Integer> seats, String orderId, long gen) {
    List<Integer> wanted = distinct(seats);
    requireOneWrite(wanted);
    return write(key, each(wanted, null, "%s", OWNED), wanted.size(), owner(orderId, gen, SeatState.HELD));
  }

  /**
   * Frees those of {@code seats} that are still held by the order's generation {@code gen}, in one write:
   * <pre>
   * REMOVE #s.#n0, #s.#n1 SET #free = #free + :k, #v = #v + :one
   * IF attribute_exists(#free) AND #s.#n0.o = :o AND #s.#n0.g = :g AND #s.#n0.st = :st AND (the same for #n1)
   * </pre>
   * A stale release (an older generation, or seats since sold or held by others) frees nothing it does not own;
   * a second release frees nothing.
   *
   * @return the seats this call freed
   */
  public List<Integer> release(RowKey key, List<Integer> seats, String orderId, long gen) {
    return removeOwn(key, seats, orderId, gen, SeatState.HELD, null);
  }

  /**
   * As {@link #release}, for the seats whose hold has expired at {@code now} ({@code AND #s.#n0.exp <= :now}):
   * a hold renewed or sold in between is left alone.
   */
  public List<Integer> releaseExpired(RowKey key, List<Integer> seats, String orderId, long gen, Instant now) {
    return removeOwn(key, seats, orderId, gen, SeatState.HELD, now);
  }

  /**
   * Turns the order's generation's holds on {@code seats} into sales, all or none, in one write:
   * <pre>
   * SET #s.#n0.st = :S, #s.#n1.st = :S, #v = #v + :one REMOVE #s.#n0.exp, #s.#n1.exp
   * IF attribute_exists(#free) AND #s.#n0.o = :o AND #s.#n0.g = :g AND #s.#n0.st = :st AND (the same for #n1)
   * </pre>
   * ({@code free} does not move: the seats stay taken.) A retry after success changes nothing.
   *
   * @return the seats that are neither held nor sold by the order's generation (empty: all are sold to it now);
   *     when not empty, this call sold nothing
   */
  public List<Integer> commit(RowKey key, List<Integer> seats, String orderId, long gen) {
    List<Integer> wanted = distinct(seats);
    requireOneWrite(wanted);
    Map<String, AttributeValue> values = owner(orderId, gen, SeatState.HELD);
    values.put(":S", s("S"));
    List<Integer> todo = wanted;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (todo.isEmpty() || write(key, each(todo, "%s.st = :S", "%s.exp", OWNED), 0, values)) {
        return List.of();
      }
      SeatRow row = existing(key);
      List<Integer> missing = filter(wanted, n -> !owns(row, n, orderId, gen, SeatState.HELD)
          && !owns(row, n, orderId, gen, SeatState.SOLD));
      if (!missing.isEmpty()) {
        return missing;
      }
      todo = filter(wanted, n -> owns(row, n, orderId, gen, SeatState.HELD));
    }
    throw new IllegalStateException("Row " + key + " kept changing while selling " + wanted);
  }

  /**
   * Puts back on sale those of {@code seats} that the order's generation bought (a refund), in one write:
   * <pre>
   * REMOVE #s.#n0 SET #free = #free + :k, #v = #v + :one
   * IF attribute_exists(#free) AND #s.#n0.o = :o AND #s.#n0.g = :g AND #s.#n0.st = :st
   * </pre>
   * Unlike a shard's anonymous {@code sold} count, a sold seat's entry names its order: the entry itself is the
   * record that the return has not happened. Once it is removed, a retried or late return (any finisher of the
   * refund) finds no entry of this order and generation and changes nothing, even after the seat is sold again
   * to someone else, so no {@code returns} marker or fence is needed.
   *
   * @return the seats this call put back on sale
   */
  public List<Integer> returnSold(RowKey key, List<Integer> seats, String orderId, long gen) {
    return removeOwn(key, seats, orderId, gen, SeatState.SOLD, null);
  }

  /**
   * Blocks those of {@code seats} that are free (the organizer takes them off sale), in one write per
   * {@link #MAX_SEATS_PER_WRITE} seats:
   * <pre>
   * SET #s.#n0 = :blocked, #free = #free - :k, #v = #v + :one IF attribute_exists(#free) AND attribute_not_exists(#s.#n0)
   * </pre>
   * Seats already blocked stay so. If one of them is held or sold, this call leaves the row as it found it.
   *
   * @return the seats this call blocked, or the held and sold seats that refused it
   */
  public SeatChange block(RowKey key, List<Integer> seats) {
    Map<String, AttributeValue> values = Map.of(":blocked", AttributeValue.fromM(Map.of("st", s("B"))));
    List<Integer> done = new ArrayList<>();
    for (List<Integer> chunk : chunks(distinct(seats))) {
      List<Integer> todo = chunk;
      for (int attempt = 0; !todo.isEmpty(); attempt++) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("Row " + key + " kept changing while blocking " + chunk);
        }
        if (write(key, each(todo, "%s = :blocked", null, "attribute_not_exists(%s)"), -todo.size(), values)) {
          done.addAll(todo);
          break;
        }
        SeatRow row = existing(key);
        List<Integer> refused = filter(chunk, n -> row.state(n) == SeatState.HELD || row.state(n) == SeatState.SOLD);
        if (!refused.isEmpty()) {
          unblock(key, done);
          return new SeatChange(List.of(), refused);
        }
        todo = filter(chunk, row::isFree);
      }
    }
    return new SeatChange(done, List.of());
  }

  /**
   * Frees those of {@code seats} that are blocked (the organizer puts them back on sale), in one write per
   * {@link #MAX_SEATS_PER_WRITE} seats:
   * <pre>
   * REMOVE #s.#n0 SET #free = #free + :k, #v = #v + :one IF attribute_exists(#free) AND #s.#n0.st = :B
   * </pre>
   * Free, held and sold seats are left as they are.
   *
   * @return the seats this call freed
   */
  public List<Integer> unblock(RowKey key, List<Integer> seats) {
    Map<String, AttributeValue> values = Map.of(":B", s("B"));
    List<Integer> done = new ArrayList<>();
    for (List<Integer> chunk : chunks(distinct(seats))) {
      List<Integer> todo = chunk;
      for (int attempt = 0; !todo.isEmpty(); attempt++) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("Row " + key + " kept changing while unblocking " + chunk);
        }
        if (write(key, each(todo, null, "%s", "%s.st = :B"), todo.size(), values)) {
          done.addAll(todo);
          break;
        }
        SeatRow row = existing(key);
        todo = filter(chunk, n -> row.state(n) == SeatState.BLOCKED);
      }
    }
    return done;
  }

  /**
   * Removes the entries of {@code seats} that the order's generation has in {@code state} (and, given
   * {@code expiredAt}, whose hold had expired by then); returns the seats it freed.
   */
  private List<Integer> removeOwn(RowKey key, List<Integer> seats, String orderId, long gen, SeatState state,
      Instant expiredAt) {
    List<Integer> wanted = distinct(seats);
    requireOneWrite(wanted);
    Map<String, AttributeValue> values = owner(orderId, gen, state);
    String condition = OWNED;
    if (expiredAt != null) {
      condition += " AND %1$s.exp <= :now";
      values.put(":now", n(expiredAt.getEpochSecond()));
    }
    List<Integer> todo = wanted;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (todo.isEmpty()) {
        return List.of();
      }
      if (write(key, each(todo, null, "%s", condition), todo.size(), values)) {
        return todo;
      }
      SeatRow row = existing(key);
      todo = filter(wanted, n -> owns(row, n, orderId, gen, state) && (expiredAt == null
          || row.taken().get(n).expiresAt() <= expiredAt.getEpochSecond()));
    }
    throw new IllegalStateException("Row " + key + " kept changing while freeing " + wanted);
  }

  private static AttributeValue holdEntry(String orderId, long gen, Instant expiresAt) {
    return AttributeValue.fromM(Map.of("st", s("H"), "o", s(orderId), "g", n(gen), "exp", n(expiresAt.getEpochSecond())));
  }

  /** The condition that a seat's entry is the order's generation's, in the state {@code :st}. */
  private static final String OWNED = "%1$s.o = :o AND %1$s.g = :g AND %1$s.st = :st";

  private static Map<String, AttributeValue> owner(String orderId, long gen, SeatState state) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":o", s(orderId));
    values.put(":g", n(gen));
    values.put(":st", s(state.toString()));
    return values;
  }

  private static boolean owns(SeatRow row, int number, String orderId, long gen, SeatState state) {
    SeatEntry entry = row.taken().get(number);
    return entry != null && entry.of(state, orderId, gen);
  }

  /** A hold of the order by this generation or an older one (which this generation adopts). */
  private static boolean ownsAtOrBefore(SeatEntry entry, String orderId, long gen) {
    return entry.state() == SeatState.HELD && orderId.equals(entry.orderId()) && entry.generation() != null
        && entry.generation() <= gen;
  }

  /**
   * One seat's part of a write. In each template {@code %1$s} stands for the path of the seat's entry,
   * {@code #s.#nI}: {@code set} and {@code remove} are its clauses (either may be null), {@code condition}
   * what must hold of it.
   */
  private record Clause(int seat, String set, String remove, String condition) {}

  private static List<Clause> each(List<Integer> seats, String set, String remove, String condition) {
    return seats.stream().map(n -> new Clause(n, set, remove, condition)).toList();
  }

  /**
   * One conditional UpdateItem on the row: every clause, {@code free} moved by {@code freeDelta} (the entries it
   * adds or removes) and {@code v} grown by one.
   *
   * @return false if the condition failed (nothing was written)
   */
  private boolean write(RowKey key, List<Clause> clauses, int freeDelta, Map<String, AttributeValue> values) {
    Map<String, String> names = new HashMap<>(Map.of("#s", "seats", "#free", "free", "#v", "v"));
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    List<String> conditions = new ArrayList<>(List.of("attribute_exists(#free)"));
    for (int i = 0; i < clauses.size(); i++) {
      Clause clause = clauses.get(i);
      String path = "#s.#n" + i;
      names.put("#n" + i, Integer.toString(clause.seat()));
      if (clause.set() != null) {
        sets.add(String.format(clause.set(), path));
      }
      if (clause.remove() != null) {
        removes.add(String.format(clause.remove(), path));
      }
      conditions.add(String.format(clause.condition(), path));
    }
    Map<String, AttributeValue> allValues = new HashMap<>(values);
    allValues.put(":one", n(1));
    if (freeDelta != 0) {
      sets.add("#free = #free " + (freeDelta < 0 ? "-" : "+") + " :k");
      allValues.put(":k", n(Math.abs(freeDelta)));
    }
    sets.add("#v = #v + :one");
    String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    String condition = String.join(" AND ", conditions);
    // DynamoDB refuses values that the expressions do not use (a hold that adopts nothing needs no :exp).
    allValues.keySet().removeIf(value -> !Pattern.compile(value + "\\b").matcher(update + " " + condition).find());
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(key)).updateExpression(update).conditionExpression(condition)
          .expressionAttributeNames(names).expressionAttributeValues(allValues));
      return true;
    } catch (ConditionalCheckFailedException failed) {
      return false;
    }
  }

  private SeatRow existing(RowKey key) {
    return row(key).orElseThrow(() -> new IllegalArgumentException("No row " + key));
  }

  private long sumOfV(String eventId, String prefix) {
    long sum = 0;
    for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .projectionExpression("#v")
            .expressionAttributeNames(Map.of("#v", "v"))
            .expressionAttributeValues(Map.of(":pk", s(eventKey(eventId)), ":prefix", s(prefix))))
        .items()) {
      sum += num(item, "v");
    }
    return sum;
  }

  private static RowLayout toLayout(Map<String, AttributeValue> item) {
    return new RowLayout(item.get("section").s(), item.get("row").s(), (int) num(item, "pos"),
        (int) num(item, "x"), (int) num(item, "y"), (int) num(item, "dx"), (int) num(item, "dy"),
        (int) num(item, "seatCount"), item.get("category").s(), item.get("ticketTypeId").s(),
        numbers(item.get("skip")), numbers(item.get("accessible")));
  }

  static SeatRow toRow(Map<String, AttributeValue> item) {
    RowLayout layout = toLayout(item);
    Map<Integer, SeatEntry> taken = new HashMap<>();
    item.get("seats").m().forEach((number, entry) -> {
      Map<String, AttributeValue> e = entry.m();
      taken.put(Integer.parseInt(number), new SeatEntry(SeatState.ofCode(e.get("st").s()),
          e.containsKey("o") ? e.get("o").s() : null,
          e.containsKey("g") ? Long.valueOf(e.get("g").n()) : null,
          e.containsKey("exp") ? Long.valueOf(e.get("exp").n()) : null));
    });
    return new SeatRow(layout, taken, num(item, "free"), num(item, "v"));
  }

  private static Map<String, AttributeValue> key(RowKey key) {
    return Map.of("pk", s(eventKey(key.eventId())), "sk", s(ROW + RowLayout.key(key.section(), key.row())));
  }

  private static String eventKey(String eventId) {
    return "EVENT#" + eventId;
  }

  private static AttributeValue numbers(List<Integer> numbers) {
    return AttributeValue.fromL(numbers.stream().map(i -> n(i)).toList());
  }

  private static List<Integer> numbers(AttributeValue list) {
    return list == null ? List.of() : list.l().stream().map(v -> Integer.valueOf(v.n())).toList();
  }

  private static List<Integer> distinct(List<Integer> seats) {
    return List.copyOf(new TreeSet<>(seats));
  }

  private static List<Integer> filter(List<Integer> seats, Predicate<Integer> keep) {
    return seats.stream().filter(keep).toList();
  }

  private static void requireOneWrite(List<Integer> seats) {
    if (seats.isEmpty() || seats.size() > MAX_SEATS_PER_WRITE) {
      throw new IllegalArgumentException("1 to " + MAX_SEATS_PER_WRITE + " seats of a row at a time, not " + seats.size());
    }
  }

  private static List<List<Integer>> chunks(List<Integer> seats) {
    List<List<Integer>> chunks = new ArrayList<>();
    for (int from = 0; from < seats.size(); from += MAX_SEATS_PER_WRITE) {
      chunks.add(seats.subList(from, Math.min(from + MAX_SEATS_PER_WRITE, seats.size())));
    }
    return chunks;
  }
}
