package dev.outbound.spi.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP digest (RFC 2617, MD5, qop {@code auth} or none) as SIP uses it for 401/407 challenges.
 * Written here rather than taken from the stack so that no credential goes near its logger.
 */
final class DigestAuth {
    private DigestAuth() {
    }

    /**
     * Parses a challenge's parameters: {@code Digest realm="x", nonce="y", qop="auth"}.
     *
     * @param challenge the WWW-Authenticate or Proxy-Authenticate header value
     * @return the parameters, names in lower case
     */
    static Map<String, String> parseChallenge(String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        String s = challenge.trim();
        if (s.regionMatches(true, 0, "Digest", 0, 6)) {
            s = s.substring(6);
        }
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    b.append(s.charAt(i++));
                }
                i++;
                value = b.toString();
            } else {
                int end = s.indexOf(',', i);
                end = end < 0 ? s.length() : end;
                value = s.substring(i, end).trim();
                i = end;
            }
            params.put(name, value);
        }
        return params;
    }

    /**
     * The response digest.
     *
     * @param user the user name
     * @param realm the realm
     * @param password the password
     * @param method the request's method
     * @param uri the request URI
     * @param nonce the server's nonce
     * @param qop {@code auth}, or null for RFC 2069 digest
     * @param nc the nonce count, 8 hex digits (with qop)
     * @param cnonce the client nonce (with qop)
     * @return the 32 hex digits
     */
    static String response(String user, String realm, String password, String method, String uri, String nonce,
            String qop, String nc, String cnonce) {
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        if (qop == null) {
            return md5(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /**
     * The Authorization header value answering a challenge.
     *
     * @param challenge the parsed challenge
     * @param credentials the credentials
     * @param method the method
     * @param uri the request URI
     * @param cnonce a fresh client nonce
     * @return the header value, starting with {@code Digest}
     */
    static String authorization(Map<String, String> challenge, SipCredentials credentials, String method, String uri,
            String cnonce) {
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String qop = null;
        String offered = challenge.get("qop");
        if (offered != null) {
            for (String q : offered.split(",")) {
                if (q.trim().equalsIgnoreCase("auth")) {
                    qop = "auth";
                }
            }
        }
        String nc = "00000001";
        String digest = response(credentials.username(), realm, credentials.password(), method, uri, nonce, qop, nc,
                cnonce);
        StringBuilder b = new StringBuilder("Digest username=\"").append(credentials.username())
                .append("\",realm=\"").append(quote(realm))
                .append("\",nonce=\"").append(quote(nonce))
                .append("\",uri=\"").append(quote(uri))
                .append("\",response=\"").append(digest).append('"')
                .append(",algorithm=MD5");
        if (challenge.containsKey("opaque")) {
            b.append(",opaque=\"").append(quote(challenge.get("opaque"))).append('"');
        }
        if (qop != null) {
            b.append(",qop=auth,nc=").append(nc).append(",cnonce=\"").append(cnonce).append('"');
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                continue;
            }
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(32);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
