package io.github.relayai.sample.report.narrative;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Has the model write the narrative as a typed {@link Narrative} (Spring AI structured
 * output) from the facts pack only, then checks its grounding; violations go back to the
 * model at most {@value #MAX_RETRIES} times, after which a fixed sentence stands in and
 * the result is marked {@link NarrativeResult.Source#FALLBACK}.
 */
public final class ModelNarrativeWriter implements NarrativeWriter {

	/** Retries after the first answer. */
	public static final int MAX_RETRIES = 2;

	private static final Logger log = LoggerFactory.getLogger(ModelNarrativeWriter.class);

	private final ChatClient chatClient;

	private final PromptLibrary prompts;

	private final GroundingChecker checker = new GroundingChecker();

	private final JsonMapper json = JsonMapper.shared();

	private final boolean mask;

	/**
	 * A writer over {@code chatModel} with the given prompts, sending client names and
	 * IPs as they are.
	 */
	public ModelNarrativeWriter(ChatModel chatModel, PromptLibrary prompts) {
		this(chatModel, prompts, false);
	}

	/**
	 * A writer over {@code chatModel} with the given prompts.
	 * @param mask whether the client's name and IP addresses are replaced by placeholders
	 * before they leave the machine (and restored in the answer)
	 */
	public ModelNarrativeWriter(ChatModel chatModel, PromptLibrary prompts, boolean mask) {
		this.chatClient = ChatClient.builder(chatModel).build();
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
		for (int attempt = 1; attempt <= MAX_RETRIES + 1; attempt++) {
			Narrative narrative;
			try {
				narrative = chatClient.prompt()
					.messages(conversation)
					.options(ChatOptions.builder().temperature(0.2))
					.call()
					.entity(Narrative.class);
				narrative = masking.unmask(narrative);
			}
			catch (RuntimeException e) {
				log.warn("model call failed for {}: {}", facts.meta().client().id(), e.toString());
				return fallback(texts, attempt, violations, texts.t("narrative.fallback.error", e.getMessage()));
			}
			violations = narrative == null ? List
				.of(new GroundingViolation(GroundingViolation.Kind.UNKNOWN_FACT_ID, "(empty answer)", "narrative"))
					: checker.check(narrative, pack);
			if (violations.isEmpty()) {
				return new NarrativeResult(narrative, NarrativeResult.Source.MODEL, attempt, List.of(), "");
			}
			log.info("narrative for {} not grounded (attempt {}): {}", facts.meta().client().id(), attempt, violations);
			conversation.add(new AssistantMessage(masking.mask(json.writeValueAsString(narrative))));
			conversation.add(new UserMessage(masking.mask(prompts.retry(texts.lang(), violations))));
		}
		return fallback(texts, MAX_RETRIES + 1, violations, texts.t("narrative.fallback.grounding"));
	}

	private static NarrativeResult fallback(Texts texts, int attempts, List<GroundingViolation> violations,
			String note) {
		String fixed = texts.t("narrative.fallback.sentence");
		Narrative narrative = new Narrative(fixed, List.of(), List.of(), List.of(fixed));
		return new NarrativeResult(narrative, NarrativeResult.Source.FALLBACK, attempts, violations, note);
	}

}
