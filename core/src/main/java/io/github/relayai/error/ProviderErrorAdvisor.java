package io.github.relayai.error;

import java.util.Objects;
import java.util.Optional;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.core.Ordered;

/**
 * A {@code ChatClient} advisor that turns failures of the chain into Relay's typed
 * exceptions ({@link RelayAiException} subclasses), on the call and the stream path.
 * <p>
 * Relay's own exceptions pass through unchanged. Errors of Spring AI's
 * {@code spring-ai-openai} (the OpenAI Java SDK's {@code OpenAIServiceException}, wrapped
 * in {@code CompletionException} on the stream path) are classified from their status,
 * headers and body; I/O failures and timeouts as transport failures. Other exceptions
 * (programming errors, cancellations) pass through unchanged. Register it outermost (the
 * default order is {@link Ordered#HIGHEST_PRECEDENCE}) so it sees the failures of every
 * other advisor.
 */
public final class ProviderErrorAdvisor implements CallAdvisor, StreamAdvisor {

	/** The default order: outermost. */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE;

	private final ProviderErrorClassifier classifier;

	private final int order;

	/**
	 * Creates an advisor with the {@linkplain #DEFAULT_ORDER default order}.
	 * @param classifier the classifier to use
	 */
	public ProviderErrorAdvisor(ProviderErrorClassifier classifier) {
		this(classifier, DEFAULT_ORDER);
	}

	/**
	 * Creates an advisor.
	 * @param classifier the classifier to use
	 * @param order the advisor order; lower runs further out
	 */
	public ProviderErrorAdvisor(ProviderErrorClassifier classifier, int order) {
		this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
		this.order = order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		try {
			return chain.nextCall(request);
		}
		catch (RuntimeException ex) {
			Throwable translated = translate(ex, model(request));
			throw (translated instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		String model = model(request);
		return Flux.defer(() -> chain.nextStream(request)).onErrorMap(ex -> translate(ex, model));
	}

	@Override
	public String getName() {
		return "RelayProviderErrorAdvisor";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * The typed exception for a failure, or the failure itself when it is not a provider
	 * or transport failure.
	 * @param failure what the chain threw
	 * @param model the model of the request, may be {@code null}
	 * @return the exception to propagate
	 */
	Throwable translate(Throwable failure, String model) {
		Optional<RelayAiException> own = findOwn(failure);
		if (own.isPresent()) {
			return own.get();
		}
		Optional<OpenAiSdkFailures.HttpFailure> http = OpenAiSdkFailures.find(failure);
		if (http.isPresent()) {
			OpenAiSdkFailures.HttpFailure answer = http.get();
			return RelayAiException
				.of(this.classifier.classify(answer.status(), answer.headers(), answer.body(), model, null), failure);
		}
		if (TransportFailures.category(failure).isPresent()) {
			return RelayAiException.of(this.classifier.classifyTransport(failure, model, null), failure);
		}
		return failure;
	}

	private static Optional<RelayAiException> findOwn(Throwable failure) {
		for (Throwable link = failure; link != null && link != link.getCause(); link = link.getCause()) {
			if (link instanceof RelayAiException own) {
				return Optional.of(own);
			}
		}
		return Optional.empty();
	}

	private static String model(ChatClientRequest request) {
		ChatOptions options = request.prompt().getOptions();
		return (options != null) ? options.getModel() : null;
	}

}
