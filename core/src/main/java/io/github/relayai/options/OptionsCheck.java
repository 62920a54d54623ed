package io.github.relayai.options;

import java.util.List;
import java.util.Set;

import org.springframework.ai.tool.ToolCallback;

/**
 * Rejects option values the OpenAI API would reject, before anything is sent, with a
 * message naming the option, its property and the accepted values.
 */
final class OptionsCheck {

	private static final Set<String> REASONING_EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh",
			"max");

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
		String effort = options.getReasoningEffort();
		if (effort != null && !REASONING_EFFORTS.contains(effort)) {
			throw invalid("reasoning-effort", "'" + effort + "'",
					"one of " + REASONING_EFFORTS.stream().sorted().toList());
		}
		checkToolChoice(options.getToolChoice(), options.getToolCallbacks());
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
				+ ": fix spring.ai.relay.chat.options." + option + " or the request's options");
	}

}
