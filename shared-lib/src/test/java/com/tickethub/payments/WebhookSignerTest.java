package com.tickethub.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void headerIsTimestampAndHexHmacSha256OfTimestampDotBody() throws Exception {
    String body = "{\"id\": \"evt_1\"}";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(("1764072000." + body).getBytes(StandardCharsets.UTF_8)));

    assertEquals("t=1764072000,v1=" + expected,
        WebhookSigner.signatureHeader(body, "whsec_test", Instant.ofEpochSecond(1764072000)));
  }
}
