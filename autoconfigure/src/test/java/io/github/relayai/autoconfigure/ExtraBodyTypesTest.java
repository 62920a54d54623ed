package io.github.relayai.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.relayai.chat.RelayChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code extra-body} reaches the gateway with JSON types whichever way it is configured:
 * YAML, {@code .properties} (and the command line, which binds the same way) and
 * environment variables.
 */
class ExtraBodyTypesTest {

	@RegisterExtension
	static final WireMockExtension gateway = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort())
		.build();

	private static final String OPTIONS = "spring.ai.relay.chat.options.extra-body.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RelayErrorAutoConfiguration.class,
				RelayConnectionAutoConfiguration.class, RelayChatAutoConfiguration.class))
		.withPropertyValues("spring.ai.relay.base-url=" + gateway.baseUrl(),
				"spring.ai.relay.chat.options.model=gpt-4.1-nano");

	/** A real answer (core's corpus, see its responses/SOURCES.md). */
	private static String answer() throws IOException {
		return Files.readString(
				Path.of("..", "core", "src", "test", "resources", "responses", "openai-text-usage-details.json"));
	}

	private JsonNode sentBody(ApplicationContextRunner runner) throws IOException {
		gateway.stubFor(post("/v1/chat/completions").willReturn(okJson(answer())));
		runner.run(context -> context.getBean(RelayChatModel.class).call(new Prompt("hi")));
		return JsonMapper.builder().build().readTree(gateway.getAllServeEvents().get(0).getRequest().getBodyAsString());
	}

	private static void assertTyped(JsonNode body) {
		assertThat(body.get("top_k").isIntegralNumber()).isTrue();
		assertThat(body.get("top_k").asInt()).isEqualTo(5);
		assertThat(body.get("min_p").isNumber()).isTrue();
		assertThat(body.get("min_p").asDouble()).isEqualTo(0.05);
		assertThat(body.get("cache_prompt").isBoolean()).isTrue();
		assertThat(body.get("cache_prompt").asBoolean()).isTrue();
		assertThat(body.has("grammar")).isTrue();
		assertThat(body.get("grammar").isNull()).isTrue();
		assertThat(body.get("id_slot").isString()).as("quoted text stays a string").isTrue();
		assertThat(body.get("id_slot").stringValue()).isEqualTo("7");
		assertThat(body.get("stop_text").stringValue()).isEqualTo("hello");
		assertThat(body.get("chat_template_kwargs").get("enable_thinking").isBoolean()).isTrue();
		assertThat(body.get("chat_template_kwargs").get("enable_thinking").asBoolean()).isFalse();
	}

	@Test
	void fromProperties() throws IOException {
		assertTyped(sentBody(this.runner.withPropertyValues(OPTIONS + "top_k=5", OPTIONS + "min_p=0.05",
				OPTIONS + "cache_prompt=true", OPTIONS + "grammar=null", OPTIONS + "id_slot=\"7\"",
				OPTIONS + "stop_text=hello", OPTIONS + "chat_template_kwargs.enable_thinking=false")));
	}

	@Test
	void fromYaml() throws IOException {
		var yaml = new YamlPropertySourceLoader().load("yaml", new ClassPathResource("extra-body/application.yml"));
		assertTyped(sentBody(this.runner.withInitializer(
				context -> yaml.forEach(source -> context.getEnvironment().getPropertySources().addLast(source)))));
	}

	@Test
	void fromEnvironmentVariables() throws IOException {
		Map<String, Object> env = Map.of("SPRING_AI_RELAY_CHAT_OPTIONS_EXTRABODY_MIROSTAT", "2",
				"SPRING_AI_RELAY_CHAT_OPTIONS_EXTRABODY_PENALIZE", "false",
				"SPRING_AI_RELAY_CHAT_OPTIONS_EXTRABODY_SLOT", "\"0\"");
		JsonNode body = sentBody(this.runner.withInitializer(context -> context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment", env))));
		assertThat(body.get("mirostat").isIntegralNumber()).isTrue();
		assertThat(body.get("mirostat").asInt()).isEqualTo(2);
		assertThat(body.get("penalize").isBoolean()).isTrue();
		assertThat(body.get("slot").stringValue()).isEqualTo("0");
	}

}
