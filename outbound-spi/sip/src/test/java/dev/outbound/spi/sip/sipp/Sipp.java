package dev.outbound.spi.sip.sipp;

import static org.assertj.core.api.Assertions.fail;

import dev.outbound.spi.sip.SipTransport;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support shared through this module's test jar (the examples' tests use it too): a SIPp
 * process playing the far end of a scenario from {@code src/test/resources/sipp}, on
 * 127.0.0.1 and a free port, logging every message it sends and receives.
 */
public final class Sipp implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path messageLog;
    private final Path dir;

    private Sipp(Process process, int port, Path messageLog, Path dir) {
        this.process = process;
        this.port = port;
        this.messageLog = messageLog;
        this.dir = dir;
    }

    /** Skips the calling test when sipp is missing, unless OUTBOUND_REQUIRE_SIPP=1 makes that a failure. */
    public static void assumeInstalled() {
        if (installed()) {
            return;
        }
        String message = "sipp is not on the PATH: install it (Debian: apt-get install -y sip-tester) to run the SIP tests";
        if ("1".equals(System.getenv("OUTBOUND_REQUIRE_SIPP"))) {
            fail(message + " (OUTBOUND_REQUIRE_SIPP=1 requires them)");
        }
        Assumptions.abort(message);
    }

    public static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "sipp"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts SIPp as the far end.
     *
     * @param scenario the scenario file under sipp/
     * @param transport UDP or TCP
     * @param calls how many calls it serves before it exits
     * @return the running SIPp, listening
     */
    public static Sipp uas(String scenario, SipTransport transport, int calls) {
        try {
            Path dir = Files.createTempDirectory("sipp-");
            Path file = dir.resolve(scenario);
            try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
                if (in == null) {
                    throw new IllegalArgumentException("no scenario sipp/" + scenario);
                }
                Files.copy(in, file);
            }
            int port = freePort(transport);
            Path log = dir.resolve("messages.log");
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", file.toString(), "-i", "127.0.0.1",
                    "-p", Integer.toString(port), "-t", transport == SipTransport.TCP ? "t1" : "u1",
                    "-m", Integer.toString(calls), "-nostdin", "-trace_msg", "-message_file", log.toString(),
                    "-timeout", "30s", "-timeout_error", "-max_recv_loops", "1000"));
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .redirectError(dir.resolve("stderr.log").toFile()).start();
            Sipp sipp = new Sipp(p, port, log, dir);
            sipp.awaitListening(transport);
            return sipp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** @return whether the SIPp process is still running */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits for SIPp to finish its calls.
     *
     * @param limit how long at most
     * @return its exit code: 0 when every call ran through the scenario
     */
    public int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("sipp did not finish within " + limit + "; messages:\n" + messages());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return everything SIPp logged */
    public String messages() {
        try {
            return Files.exists(messageLog) ? Files.readString(messageLog, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the messages SIPp received, each as its text, in order */
    public List<String> received() {
        return messages(" message received");
    }

    /** @return the messages SIPp sent, each as its text, in order */
    public List<String> sent() {
        return messages(" message sent");
    }

    /** @return the start lines' first words of the messages SIPp received: INVITE, ACK, SIP/2.0 200... */
    public List<String> receivedStartLines() {
        List<String> lines = new ArrayList<>();
        for (String m : received()) {
            String first = m.lines().findFirst().orElse("");
            lines.add(first.startsWith("SIP/2.0") ? first.substring(0, Math.min(first.length(), 11)) : first.split(" ")[0]);
        }
        return lines;
    }

    private List<String> messages(String marker) {
        List<String> out = new ArrayList<>();
        String[] lines = messages().split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                StringBuilder m = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && lines[j].isBlank()) {
                    j++;
                }
                while (j < lines.length && !lines[j].startsWith("-----------------------------------------------")) {
                    m.append(lines[j]).append('\n');
                    j++;
                }
                out.add(m.toString().strip());
                i = j - 1;
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Path dir() {
        return dir;
    }

    private void awaitListening(SipTransport transport) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("sipp exited at once (code " + process.exitValue() + "); see " + dir);
            }
            if (!free(transport, port)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fail("sipp did not listen on port " + port + " within 5 s; see " + dir);
    }

    public static int freePort(SipTransport transport) throws IOException {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        // A port free for both, so a later TCP or UDP use of it cannot clash.
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(0, lo)) {
                port = s.getLocalPort();
            }
            if (free(SipTransport.TCP, port)) {
                return port;
            }
        }
        throw new IOException("no free port on 127.0.0.1");
    }

    private static boolean free(SipTransport transport, int port) {
        try {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            if (transport == SipTransport.TCP) {
                try (ServerSocket s = new ServerSocket(port, 1, lo)) {
                    return true;
                }
            }
            try (DatagramSocket s = new DatagramSocket(port, lo)) {
                return true;
            }
        } catch (BindException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
