package dev.outbound.spi.sip;

import dev.outbound.core.InvalidValueException;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallListener;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference SIP binding of {@link Telephony}: a user agent client on JAIN-SIP that places
 * each call as an INVITE through a PBX or a SIP trunk, maps the responses to {@link CallEvent}s,
 * hangs up with BYE, cancels with CANCEL and connects agents by a blind transfer (REFER) or a
 * host's {@link AgentConnector}. Signalling only: media stays between the PBX and the parties.
 *
 * <p>Responses: 100, 180, 183 give {@code Ringing}; 200 {@code Answered} (ACK sent); 486, 600
 * {@code Busy}; 408, 480 {@code NoAnswer}; 404, 484, 604 {@code InvalidNumber}; 403, 603
 * {@code Rejected}; 401/407 are answered once with digest credentials; any other 3xx - 6xx, a
 * transaction timeout or a transport error {@code Failed}. Each terminal event's cause keeps the
 * SIP status line. The ring timeout reports {@code NoAnswer} and sends CANCEL.
 *
 * <p>Carrier limits: at most {@code maxConcurrentCalls} calls hold a SIP transaction or dialog at
 * once and INVITEs go out at most {@code callsPerSecond} (a token bucket); calls over either
 * limit wait in order, they are never dropped. {@link #close()} ends the calls still up and
 * stops every thread the binding and the stack started.
 */
public final class SipTelephony implements Telephony {
    private static final Logger LOG = LoggerFactory.getLogger(SipTelephony.class);
    /** Serialises stack creation, so the threads a new stack starts can be told apart. */
    private static final Object STACK_CREATION = new Object();
    private static final AtomicInteger STACKS = new AtomicInteger();
    /** The SDP offer when the host gives none: audio, G.711 mu-law and A-law. */
    static final String DEFAULT_SDP = "v=0\r\no=outbound 1 1 IN IP4 {host}\r\ns=outbound\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
            + "m=audio {rtpPort} RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";

    private final Config config;
    private final Clock clock;
    private final SipStack stack;
    private final SipProvider provider;
    private final ListeningPoint listeningPoint;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Set<Thread> stackThreads;
    private final ExecutorService delivery;
    private final ScheduledExecutorService timer;
    private final Map<CallId, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, Call> bySipCallId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);

    private final Object admission = new Object();
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private final TokenBucket bucket;
    private int active;
    private boolean pumpScheduled;
    private volatile boolean closed;

    private SipTelephony(Builder b) {
        this.config = new Config(b);
        this.clock = b.clock;
        this.bucket = new TokenBucket(config.callsPerSecond, config.burst, System.nanoTime());
        int stackNo = STACKS.incrementAndGet();
        this.delivery = Executors.newFixedThreadPool(b.eventThreads, named("outbound-sip-events-" + stackNo));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("outbound-sip-timer-" + stackNo));
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "outbound-sip-" + stackNo + "-" + idPrefix);
        p.setProperty("javax.sip.OUTBOUND_PROXY", config.trunkHost + ":" + config.trunkPort + "/" + config.transport.token());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", dev.outbound.spi.sip.internal.StackLog.class.getName());
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(b.stackThreads));
        // Events are ordered per call by this class, so the stack may deliver them on its
        // message threads directly rather than through its single event scanner.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        synchronized (STACK_CREATION) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            try {
                SipFactory factory = SipFactory.getInstance();
                factory.setPathName("gov.nist");
                this.stack = factory.createSipStack(p);
                this.messages = factory.createMessageFactory();
                this.headers = factory.createHeaderFactory();
                this.addresses = factory.createAddressFactory();
                this.listeningPoint = stack.createListeningPoint(config.localHost, config.localPort,
                        config.transport.token());
                this.provider = stack.createSipProvider(listeningPoint);
                this.provider.addSipListener(new Listener());
                stack.start();
                awaitMessageThreads(p.getProperty("javax.sip.STACK_NAME"));
            } catch (Exception e) {
                delivery.shutdownNow();
                timer.shutdownNow();
                throw new IllegalStateException("Could not start the SIP stack on " + config.localHost + ":"
                        + config.localPort + "/" + config.transport + ": " + e.getMessage(), e);
            }
            Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
            started.removeAll(before);
            started.removeIf(t -> t.getName().startsWith("outbound-sip-"));
            this.stackThreads = started;
        }
        LOG.info("SIP telephony listening on {}:{}/{}, trunk {}:{}{}", config.localHost, config.localPort,
                config.transport, config.trunkHost, config.trunkPort,
                config.credentials.map(c -> ", user " + c.username()).orElse(""));
    }

    /** @return a builder; {@link Builder#trunk} is required */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the local port the binding's SIP messages come from */
    public int localPort() {
        return config.localPort;
    }

    @Override
    public CallId place(CallRequest request, CallListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("This SIP telephony is closed: no call can be placed");
        }
        CallId id = CallId.of("sip-" + idPrefix + "-" + nextId.incrementAndGet());
        Call call = new Call(id, request, listener);
        calls.put(id, call);
        synchronized (admission) {
            waiting.add(call);
        }
        pump();
        return id;
    }

    @Override
    public void cancel(CallId call) {
        Call c = calls.get(Objects.requireNonNull(call, "call"));
        if (c != null) {
            c.cancel();
        }
    }

    @Override
    public void hangUp(CallId call) {
        Call c = calls.get(Objects.requireNonNull(call, "call"));
        if (c != null) {
            c.hangUp();
        }
    }

    @Override
    public void connect(CallId call, Agent agent) {
        Objects.requireNonNull(agent, "agent");
        Call c = calls.get(Objects.requireNonNull(call, "call"));
        if (c != null) {
            c.connect(agent);
        }
    }

    /**
     * Ends the calls still up (a ringing call with CANCEL and {@code Cancelled}, an answered one
     * with BYE and {@code HungUp} by {@code LOCAL}, a waiting one with {@code Cancelled}), waits up
     * to two seconds for their SIP transactions to finish, then stops the stack and every thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Call c : List.copyOf(calls.values())) {
            c.endOnClose();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!bySipCallId.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        timer.shutdownNow();
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.shutdownNow();
        try {
            provider.removeListeningPoint(listeningPoint);
            stack.deleteSipProvider(provider);
            stack.deleteListeningPoint(listeningPoint);
        } catch (Exception e) {
            LOG.debug("SIP provider did not close cleanly: {}", e.toString());
        }
        stopStack();
        if (stack instanceof gov.nist.javax.sip.SipStackImpl) {
            gov.nist.javax.sip.EventScanner scanner = ((gov.nist.javax.sip.SipStackImpl) stack).getEventScanner();
            if (scanner != null) {
                scanner.forceStop();
            }
        }
        // After stop() the stack's event scanner stays blocked on its queue and keeps the JVM alive:
        // wake it, so that it sees it was stopped. Only this stack's threads are touched.
        for (Thread t : stackThreads) {
            t.interrupt();
        }
        // The stack's own threads that keep a JVM alive (event scanner, timer) end now; its daemon
        // message threads end when their sockets' last receive times out.
        long joinUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : stackThreads) {
            long left = joinUntil - System.nanoTime();
            if (t.isDaemon() || left <= 0) {
                continue;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                LOG.warn("SIP stack thread {} did not end on close", t.getName());
            }
        }
        LOG.info("SIP telephony on port {} closed", config.localPort);
    }

    /**
     * Waits (up to a second) for the stack's UDP message threads, which it starts a moment after
     * start() returns: a stop() before they exist fails half-way, and they would be missed by the
     * record of the threads this stack started.
     */
    private void awaitMessageThreads(String stackName) {
        if (config.transport != SipTransport.UDP) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith(stackName)) {
                    return;
                }
            }
            sleep(5);
        }
    }

    /**
     * Stops the stack. Right after start its UDP processor may not have made its message channels
     * yet, and its stop() then fails half-way (leaving the timer thread up): try again.
     */
    private void stopStack() {
        for (int attempt = 1;; attempt++) {
            try {
                stack.stop();
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    LOG.warn("SIP stack did not stop cleanly: {}", e.toString());
                    return;
                }
                sleep(50);
            }
        }
    }

    // --- Admission: concurrency cap and calls per second ---------------------------------------

    private void pump() {
        List<Call> starting = new ArrayList<>();
        synchronized (admission) {
            while (!waiting.isEmpty() && active < config.maxConcurrentCalls && !closed) {
                long now = System.nanoTime();
                if (!bucket.tryTake(now)) {
                    if (!pumpScheduled) {
                        pumpScheduled = true;
                        long wait = Math.max(bucket.nanosUntilToken(now), 100_000);
                        timer.schedule(() -> {
                            synchronized (admission) {
                                pumpScheduled = false;
                            }
                            pump();
                        }, wait, TimeUnit.NANOSECONDS);
                    }
                    break;
                }
                Call c = waiting.poll();
                active++;
                starting.add(c);
            }
        }
        for (Call c : starting) {
            c.start();
        }
    }

    private void releaseSlot() {
        synchronized (admission) {
            active--;
        }
        pump();
    }

    private boolean withdraw(Call c) {
        synchronized (admission) {
            return waiting.remove(c);
        }
    }

    // --- One call ------------------------------------------------------------------------------

    /** Where a call stands for the SPI: what has been reported. */
    private enum Phase { PENDING, ANSWERING, ANSWERED, CONNECTING, CONNECTED, ENDED }

    /** Where a call stands in SIP. */
    private enum Sip { QUEUED, INVITING, EARLY, CONFIRMED, CLOSING, DONE }

    private final class Call {
        final CallId id;
        final CallRequest request;
        final CallListener listener;
        final ConcurrentLinkedQueue<CallEvent> outbox = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        Phase phase = Phase.PENDING;
        Sip sip = Sip.QUEUED;
        boolean slot;
        boolean provisional;
        boolean cancelWanted;
        boolean cancelSent;
        int authAttempts;
        String sipCallId;
        ClientTransaction invite;
        Dialog dialog;
        ScheduledFuture<?> ringTimer;
        ScheduledFuture<?> amdTimer;

        Call(CallId id, CallRequest request, CallListener listener) {
            this.id = id;
            this.request = request;
            this.listener = listener;
        }

        void start() {
            synchronized (this) {
                slot = true;
                if (phase == Phase.ENDED) {
                    finishSip();
                    return;
                }
                try {
                    Request inviteRequest = buildInvite();
                    sipCallId = ((CallIdHeader) inviteRequest.getHeader(CallIdHeader.NAME)).getCallId();
                    bySipCallId.put(sipCallId, this);
                    invite = provider.getNewClientTransaction(inviteRequest);
                    dialog = invite.getDialog();
                    sip = Sip.INVITING;
                    invite.sendRequest();
                    ringTimer = timer.schedule(this::ringTimeout, request.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    report(new CallEvent.Failed(id, clock.instant(), Optional.of("SIP transport error: " + e.getMessage())));
                    finishSip();
                }
            }
        }

        private Request buildInvite() throws Exception {
            String number = SipText.uriUser(request.number().e164());
            URI requestUri = addresses.createURI(config.requestUri(number));
            String callerUser = request.callerId().map(n -> SipText.uriUser(n.e164())).orElse(config.fromUser);
            Address from = addresses.createAddress("sip:" + callerUser + "@" + config.fromDomain);
            Address to = addresses.createAddress(requestUri);
            CallIdHeader callId = provider.getNewCallId();
            CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
            FromHeader fromHeader = headers.createFromHeader(from, tag());
            ToHeader toHeader = headers.createToHeader(to, null);
            ViaHeader via = headers.createViaHeader(config.localHost, config.localPort, config.transport.token(), null);
            MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
            ContentTypeHeader sdp = headers.createContentTypeHeader("application", "sdp");
            Request r = messages.createRequest(requestUri, Request.INVITE, callId, cseq, fromHeader, toHeader,
                    new ArrayList<>(List.of(via)), maxForwards, sdp, config.sdp.getBytes(StandardCharsets.UTF_8));
            r.addHeader(contact());
            if (request.callerId().isPresent()) {
                r.addHeader(headers.createHeader("P-Asserted-Identity", "<sip:" + callerUser + "@" + config.fromDomain + ">"));
            }
            r.addHeader(headers.createHeader("X-Outbound-Campaign", SipText.headerValue(request.campaign().value())));
            for (Map.Entry<String, String> h : config.extraHeaders.entrySet()) {
                r.addHeader(headers.createHeader(h.getKey(), SipText.headerValue(h.getValue())));
            }
            return r;
        }

        private void ringTimeout() {
            synchronized (this) {
                if (phase == Phase.PENDING) {
                    report(new CallEvent.NoAnswer(id, clock.instant(),
                            Optional.of("ring timeout " + request.ringTimeout().toMillis() + " ms, CANCEL sent")));
                    withdrawFromSip();
                }
            }
        }

        void cancel() {
            synchronized (this) {
                if (phase != Phase.PENDING) {
                    return;
                }
                report(new CallEvent.Cancelled(id, clock.instant()));
                withdrawFromSip();
            }
        }

        /** After the SPI was told the call ended unanswered: withdraw the INVITE, whatever its state. */
        private void withdrawFromSip() {
            cancelWanted = true;
            if (sip == Sip.QUEUED) {
                if (withdraw(this)) {
                    sip = Sip.DONE;
                }
                return;
            }
            if (provisional && !cancelSent && (sip == Sip.INVITING || sip == Sip.EARLY)) {
                sendCancel();
            }
        }

        private void sendCancel() {
            cancelSent = true;
            try {
                Request cancel = invite.createCancel();
                provider.getNewClientTransaction(cancel).sendRequest();
            } catch (Exception e) {
                LOG.debug("CANCEL of call {} not sent: {}", id, e.toString());
                finishSip();
            }
        }

        void hangUp() {
            synchronized (this) {
                if (phase != Phase.ANSWERED && phase != Phase.CONNECTING && phase != Phase.CONNECTED) {
                    return;
                }
                report(new CallEvent.HungUp(id, clock.instant(), CallEvent.Party.LOCAL));
                sendBye();
            }
        }

        void endOnClose() {
            synchronized (this) {
                if (phase == Phase.PENDING) {
                    cancel();
                } else if (phase == Phase.ANSWERING) {
                    report(new CallEvent.Answered(id, clock.instant(), CallEvent.AnsweredBy.HUMAN));
                    hangUp();
                } else {
                    hangUp();
                }
            }
        }

        private void sendBye() {
            if (sip != Sip.CONFIRMED) {
                return;
            }
            sip = Sip.CLOSING;
            try {
                Request bye = dialog.createRequest(Request.BYE);
                ClientTransaction ct = provider.getNewClientTransaction(bye);
                dialog.sendRequest(ct);
            } catch (Exception e) {
                LOG.debug("BYE of call {} not sent: {}", id, e.toString());
                finishSip();
            }
        }

        void connect(Agent agent) {
            synchronized (this) {
                if (phase != Phase.ANSWERED) {
                    return;
                }
                phase = Phase.CONNECTING;
                if (config.connector == BlindTransfer.INSTANCE) {
                    refer(agent);
                    return;
                }
                SipDialog info = new SipDialog(id, sipCallId, dialog.getLocalTag(),
                        Objects.toString(dialog.getRemoteTag(), ""), String.valueOf(dialog.getRemoteTarget()));
                CompletionStage<Void> done;
                try {
                    done = config.connector.connect(info, agent);
                } catch (RuntimeException e) {
                    transferFailed("agent connector failed: " + e.getMessage());
                    return;
                }
                done.whenComplete((ok, error) -> {
                    synchronized (this) {
                        if (error == null) {
                            connected(agent);
                        } else {
                            transferFailed("agent connector failed: " + error.getMessage());
                        }
                    }
                });
            }
        }

        private Agent transferTo;

        private void refer(Agent agent) {
            try {
                String target = SipText.sipUri("agent endpoint",
                        agent.endpoint().orElseThrow(() -> new InvalidValueException("agent endpoint",
                                "a SIP URI to transfer to", "none, for " + agent.email())));
                Request refer = dialog.createRequest(Request.REFER);
                refer.addHeader(headers.createReferToHeader(addresses.createAddress(addresses.createURI(target))));
                ClientTransaction ct = provider.getNewClientTransaction(refer);
                transferTo = agent;
                dialog.sendRequest(ct);
            } catch (Exception e) {
                transferFailed("transfer not sent: " + e.getMessage());
            }
        }

        private void connected(Agent agent) {
            if (phase == Phase.CONNECTING) {
                phase = Phase.CONNECTED;
                report(new CallEvent.Connected(id, clock.instant(), agent.email()));
            }
        }

        private void transferFailed(String cause) {
            if (phase == Phase.CONNECTING) {
                report(new CallEvent.Failed(id, clock.instant(), Optional.of(cause)));
                sendBye();
            }
        }

        // --- SIP events, all under the call's lock ---

        void onInviteResponse(ResponseEvent event) {
            Response r = event.getResponse();
            int status = r.getStatusCode();
            if (status < 200) {
                provisional = true;
                if (sip == Sip.INVITING) {
                    sip = Sip.EARLY;
                }
                if (cancelWanted && !cancelSent) {
                    sendCancel();
                } else if (phase == Phase.PENDING) {
                    report(new CallEvent.Ringing(id, clock.instant()));
                }
                return;
            }
            if (status < 300) {
                Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
                long seq = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber();
                try {
                    d.sendAck(d.createAck(seq));
                } catch (Exception e) {
                    LOG.debug("ACK of call {} not sent: {}", id, e.toString());
                }
                if (sip == Sip.CONFIRMED || sip == Sip.CLOSING || sip == Sip.DONE) {
                    return; // a retransmitted 200: acknowledged again, nothing else
                }
                dialog = d;
                sip = Sip.CONFIRMED;
                cancelTimer(ringTimer);
                if (phase != Phase.PENDING) {
                    sendBye(); // answered after we gave up on it (ring timeout, cancel): end it
                    return;
                }
                Optional<CallEvent.AnsweredBy> amd = amdFrom(r);
                if (amd.isPresent() || config.amdWait.isZero() || config.amdHeader.isEmpty()) {
                    phase = Phase.ANSWERED;
                    report(new CallEvent.Answered(id, clock.instant(), amd.orElse(CallEvent.AnsweredBy.HUMAN)));
                } else {
                    phase = Phase.ANSWERING;
                    amdTimer = timer.schedule(() -> answerAs(CallEvent.AnsweredBy.HUMAN), config.amdWait.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
                return;
            }
            if ((status == 401 || status == 407) && config.credentials.isPresent() && authAttempts == 0
                    && phase == Phase.PENDING) {
                authAttempts++;
                try {
                    resendWithCredentials(r, status);
                    return;
                } catch (Exception e) {
                    LOG.debug("authenticated INVITE of call {} not sent: {}", id, e.toString());
                }
            }
            cancelTimer(ringTimer);
            if (phase == Phase.PENDING) {
                report(SipResponses.terminal(id, clock.instant(), status, SipText.headerValue(r.getReasonPhrase())));
            }
            finishSip();
        }

        private void resendWithCredentials(Response challenge, int status) throws Exception {
            Request retry = (Request) invite.getRequest().clone();
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            ViaHeader via = (ViaHeader) retry.getHeader(ViaHeader.NAME);
            via.removeParameter("branch");
            String challengeName = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
            String answerName = status == 401 ? "Authorization" : "Proxy-Authorization";
            Header h = challenge.getHeader(challengeName);
            String value = h == null ? "" : h.toString().substring(h.toString().indexOf(':') + 1).trim();
            String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
            String answer = DigestAuth.authorization(DigestAuth.parseChallenge(value), config.credentials.get(),
                    Request.INVITE, retry.getRequestURI().toString(), cnonce);
            retry.setHeader(headers.createHeader(answerName, answer));
            invite = provider.getNewClientTransaction(retry);
            dialog = invite.getDialog();
            provisional = false;
            sip = Sip.INVITING;
            invite.sendRequest();
        }

        private void answerAs(CallEvent.AnsweredBy by) {
            synchronized (this) {
                if (phase == Phase.ANSWERING) {
                    cancelTimer(amdTimer);
                    phase = Phase.ANSWERED;
                    report(new CallEvent.Answered(id, clock.instant(), by));
                }
            }
        }

        void onBye() {
            if (phase == Phase.ANSWERING) {
                phase = Phase.ANSWERED;
                report(new CallEvent.Answered(id, clock.instant(), CallEvent.AnsweredBy.HUMAN));
            }
            if (phase == Phase.ANSWERED || phase == Phase.CONNECTING || phase == Phase.CONNECTED) {
                report(new CallEvent.HungUp(id, clock.instant(), CallEvent.Party.REMOTE));
            }
            finishSip();
        }

        void onInfo(Request info) {
            Optional<CallEvent.AnsweredBy> amd = amdFrom(info);
            if (amd.isPresent()) {
                answerAs(amd.get());
            }
        }

        void onNotify(Request notify) {
            if (phase != Phase.CONNECTING || transferTo == null) {
                return;
            }
            String body = notify.getRawContent() == null ? "" : new String(notify.getRawContent(), StandardCharsets.UTF_8);
            int status = SipResponses.sipfragStatus(body);
            if (status >= 200 && status < 300) {
                connected(transferTo);
            } else if (status >= 300) {
                transferFailed("transfer failed: SIP " + status);
            }
        }

        void onReferResponse(int status) {
            if (status >= 300) {
                transferFailed("REFER refused: SIP " + status);
            }
        }

        void onTimeout(String method) {
            if (Request.INVITE.equals(method)) {
                cancelTimer(ringTimer);
                if (phase == Phase.PENDING) {
                    report(new CallEvent.Failed(id, clock.instant(), Optional.of("SIP INVITE timed out: no final response")));
                }
                finishSip();
            } else if (Request.REFER.equals(method)) {
                transferFailed("REFER timed out");
            } else {
                finishSip();
            }
        }

        private Optional<CallEvent.AnsweredBy> amdFrom(javax.sip.message.Message m) {
            if (config.amdHeader.isEmpty()) {
                return Optional.empty();
            }
            String name = config.amdHeader.get();
            Header h = m.getHeader(name);
            String value = null;
            if (h != null) {
                value = h.toString().substring(h.toString().indexOf(':') + 1).trim();
            } else if (m.getRawContent() != null) {
                for (String line : new String(m.getRawContent(), StandardCharsets.UTF_8).split("\r?\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                        value = line.substring(colon + 1).trim();
                    }
                }
            }
            return SipResponses.amd(value);
        }

        /** The SIP side of the call is over: release its slot, forget its Call-ID. */
        private void finishSip() {
            sip = Sip.DONE;
            cancelTimer(ringTimer);
            cancelTimer(amdTimer);
            if (sipCallId != null) {
                bySipCallId.remove(sipCallId);
            }
            if (slot) {
                slot = false;
                timer.execute(SipTelephony.this::releaseSlot);
            }
        }

        private void report(CallEvent e) {
            if (phase == Phase.ENDED) {
                return;
            }
            if (e.isTerminal()) {
                phase = Phase.ENDED;
                calls.remove(id);
                cancelTimer(ringTimer);
                cancelTimer(amdTimer);
            }
            outbox.add(e);
            if (draining.compareAndSet(false, true)) {
                delivery.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                CallEvent e;
                while ((e = outbox.poll()) != null) {
                    try {
                        listener.onEvent(e);
                    } catch (RuntimeException ex) {
                        LOG.warn("Listener of call {} failed on {}", id, e.getClass().getSimpleName(), ex);
                    }
                }
                draining.set(false);
                if (outbox.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    private static void cancelTimer(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private ContactHeader contact() throws Exception {
        String uri = "sip:outbound@" + config.localHost + ":" + config.localPort
                + (config.transport == SipTransport.UDP ? "" : ";transport=" + config.transport.token());
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private static String tag() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Call callOf(javax.sip.message.Message m) {
        CallIdHeader h = (CallIdHeader) m.getHeader(CallIdHeader.NAME);
        return h == null ? null : bySipCallId.get(h.getCallId());
    }

    /** The stack's callbacks, dispatched to the call they belong to. */
    private final class Listener implements SipListener {
        @Override
        public void processResponse(ResponseEvent event) {
            Response r = event.getResponse();
            Call c = callOf(r);
            if (c == null) {
                return;
            }
            String method = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod();
            synchronized (c) {
                if (Request.INVITE.equals(method)) {
                    c.onInviteResponse(event);
                } else if (Request.REFER.equals(method)) {
                    c.onReferResponse(r.getStatusCode());
                } else if (Request.BYE.equals(method) && r.getStatusCode() >= 200) {
                    c.finishSip();
                }
            }
        }

        @Override
        public void processRequest(RequestEvent event) {
            Request r = event.getRequest();
            String method = r.getMethod();
            if (Request.ACK.equals(method)) {
                return;
            }
            Call c = callOf(r);
            int status = c == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK;
            if (c != null && !Set.of(Request.BYE, Request.INFO, Request.NOTIFY, Request.OPTIONS).contains(method)) {
                status = Request.CANCEL.equals(method) ? Response.OK : Response.METHOD_NOT_ALLOWED;
            }
            if (c == null && Request.OPTIONS.equals(method)) {
                status = Response.OK;
            }
            try {
                ServerTransaction st = event.getServerTransaction();
                if (st == null) {
                    st = provider.getNewServerTransaction(r);
                }
                st.sendResponse(messages.createResponse(status, r));
            } catch (Exception e) {
                LOG.debug("No response sent to {}: {}", method, e.toString());
            }
            if (c == null) {
                return;
            }
            synchronized (c) {
                if (Request.BYE.equals(method)) {
                    c.onBye();
                } else if (Request.INFO.equals(method)) {
                    c.onInfo(r);
                } else if (Request.NOTIFY.equals(method)) {
                    c.onNotify(r);
                }
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            Transaction t = event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction();
            if (t == null || event.isServerTransaction()) {
                return;
            }
            Request r = t.getRequest();
            Call c = callOf(r);
            if (c != null) {
                synchronized (c) {
                    c.onTimeout(r.getMethod());
                }
            }
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            LOG.debug("SIP transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
            Dialog d = event.getDialog();
            Call c = d == null || d.getCallId() == null ? null : bySipCallId.get(d.getCallId().getCallId());
            if (c != null) {
                synchronized (c) {
                    if (c.dialog == d && (c.sip == Sip.CONFIRMED || c.sip == Sip.CLOSING)) {
                        c.onBye();
                    }
                }
            }
        }
    }

    // --- Configuration -------------------------------------------------------------------------

    /** The checked configuration. */
    private static final class Config {
        final String trunkHost;
        final int trunkPort;
        final SipTransport transport;
        final String localHost;
        final int localPort;
        final String requestUriTemplate;
        final String fromUser;
        final String fromDomain;
        final Optional<SipCredentials> credentials;
        final String sdp;
        final int maxConcurrentCalls;
        final double callsPerSecond;
        final int burst;
        final Optional<String> amdHeader;
        final Duration amdWait;
        final AgentConnector connector;
        final Map<String, String> extraHeaders;

        Config(Builder b) {
            if (b.trunkHost == null) {
                throw new IllegalStateException("SipTelephony.Builder: trunk(host, port) is required");
            }
            trunkHost = b.trunkHost;
            trunkPort = b.trunkPort;
            transport = b.transport;
            localHost = b.localHost;
            localPort = b.localPort != 0 ? b.localPort : freePort(b.localHost, b.transport);
            requestUriTemplate = b.requestUriTemplate;
            fromUser = b.fromUser;
            fromDomain = b.fromDomain != null ? b.fromDomain : b.trunkHost;
            credentials = Optional.ofNullable(b.credentials);
            String host = localHost;
            sdp = (b.sdp != null ? b.sdp : DEFAULT_SDP).replace("{host}", host).replace("{rtpPort}", "9");
            maxConcurrentCalls = b.maxConcurrentCalls;
            callsPerSecond = b.callsPerSecond;
            burst = b.burst > 0 ? b.burst : Math.max(1, (int) Math.ceil(b.callsPerSecond / 10));
            amdHeader = Optional.ofNullable(b.amdHeader);
            amdWait = b.amdWait;
            connector = b.connector;
            extraHeaders = Map.copyOf(b.extraHeaders);
        }

        String requestUri(String escapedNumber) {
            return requestUriTemplate.replace("{number}", escapedNumber)
                    .replace("{trunk}", trunkHost + ":" + trunkPort);
        }

        private static int freePort(String host, SipTransport transport) {
            try {
                InetAddress address = InetAddress.getByName(host);
                if (transport == SipTransport.UDP) {
                    try (DatagramSocket s = new DatagramSocket(0, address)) {
                        return s.getLocalPort();
                    }
                }
                try (ServerSocket s = new ServerSocket(0, 1, address)) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("No free local port on " + host + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Builds a {@link SipTelephony}. Only {@link #trunk} is required; each option may be set once.
     */
    public static final class Builder {
        private String trunkHost;
        private int trunkPort;
        private SipTransport transport = SipTransport.UDP;
        private String localHost = "127.0.0.1";
        private int localPort;
        private String requestUriTemplate = "sip:{number}@{trunk}";
        private String fromUser = "outbound";
        private String fromDomain;
        private SipCredentials credentials;
        private String sdp;
        private int maxConcurrentCalls = 100;
        private double callsPerSecond = 10;
        private int burst;
        private String amdHeader;
        private Duration amdWait = Duration.ZERO;
        private AgentConnector connector = AgentConnector.blindTransfer();
        private Clock clock = Clock.systemUTC();
        private int stackThreads = 1;
        private int eventThreads = 2;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException("SipTelephony.Builder: " + option + " was set twice");
            }
        }

        /**
         * @param host the PBX's or trunk's host name or address: every request goes there
         * @param port its SIP port, 1 - 65535
         * @return this builder
         */
        public Builder trunk(String host, int port) {
            once("trunk");
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".-:[]".indexOf(c) >= 0)) {
                throw new InvalidValueException("trunk host", "a host name or an IP address", host);
            }
            this.trunkHost = host;
            this.trunkPort = port(port, "trunk port");
            return this;
        }

        /**
         * @param transport UDP (the default), TCP or TLS
         * @return this builder
         */
        public Builder transport(SipTransport transport) {
            once("transport");
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param host the local address to listen on (default 127.0.0.1; a PBX elsewhere needs the
         *     address it can reach)
         * @param port the local port, or 0 to pick a free one (the default)
         * @return this builder
         */
        public Builder local(String host, int port) {
            once("local");
            this.localHost = Objects.requireNonNull(host, "host");
            this.localPort = port == 0 ? 0 : port(port, "local port");
            return this;
        }

        /**
         * @param template the request URI, with {@code {number}} for the E.164 number and
         *     {@code {trunk}} for host:port; default {@code sip:{number}@{trunk}}
         * @return this builder
         */
        public Builder requestUri(String template) {
            once("requestUri");
            Objects.requireNonNull(template, "template");
            if (!template.contains("{number}") || !(template.startsWith("sip:") || template.startsWith("sips:"))) {
                throw new InvalidValueException("request URI template", "a sip: URI holding {number}", template);
            }
            SipText.sipUri("request URI template", template.replace("{number}", "1").replace("{trunk}", "h"));
            this.requestUriTemplate = template;
            return this;
        }

        /**
         * @param user the From user when a call has no caller id (default {@code outbound})
         * @param domain the From and P-Asserted-Identity domain (default the trunk host)
         * @return this builder
         */
        public Builder from(String user, String domain) {
            once("from");
            this.fromUser = SipText.uriUser(Objects.requireNonNull(user, "user"));
            Objects.requireNonNull(domain, "domain");
            if (domain.isBlank() || !domain.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".-:[]".indexOf(c) >= 0)) {
                throw new InvalidValueException("From domain", "a host name or an IP address", domain);
            }
            this.fromDomain = domain;
            return this;
        }

        /**
         * @param credentials what to answer 401 and 407 challenges with
         * @return this builder
         */
        public Builder credentials(SipCredentials credentials) {
            once("credentials");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param sdp the SDP offer every INVITE carries; {@code {host}} is replaced by the local
         *     address; default an audio offer of G.711
         * @return this builder
         */
        public Builder sdpOffer(String sdp) {
            once("sdpOffer");
            Objects.requireNonNull(sdp, "sdp");
            if (!sdp.startsWith("v=0")) {
                throw new InvalidValueException("SDP offer", "an SDP body starting with v=0", sdp);
            }
            this.sdp = sdp;
            return this;
        }

        /**
         * @param max the most calls up at once (INVITE sent, not yet ended), 1 - 100000; default 100
         * @return this builder
         */
        public Builder maxConcurrentCalls(int max) {
            once("maxConcurrentCalls");
            if (max < 1 || max > 100_000) {
                throw new InvalidValueException("max concurrent calls", "1 - 100000", max);
            }
            this.maxConcurrentCalls = max;
            return this;
        }

        /**
         * @param perSecond the most INVITEs sent a second, more than 0 and at most 10000; default 10
         * @param burst how many may go at once after a quiet spell, 1 - 10000
         * @return this builder
         */
        public Builder callsPerSecond(double perSecond, int burst) {
            once("callsPerSecond");
            if (!(perSecond > 0) || perSecond > 10_000) {
                throw new InvalidValueException("calls per second", "more than 0, at most 10000", perSecond);
            }
            if (burst < 1 || burst > 10_000) {
                throw new InvalidValueException("calls per second burst", "1 - 10000", burst);
            }
            this.callsPerSecond = perSecond;
            this.burst = burst;
            return this;
        }

        /**
         * Answering-machine detection by the PBX: the header that carries its result (values
         * {@code MACHINE}, {@code HUMAN}, as Asterisk's AMD sets them; others count as human),
         * either on the 200 OK or, when {@code wait} is positive, in an INFO (as a header or a
         * {@code name: value} body line) that may follow the answer within {@code wait}.
         *
         * @param header the header name, e.g. {@code X-AMD-Result}
         * @param wait how long to hold back {@code Answered} waiting for an INFO, 0 - 30 s
         * @return this builder
         */
        public Builder amdHeader(String header, Duration wait) {
            once("amdHeader");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(wait, "wait");
            if (header.isEmpty() || !header.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new InvalidValueException("AMD header", "a header name: letters, digits, - and _", header);
            }
            if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new InvalidValueException("AMD wait", "0 - 30 s", wait);
            }
            this.amdHeader = header;
            this.amdWait = wait;
            return this;
        }

        /**
         * @param connector how answered calls reach agents; default {@link AgentConnector#blindTransfer()}
         * @return this builder
         */
        public Builder agentConnector(AgentConnector connector) {
            once("agentConnector");
            this.connector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        /**
         * @param name a header every INVITE carries, e.g. a trunk's account header
         * @param value its value; control characters are replaced by spaces
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new InvalidValueException("header name", "letters, digits, - and _", name);
            }
            if (extraHeaders.putIfAbsent(name, value) != null) {
                throw new IllegalStateException("SipTelephony.Builder: header " + name + " was set twice");
            }
            return this;
        }

        /**
         * @param clock the clock event instants are read from; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once("clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param stack the SIP stack's message threads, 1 - 64; default 1, which keeps each call's
         *     responses in the order they arrived; with more, a 180 overtaken by the 200 is dropped
         *     (the call is reported answered without ringing first)
         * @param events the threads that deliver events to listeners, 1 - 64; default 2
         * @return this builder
         */
        public Builder threads(int stack, int events) {
            once("threads");
            if (stack < 1 || stack > 64) {
                throw new InvalidValueException("SIP stack threads", "1 - 64", stack);
            }
            if (events < 1 || events > 64) {
                throw new InvalidValueException("event threads", "1 - 64", events);
            }
            this.stackThreads = stack;
            this.eventThreads = events;
            return this;
        }

        /**
         * Starts the stack and listens.
         *
         * @return the telephony; close it when done
         */
        public SipTelephony build() {
            return new SipTelephony(this);
        }

        private static int port(int port, String field) {
            if (port < 1 || port > 65535) {
                throw new InvalidValueException(field, "1 - 65535", port);
            }
            return port;
        }
    }
}
