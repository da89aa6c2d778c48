package dev.outbound.spi.telephony;

/**
 * Receives the events of the calls it was given to. A telephony calls it with the events of one
 * call one at a time and in order; events of different calls may arrive on different threads.
 * It must return quickly: it runs on the telephony's threads.
 */
@FunctionalInterface
public interface CallListener {
    /**
     * @param event an event of a call
     */
    void onEvent(CallEvent event);
}
