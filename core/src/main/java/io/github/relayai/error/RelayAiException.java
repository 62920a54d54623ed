package io.github.relayai.error;

/**
 * Root of every exception Relay throws for a provider or transport failure;
 * {@link #error()} says what happened.
 * <p>
 * Spring AI 2.0 moved {@code TransientAiException} into {@code spring-ai-retry}, which
 * Relay does not depend on; {@link TransientRelayException} and
 * {@link NonTransientRelayException} play those roles.
 */
public abstract class RelayAiException extends RuntimeException {

	private final transient ProviderError error;

	protected RelayAiException(ProviderError error, Throwable cause) {
		super(ErrorMessages.format(error), cause);
		this.error = error;
	}

	/**
	 * The classified failure.
	 * @return the provider error
	 */
	public ProviderError error() {
		return this.error;
	}

	/**
	 * Whether a retry may succeed.
	 * @return {@link ProviderError#retryable()}
	 */
	public boolean isTransient() {
		return this.error.retryable();
	}

}
