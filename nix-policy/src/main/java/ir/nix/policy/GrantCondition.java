package ir.nix.policy;

/**
 * A condition a grant attaches to each exchange, checked by the bus before it answers.
 *
 * <p>The set is small, typed and extensible: the bus registers one evaluator per condition type and
 * refuses with {@link DenialReason#CONDITION_FAILED} when the condition does not hold.
 */
public sealed interface GrantCondition permits GrantCondition.EnterpriseSubjectToTransfer {

    /** Stable type name as written in the policy bundle. */
    String type();

    /**
     * 26th-session resolution: SSO answers the Privatization Organization's insurance-list inquiry only
     * when the enterprise is, at the time of the request, on the privatization list as subject to transfer.
     *
     * @param inputField the request field that holds the enterprise national ID
     */
    record EnterpriseSubjectToTransfer(String inputField) implements GrantCondition {
        public static final String TYPE = "enterprise-subject-to-transfer";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
