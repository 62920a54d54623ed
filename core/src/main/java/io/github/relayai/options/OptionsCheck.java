package io.github.relayai.options;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.ai.tool.ToolCallback;

/**
 * Rejects option values the OpenAI API would reject, before anything is sent, with a
 * message naming the option, its property and the accepted values.
 */
final class OptionsCheck {

	/** The values of {@code ReasoningEffort} in OpenAI's OpenAPI document. */
	static final Set<String> REASONING_EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh", "max");

	/** The values of {@code ServiceTier} in OpenAI's OpenAPI document. */
	static final Set<String> SERVICE_TIERS = Set.of("auto", "default", "flex", "scale", "priority", "fast");

	/** The values of {@code Verbosity} in OpenAI's OpenAPI document. */
	static final Set<String> VERBOSITIES = Set.of("low", "medium", "high");

	private OptionsCheck() {
	}

	static void check(RelayChatOptions options) {
		range("temperature", options.getTemperature(), 0, 2);
		range("top-p", options.getTopP(), 0, 1);
		range("presence-penalty", options.getPresencePenalty(), -2, 2);
		range("frequency-penalty", options.getFrequencyPenalty(), -2, 2);
		atLeastOne("max-tokens", options.getMaxTokens());
		atLeastOne("max-completion-tokens", options.getMaxCompletionTokens());
		atLeastOne("n", options.getN());
		oneOf("reasoning-effort", options.getReasoningEffort(), REASONING_EFFORTS);
		oneOf("service-tier", options.getServiceTier(), SERVICE_TIERS);
		oneOf("verbosity", options.getVerbosity(), VERBOSITIES);
		checkLogprobs(options);
		checkMetadata(options.getMetadata());
		String safetyIdentifier = options.getSafetyIdentifier();
		if (safetyIdentifier != null && safetyIdentifier.length() > 64) {
			throw invalid("safety-identifier", safetyIdentifier.length() + " characters long", "at most 64");
		}
		checkToolChoice(options.getToolChoice(), options.getToolCallbacks());
	}

	private static void oneOf(String option, String value, Set<String> accepted) {
		if (value != null && !accepted.contains(value)) {
			throw invalid(option, "'" + value + "'", "one of " + accepted.stream().sorted().toList());
		}
	}

	private static void checkLogprobs(RelayChatOptions options) {
		Integer top = options.getTopLogprobs();
		if (top != null && (top < 0 || top > 20)) {
			throw invalid("top-logprobs", top.toString(), "a whole number from 0 to 20");
		}
		if (top != null && !Boolean.TRUE.equals(options.getLogprobs())) {
			throw invalid("top-logprobs", top + " without logprobs=true", "set together with logprobs=true");
		}
		if (options.getLogitBias() != null) {
			options.getLogitBias().forEach((token, bias) -> {
				if (token == null || !token.matches("\\d+")) {
					throw invalid("logit-bias", "keyed by '" + token + "'", "keyed by token ids (whole numbers)");
				}
				if (bias == null || bias < -100 || bias > 100) {
					throw invalid("logit-bias", bias + " for token " + token, "a whole number from -100 to 100");
				}
			});
		}
	}

	private static void checkMetadata(Map<String, String> metadata) {
		if (metadata == null) {
			return;
		}
		if (metadata.size() > 16) {
			throw invalid("metadata", metadata.size() + " pairs", "at most 16 pairs");
		}
		metadata.forEach((key, value) -> {
			if (key.length() > 64 || (value != null && value.length() > 512)) {
				throw invalid("metadata", "a pair with key '" + key + "' too long",
						"keys of at most 64 and values of at most 512 characters");
			}
		});
	}

	private static void checkToolChoice(String choice, List<ToolCallback> tools) {
		if (choice == null || choice.equals("auto") || choice.equals("none") || choice.equals("required")
				|| tools == null || tools.isEmpty()) {
			return;
		}
		List<String> names = tools.stream().map(tool -> tool.getToolDefinition().name()).toList();
		if (!names.contains(choice)) {
			throw invalid("tool-choice", "'" + choice + "'",
					"auto, none, required or one of the request's tools " + names);
		}
	}

	private static void range(String option, Double value, double min, double max) {
		if (value != null && (value < min || value > max || value.isNaN())) {
			throw invalid(option, value.toString(), "a number from " + min + " to " + max);
		}
	}

	private static void atLeastOne(String option, Integer value) {
		if (value != null && value < 1) {
			throw invalid(option, value.toString(), "a whole number of at least 1");
		}
	}

	private static IllegalArgumentException invalid(String option, String value, String accepted) {
		return new IllegalArgumentException("Chat option " + option + " is " + value + " but must be " + accepted
				+ ": fix " + option + " in the default options (spring.ai.relay.chat.options." + option
				+ ") or the request's options");
	}

}
