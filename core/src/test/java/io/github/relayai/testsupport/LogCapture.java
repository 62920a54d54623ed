package io.github.relayai.testsupport;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of a test at TRACE, whatever the configured levels; restores
 * the root level afterwards. Register with
 * {@code @RegisterExtension final LogCapture logs = new LogCapture();}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previous;

	@Override
	public void beforeEach(ExtensionContext context) {
		Logger root = root();
		this.previous = root.getLevel();
		root.setLevel(Level.TRACE);
		this.appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		this.appender.start();
		root.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Logger root = root();
		root.detachAppender(this.appender);
		root.setLevel(this.previous);
	}

	/**
	 * @return the events captured so far
	 */
	public List<ILoggingEvent> events() {
		return this.appender.list;
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
