/** Runnable programs that embed Outbound: the demo and the README's example. Exports nothing. */
module dev.outbound.examples {
    requires dev.outbound.core;
}
