package com.tickethub.functions.stripewebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.http.Json;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.payments.StripeSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * POST /webhooks/stripe through the handler, as API Gateway calls it, against real SQS (ElasticMQ):
 * each test has its own queue, so "nothing enqueued" is exact.
 */
class StripeWebhookHandlerTest {
  /** What the test stack put into the Stripe secret, as an operator would. */
  private static final String SECRET = LocalStripe.DEFAULT_WEBHOOK_SECRET;
  private static final Duration TOLERANCE = Duration.ofSeconds(300);

  private static LocalAws aws;
  private static JsonNode sample;
  private static String body;

  private String queueUrl;
  private StripeWebhookHandler handler;

  @BeforeAll
  static void loadSample() throws IOException {
    aws = LocalAws.shared();
    // A fixed event of this test's own (events/stripe-webhook.json names ids that invoke makes first).
    sample = Json.MAPPER.readTree(Files.readString(
        ProjectRoot.find().resolve("functions/stripe-webhook/src/test/resources/stripe-webhook-event.json")));
    body = sample.get("body").asText();
  }

  @BeforeEach
  void ownQueue() {
    queueUrl = aws.sqs().createQueue(b -> b.queueName("stripe-webhook-" + UUID.randomUUID())).queueUrl();
    handler = handler(queueUrl);
  }

  @Test
  void validSignatureEnqueuesTheRawBodyOnceAndAnswersReceived() {
    APIGatewayV2HTTPResponse response = post(body, sign(body, SECRET, Instant.now()), false);

    assertEquals(200, response.getStatusCode());
    assertEquals(Map.of("received", true), Json.read(response.getBody(), Map.class));
    List<Message> messages = enqueued();
    assertEquals(1, messages.size());
    assertEquals(body, messages.get(0).body());
    assertEquals("evt_3QTestSucceeded0001", messages.get(0).messageAttributes().get("eventId").stringValue());
    assertEquals("payment_intent.succeeded", messages.get(0).messageAttributes().get("eventType").stringValue());
  }

  @Test
  void tamperedBodyIsRejected() {
    String header = sign(body, SECRET, Instant.now());

    assertRejected(post(body.replace("\"amount\": 5000", "\"amount\": 5"), header, false));
  }

  @Test
  void wrongSecretIsRejected() {
    assertRejected(post(body, sign(body, "whsec_someone_else", Instant.now()), false));
  }

  @Test
  void timestampOlderThanTheToleranceIsRejected() {
    Instant stale = Instant.now().minus(TOLERANCE).minusSeconds(5);

    assertRejected(post(body, sign(body, SECRET, stale), false));
  }

  @Test
  void timestampJustInsideTheToleranceIsAccepted() {
    Instant old = Instant.now().minus(TOLERANCE).plusSeconds(10);

    assertEquals(200, post(body, sign(body, SECRET, old), false).getStatusCode());
    assertEquals(1, enqueued().size());
  }

  @Test
  void missingSignatureHeaderIsRejected() {
    assertRejected(post(body, null, false));
  }

  @Test
  void malformedSignatureHeadersAreRejectedNotFailed() {
    for (String header : List.of("garbage", "t=abc,v1=00", "t,v1=00", "t=1764072000", "v1=00")) {
      assertRejected(post(body, header, false));
    }
  }

  @Test
  void oneValidAmongSeveralV1SignaturesIsAccepted() {
    String valid = sign(body, SECRET, Instant.now());
    String wrong = sign(body, "whsec_old_secret", Instant.now());
    String header = wrong + "," + valid.substring(valid.indexOf("v1="));

    assertEquals(200, post(body, header, false).getStatusCode());
    assertEquals(1, enqueued().size());
  }

  @Test
  void severalV1SignaturesNoneValidAreRejected() {
    String first = sign(body, "whsec_old_secret", Instant.now());
    String second = sign(body, "whsec_other_secret", Instant.now());

    assertRejected(post(body, first + "," + second.substring(second.indexOf("v1=")), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"event=payment_intent.succeeded&id=evt_1", "[]", "{}", "null", "\"evt\"",
      "{\"object\": \"event\", \"id\": \"evt_1\"}", "{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\"}"})
  void correctlySignedBodyThatIsNotAStripeEventIsAnInvalidRequestNotABadSignature(String notAnEvent) {
    APIGatewayV2HTTPResponse response = post(notAnEvent, sign(notAnEvent, SECRET, Instant.now()), false);

    assertEquals(400, response.getStatusCode(), response.getBody());
    assertTrue(response.getBody().contains("\"code\":\"invalid_request\""), response.getBody());
    assertTrue(response.getBody().contains("\"field\":\"body\""), response.getBody());
    assertEquals(List.of(), enqueued(), "nothing is enqueued");
  }

  @Test
  void base64EncodedBodyIsVerifiedAgainstTheBytesStripeSent() {
    String encoded = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));

    assertEquals(200, post(encoded, sign(body, SECRET, Instant.now()), true).getStatusCode());
    assertEquals(body, enqueued().get(0).body());
  }

  @Test
  void base64BodySignedAsItsEncodedTextIsRejected() {
    String encoded = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));

    assertRejected(post(encoded, sign(encoded, SECRET, Instant.now()), true));
  }

  @Test
  void queueFailureIsA5xxSoThatStripeRetries() {
    StripeWebhookHandler broken = handler(queueUrl.replaceAll("[^/]+$", "no-such-queue-" + UUID.randomUUID()));

    APIGatewayV2HTTPResponse response = broken.handleRequest(event(body, sign(body, SECRET, Instant.now()), false), null);

    assertEquals(500, response.getStatusCode());
  }

  private static StripeWebhookHandler handler(String queueUrl) {
    Map<String, String> env = new HashMap<>(aws.functionEnvironment("StripeWebhookFunction", Map.of()));
    env.put("PAYMENT_EVENTS_QUEUE_URL", queueUrl);
    return new StripeWebhookHandler(env);
  }

  private APIGatewayV2HTTPResponse post(String requestBody, String signature, boolean base64) {
    return handler.handleRequest(event(requestBody, signature, base64), null);
  }

  /** The fixed event with another body and signature. */
  private static APIGatewayV2HTTPEvent event(String requestBody, String signature, boolean base64) {
    Map<String, String> headers = new HashMap<>();
    sample.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    headers.remove("stripe-signature");
    if (signature != null) {
      headers.put("Stripe-Signature", signature);
    }
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(sample.get("routeKey").asText())
        .withRawPath(sample.get("rawPath").asText())
        .withHeaders(headers)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId(UUID.randomUUID().toString()).build())
        .withBody(requestBody)
        .withIsBase64Encoded(base64)
        .build();
  }

  private static String sign(String payload, String secret, Instant at) {
    return StripeSignature.header(payload, secret, at);
  }

  private void assertRejected(APIGatewayV2HTTPResponse response) {
    assertEquals(400, response.getStatusCode(), response.getBody());
    assertTrue(response.getBody().contains("\"code\":\"invalid_signature\""), response.getBody());
    assertEquals(List.of(), enqueued(), "nothing is enqueued");
  }

  private List<Message> enqueued() {
    return aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
        .messageAttributeNames("All")).messages();
  }
}
