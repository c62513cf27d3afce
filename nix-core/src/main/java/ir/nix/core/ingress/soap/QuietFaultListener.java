package ir.nix.core.ingress.soap;

import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces CXF's default fault logging, whose messages can quote the request (a parser error shows
 * the offending text). 003 Art. 31.4: nothing of the payload reaches a log. Faults are answered and
 * recorded by the channel; the log keeps only where and of what type, at DEBUG.
 */
final class QuietFaultListener implements FaultListener {

    private static final Logger LOG = LoggerFactory.getLogger(QuietFaultListener.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("SOAP fault in {}: {}", description.strip(), exception.getClass().getName());
        }
        return false;
    }
}
