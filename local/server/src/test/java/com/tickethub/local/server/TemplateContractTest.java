package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml against the code and openapi.yaml: handlers, routes, environment and policies. */
class TemplateContractTest {
  private static final Map<String, Class<?>> EVENT_TYPES = Map.of(
      "HttpApi", APIGatewayV2HTTPEvent.class, "SQS", SQSEvent.class, "Schedule", ScheduledEvent.class,
      "DynamoDB", DynamodbEvent.class);
  /** What the Lambda runtime sets (and the local server sets for the emulators), beside the template. */
  private static final Set<String> RUNTIME_VARIABLES = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_EXECUTION_ENV",
      "AWS_EC2_METADATA_DISABLED", "AWS_ENDPOINT_URL", "_X_AMZN_TRACE_ID");
  private static final Set<String> POLICY_RESOURCE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::SQS::Queue");

  private final Path root = ProjectRoot.find();
  private final Template template = Template.read(root.resolve("template.yaml"));
  private final List<TemplateFunction> functions = TemplateFunction.all(template);

  @Test
  void everyHandlerImplementsRequestHandlerOfItsEventsType() throws Exception {
    for (TemplateFunction function : functions) {
      Class<?> handler = handlerClass(function);
      assertTrue(RequestHandler.class.isAssignableFrom(handler), handler + " implements RequestHandler");
      Type input = LocalInvoke.inputType(handler);
      for (JsonNode event : function.events().values()) {
        Class<?> expected = EVENT_TYPES.get(event.path("Type").asText());
        assertTrue(expected != null, function.logicalId() + ": the local server knows the event type " + event.path("Type"));
        assertEquals(expected, input, function.logicalId() + " handles " + event.path("Type") + " events");
      }
    }
  }

  @Test
  void templateRoutesAndOpenApiRoutesAreTheSameSet() throws IOException {
    Set<String> documented = new TreeSet<>();
    new YAMLMapper().readTree(root.resolve("openapi.yaml").toFile()).path("paths").fields().forEachRemaining(path ->
        path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    documented.removeIf(route -> route.contains(" /_local/"));
    Set<String> implemented = new TreeSet<>();
    for (TemplateFunction function : functions) {
      function.events("HttpApi").values().forEach(event ->
          implemented.add(event.path("Method").asText().toUpperCase() + " " + event.path("Path").asText()));
    }

    assertEquals(documented, implemented, "openapi.yaml (less the local-only routes) and template.yaml's routes");
  }

  @Test
  void everyVariableTheCodeReadsIsSetByTheTemplateAndItsResourceIsInThePolicies() throws Exception {
    LocalAws aws = TestServer.get().aws();
    for (TemplateFunction function : functions) {
      Map<String, JsonNode> declared = declaredVariables(function);
      RecordingEnvironment env = new RecordingEnvironment(aws.functionEnvironment(function.logicalId(), Map.of()));
      Throwable buildFailure = null;
      try {
        handlerClass(function).getConstructor(Map.class).newInstance(env);
      } catch (InvocationTargetException e) {
        buildFailure = e.getCause(); // most likely a variable it requires and did not get: reported just below
      }

      Set<String> undeclared = new TreeSet<>();
      for (String name : env.read) {
        boolean runtime = RUNTIME_VARIABLES.contains(name) || name.startsWith("AWS_ENDPOINT_URL_");
        if (!declared.containsKey(name) && !runtime) {
          undeclared.add(name);
        }
      }
      assertEquals(Set.of(), undeclared, function.logicalId() + " reads variables template.yaml does not set");
      if (buildFailure != null) {
        throw new AssertionError(function.logicalId() + " cannot be built with its template environment", buildFailure);
      }

      Set<String> inPolicies = references(function.policies());
      for (String name : env.read) {
        if (declared.containsKey(name)) {
          for (String resource : references(declared.get(name))) {
            if (POLICY_RESOURCE_TYPES.contains(template.root().path("Resources").path(resource).path("Type").asText())
                && !inPolicies.contains(resource)) {
              fail(function.logicalId() + " reads " + name + " (" + resource + ") but no policy of it names " + resource);
            }
          }
        }
      }
    }
  }

  private Class<?> handlerClass(TemplateFunction function) throws ClassNotFoundException {
    URLClassLoader loader = FunctionHost.classLoader(root, function);
    try {
      return Class.forName(function.handlerClass(), false, loader);
    } catch (ClassNotFoundException e) {
      throw new ClassNotFoundException(function.logicalId() + ": no class " + function.handlerClass() + " in "
          + function.codeUri() + " (is the module built and listed in the parent pom?)", e);
    }
  }

  /** The variables the template sets for the function: the Globals' and its own, by name. */
  private Map<String, JsonNode> declaredVariables(TemplateFunction function) {
    Map<String, JsonNode> declared = new HashMap<>();
    template.globalFunctionProperties().path("Environment").path("Variables").fields()
        .forEachRemaining(e -> declared.put(e.getKey(), e.getValue()));
    template.root().path("Resources").path(function.logicalId()).path("Properties").path("Environment")
        .path("Variables").fields().forEachRemaining(e -> declared.put(e.getKey(), e.getValue()));
    return declared;
  }

  /** The logical ids a template value names through Ref, GetAtt or Sub. */
  private static Set<String> references(JsonNode node) {
    Set<String> ids = new HashSet<>();
    if (node.has("Ref")) {
      ids.add(node.get("Ref").asText());
    }
    if (node.has("Fn::GetAtt")) {
      ids.add(node.get("Fn::GetAtt").path(0).asText());
    }
    if (node.has("Fn::Sub") && node.get("Fn::Sub").isTextual()) {
      Matcher m = Pattern.compile("\\$\\{([^}.]+)").matcher(node.get("Fn::Sub").asText());
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    node.forEach(child -> ids.addAll(references(child)));
    return ids;
  }

  /** An environment that remembers every name the code asked for. */
  private static final class RecordingEnvironment extends HashMap<String, String> {
    final Set<String> read = ConcurrentHashMap.newKeySet();

    RecordingEnvironment(Map<String, String> values) {
      super(values);
    }

    @Override
    public String get(Object key) {
      read.add(String.valueOf(key));
      return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
      read.add(String.valueOf(key));
      return super.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
      read.add(String.valueOf(key));
      return super.containsKey(key);
    }
  }
}
