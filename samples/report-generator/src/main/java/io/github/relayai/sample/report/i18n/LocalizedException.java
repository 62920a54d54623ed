package io.github.relayai.sample.report.i18n;

/**
 * A refused value or command line whose explanation the user reads in their language;
 * {@link #getMessage()} is the English text.
 */
public class LocalizedException extends IllegalArgumentException {

	private final transient Message problem;

	/** The exception explaining {@code problem}. */
	public LocalizedException(Message problem) {
		super(problem.english());
		this.problem = problem;
	}

	/** The exception explaining {@code problem}, which {@code cause} led to. */
	public LocalizedException(Message problem, Throwable cause) {
		super(problem.english(), cause);
		this.problem = problem;
	}

	/** What is wrong and what to do, in no language yet. */
	public Message problem() {
		return problem;
	}

}
