package io.github.relayai.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.error.ProviderErrorClassifier.ErrorRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Relay classifies gateway failures: the language of hints, extra rules, and the
 * {@code ChatClient} advisor.
 */
@ConfigurationProperties(RelayErrorProperties.PREFIX)
public class RelayErrorProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay.errors";

	/**
	 * Language of the hints in exception messages: en or zh-CN. Defaults to the JVM's
	 * locale.
	 */
	private Locale locale;

	/**
	 * Extra classification rules, tried before the built-in ones, first match wins.
	 */
	private List<Rule> rules = new ArrayList<>();

	/**
	 * The advisor that gives ChatClient calls Relay's typed exceptions, whatever the chat
	 * model.
	 */
	private final Advisor advisor = new Advisor();

	public Locale getLocale() {
		return this.locale;
	}

	public void setLocale(Locale locale) {
		this.locale = locale;
	}

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	public Advisor getAdvisor() {
		return this.advisor;
	}

	/**
	 * Converts the configured rules.
	 * @return the rules, in order
	 */
	public List<ErrorRule> toRules() {
		List<ErrorRule> result = new ArrayList<>();
		for (int i = 0; i < this.rules.size(); i++) {
			Rule rule = this.rules.get(i);
			try {
				result.add(ErrorRule.of(rule.getStatus(), rule.getCode(), rule.getType(), rule.getMessagePattern(),
						rule.getCategory(), rule.getRetryable()));
			}
			catch (IllegalArgumentException ex) {
				throw new RelayConfigurationException(PREFIX + ".rules[" + i + "]", ex.getMessage(),
						"Give each rule a category and at least one of status, code, type or message-pattern, "
								+ "for example:\n\n  spring.ai.relay.errors.rules[0].message-pattern: (?i)quota\n"
								+ "  spring.ai.relay.errors.rules[0].category: INSUFFICIENT_QUOTA",
						ex);
			}
		}
		return result;
	}

	/**
	 * One classification rule: the conditions that are set must all match.
	 */
	public static class Rule {

		/**
		 * HTTP status to match.
		 */
		private Integer status;

		/**
		 * Provider error code to match, for example QUEUE_FULL.
		 */
		private String code;

		/**
		 * Provider error type to match, for example new_api_error.
		 */
		private String type;

		/**
		 * Regular expression searched for in the provider's message.
		 */
		private String messagePattern;

		/**
		 * Category to assign.
		 */
		private ErrorCategory category;

		/**
		 * Whether to retry; defaults to the category's own setting.
		 */
		private Boolean retryable;

		public Integer getStatus() {
			return this.status;
		}

		public void setStatus(Integer status) {
			this.status = status;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getMessagePattern() {
			return this.messagePattern;
		}

		public void setMessagePattern(String messagePattern) {
			this.messagePattern = messagePattern;
		}

		public ErrorCategory getCategory() {
			return this.category;
		}

		public void setCategory(ErrorCategory category) {
			this.category = category;
		}

		public Boolean getRetryable() {
			return this.retryable;
		}

		public void setRetryable(Boolean retryable) {
			this.retryable = retryable;
		}

	}

	/**
	 * The ChatClient advisor.
	 */
	public static class Advisor {

		/**
		 * Whether to register the error advisor on every auto-configured
		 * ChatClient.Builder.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
