package dev.outbound.benchmarks;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.sip.SipTelephony;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallRequest;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SIP binding's throughput: call attempts per second (CAPS) it sustains against a SIPp UAS on
 * loopback, each call answered, held, then hung up by the binding (BYE), with the concurrency that
 * rate and hold give (250 CAPS x 2 s = 500 calls up). The same run then measures SIPp's own UAC
 * against a SIPp UAS at the same offered rate, hold and length, the reference the ratio is to.
 * A call "fails" unless it ends HungUp by LOCAL (the binding's BYE).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outbound.benchmarks.SipBenchmark [caps] [seconds] [holdMillis] [stackThreads]
 * </pre>
 * Defaults: 250 CAPS offered, 60 s, 2000 ms hold, 1 SIP stack thread (the binding's default). Needs {@code sipp} on the PATH.
 */
public final class SipBenchmark {
    private static final PhoneNumber NUMBER = PhoneNumber.ofE164("+442079460000");
    private static final CampaignId CAMPAIGN = CampaignId.of("sip-benchmark");

    private SipBenchmark() {
    }

    /**
     * @param args offered CAPS, seconds, hold in milliseconds
     * @throws Exception if SIPp cannot be run
     */
    public static void main(String[] args) throws Exception {
        int caps = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int hold = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int stackThreads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.out.printf(Locale.ROOT, "SIP benchmark: %d CAPS offered for %d s, %d ms hold, UDP on 127.0.0.1, %d cores, "
                + "%d SIP stack thread(s)%n", caps, seconds, hold, Runtime.getRuntime().availableProcessors(), stackThreads);
        Result binding = binding(caps, seconds, hold, stackThreads);
        System.out.println("binding: " + binding);
        Result sipp = sippToSipp(caps, seconds, hold);
        System.out.println("sipp uac: " + sipp);
        System.out.printf(Locale.ROOT, "ratio binding / sipp: %.2f%n", binding.caps() / sipp.caps());
    }

    /**
     * What a run gave.
     *
     * @param attempts calls attempted
     * @param completed calls that ended as they should
     * @param failed calls that did not
     * @param caps attempts per second over the span the INVITEs went out in
     * @param maxConcurrent the most answered calls up at once (-1: not measured)
     */
    record Result(long attempts, long completed, long failed, double caps, long maxConcurrent) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d attempts, %,d completed, %,d failed, %.1f CAPS sustained, "
                    + "max %,d calls up", attempts, completed, failed, caps, maxConcurrent);
        }
    }

    static Result binding(int caps, int seconds, int hold, int stackThreads) throws Exception {
        int port = freePort();
        Process uas = sipp(List.of("-sn", "uas", "-p", Integer.toString(port)));
        Thread.sleep(500);
        int calls = caps * seconds;
        AtomicLong firstInvite = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastInvite = new AtomicLong();
        AtomicInteger up = new AtomicInteger();
        AtomicInteger maxUp = new AtomicInteger();
        AtomicLong completed = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(calls);
        ScheduledExecutorService hangUps = Executors.newSingleThreadScheduledExecutor();
        try (SipTelephony sip = SipTelephony.newBuilder().trunk("127.0.0.1", port)
                .maxConcurrentCalls(Math.max(100, caps * (hold / 1000 + 3))).callsPerSecond(caps, Math.max(1, caps / 20))
                .threads(stackThreads, 2).build()) {
            for (int i = 0; i < calls; i++) {
                boolean[] seen = new boolean[1];
                sip.place(CallRequest.of(NUMBER, CAMPAIGN).withRingTimeout(Duration.ofSeconds(30)), e -> {
                    if (!seen[0]) {
                        // A call's first event (its 100 Trying) follows its INVITE by a loopback round trip.
                        seen[0] = true;
                        long now = System.nanoTime();
                        firstInvite.accumulateAndGet(now, Math::min);
                        lastInvite.accumulateAndGet(now, Math::max);
                    }
                    if (e instanceof CallEvent.Ringing || e instanceof CallEvent.Answered) {
                        if (e instanceof CallEvent.Answered) {
                            maxUp.accumulateAndGet(up.incrementAndGet(), Math::max);
                            hangUps.schedule(() -> sip.hangUp(e.call()), hold, TimeUnit.MILLISECONDS);
                        }
                        return;
                    }
                    if (e instanceof CallEvent.HungUp) {
                        up.decrementAndGet();
                    }
                    if (e instanceof CallEvent.HungUp && ((CallEvent.HungUp) e).by() == CallEvent.Party.LOCAL) {
                        completed.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(e.getClass().getSimpleName() + " " + cause(e), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    done.countDown();
                });
            }
            // The binding's token bucket paces the INVITEs; watch them go out through the first events.
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 60L);
            while (done.getCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            hangUps.shutdownNow();
            uas.destroy();
            uas.waitFor(5, TimeUnit.SECONDS);
        }
        long failed = calls - completed.get();
        if (!failures.isEmpty()) {
            System.out.println("binding failures: " + failures);
        }
        // calls - 1 intervals between the first and the last call's first event.
        double span = (lastInvite.get() - firstInvite.get()) / 1e9;
        return new Result(calls, completed.get(), failed, (calls - 1) / span, maxUp.get());
    }

    private static String cause(CallEvent e) {
        if (e instanceof CallEvent.Failed) {
            return ((CallEvent.Failed) e).cause().orElse("");
        }
        if (e instanceof CallEvent.NoAnswer) {
            return ((CallEvent.NoAnswer) e).cause().orElse("");
        }
        return "";
    }

    static Result sippToSipp(int caps, int seconds, int hold) throws Exception {
        int port = freePort();
        Process uas = sipp(List.of("-sn", "uas", "-p", Integer.toString(port)));
        Thread.sleep(500);
        int calls = caps * seconds;
        Path out = Files.createTempFile("sipp-uac", ".log");
        long start = System.nanoTime();
        Process uac = new ProcessBuilder(List.of("sipp", "-sn", "uac", "-i", "127.0.0.1", "-p", Integer.toString(freePort()),
                "-r", Integer.toString(caps), "-m", Integer.toString(calls), "-l", Integer.toString(caps * 10),
                "-d", Integer.toString(hold), "-nostdin", "-timeout", (seconds + 60) + "s", "127.0.0.1:" + port))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        uac.waitFor(seconds + 90L, TimeUnit.SECONDS);
        long end = System.nanoTime();
        uas.destroy();
        uas.waitFor(5, TimeUnit.SECONDS);
        String screen = Files.readString(out, StandardCharsets.ISO_8859_1);
        long ok = lastCount(screen, "Successful call");
        long failed = lastCount(screen, "Failed call");
        double span = (end - start) / 1e9 - hold / 1000.0;
        return new Result(calls, ok, failed + (calls - ok - failed), ok / span, -1);
    }

    /** The cumulative column of the last "name ... | periodic | cumulative" line on SIPp's screen. */
    private static long lastCount(String screen, String name) {
        Matcher m = Pattern.compile(name + "\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)").matcher(screen);
        long v = 0;
        while (m.find()) {
            v = Long.parseLong(m.group(2));
        }
        return v;
    }

    private static Process sipp(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-i", "127.0.0.1", "-nostdin"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("sipp-uas", ".log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
