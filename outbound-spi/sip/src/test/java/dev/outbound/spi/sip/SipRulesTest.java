package dev.outbound.spi.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.outbound.core.InvalidValueException;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binding's rules that need no SIP peer: mapping, digest, escaping, the token bucket. */
class SipRulesTest {
    private static final CallId CALL = CallId.of("c1");
    private static final Instant AT = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    void finalResponses_mapToTheIssuesEvents() {
        Map<Integer, Class<?>> expected = Map.ofEntries(Map.entry(486, CallEvent.Busy.class),
                Map.entry(600, CallEvent.Busy.class), Map.entry(408, CallEvent.NoAnswer.class),
                Map.entry(480, CallEvent.NoAnswer.class), Map.entry(404, CallEvent.InvalidNumber.class),
                Map.entry(484, CallEvent.InvalidNumber.class), Map.entry(604, CallEvent.InvalidNumber.class),
                Map.entry(403, CallEvent.Rejected.class), Map.entry(603, CallEvent.Rejected.class),
                Map.entry(400, CallEvent.Failed.class), Map.entry(488, CallEvent.Failed.class),
                Map.entry(500, CallEvent.Failed.class), Map.entry(503, CallEvent.Failed.class),
                Map.entry(302, CallEvent.Failed.class));
        expected.forEach((status, type) -> assertThat(SipResponses.terminal(CALL, AT, status, "Why"))
                .as("SIP %d", status).isInstanceOf(type));
    }

    @Test
    void finalResponse_causeKeepsTheStatusLine() {
        CallEvent e = SipResponses.terminal(CALL, AT, 486, "Busy Here");
        assertThat(((CallEvent.Busy) e).cause()).contains("SIP 486 Busy Here");
    }

    @Test
    void sipfrag_statusRead_orZeroWhenAbsent() {
        assertThat(SipResponses.sipfragStatus("SIP/2.0 200 OK\r\n")).isEqualTo(200);
        assertThat(SipResponses.sipfragStatus("SIP/2.0 100 Trying")).isEqualTo(100);
        assertThat(SipResponses.sipfragStatus("SIP/2.0 486 Busy Here")).isEqualTo(486);
        assertThat(SipResponses.sipfragStatus("")).isZero();
        assertThat(SipResponses.sipfragStatus("garbage")).isZero();
    }

    @Test
    void amdValue_machineOnlyForMachine() {
        assertThat(SipResponses.amd("MACHINE")).contains(CallEvent.AnsweredBy.MACHINE);
        assertThat(SipResponses.amd(" machine ")).contains(CallEvent.AnsweredBy.MACHINE);
        assertThat(SipResponses.amd("HUMAN")).contains(CallEvent.AnsweredBy.HUMAN);
        assertThat(SipResponses.amd("NOTSURE")).contains(CallEvent.AnsweredBy.HUMAN);
        assertThat(SipResponses.amd(null)).isEmpty();
        assertThat(SipResponses.amd(" ")).isEmpty();
    }

    /** RFC 2617 section 3.5's worked example. */
    @Test
    void digest_rfc2617Example() {
        assertThat(DigestAuth.response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void digestChallenge_parsedWithQuotedCommas() {
        Map<String, String> c = DigestAuth.parseChallenge("Digest realm=\"a, b\", nonce=\"n1\", qop=\"auth,auth-int\", algorithm=MD5");
        assertThat(c).containsEntry("realm", "a, b").containsEntry("nonce", "n1")
                .containsEntry("qop", "auth,auth-int").containsEntry("algorithm", "MD5");
    }

    @Test
    void digestAuthorization_holdsNoPassword() {
        String header = DigestAuth.authorization(Map.of("realm", "r", "nonce", "n", "qop", "auth"),
                SipCredentials.of("dialer", "s3cret"), "INVITE", "sip:+1@h", "c0ffee");
        assertThat(header).startsWith("Digest username=\"dialer\"").contains("qop=auth").doesNotContain("s3cret");
    }

    @Test
    void credentials_toStringHidesPassword() {
        assertThat(SipCredentials.of("dialer", "s3cret").toString()).contains("dialer").doesNotContain("s3cret");
        assertThatThrownBy(() -> SipCredentials.of("dial\r\ner", "x")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SipCredentials.of("dialer", "")).isInstanceOf(InvalidValueException.class)
                .message().doesNotContain("s3cret");
    }

    @Test
    void headerValue_anyText_staysOnOneLine() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(s -> {
            String v = SipText.headerValue(s);
            assertThat(v).doesNotContain("\r").doesNotContain("\n").doesNotContain("\0");
        });
        assertThat(SipText.headerValue("acct\r\nX-Injected: yes")).isEqualTo("acct  X-Injected: yes");
    }

    @Test
    void uriUser_anyText_onlyUserCharactersRemain() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            String v = SipText.uriUser(s);
            assertThat(v).matches("[A-Za-z0-9\\-_.!~*'()&=+$,;?/%]*");
        });
        assertThat(SipText.uriUser("+44 20\r\n>")).isEqualTo("+44%2020%0D%0A%3E");
    }

    @Test
    void sipUri_refusesWhatWouldEndTheAddress() {
        assertThat(SipText.sipUri("agent endpoint", "sip:ann@pbx.example.com:5060;transport=tcp"))
                .isEqualTo("sip:ann@pbx.example.com:5060;transport=tcp");
        for (String bad : List.of("sip:ann@h>;x=1", "sip:ann@h x", "tel:+1555", "sip:a\"b@h", "sip:a@h\r\nX: y")) {
            assertThatThrownBy(() -> SipText.sipUri("agent endpoint", bad)).as(bad)
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("agent endpoint");
        }
    }

    /** Over any span, a bucket of rate r and burst b gives at most b + r * span tokens. */
    @Test
    void tokenBucket_neverMoreThanBurstPlusRateTimesSpan() {
        qt().forAll(integers().between(1, 500), integers().between(1, 20),
                lists().of(integers().between(0, 50_000_000)).ofSizeBetween(1, 300)).checkAssert((rate, burst, gaps) -> {
                    long now = 0;
                    TokenBucket b = new TokenBucket(rate, burst, now);
                    int taken = 0;
                    for (int gap : gaps) {
                        now += gap;
                        while (b.tryTake(now)) {
                            taken++;
                        }
                    }
                    assertThat((double) taken).isLessThanOrEqualTo(burst + rate * (now / 1e9) + 1e-6);
                });
    }

    @Test
    void tokenBucket_emptyThenRefillsAtRate() {
        TokenBucket b = new TokenBucket(2, 1, 0);
        assertThat(b.tryTake(0)).isTrue();
        assertThat(b.tryTake(0)).isFalse();
        assertThat(b.nanosUntilToken(0)).isEqualTo(500_000_000L);
        assertThat(b.tryTake(499_000_000L)).isFalse();
        assertThat(b.tryTake(500_000_000L)).isTrue();
    }

    @Test
    void builder_optionSetTwice_failsNamingIt() {
        assertThatThrownBy(() -> SipTelephony.newBuilder().trunk("pbx", 5060).trunk("pbx", 5061))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trunk was set twice");
        assertThatThrownBy(() -> SipTelephony.newBuilder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trunk(host, port) is required");
        assertThatThrownBy(() -> SipTelephony.newBuilder().trunk("pbx\r\nX: 1", 5060))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SipTelephony.newBuilder().requestUri("sip:{number}@h>;x"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SipTelephony.newBuilder().maxConcurrentCalls(0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("max concurrent calls");
    }
}
