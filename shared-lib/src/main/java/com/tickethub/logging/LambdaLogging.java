package com.tickethub.logging;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the deployed functions: each message as one line on standard error, and its stack
 * trace under it, which is what the local server's logback pattern {@code %msg%n%ex} writes too. Lambda adds
 * the time and request id, and the request log's lines stay JSON objects that Logs Insights reads as fields.
 * Logback is 0.8 MB of each function jar, most of it configuration machinery a function never uses; the
 * function jars carry this instead (the shade step registers it), the local server and the tests keep logback.
 * The threshold is Lambda's own log level setting, {@code AWS_LAMBDA_LOG_LEVEL}, INFO when unset.
 */
public final class LambdaLogging implements SLF4JServiceProvider {
  private final Level threshold = threshold(System.getenv("AWS_LAMBDA_LOG_LEVEL"));
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, n -> new LineLogger(n, threshold));
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  static Level threshold(String setting) {
    if (setting == null || setting.isBlank()) {
      return Level.INFO;
    }
    String level = setting.trim().toUpperCase(Locale.ROOT);
    return switch (level) {
      case "FATAL" -> Level.ERROR;
      case "TRACE", "DEBUG", "INFO", "WARN", "ERROR" -> Level.valueOf(level);
      default -> Level.INFO;
    };
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // nothing to read: the threshold comes from the environment
  }

  /** A logger writing the lines at or above its threshold to standard error. */
  static final class LineLogger extends LegacyAbstractLogger {
    private final Level threshold;

    LineLogger(String name, Level threshold) {
      this.name = name;
      this.threshold = threshold;
    }

    private boolean enabled(Level level) {
      return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      write(System.err, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
    }

    /** One call, one write, so that lines of concurrent threads do not interleave. */
    static void write(PrintStream out, String message, Throwable throwable) {
      StringBuilder line = new StringBuilder(message).append(System.lineSeparator());
      if (throwable != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        throwable.printStackTrace(new java.io.PrintWriter(trace));
        line.append(trace);
      }
      out.print(line);
      out.flush();
    }
  }
}
