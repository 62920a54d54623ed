package io.github.relayai.sample.report.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.RelayAiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientAttributes;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.converter.BeanOutputConverter;

import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Has the model write the narrative as a typed {@link Narrative} from the facts pack
 * only, through the application's {@link ChatClient} (so Relay's error advisor,
 * observations and customizers apply). It asks for native structured output
 * ({@code response_format} with the JSON schema) and falls back to format instructions in
 * the prompt once the gateway rejects {@code response_format}. An answer that is not
 * valid JSON gets one repair round (the parse error sent back); grounding violations go
 * back at most {@value #MAX_RETRIES} times; after that a fixed sentence stands in and the
 * result is marked {@link NarrativeResult.Source#FALLBACK} with a one-line note.
 */
public final class ModelNarrativeWriter implements NarrativeWriter {

	/** Grounding retries after the first answer. */
	public static final int MAX_RETRIES = 2;

	private static final Logger log = LoggerFactory.getLogger(ModelNarrativeWriter.class);

	private final ChatClient chatClient;

	private final PromptLibrary prompts;

	private final GroundingChecker checker = new GroundingChecker();

	private final BeanOutputConverter<Narrative> converter = new BeanOutputConverter<>(Narrative.class);

	private final JsonMapper json = JsonMapper.shared();

	private final boolean mask;

	/**
	 * Set once the gateway rejected {@code response_format}: instructions from then on.
	 */
	private volatile boolean nativeRejected;

	/**
	 * A writer over the application's {@code chatClientBuilder} with the given prompts.
	 * @param mask whether the client's name and IP addresses are replaced by placeholders
	 * before they leave the machine (and restored in the answer)
	 */
	public ModelNarrativeWriter(ChatClient.Builder chatClientBuilder, PromptLibrary prompts, boolean mask) {
		this.chatClient = chatClientBuilder.build();
		this.prompts = prompts;
		this.mask = mask;
	}

	@Override
	public NarrativeResult write(Facts facts, FactsPack pack, Texts texts) {
		String factsJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(pack.facts());
		Masking masking = mask ? Masking.of(facts.meta().client().name(), factsJson) : Masking.none();
		List<Message> conversation = new ArrayList<>();
		conversation.add(new SystemMessage(prompts.system(texts.lang())));
		conversation.add(new UserMessage(masking.mask(prompts.user(texts.lang(), facts.meta().client().name(),
				facts.meta().period().month().toString(), factsJson))));
		List<GroundingViolation> violations = List.of();
		boolean repaired = false;
		int attempts = 0;
		int groundingRounds = 0;
		while (groundingRounds <= MAX_RETRIES) {
			String answer;
			try {
				answer = call(conversation);
				attempts++;
			}
			catch (RuntimeException e) {
				log.warn("model call failed for {}: {}", facts.meta().client().id(), e.toString());
				return fallback(texts, attempts + 1, violations, texts.t("narrative.fallback.error", reason(e, texts)));
			}
			Narrative narrative;
			try {
				narrative = masking.unmask(converter.convert(answer));
			}
			catch (RuntimeException notJson) {
				if (repaired) {
					return fallback(texts, attempts, violations, texts.t("narrative.fallback.json"));
				}
				repaired = true;
				log.info("narrative for {} is not valid JSON, one repair round: {}", facts.meta().client().id(),
						notJson.getMessage());
				conversation.add(new AssistantMessage(answer == null ? "" : answer));
				conversation.add(new UserMessage(prompts.repair(texts.lang(), firstLine(notJson.getMessage()))));
				continue;
			}
			violations = narrative == null ? List
				.of(new GroundingViolation(GroundingViolation.Kind.UNKNOWN_FACT_ID, "(empty answer)", "narrative"))
					: checker.check(narrative, pack);
			if (violations.isEmpty()) {
				return new NarrativeResult(narrative, NarrativeResult.Source.MODEL, attempts, List.of(), "");
			}
			log.info("narrative for {} not grounded (attempt {}): {}", facts.meta().client().id(), attempts,
					violations);
			conversation.add(new AssistantMessage(masking.mask(json.writeValueAsString(narrative))));
			conversation.add(new UserMessage(masking.mask(prompts.retry(texts.lang(), violations))));
			groundingRounds++;
		}
		return fallback(texts, attempts, violations, texts.t("narrative.fallback.grounding"));
	}

	/**
	 * One model call: native structured output unless the gateway has rejected it, then
	 * format instructions.
	 */
	private String call(List<Message> conversation) {
		if (!nativeRejected) {
			try {
				return request(conversation, true);
			}
			catch (RuntimeException e) {
				if (!rejectsResponseFormat(e)) {
					throw e;
				}
				nativeRejected = true;
				log.info("the gateway rejects response_format; asking with format instructions instead: {}",
						firstLine(e.getMessage()));
			}
		}
		return request(conversation, false);
	}

	private String request(List<Message> conversation, boolean nativeOutput) {
		return chatClient.prompt()
			.messages(conversation)
			.options(ChatOptions.builder().temperature(0.2))
			.advisors(a -> {
				if (nativeOutput) {
					a.param(ChatClientAttributes.STRUCTURED_OUTPUT_NATIVE.getKey(), true)
						.param(ChatClientAttributes.STRUCTURED_OUTPUT_SCHEMA.getKey(), converter.getJsonSchema());
				}
				else {
					a.param(ChatClientAttributes.OUTPUT_FORMAT.getKey(), converter.getFormat());
				}
			})
			.call()
			.content();
	}

	/**
	 * Whether {@code e} is the gateway's typed INVALID_REQUEST naming
	 * {@code response_format} (a model or relay without structured output).
	 */
	static boolean rejectsResponseFormat(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof RelayAiException relay && relay.error().category() == ErrorCategory.INVALID_REQUEST) {
				String said = String.valueOf(relay.error().param()) + " " + relay.error().message() + " "
						+ relay.getMessage();
				return said.toLowerCase(Locale.ROOT).contains("response_format");
			}
		}
		return false;
	}

	/** Why a call failed, in one line of the report's language. */
	private static String reason(RuntimeException e, Texts texts) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof RelayAiException relay) {
				return texts.tOr("narrative.error." + relay.error().category().name(),
						texts.t("narrative.error.UNKNOWN"));
			}
		}
		return texts.t("narrative.error.UNKNOWN");
	}

	private static String firstLine(String text) {
		String s = text == null ? "" : text.strip();
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl).strip();
	}

	private static NarrativeResult fallback(Texts texts, int attempts, List<GroundingViolation> violations,
			String note) {
		String fixed = texts.t("narrative.fallback.sentence");
		Narrative narrative = new Narrative(fixed, List.of(), List.of(), List.of(fixed));
		return new NarrativeResult(narrative, NarrativeResult.Source.FALLBACK, attempts, violations, note);
	}

}
