package ir.nix.core.perimeter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every reply carries: no content sniffing, no framing (the dashboard cannot be
 * clickjacked), and HSTS when the request came over TLS. Inquiry replies additionally say
 * {@code Cache-Control: no-store}: they carry personal data that no cache on the way may keep
 * (003 Art. 31.4 in spirit: nothing but traffic data is kept, by the bus or anyone between).
 */
final class SecurityHeaders {

    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
