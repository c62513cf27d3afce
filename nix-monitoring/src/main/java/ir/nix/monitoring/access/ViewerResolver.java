package ir.nix.monitoring.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Tells who is asking for monitoring data. One implementation is active, chosen with the identification mode. */
interface ViewerResolver {

    Resolution resolve(HttpServletRequest request);

    /**
     * @param viewer    who is asking, empty when the request identifies nobody
     * @param presented whether the request carried a credential at all (a refused one is answered at once)
     * @param problem   why nobody was identified, for the 401 problem's detail (never echoes a credential)
     */
    record Resolution(Optional<Viewer> viewer, boolean presented, String problem) {
        static Resolution of(Viewer viewer) {
            return new Resolution(Optional.of(viewer), true, null);
        }

        static Resolution refused(String problem) {
            return new Resolution(Optional.empty(), true, problem);
        }

        static Resolution none(String problem) {
            return new Resolution(Optional.empty(), false, problem);
        }
    }
}
