package ir.nix.adapters.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WireMock's notifier for simulators running inside the bus (demo). WireMock reports an unmatched
 * request by quoting it whole, and in the demo that report would land in the bus's log: simulated
 * or not, request content must not (003 Art. 31.4). Only the fact of an error is logged.
 */
final class ContentFreeNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(ContentFreeNotifier.class);

    @Override
    public void info(String message) {
        // WireMock's informational messages may quote requests too; nothing an operator needs
    }

    @Override
    public void error(String message) {
        LOG.warn("a simulated provider agency reported an error (text withheld: it may quote the request)");
    }

    @Override
    public void error(String message, Throwable cause) {
        LOG.warn("a simulated provider agency failed: {}", cause == null ? "?" : cause.getClass().getName());
    }
}
