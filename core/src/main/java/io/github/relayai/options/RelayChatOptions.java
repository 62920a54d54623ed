package io.github.relayai.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Options of a chat request to an OpenAI-compatible gateway. Immutable; {@link #mutate()}
 * returns a builder whose {@code combineWith} accepts any Spring AI
 * {@link ChatOptions.Builder}, as {@code ChatClient} uses it.
 * <p>
 * Beyond the portable options it carries the OpenAI request fields gateways understand,
 * extra HTTP headers, and {@link #getExtraBody() extra body fields} merged into the
 * request for gateway-specific parameters.
 */
public final class RelayChatOptions implements ToolCallingChatOptions, StructuredOutputChatOptions {

	private final String model;

	private final Double frequencyPenalty;

	private final Integer maxTokens;

	private final Double presencePenalty;

	private final List<String> stopSequences;

	private final Double temperature;

	private final Integer topK;

	private final Double topP;

	private final List<ToolCallback> toolCallbacks;

	private final Map<String, Object> toolContext;

	private final String outputSchema;

	private final Integer maxCompletionTokens;

	private final Long seed;

	private final Integer n;

	private final String user;

	private final ResponseFormat responseFormat;

	private final String reasoningEffort;

	private final String toolChoice;

	private final Boolean parallelToolCalls;

	private final Boolean streamUsage;

	private final Boolean mergeStreamDeltas;

	private final Boolean reasoningTags;

	private final Boolean logprobs;

	private final Integer topLogprobs;

	private final Map<String, Integer> logitBias;

	private final Map<String, String> metadata;

	private final Boolean store;

	private final String serviceTier;

	private final String verbosity;

	private final String promptCacheKey;

	private final String safetyIdentifier;

	private final Map<String, String> httpHeaders;

	private final Map<String, Object> extraBody;

	private final String endpoint;

	private RelayChatOptions(Builder b, ToolCallingChatOptions portable) {
		List<ToolCallback> toolCallbacks = portable.getToolCallbacks();
		Map<String, Object> toolContext = portable.getToolContext();
		this.model = portable.getModel();
		this.frequencyPenalty = portable.getFrequencyPenalty();
		this.maxTokens = portable.getMaxTokens();
		this.presencePenalty = portable.getPresencePenalty();
		this.stopSequences = (portable.getStopSequences() != null) ? List.copyOf(portable.getStopSequences()) : null;
		this.temperature = portable.getTemperature();
		this.topK = portable.getTopK();
		this.topP = portable.getTopP();
		this.toolCallbacks = (toolCallbacks != null) ? List.copyOf(toolCallbacks) : null;
		this.toolContext = (toolContext != null) ? Map.copyOf(toolContext) : null;
		this.outputSchema = b.outputSchema;
		this.maxCompletionTokens = b.maxCompletionTokens;
		this.seed = b.seed;
		this.n = b.n;
		this.user = b.user;
		this.responseFormat = b.responseFormat;
		this.reasoningEffort = b.reasoningEffort;
		this.toolChoice = b.toolChoice;
		this.parallelToolCalls = b.parallelToolCalls;
		this.streamUsage = b.streamUsage;
		this.mergeStreamDeltas = b.mergeStreamDeltas;
		this.reasoningTags = b.reasoningTags;
		this.logprobs = b.logprobs;
		this.topLogprobs = b.topLogprobs;
		this.logitBias = (b.logitBias != null) ? Map.copyOf(b.logitBias) : null;
		this.metadata = (b.metadata != null) ? Map.copyOf(b.metadata) : null;
		this.store = b.store;
		this.serviceTier = b.serviceTier;
		this.verbosity = b.verbosity;
		this.promptCacheKey = b.promptCacheKey;
		this.safetyIdentifier = b.safetyIdentifier;
		this.httpHeaders = (b.httpHeaders != null) ? Map.copyOf(b.httpHeaders) : null;
		this.extraBody = (b.extraBody != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.extraBody))
				: null;
		this.endpoint = b.endpoint;
	}

	/**
	 * Creates an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Checks the options' ranges and combinations.
	 * @throws IllegalArgumentException naming the first invalid option
	 */
	public void validate() {
		OptionsCheck.check(this);
	}

	@Override
	public Builder mutate() {
		Builder b = new Builder().model(this.model)
			.frequencyPenalty(this.frequencyPenalty)
			.maxTokens(this.maxTokens)
			.presencePenalty(this.presencePenalty)
			.stopSequences(this.stopSequences)
			.temperature(this.temperature)
			.topK(this.topK)
			.topP(this.topP)
			.toolCallbacks(this.toolCallbacks)
			.toolContext(this.toolContext);
		b.outputSchema = this.outputSchema;
		b.maxCompletionTokens = this.maxCompletionTokens;
		b.seed = this.seed;
		b.n = this.n;
		b.user = this.user;
		b.responseFormat = this.responseFormat;
		b.reasoningEffort = this.reasoningEffort;
		b.toolChoice = this.toolChoice;
		b.parallelToolCalls = this.parallelToolCalls;
		b.streamUsage = this.streamUsage;
		b.mergeStreamDeltas = this.mergeStreamDeltas;
		b.reasoningTags = this.reasoningTags;
		b.logprobs = this.logprobs;
		b.topLogprobs = this.topLogprobs;
		b.logitBias = this.logitBias;
		b.metadata = this.metadata;
		b.store = this.store;
		b.serviceTier = this.serviceTier;
		b.verbosity = this.verbosity;
		b.promptCacheKey = this.promptCacheKey;
		b.safetyIdentifier = this.safetyIdentifier;
		b.httpHeaders = (this.httpHeaders != null) ? new LinkedHashMap<>(this.httpHeaders) : null;
		b.extraBody = (this.extraBody != null) ? new LinkedHashMap<>(this.extraBody) : null;
		b.endpoint = this.endpoint;
		return b;
	}

	@Override
	public String getModel() {
		return this.model;
	}

	@Override
	public Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	@Override
	public Integer getMaxTokens() {
		return this.maxTokens;
	}

	@Override
	public Double getPresencePenalty() {
		return this.presencePenalty;
	}

	@Override
	public List<String> getStopSequences() {
		return this.stopSequences;
	}

	@Override
	public Double getTemperature() {
		return this.temperature;
	}

	@Override
	public Integer getTopK() {
		return this.topK;
	}

	@Override
	public Double getTopP() {
		return this.topP;
	}

	@Override
	public List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	@Override
	public Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	@Override
	public String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * @return {@code max_completion_tokens}, the newer output limit that includes
	 * reasoning tokens
	 */
	public Integer getMaxCompletionTokens() {
		return this.maxCompletionTokens;
	}

	/**
	 * @return {@code seed}, for best-effort deterministic sampling
	 */
	public Long getSeed() {
		return this.seed;
	}

	/**
	 * @return {@code n}, the number of choices to generate
	 */
	public Integer getN() {
		return this.n;
	}

	/**
	 * @return {@code user}, an end-user identifier for abuse monitoring
	 */
	public String getUser() {
		return this.user;
	}

	/**
	 * @return {@code response_format}
	 */
	public ResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	/**
	 * @return {@code reasoning_effort}, such as {@code low}, {@code medium} or
	 * {@code high}
	 */
	public String getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * @return {@code tool_choice}: {@code auto}, {@code none}, {@code required}, or the
	 * name of one function to call
	 */
	public String getToolChoice() {
		return this.toolChoice;
	}

	/**
	 * @return {@code parallel_tool_calls}
	 */
	public Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	/**
	 * @return whether streams ask for a final usage chunk
	 * ({@code stream_options.include_usage})
	 */
	public Boolean getStreamUsage() {
		return this.streamUsage;
	}

	/**
	 * @return whether a stream delivers the deltas of one choice that arrive in the same
	 * network read as one response ({@code null}: yes); {@code false} gives one response
	 * per provider chunk
	 */
	public Boolean getMergeStreamDeltas() {
		return this.mergeStreamDeltas;
	}

	/**
	 * @return whether reasoning that the host leaves in the answer text, between
	 * {@code <think>} and {@code </think>} at its start, moves to the reasoning metadata
	 * ({@code null}: no)
	 */
	public Boolean getReasoningTags() {
		return this.reasoningTags;
	}

	/**
	 * @return {@code logprobs}: whether to return the log probabilities of the output
	 * tokens
	 */
	public Boolean getLogprobs() {
		return this.logprobs;
	}

	/**
	 * @return {@code top_logprobs}: how many most likely tokens to return at each
	 * position, 0 to 20 (needs {@code logprobs})
	 */
	public Integer getTopLogprobs() {
		return this.topLogprobs;
	}

	/**
	 * @return {@code logit_bias}: bias by token id, -100 to 100
	 */
	public Map<String, Integer> getLogitBias() {
		return this.logitBias;
	}

	/**
	 * @return {@code metadata}: up to 16 key-value pairs stored with the completion
	 */
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	/**
	 * @return {@code store}: whether the provider stores the output for distillation or
	 * evals
	 */
	public Boolean getStore() {
		return this.store;
	}

	/**
	 * @return {@code service_tier}: the processing tier: {@code auto}, {@code default},
	 * {@code flex}, {@code scale}, {@code priority} or {@code fast}
	 */
	public String getServiceTier() {
		return this.serviceTier;
	}

	/**
	 * @return {@code verbosity}: how verbose the answer is: {@code low}, {@code medium}
	 * or {@code high}
	 */
	public String getVerbosity() {
		return this.verbosity;
	}

	/**
	 * @return {@code prompt_cache_key}: a key that groups similar requests for prompt
	 * caching
	 */
	public String getPromptCacheKey() {
		return this.promptCacheKey;
	}

	/**
	 * @return {@code safety_identifier}: a stable identifier of the end user for abuse
	 * detection, at most 64 characters
	 */
	public String getSafetyIdentifier() {
		return this.safetyIdentifier;
	}

	/**
	 * @return extra HTTP headers sent with the request
	 */
	public Map<String, String> getHttpHeaders() {
		return this.httpHeaders;
	}

	/**
	 * @return extra fields merged into the request body, for gateway-specific parameters
	 */
	public Map<String, Object> getExtraBody() {
		return this.extraBody;
	}

	/**
	 * @return the endpoint pinned for this request ({@code chat}, {@code completions} or
	 * {@code responses}), or {@code null} to let Relay's endpoint routing choose
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	@Override
	public boolean equals(Object o) {
		if (this == o) {
			return true;
		}
		if (!(o instanceof RelayChatOptions that)) {
			return false;
		}
		return Objects.equals(this.model, that.model) && Objects.equals(this.frequencyPenalty, that.frequencyPenalty)
				&& Objects.equals(this.maxTokens, that.maxTokens)
				&& Objects.equals(this.presencePenalty, that.presencePenalty)
				&& Objects.equals(this.stopSequences, that.stopSequences)
				&& Objects.equals(this.temperature, that.temperature) && Objects.equals(this.topK, that.topK)
				&& Objects.equals(this.topP, that.topP) && Objects.equals(this.toolCallbacks, that.toolCallbacks)
				&& Objects.equals(this.toolContext, that.toolContext)
				&& Objects.equals(this.outputSchema, that.outputSchema)
				&& Objects.equals(this.maxCompletionTokens, that.maxCompletionTokens)
				&& Objects.equals(this.seed, that.seed) && Objects.equals(this.n, that.n)
				&& Objects.equals(this.user, that.user) && Objects.equals(this.responseFormat, that.responseFormat)
				&& Objects.equals(this.reasoningEffort, that.reasoningEffort)
				&& Objects.equals(this.toolChoice, that.toolChoice)
				&& Objects.equals(this.parallelToolCalls, that.parallelToolCalls)
				&& Objects.equals(this.streamUsage, that.streamUsage)
				&& Objects.equals(this.mergeStreamDeltas, that.mergeStreamDeltas)
				&& Objects.equals(this.reasoningTags, that.reasoningTags)
				&& Objects.equals(this.logprobs, that.logprobs) && Objects.equals(this.topLogprobs, that.topLogprobs)
				&& Objects.equals(this.logitBias, that.logitBias) && Objects.equals(this.metadata, that.metadata)
				&& Objects.equals(this.store, that.store) && Objects.equals(this.serviceTier, that.serviceTier)
				&& Objects.equals(this.verbosity, that.verbosity)
				&& Objects.equals(this.promptCacheKey, that.promptCacheKey)
				&& Objects.equals(this.safetyIdentifier, that.safetyIdentifier)
				&& Objects.equals(this.httpHeaders, that.httpHeaders) && Objects.equals(this.extraBody, that.extraBody)
				&& Objects.equals(this.endpoint, that.endpoint);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.frequencyPenalty, this.maxTokens, this.presencePenalty, this.stopSequences,
				this.temperature, this.topK, this.topP, this.toolCallbacks, this.toolContext, this.outputSchema,
				this.maxCompletionTokens, this.seed, this.n, this.user, this.responseFormat, this.reasoningEffort,
				this.toolChoice, this.parallelToolCalls, this.streamUsage, this.mergeStreamDeltas, this.reasoningTags,
				this.logprobs, this.topLogprobs, this.logitBias, this.metadata, this.store, this.serviceTier,
				this.verbosity, this.promptCacheKey, this.safetyIdentifier, this.httpHeaders, this.extraBody,
				this.endpoint);
	}

	@Override
	public String toString() {
		return "RelayChatOptions{model=" + this.model + ", temperature=" + this.temperature + ", topP=" + this.topP
				+ ", maxTokens=" + this.maxTokens + ", maxCompletionTokens=" + this.maxCompletionTokens
				+ ", reasoningEffort=" + this.reasoningEffort + ", tools="
				+ ((this.toolCallbacks != null) ? this.toolCallbacks.size() : 0) + ", httpHeaders="
				+ ((this.httpHeaders != null) ? this.httpHeaders.keySet() : "[]") + ", extraBody="
				+ ((this.extraBody != null) ? this.extraBody.keySet() : "[]") + "}";
	}

	/**
	 * Builds {@link RelayChatOptions}; {@link #combineWith} lets the other builder's
	 * non-null values win, whatever its type.
	 */
	public static final class Builder extends DefaultToolCallingChatOptions.Builder<Builder>
			implements StructuredOutputChatOptions.Builder<Builder> {

		private String outputSchema;

		private Integer maxCompletionTokens;

		private Long seed;

		private Integer n;

		private String user;

		private ResponseFormat responseFormat;

		private String reasoningEffort;

		private String toolChoice;

		private Boolean parallelToolCalls;

		private Boolean streamUsage;

		private Boolean mergeStreamDeltas;

		private Boolean reasoningTags;

		private Boolean logprobs;

		private Integer topLogprobs;

		private Map<String, Integer> logitBias;

		private Map<String, String> metadata;

		private Boolean store;

		private String serviceTier;

		private String verbosity;

		private String promptCacheKey;

		private String safetyIdentifier;

		private Map<String, String> httpHeaders;

		private Map<String, Object> extraBody;

		private String endpoint;

		private Builder() {
		}

		@Override
		public Builder clone() {
			Builder copy = super.clone();
			copy.httpHeaders = (this.httpHeaders != null) ? new LinkedHashMap<>(this.httpHeaders) : null;
			copy.extraBody = (this.extraBody != null) ? new LinkedHashMap<>(this.extraBody) : null;
			return copy;
		}

		@Override
		public Builder outputSchema(String outputSchema) {
			this.outputSchema = outputSchema;
			return this;
		}

		/**
		 * Sets {@code max_completion_tokens}.
		 * @param maxCompletionTokens the limit
		 * @return this builder
		 */
		public Builder maxCompletionTokens(Integer maxCompletionTokens) {
			this.maxCompletionTokens = maxCompletionTokens;
			return this;
		}

		/**
		 * Sets {@code seed}.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Sets {@code n}, the number of choices.
		 * @param n the number of choices
		 * @return this builder
		 */
		public Builder n(Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Sets {@code user}.
		 * @param user an end-user identifier
		 * @return this builder
		 */
		public Builder user(String user) {
			this.user = user;
			return this;
		}

		/**
		 * Sets {@code response_format}.
		 * @param responseFormat the format
		 * @return this builder
		 */
		public Builder responseFormat(ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Sets {@code reasoning_effort}.
		 * @param reasoningEffort such as {@code low}, {@code medium} or {@code high}
		 * @return this builder
		 */
		public Builder reasoningEffort(String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Sets {@code tool_choice}.
		 * @param toolChoice {@code auto}, {@code none}, {@code required}, or a function
		 * name
		 * @return this builder
		 */
		public Builder toolChoice(String toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Sets {@code parallel_tool_calls}.
		 * @param parallelToolCalls whether the model may call several tools at once
		 * @return this builder
		 */
		public Builder parallelToolCalls(Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Sets whether streams ask for a final usage chunk
		 * ({@code stream_options.include_usage}).
		 * @param streamUsage whether to ask for usage
		 * @return this builder
		 */
		public Builder streamUsage(Boolean streamUsage) {
			this.streamUsage = streamUsage;
			return this;
		}

		/**
		 * Sets whether a stream delivers the deltas of one choice that arrive in the same
		 * network read as one response (default: yes). They arrive together, so nothing
		 * waits for it; a burst of chunks then costs the subscriber one signal instead of
		 * dozens. {@code false} gives one response per provider chunk.
		 * @param mergeStreamDeltas whether to merge
		 * @return this builder
		 */
		public Builder mergeStreamDeltas(Boolean mergeStreamDeltas) {
			this.mergeStreamDeltas = mergeStreamDeltas;
			return this;
		}

		/**
		 * Sets whether reasoning that the host leaves in the answer text, between
		 * {@code <think>} and {@code </think>} at its start, moves to the reasoning
		 * metadata ({@code reasoningContent}), in whole answers and streams, also when a
		 * tag is split across chunks (default: no).
		 * @param reasoningTags whether to move it
		 * @return this builder
		 */
		public Builder reasoningTags(Boolean reasoningTags) {
			this.reasoningTags = reasoningTags;
			return this;
		}

		/**
		 * Sets {@code logprobs}: whether to return the log probabilities of the output
		 * tokens.
		 * @param logprobs the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder logprobs(Boolean logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		/**
		 * Sets {@code top_logprobs}: how many most likely tokens to return at each
		 * position, 0 to 20 (needs {@code logprobs}).
		 * @param topLogprobs the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder topLogprobs(Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
			return this;
		}

		/**
		 * Sets {@code logit_bias}: bias by token id, -100 to 100.
		 * @param logitBias the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder logitBias(Map<String, Integer> logitBias) {
			this.logitBias = (logitBias != null) ? new LinkedHashMap<>(logitBias) : null;
			return this;
		}

		/**
		 * Sets {@code metadata}: up to 16 key-value pairs stored with the completion.
		 * @param metadata the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder metadata(Map<String, String> metadata) {
			this.metadata = (metadata != null) ? new LinkedHashMap<>(metadata) : null;
			return this;
		}

		/**
		 * Sets {@code store}: whether the provider stores the output for distillation or
		 * evals.
		 * @param store the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder store(Boolean store) {
			this.store = store;
			return this;
		}

		/**
		 * Sets {@code service_tier}: the processing tier: {@code auto}, {@code default},
		 * {@code flex}, {@code scale}, {@code priority} or {@code fast}.
		 * @param serviceTier the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder serviceTier(String serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * Sets {@code verbosity}: how verbose the answer is: {@code low}, {@code medium}
		 * or {@code high}.
		 * @param verbosity the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder verbosity(String verbosity) {
			this.verbosity = verbosity;
			return this;
		}

		/**
		 * Sets {@code prompt_cache_key}: a key that groups similar requests for prompt
		 * caching.
		 * @param promptCacheKey the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder promptCacheKey(String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
			return this;
		}

		/**
		 * Sets {@code safety_identifier}: a stable identifier of the end user for abuse
		 * detection, at most 64 characters.
		 * @param safetyIdentifier the value, {@code null} to leave it out
		 * @return this builder
		 */
		public Builder safetyIdentifier(String safetyIdentifier) {
			this.safetyIdentifier = safetyIdentifier;
			return this;
		}

		/**
		 * Sets extra HTTP headers; they add to the configured ones.
		 * @param httpHeaders the headers
		 * @return this builder
		 */
		public Builder httpHeaders(Map<String, String> httpHeaders) {
			this.httpHeaders = (httpHeaders != null) ? new LinkedHashMap<>(httpHeaders) : null;
			return this;
		}

		/**
		 * Sets extra fields merged into the request body (they win over Relay's own
		 * fields).
		 * @param extraBody the fields
		 * @return this builder
		 */
		public Builder extraBody(Map<String, Object> extraBody) {
			this.extraBody = (extraBody != null) ? new LinkedHashMap<>(extraBody) : null;
			return this;
		}

		/**
		 * Pins the endpoint for this request, skipping the probe of endpoint routing.
		 * @param endpoint {@code chat}, {@code completions} or {@code responses};
		 * {@code null} to let routing choose
		 * @return this builder
		 */
		public Builder endpoint(String endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder that) {
				this.outputSchema = pick(that.outputSchema, this.outputSchema);
				this.maxCompletionTokens = pick(that.maxCompletionTokens, this.maxCompletionTokens);
				this.seed = pick(that.seed, this.seed);
				this.n = pick(that.n, this.n);
				this.user = pick(that.user, this.user);
				this.responseFormat = pick(that.responseFormat, this.responseFormat);
				this.reasoningEffort = pick(that.reasoningEffort, this.reasoningEffort);
				this.toolChoice = pick(that.toolChoice, this.toolChoice);
				this.parallelToolCalls = pick(that.parallelToolCalls, this.parallelToolCalls);
				this.streamUsage = pick(that.streamUsage, this.streamUsage);
				this.mergeStreamDeltas = pick(that.mergeStreamDeltas, this.mergeStreamDeltas);
				this.reasoningTags = pick(that.reasoningTags, this.reasoningTags);
				this.logprobs = pick(that.logprobs, this.logprobs);
				this.topLogprobs = pick(that.topLogprobs, this.topLogprobs);
				this.logitBias = pick(that.logitBias, this.logitBias);
				this.metadata = pick(that.metadata, this.metadata);
				this.store = pick(that.store, this.store);
				this.serviceTier = pick(that.serviceTier, this.serviceTier);
				this.verbosity = pick(that.verbosity, this.verbosity);
				this.promptCacheKey = pick(that.promptCacheKey, this.promptCacheKey);
				this.safetyIdentifier = pick(that.safetyIdentifier, this.safetyIdentifier);
				this.httpHeaders = mergeMaps(this.httpHeaders, that.httpHeaders);
				this.extraBody = mergeMaps(this.extraBody, that.extraBody);
				this.endpoint = pick(that.endpoint, this.endpoint);
			}
			else if (other instanceof StructuredOutputChatOptions.Builder<?> structured
					&& structured.clone().build() instanceof StructuredOutputChatOptions built) {
				this.outputSchema = pick(built.getOutputSchema(), this.outputSchema);
			}
			return this;
		}

		private static <T> T pick(T preferred, T fallback) {
			return (preferred != null) ? preferred : fallback;
		}

		private static <V> Map<String, V> mergeMaps(Map<String, V> base, Map<String, V> overrides) {
			if (overrides == null) {
				return base;
			}
			Map<String, V> merged = (base != null) ? new LinkedHashMap<>(base) : new LinkedHashMap<>();
			merged.putAll(overrides);
			return merged;
		}

		@Override
		public RelayChatOptions build() {
			return new RelayChatOptions(this, super.build());
		}

	}

}
