package com.tickethub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.local.stack.Template;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How template.yaml hosts the web app: S3 behind CloudFront, the Hosted UI client, and the app's config. */
class WebTemplateTest {
  private final Template template = Template.ofProject();
  private final JsonNode resources = template.root().path("Resources");

  @Test
  void bucketIsPrivateAndReadOnlyByTheDistributionThroughOriginAccessControl() {
    JsonNode block = resources.path("WebBucket").path("Properties").path("PublicAccessBlockConfiguration");
    block.forEach(flag -> assertTrue(flag.asBoolean()));
    assertEquals(4, block.size());
    JsonNode statement = resources.path("WebBucketPolicy").path("Properties").path("PolicyDocument").path("Statement").path(0);
    assertEquals("cloudfront.amazonaws.com", statement.path("Principal").path("Service").asText());
    assertEquals("s3:GetObject", statement.path("Action").asText());
    assertTrue(statement.path("Condition").toString().contains("${WebDistribution}"));
    JsonNode origin = resources.path("WebDistribution").path("Properties").path("DistributionConfig").path("Origins").path(0);
    assertEquals("WebOriginAccessControl", origin.path("OriginAccessControlId").path("Fn::GetAtt").path(0).asText());
  }

  @Test
  void everyPathThatIsNoFileIsTheAppsIndexPage() {
    JsonNode config = resources.path("WebDistribution").path("Properties").path("DistributionConfig");
    List<String> fallbacks = new ArrayList<>();
    config.path("CustomErrorResponses").forEach(r ->
        fallbacks.add(r.path("ErrorCode").asInt() + "->" + r.path("ResponseCode").asInt() + " " + r.path("ResponsePagePath").asText()));
    assertEquals(List.of("403->200 /index.html", "404->200 /index.html"), fallbacks);
    assertEquals("index.html", config.path("DefaultRootObject").asText());
  }

  @Test
  void hostedUiClientIsAPublicCodeFlowClientReturningToTheApp() {
    JsonNode client = resources.path("UserPoolClient").path("Properties");
    assertFalse(client.path("GenerateSecret").asBoolean(), "a browser cannot keep a secret: PKCE instead");
    assertEquals("[\"code\"]", client.path("AllowedOAuthFlows").toString());
    assertTrue(client.path("CallbackURLs").toString().contains("${WebDistribution.DomainName}"));
    assertTrue(resources.has("UserPoolDomain"));
  }

  @Test
  void webConfigOutputIsTheConfigTheAppReads() throws Exception {
    String text = template.root().path("Outputs").path("WebConfig").path("Value").path("Fn::Sub").path(0).asText();
    JsonNode config = new ObjectMapper().readTree(text.replaceAll("\\$\\{[^}]+}", "x"));

    assertTrue(config.path("apiUrl").asText().startsWith("https://"));
    assertTrue(config.path("wsUrl").asText().startsWith("wss://"), "live availability over the WebSocket API");
    assertEquals("cognito", config.path("auth").path("mode").asText());
    for (String field : List.of("domain", "clientId", "redirectUri")) {
      assertFalse(config.path("auth").path(field).asText().isEmpty(), field);
    }
    assertEquals("stripe", config.path("payments").path("mode").asText());
    assertTrue(text.contains("${StripePublishableKey}"));
  }
}
