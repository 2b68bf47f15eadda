package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.local.stack.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's {@code Schedule} events, as EventBridge runs them: the function gets a ScheduledEvent
 * (or the event's {@code Input} JSON) every {@code rate(N unit)}, or at each time of a {@code cron(...)}
 * expression (UTC).
 */
public final class Schedules implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
  private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
  private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "schedules");
    thread.setDaemon(true);
    return thread;
  });

  private Schedules() {}

  /**
   * Starts every enabled schedule. A rate fires first after one period, or after {@code firstRateDelay}
   * when it is given (so that a test need not wait a minute).
   */
  public static Schedules start(List<TemplateFunction> functions, FunctionHost host, Duration firstRateDelay) {
    Schedules schedules = new Schedules();
    for (TemplateFunction function : functions) {
      function.events("Schedule").forEach((name, event) -> {
        if (event.path("Enabled").asBoolean(true) && !"DISABLED".equals(event.path("State").asText())) {
          schedules.schedule(function.logicalId(), name, event, host, firstRateDelay);
        }
      });
    }
    return schedules;
  }

  private void schedule(String functionId, String name, JsonNode event, FunctionHost host, Duration firstRateDelay) {
    String expression = event.path("Schedule").asText();
    String rule = "arn:aws:events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":rule/" + functionId + "-" + name;
    JsonNode input = input(functionId, name, event);
    Runnable fire = () -> fire(functionId, rule, input, host);
    Matcher rate = RATE.matcher(expression);
    Matcher cron = CRON.matcher(expression);
    if (rate.matches()) {
      Duration period = period(Long.parseLong(rate.group(1)), rate.group(2));
      long first = (firstRateDelay == null ? period : firstRateDelay).toMillis();
      timer.scheduleAtFixedRate(fire, first, period.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("{} runs every {} ({})", functionId, period, expression);
    } else if (cron.matches()) {
      CronExpression times = CronExpression.parse(cron.group(1));
      scheduleNext(times, fire);
      LOG.info("{} runs at {} UTC", functionId, expression);
    } else {
      throw new IllegalArgumentException(functionId + "." + name + ": the local server does not know the schedule "
          + expression);
    }
  }

  private void scheduleNext(CronExpression times, Runnable fire) {
    ZonedDateTime next = times.next(ZonedDateTime.now(ZoneOffset.UTC));
    long delay = Math.max(0, Duration.between(Instant.now(), next.toInstant()).toMillis());
    timer.schedule(() -> {
      fire.run();
      scheduleNext(times, fire);
    }, delay, TimeUnit.MILLISECONDS);
  }

  private static Duration period(long amount, String unit) {
    return switch (unit.replaceAll("s$", "")) {
      case "minute" -> Duration.ofMinutes(amount);
      case "hour" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** The schedule's {@code Input}: EventBridge sends this JSON instead of the ScheduledEvent. */
  private static JsonNode input(String functionId, String name, JsonNode event) {
    if (!event.has("Input")) {
      return null;
    }
    try {
      return LocalInvoke.EVENTS.readTree(event.path("Input").asText());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(functionId + "." + name + ": Input is not JSON", e);
    }
  }

  private static void fire(String functionId, String rule, JsonNode input, FunctionHost host) {
    try {
      host.invoke(functionId, input != null ? input : scheduledEvent(rule));
    } catch (Exception e) {
      LOG.warn("{} failed on its schedule (EventBridge would retry it)", functionId, e);
    }
  }

  private static ScheduledEvent scheduledEvent(String rule) {
    ScheduledEvent event = new ScheduledEvent();
    event.setVersion("0");
    event.setId(UUID.randomUUID().toString());
    event.setDetailType("Scheduled Event");
    event.setSource("aws.events");
    event.setAccount(LocalAws.ACCOUNT);
    event.setTime(new DateTime(DateTimeZone.UTC).withMillisOfSecond(0));
    event.setRegion(LocalAws.REGION);
    event.setResources(List.of(rule));
    event.setDetail(Map.of());
    return event;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
