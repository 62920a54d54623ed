package io.github.relayai.sample.report.narrative;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model path against a stubbed OpenAI-compatible gateway: native structured output,
 * format instructions when the gateway rejects {@code response_format}, one repair round
 * for an answer that is not JSON, a grounding violation sent back and a corrected retry;
 * and the fallbacks with their one-line notes.
 */
class ModelNarrativeWriterTest {

	private static final String PATH = "/v1/chat/completions";

	private static final JsonMapper JSON = JsonMapper.shared();

	/**
	 * The start of Spring AI's format instructions, sent when native output is not used.
	 */
	private static final String FORMAT_INSTRUCTIONS = "Your response should be in JSON format";

	private WireMockServer gateway;

	private Facts facts;

	private FactsPack pack;

	private Texts texts;

	@BeforeEach
	void setUp() {
		gateway = new WireMockServer(wireMockConfig().dynamicPort());
		gateway.start();
		facts = TestData.facts(TestData.ACME);
		texts = new Texts(Lang.ZH);
		pack = FactsPack.of(facts, texts);
	}

	@AfterEach
	void tearDown() {
		gateway.stop();
	}

	@Test
	void retriesWithTheViolationsThenAcceptsTheCorrectedAnswer() {
		Narrative grounded = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
		Narrative invented = new Narrative("本月告警9,999条，来自203.0.113.250的攻击。", grounded.findings(),
				grounded.recommendations(), grounded.nextMonthPlan());
		stubAnswers(invented, grounded);

		NarrativeResult result = writer().write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.MODEL);
		assertThat(result.attempts()).isEqualTo(2);
		assertThat(result.narrative()).isEqualTo(grounded);
		gateway.verify(2, postRequestedFor(urlEqualTo(PATH)));
		// the first request carries the facts pack and the schema (structured output)
		gateway.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("高危及以上告警"))
			.withRequestBody(containing("nextMonthPlan")));
		// the retry sends the violations back
		gateway.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("9,999"))
			.withRequestBody(containing("203.0.113.250"))
			.withRequestBody(containing("未通过事实核验")));
	}

	@Test
	void fallsBackToAFixedSentenceAfterTwoRetries() {
		Narrative invented = new Narrative("本月共处置CVE-2099-0001。", List.of(), List.of(), List.of());
		stubAnswers(invented, invented, invented);

		NarrativeResult result = writer().write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.FALLBACK);
		assertThat(result.attempts()).isEqualTo(3);
		assertThat(result.narrative().summary()).isEqualTo(texts.t("narrative.fallback.sentence"));
		assertThat(result.violations()).extracting(GroundingViolation::kind)
			.contains(GroundingViolation.Kind.CVE, GroundingViolation.Kind.UNCITED_HIGH_RISK_FACT);
		gateway.verify(3, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void maskingKeepsClientNameAndIpsOnThisMachine() {
		Narrative grounded = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
		String factsJson = JSON.writeValueAsString(pack.facts());
		java.util.regex.Matcher ip = java.util.regex.Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b")
			.matcher(factsJson);
		assertThat(ip.find()).as("the bundled client's facts name IP addresses").isTrue();
		String firstIp = ip.group();
		Masking masking = Masking.of(facts.meta().client().name(), factsJson);
		// the model only ever sees placeholders, and answers with them
		stubAnswers(new Narrative(masking.mask(grounded.summary()),
				grounded.findings()
					.stream()
					.map(f -> new Narrative.Finding(f.factIds(), masking.mask(f.title()), masking.mask(f.analysis())))
					.toList(),
				grounded.recommendations(), grounded.nextMonthPlan()));

		NarrativeResult result = new ModelNarrativeWriter(ChatModels.clientBuilder(gateway.baseUrl() + "/v1"),
				new PromptLibrary(null), true)
			.write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.MODEL);
		assertThat(result.narrative()).isEqualTo(grounded);
		String sent = gateway.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(sent).doesNotContain(facts.meta().client().name())
			.doesNotContain(firstIp)
			.contains("[CLIENT]")
			.contains("[IP_A]");
	}

	@Test
	void asksForNativeStructuredOutputAndAcceptsAValidFirstAnswer() {
		Narrative grounded = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
		stubAnswers(grounded);

		NarrativeResult result = writer().write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.MODEL);
		assertThat(result.attempts()).isEqualTo(1);
		assertThat(result.narrative()).isEqualTo(grounded);
		String sent = gateway.getAllServeEvents().get(0).getRequest().getBodyAsString();
		// the schema travels as response_format, not as instructions in the prompt
		assertThat(sent).contains("\"response_format\"").contains("json_schema").contains("nextMonthPlan");
		assertThat(sent).doesNotContain(FORMAT_INSTRUCTIONS);
	}

	@Test
	void repairsAnAnswerThatIsNotJsonOnce() {
		Narrative grounded = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
		stubRawAnswers("好的，以下是本月的分析：summary 为……", JSON.writeValueAsString(grounded));

		NarrativeResult result = writer().write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.MODEL);
		assertThat(result.attempts()).isEqualTo(2);
		assertThat(result.narrative()).isEqualTo(grounded);
		// the second request carries the answer and the parse error back
		gateway.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("好的，以下是本月的分析"))
			.withRequestBody(containing("无法解析")));
	}

	@Test
	void fallsBackWithOneLineNoteWhenTheRepairedAnswerIsStillNotJson() {
		stubRawAnswers("not json", "still not json");

		NarrativeResult result = writer().write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.FALLBACK);
		assertThat(result.attempts()).isEqualTo(2);
		assertThat(result.note()).isEqualTo("模型两次输出均不是有效的JSON").doesNotContain("\n");
		gateway.verify(2, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void fallsBackToFormatInstructionsWhenTheGatewayRejectsResponseFormat() {
		Narrative grounded = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
		gateway.stubFor(post(urlEqualTo(PATH)).atPriority(1)
			.withRequestBody(containing("\"response_format\""))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"Invalid parameter: 'response_format' of type 'json_schema' is"
						+ " not supported with this model.\",\"type\":\"invalid_request_error\","
						+ "\"param\":\"response_format\",\"code\":null}}")));
		gateway.stubFor(post(urlEqualTo(PATH)).atPriority(2)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(completion(JSON.writeValueAsString(grounded)))));
		ModelNarrativeWriter writer = writer();

		NarrativeResult first = writer.write(facts, pack, texts);
		NarrativeResult second = writer.write(facts, pack, texts);

		assertThat(first.source()).isEqualTo(NarrativeResult.Source.MODEL);
		assertThat(first.narrative()).isEqualTo(grounded);
		assertThat(second.source()).isEqualTo(NarrativeResult.Source.MODEL);
		// rejected once, then instructions in the prompt; the writer remembers the
		// rejection
		gateway.verify(3, postRequestedFor(urlEqualTo(PATH)));
		gateway.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("\"response_format\"")));
		gateway.verify(2, postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(FORMAT_INSTRUCTIONS)));
	}

	@Test
	void aFailedCallFallsBackWithOneLineNoteInTheReportLanguage() {
		gateway.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
					+ "\"code\":\"invalid_api_key\"}}")));

		NarrativeResult result = writer().write(facts, pack, texts);

		assertThat(result.source()).isEqualTo(NarrativeResult.Source.FALLBACK);
		assertThat(result.note()).isEqualTo("模型调用失败：网关拒绝了API密钥");
	}

	private ModelNarrativeWriter writer() {
		return new ModelNarrativeWriter(ChatModels.clientBuilder(gateway.baseUrl() + "/v1"), new PromptLibrary(null),
				false);
	}

	/** Answers the successive calls with the raw message contents {@code answers}. */
	private void stubRawAnswers(String... answers) {
		String state = Scenario.STARTED;
		for (int i = 0; i < answers.length; i++) {
			String next = "answer-" + (i + 1);
			gateway.stubFor(post(urlEqualTo(PATH)).inScenario("narrative")
				.whenScenarioStateIs(state)
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion(answers[i])))
				.willSetStateTo(next));
			state = next;
		}
	}

	/** Answers the successive chat-completions calls with {@code answers}, one each. */
	private void stubAnswers(Narrative... answers) {
		stubRawAnswers(Stream.of(answers).map(JSON::writeValueAsString).toArray(String[]::new));
	}

	/** An OpenAI chat-completions response whose message content is {@code content}. */
	static String completion(String content) {
		return JSON.writeValueAsString(
				Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "test-model", "choices",
						List.of(Map.of("index", 0, "finish_reason", "stop", "message",
								Map.of("role", "assistant", "content", content))),
						"usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
	}

}
