package com.tickethub.aws;

import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Requests that go through the SDK client's whole pipeline (marshalling, endpoint, signing) and stop just before
 * they are sent: SnapStart priming warms the write operations this way without writing and without needing the
 * permission to (a conditional write that fails would need it). Only requests carrying {@link #HEADER} stop.
 */
public final class DryRun implements ExecutionInterceptor {
  public static final String HEADER = "x-tickethub-dry-run";

  /** What a dry-run request throws where it would have been sent. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("dry run: not sent", null, false, false);
    }
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (context.httpRequest().firstMatchingHeader(HEADER).isPresent()) {
      throw new Stopped();
    }
  }

  /** Marks a request as a dry run ({@code .overrideConfiguration(DryRun.MARK)}). */
  public static final Consumer<AwsRequestOverrideConfiguration.Builder> MARK = o -> o.putHeader(HEADER, "1");

  /** Runs {@code request}, a call marked with {@link #MARK}, expecting it to stop before it is sent. */
  public static void run(Runnable request) {
    try {
      request.run();
    } catch (Stopped expected) {
      // the request went as far as it should
    } catch (SdkException e) {
      if (!(e.getCause() instanceof Stopped)) {
        throw e;
      }
    }
  }
}
