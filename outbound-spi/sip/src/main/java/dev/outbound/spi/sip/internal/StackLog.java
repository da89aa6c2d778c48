package dev.outbound.spi.sip.internal;

import gov.nist.core.StackLogger;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the JAIN-SIP stack's own logging to SLF4J (logger {@code dev.outbound.spi.sip.stack}),
 * one level quieter than the stack asks (its warnings about unused TLS stores are not ours to
 * raise), and withholds any line that mentions a password: the stack prints the JVM's key store
 * settings. Instantiated by the stack by name; not for use by hosts.
 */
public final class StackLog implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.outbound.spi.sip.stack");

    /** For the stack, which creates it by reflection. */
    public StackLog() {
    }

    private static String safe(String message) {
        if (message == null) {
            return "";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("password") || lower.contains("authorization:") || lower.contains("authenticate:")) {
            return "(stack log line withheld: it may hold a credential)";
        }
        return message;
    }

    @Override
    public void logStackTrace() {
    }

    @Override
    public void logStackTrace(int traceLevel) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.debug("SIP stack exception: {}", ex.toString());
    }

    @Override
    public void logDebug(String message) {
        LOG.trace("{}", safe(message));
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.trace("{}: {}", safe(message), ex.toString());
    }

    @Override
    public void logTrace(String message) {
        LOG.trace("{}", safe(message));
    }

    @Override
    public void logFatalError(String message) {
        LOG.error("{}", safe(message));
    }

    @Override
    public void logError(String message) {
        LOG.warn("{}", safe(message));
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isWarnEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_ERROR) {
            return LOG.isWarnEnabled();
        }
        if (logLevel <= TRACE_INFO) {
            return LOG.isDebugEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        if (ex instanceof InterruptedException) {
            // close() wakes the stack's event scanner with an interrupt: expected, not an error.
            LOG.debug("{}: {}", safe(message), ex.toString());
            return;
        }
        LOG.warn("{}: {}", safe(message), ex.toString());
    }

    @Override
    public void logWarning(String message) {
        LOG.debug("{}", safe(message));
    }

    @Override
    public void logInfo(String message) {
        LOG.debug("{}", safe(message));
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
