package com.tickethub.local.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HttpApi event of a function: method and path template ({@code /events/{eventId}},
 * {@code /files/{proxy+}}), and whether the JWT authorizer guards it (with the scopes it requires).
 */
public record ApiRoute(String functionId, String method, String path, boolean authorized, List<String> scopes,
    Pattern pattern, List<String> parameterNames) {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}+]+)(\\+?)}");

  public static ApiRoute of(String functionId, String method, String path, boolean authorized, List<String> scopes) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAMETER.matcher(path);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start())));
      regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(path.substring(last)));
    return new ApiRoute(functionId, method.toUpperCase(Locale.ROOT), path, authorized, List.copyOf(scopes),
        Pattern.compile(regex.toString()), List.copyOf(names));
  }

  /** {@code "POST /events"}, as API Gateway names the route in the event. */
  public String routeKey() {
    return method + " " + path;
  }

  /** The decoded path parameters when this route serves the request. */
  public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
    if (!method.equals("ANY") && !method.equals(requestMethod)) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(rawPath);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < parameterNames.size(); i++) {
      parameters.put(parameterNames.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return Optional.of(parameters);
  }

  /**
   * How specific the route is, for API Gateway's rule that the most specific match wins: more literal
   * characters first, greedy {@code {proxy+}} routes and {@code ANY} last.
   */
  int specificity() {
    int literal = PARAMETER.matcher(path).replaceAll("").length();
    int greedy = path.contains("+}") ? 1 : 0;
    return (literal * 4) - (greedy * 2) - (method.equals("ANY") ? 1 : 0);
  }
}
