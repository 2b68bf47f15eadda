package com.tickethub.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The deployed functions' log lines: the message alone, its stack trace under it, at Lambda's log level. */
class LambdaLoggingTest {
  @Test
  void aLineIsTheMessageAlone() {
    assertEquals("{\"route\":\"POST /events\"}" + System.lineSeparator(), written("{\"route\":\"POST /events\"}", null));
  }

  @Test
  void anExceptionFollowsItsMessageWithItsStackTrace() {
    String text = written("Stripe failed", new IllegalStateException("boom"));

    assertTrue(text.startsWith("Stripe failed" + System.lineSeparator() + "java.lang.IllegalStateException: boom"));
    assertTrue(text.contains("\tat com.tickethub.logging.LambdaLoggingTest"));
  }

  @Test
  void theThresholdIsLambdasLogLevelAndInfoWhenUnset() {
    assertEquals(Level.INFO, LambdaLogging.threshold(null));
    assertEquals(Level.WARN, LambdaLogging.threshold("warn"));
    assertEquals(Level.ERROR, LambdaLogging.threshold("FATAL"));
    assertEquals(Level.INFO, LambdaLogging.threshold("LOUD"));
  }

  @Test
  void linesBelowTheThresholdAreNotWritten() {
    LambdaLogging.LineLogger logger = new LambdaLogging.LineLogger("x", Level.WARN);

    assertFalse(logger.isInfoEnabled());
    assertTrue(logger.isErrorEnabled());
  }

  private static String written(String message, Throwable throwable) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LambdaLogging.LineLogger.write(new PrintStream(bytes, true, StandardCharsets.UTF_8), message, throwable);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
