package io.github.relayai.autoconfigure;

import io.github.relayai.routing.Transport;
import io.github.relayai.options.RelayChatOptions;
import io.github.relayai.options.ResponseFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.error.ErrorCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Relay chat model: whether it is created and its default request options.
 */
@ConfigurationProperties(RelayChatProperties.PREFIX)
public class RelayChatProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay.chat";

	/**
	 * Whether to create the Relay ChatModel.
	 */
	private boolean enabled = true;

	/**
	 * Whether a model that is not a chat model (the gateway answers NON_CHAT_MODEL) is
	 * re-sent to /v1/completions or /v1/responses, as the gateway suggests, and the
	 * choice remembered per model. When false the NonTransientRelayException.NonChatModel
	 * is thrown.
	 */
	private boolean endpointFallback = true;

	/**
	 * Whether the endpoint of each model is looked up in the gateway's /v1/models list
	 * (fetched once, lazily, cached for an hour) where the gateway reports
	 * supported_endpoint_types. When false no request goes to /v1/models for routing.
	 */
	private boolean modelDiscovery = true;

	/**
	 * Default options of every chat request; a request's own options win.
	 */
	private final Options options = new Options();

	/**
	 * How whole-answer calls are sent: auto (a plain request, and after a QUEUE_FULL
	 * answer from the gateway a stream aggregated into one response), stream (always a
	 * stream) or plain (never a stream).
	 */
	private Transport transport = Transport.AUTO;

	/**
	 * Models tried in order when the requested one is not found, unavailable or still
	 * failing after its retries; the response metadata key relay.model names the model
	 * that answered.
	 */
	private List<String> fallbackModels = new ArrayList<>();

	/**
	 * Fallback chain by error category, tried in order: the first entry whose 'when'
	 * lists the failure's category names the models to try next (for example
	 * CONTEXT_LENGTH_EXCEEDED to a longer-context model). fallback-models is the
	 * shorthand for an entry for RATE_LIMITED, QUEUE_FULL, UNAVAILABLE, MODEL_NOT_FOUND,
	 * SERVER_ERROR and TIMEOUT, placed last.
	 */
	private List<Fallback> fallbacks = new ArrayList<>();

	/**
	 * Most requests sent for one chat request with fallbacks or upstreams, across
	 * retries, upstreams and fallback models.
	 */
	private int maxAttempts = 10;

	/**
	 * Longest a chat request with fallbacks or upstreams may take until its answer
	 * begins, across every attempt and wait; 0 for no deadline.
	 */
	private Duration deadline = Duration.ZERO;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEndpointFallback() {
		return this.endpointFallback;
	}

	public void setEndpointFallback(boolean endpointFallback) {
		this.endpointFallback = endpointFallback;
	}

	public boolean isModelDiscovery() {
		return this.modelDiscovery;
	}

	public void setModelDiscovery(boolean modelDiscovery) {
		this.modelDiscovery = modelDiscovery;
	}

	public Options getOptions() {
		return this.options;
	}

	public Transport getTransport() {
		return this.transport;
	}

	public void setTransport(Transport transport) {
		this.transport = transport;
	}

	public List<String> getFallbackModels() {
		return this.fallbackModels;
	}

	public void setFallbackModels(List<String> fallbackModels) {
		this.fallbackModels = fallbackModels;
	}

	public List<Fallback> getFallbacks() {
		return this.fallbacks;
	}

	public void setFallbacks(List<Fallback> fallbacks) {
		this.fallbacks = fallbacks;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getDeadline() {
		return this.deadline;
	}

	public void setDeadline(Duration deadline) {
		this.deadline = deadline;
	}

	/**
	 * One entry of the fallback chain.
	 */
	public static class Fallback {

		/**
		 * Error categories that trigger this entry.
		 */
		private List<ErrorCategory> when = new ArrayList<>();

		/**
		 * Models tried in order.
		 */
		private List<String> models = new ArrayList<>();

		public List<ErrorCategory> getWhen() {
			return this.when;
		}

		public void setWhen(List<ErrorCategory> when) {
			this.when = when;
		}

		public List<String> getModels() {
			return this.models;
		}

		public void setModels(List<String> models) {
			this.models = models;
		}

	}

	/**
	 * Default chat request options.
	 */
	public static class Options {

		/**
		 * Model id as the gateway names it, for example gpt-4o-mini.
		 */
		private String model;

		/**
		 * Sampling temperature, 0 to 2.
		 */
		private Double temperature;

		/**
		 * Nucleus sampling probability mass, 0 to 1.
		 */
		private Double topP;

		/**
		 * Top-k sampling (not OpenAI; understood by vLLM, llama.cpp and many gateways).
		 */
		private Integer topK;

		/**
		 * Most tokens to generate (max_tokens).
		 */
		private Integer maxTokens;

		/**
		 * Most tokens to generate including reasoning tokens (max_completion_tokens).
		 */
		private Integer maxCompletionTokens;

		/**
		 * Sequences that stop generation.
		 */
		private List<String> stop;

		/**
		 * Seed for best-effort deterministic sampling.
		 */
		private Long seed;

		/**
		 * Presence penalty, -2 to 2.
		 */
		private Double presencePenalty;

		/**
		 * Frequency penalty, -2 to 2.
		 */
		private Double frequencyPenalty;

		/**
		 * Number of choices to generate.
		 */
		private Integer n;

		/**
		 * End-user identifier passed to the provider for abuse monitoring.
		 */
		private String user;

		/**
		 * Response format type: text or json_object (JSON schemas are set per request).
		 */
		private String responseFormat;

		/**
		 * Reasoning effort for reasoning models: none, minimal, low, medium, high, xhigh
		 * or max (the values of OpenAI's OpenAPI document).
		 */
		private String reasoningEffort;

		/**
		 * Tool choice: auto, none, required, or the name of one function.
		 */
		private String toolChoice;

		/**
		 * Whether the model may call several tools at once.
		 */
		private Boolean parallelToolCalls;

		/**
		 * Whether streams ask for a final usage chunk (stream_options.include_usage).
		 */
		private Boolean streamUsage = true;

		/**
		 * Whether a stream delivers the deltas of one choice that arrive in the same
		 * network read as one response; false gives one response per provider chunk.
		 */
		private Boolean mergeStreamDeltas = true;

		/**
		 * Whether reasoning that the host leaves in the answer text, between <think> and
		 * </think> at its start, moves to the reasoning metadata (reasoningContent), in
		 * whole answers and streams.
		 */
		private Boolean reasoningTags = false;

		/**
		 * Whether to return the log probabilities of the output tokens (logprobs).
		 */
		private Boolean logprobs;

		/**
		 * Most likely tokens to return at each position with their log probabilities, 0
		 * to 20 (top_logprobs); needs logprobs=true.
		 */
		private Integer topLogprobs;

		/**
		 * Bias by token id, -100 to 100 (logit_bias).
		 */
		private Map<String, Integer> logitBias = new LinkedHashMap<>();

		/**
		 * Up to 16 key-value pairs stored with the completion (metadata; keys up to 64,
		 * values up to 512 characters).
		 */
		private Map<String, String> metadata = new LinkedHashMap<>();

		/**
		 * Whether the provider stores the output for distillation or evals (store).
		 */
		private Boolean store;

		/**
		 * Processing tier: auto, default, flex, scale, priority or fast (service_tier).
		 */
		private String serviceTier;

		/**
		 * Answer verbosity: low, medium or high (verbosity; text.verbosity on
		 * /v1/responses).
		 */
		private String verbosity;

		/**
		 * Key that groups similar requests for prompt caching (prompt_cache_key).
		 */
		private String promptCacheKey;

		/**
		 * Stable identifier of the end user for abuse detection, at most 64 characters
		 * (safety_identifier).
		 */
		private String safetyIdentifier;

		/**
		 * Extra HTTP headers of chat requests.
		 */
		private Map<String, String> httpHeaders = new LinkedHashMap<>();

		/**
		 * Extra fields merged into every request body, for gateway-specific parameters.
		 */
		private Map<String, Object> extraBody = new LinkedHashMap<>();

		/**
		 * Converts these properties to options.
		 * @return the options
		 */
		public RelayChatOptions toOptions() {
			return RelayChatOptions.builder()
				.model(this.model)
				.temperature(this.temperature)
				.topP(this.topP)
				.topK(this.topK)
				.maxTokens(this.maxTokens)
				.maxCompletionTokens(this.maxCompletionTokens)
				.stopSequences(this.stop)
				.seed(this.seed)
				.presencePenalty(this.presencePenalty)
				.frequencyPenalty(this.frequencyPenalty)
				.n(this.n)
				.user(this.user)
				.responseFormat((this.responseFormat != null)
						? new ResponseFormat(this.responseFormat, null, null, null) : null)
				.reasoningEffort(this.reasoningEffort)
				.toolChoice(this.toolChoice)
				.parallelToolCalls(this.parallelToolCalls)
				.streamUsage(this.streamUsage)
				.mergeStreamDeltas(this.mergeStreamDeltas)
				.reasoningTags(this.reasoningTags)
				.logprobs(this.logprobs)
				.topLogprobs(this.topLogprobs)
				.logitBias(this.logitBias.isEmpty() ? null : this.logitBias)
				.metadata(this.metadata.isEmpty() ? null : this.metadata)
				.store(this.store)
				.serviceTier(this.serviceTier)
				.verbosity(this.verbosity)
				.promptCacheKey(this.promptCacheKey)
				.safetyIdentifier(this.safetyIdentifier)
				.httpHeaders(this.httpHeaders.isEmpty() ? null : this.httpHeaders)
				.extraBody(ExtraBodyValues.typed(this.extraBody))
				.build();
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public Double getTemperature() {
			return this.temperature;
		}

		public void setTemperature(Double temperature) {
			this.temperature = temperature;
		}

		public Double getTopP() {
			return this.topP;
		}

		public void setTopP(Double topP) {
			this.topP = topP;
		}

		public Integer getTopK() {
			return this.topK;
		}

		public void setTopK(Integer topK) {
			this.topK = topK;
		}

		public Integer getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		public Integer getMaxCompletionTokens() {
			return this.maxCompletionTokens;
		}

		public void setMaxCompletionTokens(Integer maxCompletionTokens) {
			this.maxCompletionTokens = maxCompletionTokens;
		}

		public List<String> getStop() {
			return this.stop;
		}

		public void setStop(List<String> stop) {
			this.stop = stop;
		}

		public Long getSeed() {
			return this.seed;
		}

		public void setSeed(Long seed) {
			this.seed = seed;
		}

		public Double getPresencePenalty() {
			return this.presencePenalty;
		}

		public void setPresencePenalty(Double presencePenalty) {
			this.presencePenalty = presencePenalty;
		}

		public Double getFrequencyPenalty() {
			return this.frequencyPenalty;
		}

		public void setFrequencyPenalty(Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
		}

		public Integer getN() {
			return this.n;
		}

		public void setN(Integer n) {
			this.n = n;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public String getResponseFormat() {
			return this.responseFormat;
		}

		public void setResponseFormat(String responseFormat) {
			this.responseFormat = responseFormat;
		}

		public String getReasoningEffort() {
			return this.reasoningEffort;
		}

		public void setReasoningEffort(String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
		}

		public String getToolChoice() {
			return this.toolChoice;
		}

		public void setToolChoice(String toolChoice) {
			this.toolChoice = toolChoice;
		}

		public Boolean getParallelToolCalls() {
			return this.parallelToolCalls;
		}

		public void setParallelToolCalls(Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
		}

		public Boolean getStreamUsage() {
			return this.streamUsage;
		}

		public void setStreamUsage(Boolean streamUsage) {
			this.streamUsage = streamUsage;
		}

		public Boolean getLogprobs() {
			return this.logprobs;
		}

		public void setLogprobs(Boolean logprobs) {
			this.logprobs = logprobs;
		}

		public Integer getTopLogprobs() {
			return this.topLogprobs;
		}

		public void setTopLogprobs(Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
		}

		public Map<String, Integer> getLogitBias() {
			return this.logitBias;
		}

		public void setLogitBias(Map<String, Integer> logitBias) {
			this.logitBias = logitBias;
		}

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
		}

		public Boolean getStore() {
			return this.store;
		}

		public void setStore(Boolean store) {
			this.store = store;
		}

		public String getServiceTier() {
			return this.serviceTier;
		}

		public void setServiceTier(String serviceTier) {
			this.serviceTier = serviceTier;
		}

		public String getVerbosity() {
			return this.verbosity;
		}

		public void setVerbosity(String verbosity) {
			this.verbosity = verbosity;
		}

		public String getPromptCacheKey() {
			return this.promptCacheKey;
		}

		public void setPromptCacheKey(String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
		}

		public String getSafetyIdentifier() {
			return this.safetyIdentifier;
		}

		public void setSafetyIdentifier(String safetyIdentifier) {
			this.safetyIdentifier = safetyIdentifier;
		}

		public Boolean getReasoningTags() {
			return this.reasoningTags;
		}

		public void setReasoningTags(Boolean reasoningTags) {
			this.reasoningTags = reasoningTags;
		}

		public Boolean getMergeStreamDeltas() {
			return this.mergeStreamDeltas;
		}

		public void setMergeStreamDeltas(Boolean mergeStreamDeltas) {
			this.mergeStreamDeltas = mergeStreamDeltas;
		}

		public Map<String, String> getHttpHeaders() {
			return this.httpHeaders;
		}

		public void setHttpHeaders(Map<String, String> httpHeaders) {
			this.httpHeaders = httpHeaders;
		}

		public Map<String, Object> getExtraBody() {
			return this.extraBody;
		}

		public void setExtraBody(Map<String, Object> extraBody) {
			this.extraBody = extraBody;
		}

	}

}
