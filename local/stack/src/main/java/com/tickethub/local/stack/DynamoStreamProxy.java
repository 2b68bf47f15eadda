package com.tickethub.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Streams for dynalite, which has none: a proxy in front of it that every client talks to. For a
 * table with a StreamSpecification and a reader, each write that succeeds (PutItem, UpdateItem,
 * DeleteItem, BatchWriteItem) becomes a stream record in the shape Lambda delivers, with the item's image
 * before and after, taken under a per-item lock around the write (from the write's own answer where it can
 * carry one, otherwise read): records of one item come in the order of its writes, as in a stream shard, and a
 * write that changes nothing makes no record, as in DynamoDB.
 * Only the writes of items some reader wants (by their keys: the readers' event filters) are captured, so
 * that the writes no one reads cost dynalite no image reads.
 * Everything else passes through unchanged (byte for byte, so the SDK's CRC32 checks hold).
 */
public final class DynamoStreamProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoStreamProxy.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
      "transfer-encoding", "keep-alive");
  private static final String GET_ITEM = "DynamoDB_20120810.GetItem";
  private static final String CRC32_HEADER = "x-amz-crc32";
  private static final int LOCK_STRIPES = 256;

  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, StreamedTable> tables;
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
  private long sequence = 100_000_000_000_000_000L;

  /** A table whose writes make stream records, once someone reads them. */
  public record StreamedTable(String name, List<String> keyNames, String viewType, String streamArn,
      List<Reader> readers) {
    boolean wanted(ObjectNode key) {
      return readers.stream().anyMatch(reader -> reader.keys().test(key));
    }
  }

  /** A reader of a stream: the records of items whose keys it wants. */
  public record Reader(Predicate<ObjectNode> keys, Consumer<ObjectNode> records) {}

  private DynamoStreamProxy(URI target, Map<String, StreamedTable> tables) throws IOException {
    this.target = target;
    this.tables = tables;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
    this.server = LocalHttp.loopbackServer();
    this.threads = Executors.newFixedThreadPool(64, runnable -> {
      Thread thread = new Thread(runnable, "dynamo-proxy");
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * @param streamed per streamed table name: its key attribute names (hash, range) and StreamViewType
   */
  public static DynamoStreamProxy start(URI dynamo, Map<String, Map.Entry<List<String>, String>> streamed) {
    Map<String, StreamedTable> tables = new ConcurrentHashMap<>();
    streamed.forEach((name, spec) -> tables.put(name, new StreamedTable(name, spec.getKey(), spec.getValue(),
        "arn:aws:dynamodb:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":table/" + name + "/stream/local",
        new CopyOnWriteArrayList<>())));
    try {
      return new DynamoStreamProxy(dynamo, tables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Starts the table's stream for {@code reader}, which gets the record of each write of an item whose key
   * ({@code {"pk": {"S": ...}, ...}}) it wants, in order (in the writing thread).
   */
  public void read(String table, Reader reader) {
    StreamedTable streamed = tables.get(table);
    if (streamed == null) {
      throw new IllegalArgumentException("The table " + table + " has no StreamSpecification in the template");
    }
    streamed.readers().add(reader);
  }

  public String streamArn(String table) {
    StreamedTable streamed = tables.get(table);
    if (streamed == null) {
      throw new IllegalArgumentException("The table " + table + " has no StreamSpecification in the template");
    }
    return streamed.streamArn();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Reply response = captured(operation, exchange, body);
      response.headers().forEach((name, values) -> {
        if (name != null && !HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> exchange.getResponseHeaders().add(name, value));
        }
      });
      exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
      if (response.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("The DynamoDB proxy failed on a request", e);
    }
  }

  /**
   * Forwards the request and makes the stream records of its writes to streamed tables. A single-item write asks
   * dynalite for one of its images in its own answer (the new one of an UpdateItem, the old one of a PutItem or
   * DeleteItem) and the proxy takes it out again when the client did not ask for it; only the other image costs a
   * GetItem under the item's lock, and none for a DeleteItem. A BatchWriteItem, or a write that asked for other
   * values, costs both.
   */
  private Reply captured(String operation, HttpExchange exchange, byte[] body) throws IOException {
    String name = operation == null ? "" : operation.substring(operation.indexOf('.') + 1);
    if (!Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem").contains(name) || !anyReader()) {
      return forward(exchange, body);
    }
    ObjectNode request = (ObjectNode) JSON.readTree(body);
    List<Write> writes = new ArrayList<>();
    if (name.equals("BatchWriteItem")) {
      request.path("RequestItems").fields().forEachRemaining(table -> table.getValue().forEach(write -> {
        JsonNode item = write.path("PutRequest").path("Item");
        JsonNode key = write.path("DeleteRequest").path("Key");
        add(writes, table.getKey(), item.isMissingNode() ? key : item);
      }));
    } else {
      String table = request.path("TableName").asText();
      add(writes, table, name.equals("PutItem") ? request.path("Item") : request.path("Key"));
    }
    if (writes.isEmpty()) {
      return forward(exchange, body);
    }
    AnsweredImage answered = AnsweredImage.of(name, request);
    Set<Integer> stripes = new TreeSet<>();
    writes.forEach(write -> stripes.add(Math.floorMod(write.lockKey().hashCode(), LOCK_STRIPES)));
    stripes.forEach(stripe -> locks[stripe].lock());
    try {
      if (answered != null) {
        return capturedWithAnswer(name, exchange, body, request, writes.get(0), answered);
      }
      for (Write write : writes) {
        write.before = getItem(exchange, write);
      }
      Reply response = forward(exchange, body);
      if (response.status() == 200) {
        Set<String> unprocessed = name.equals("BatchWriteItem") ? unprocessed(JSON.readTree(response.body()))
            : Set.of();
        for (Write write : writes) {
          if (!unprocessed.contains(write.lockKey())) {
            emit(write, getItem(exchange, write));
          }
        }
      }
      return response;
    } finally {
      stripes.forEach(stripe -> locks[stripe].unlock());
    }
  }

  /** Which image a single-item write's own answer carries ({@code ReturnValues}), and whether the client asked for it. */
  private record AnsweredImage(String returnValues, boolean askedFor) {
    /** Null for a BatchWriteItem, which returns no images, and for a write that asked for values other than these. */
    static AnsweredImage of(String operation, JsonNode request) {
      if (operation.equals("BatchWriteItem")) {
        return null;
      }
      String wanted = operation.equals("UpdateItem") ? "ALL_NEW" : "ALL_OLD";
      String asked = request.path("ReturnValues").asText("NONE");
      if (asked.equals(wanted)) {
        return new AnsweredImage(wanted, true);
      }
      return asked.equals("NONE") ? new AnsweredImage(wanted, false) : null;
    }
  }

  private Reply capturedWithAnswer(String operation, HttpExchange exchange, byte[] body, ObjectNode request,
      Write write, AnsweredImage answered) throws IOException {
    boolean update = operation.equals("UpdateItem");
    if (update) {
      write.before = getItem(exchange, write);
    }
    Reply response = forward(exchange, answered.askedFor() ? body
        : JSON.writeValueAsBytes(request.put("ReturnValues", answered.returnValues())));
    if (response.status() != 200) {
      return response;
    }
    ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
    JsonNode image = answer.path("Attributes");
    image = image.isMissingNode() || image.isNull() ? null : image;
    if (update) {
      emit(write, image);
    } else {
      write.before = image;
      // the stored item, not the request's: DynamoDB normalizes what it stores (numbers, for one)
      emit(write, operation.equals("PutItem") ? getItem(exchange, write) : null);
    }
    if (answered.askedFor()) {
      return response;
    }
    answer.remove("Attributes");
    return response.withBody(JSON.writeValueAsBytes(answer));
  }

  /** The items a BatchWriteItem left unprocessed (no write, so no record), as {@link Write#lockKey()}s. */
  private Set<String> unprocessed(JsonNode response) {
    List<Write> left = new ArrayList<>();
    response.path("UnprocessedItems").fields().forEachRemaining(table -> table.getValue().forEach(write -> {
      JsonNode item = write.path("PutRequest").path("Item");
      add(left, table.getKey(), item.isMissingNode() ? write.path("DeleteRequest").path("Key") : item);
    }));
    Set<String> keys = new HashSet<>();
    left.forEach(write -> keys.add(write.lockKey()));
    return keys;
  }

  private boolean anyReader() {
    return tables.values().stream().anyMatch(t -> !t.readers().isEmpty());
  }

  private void add(List<Write> writes, String tableName, JsonNode itemOrKey) {
    StreamedTable table = tables.get(tableName);
    if (table == null) {
      return;
    }
    ObjectNode key = JSON.createObjectNode();
    table.keyNames().forEach(k -> key.set(k, itemOrKey.path(k)));
    if (table.wanted(key)) {
      writes.add(new Write(table, key));
    }
  }

  /** One item a request writes, with its image before the write. */
  private static final class Write {
    final StreamedTable table;
    final ObjectNode key;
    JsonNode before;

    Write(StreamedTable table, ObjectNode key) {
      this.table = table;
      this.key = key;
    }

    String lockKey() {
      return table.name() + key;
    }
  }

  private JsonNode getItem(HttpExchange exchange, Write write) throws IOException {
    ObjectNode request = JSON.createObjectNode().put("TableName", write.table.name()).put("ConsistentRead", true);
    request.set("Key", write.key);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Amz-Target", List.of(GET_ITEM));
    headers.put("Content-Type", List.of("application/x-amz-json-1.0"));
    // dynalite checks that a request is signed, not the signature: the client's headers do.
    for (String header : List.of("Authorization", "X-Amz-Date")) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        headers.put(header, List.of(value));
      }
    }
    Reply response = call("POST", "/", headers, JSON.writeValueAsBytes(request));
    if (response.status() != 200) {
      throw new IllegalStateException("GetItem for a stream image failed: " + new String(response.body()));
    }
    JsonNode item = JSON.readTree(response.body()).path("Item");
    return item.isMissingNode() || item.isNull() ? null : item;
  }

  private synchronized void emit(Write write, JsonNode after) {
    if (Objects.equals(write.before, after)) {
      return; // DynamoDB writes no record for a write that changed nothing
    }
    String viewType = write.table.viewType();
    ObjectNode data = JSON.createObjectNode();
    data.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
    data.set("Keys", write.key);
    if (after != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
      data.set("NewImage", after);
    }
    if (write.before != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
      data.set("OldImage", write.before);
    }
    data.put("SequenceNumber", Long.toString(++sequence));
    data.put("SizeBytes", (after == null ? write.before : after).toString().length());
    data.put("StreamViewType", viewType);
    ObjectNode record = JSON.createObjectNode();
    record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
    record.put("eventName", write.before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY");
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", LocalAws.REGION);
    record.set("dynamodb", data);
    record.put("eventSourceARN", write.table.streamArn());
    for (Reader reader : write.table.readers()) {
      if (reader.keys().test(write.key)) {
        reader.records().accept(record);
      }
    }
  }

  private Reply forward(HttpExchange exchange, byte[] body) throws IOException {
    return call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(), body);
  }

  /** An answer of dynalite: status, headers and body as they came. */
  private record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    /** The same answer with another body, and the body's CRC32 header that the SDK checks. */
    Reply withBody(byte[] changed) {
      CRC32 crc = new CRC32();
      crc.update(changed);
      Map<String, List<String>> changedHeaders = new LinkedHashMap<>();
      headers.forEach((name, values) -> {
        if (name != null && !name.equalsIgnoreCase(CRC32_HEADER)) {
          changedHeaders.put(name, values);
        }
      });
      changedHeaders.put(CRC32_HEADER, List.of(Long.toString(crc.getValue())));
      return new Reply(status, changedHeaders, changed);
    }
  }

  /** One request to dynalite, on the JDK's keep-alive connection pool (plain and blocking, as the SDK's own client). */
  private Reply call(String method, String path, Map<String, List<String>> headers, byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) target.resolve(path).toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(60_000);
    headers.forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> connection.addRequestProperty(name, value));
      }
    });
    if (body.length > 0) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    byte[] answer;
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      answer = in == null ? new byte[0] : in.readAllBytes();
    }
    return new Reply(status, connection.getHeaderFields(), answer);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
