package com.tickethub.local.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.tickethub.local.stack.ProjectRoot;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * openapi.yaml as a check of real exchanges, not of the documentation by eye: every response the end-to-end
 * tests receive (status, content type, documented headers, body schema) must be one that its operation in
 * openapi.yaml describes, and every request the server accepted (2xx) one that the contract allows. A path
 * that openapi.yaml does not have must be answered 404. The operations seen are kept, so that a test can
 * say which ones no test has exercised.
 */
final class OpenApiContract {
  private static final String SPEC = ProjectRoot.find().resolve("openapi.yaml").toUri().toString();
  private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
      .createForSpecificationUrl(SPEC).withBasePathOverride("/").build();
  private static final Map<String, Pattern> OPERATIONS = operations(new OpenAPIV3Parser().read(SPEC));
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private OpenApiContract() {}

  /** Fails (AssertionError) when the exchange breaks openapi.yaml. */
  static void check(String method, String pathAndQuery, Map<String, String> requestHeaders, String requestBody,
      TestHttp.Response response) {
    if (method.equals("OPTIONS")) {
      return; // CORS preflight: answered by API Gateway from the template's CorsConfiguration, not an operation
    }
    if (response.status() == 503 && response.body().contains("\"service_unavailable\"")) {
      return; // the local server's own answer while its DynamoDB emulator restarts (DynaliteRestartTest), no function's
    }
    String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
    Optional<String> operation = operation(method, path);
    if (operation.isEmpty()) {
      if (response.status() != 404) {
        throw new AssertionError(method + " " + path + " is in no operation of openapi.yaml, yet answered "
            + response.status() + ": " + response.body());
      }
      return;
    }
    SEEN.add(operation.get());
    ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response(response));
    if (response.status() / 100 == 2) {
      report = report.merge(VALIDATOR.validateRequest(request(method, pathAndQuery, requestHeaders, requestBody)));
    }
    if (report.hasErrors()) {
      throw new AssertionError(operation.get() + " answered " + response.status() + " against openapi.yaml:\n"
          + report.getMessages().stream().map(m -> "  - " + m.getKey() + ": " + m.getMessage())
              .collect(Collectors.joining("\n"))
          + "\n  body: " + response.body());
    }
  }

  /** Every operation of openapi.yaml ({@code "GET /events/{eventId}"}) that no checked exchange reached. */
  static Set<String> unexercised() {
    Set<String> missing = new TreeSet<>(OPERATIONS.keySet());
    missing.removeAll(SEEN);
    return missing;
  }

  private static Optional<String> operation(String method, String path) {
    return OPERATIONS.entrySet().stream()
        .filter(e -> e.getKey().startsWith(method + " ") && e.getValue().matcher(path).matches())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static Map<String, Pattern> operations(OpenAPI api) {
    Map<String, Pattern> operations = new ConcurrentHashMap<>();
    api.getPaths().forEach((template, item) -> item.readOperationsMap().keySet().forEach(method ->
        operations.put(method.name() + " " + template,
            Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")))));
    return operations;
  }

  private static SimpleResponse response(TestHttp.Response response) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status()).withBody(response.body());
    response.headers().forEach((name, values) -> {
      if (name != null && !name.startsWith(":")) {
        builder.withHeader(name, values);
      }
    });
    return builder.build();
  }

  private static SimpleRequest request(String method, String pathAndQuery, Map<String, String> headers, String body) {
    int query = pathAndQuery.indexOf('?');
    SimpleRequest.Builder builder = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT),
        query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
    if (query >= 0) {
      for (String pair : pathAndQuery.substring(query + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        builder.withQueryParam(kv[0], List.of(kv.length > 1 ? kv[1] : ""));
      }
    }
    headers.forEach(builder::withHeader);
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }
}
