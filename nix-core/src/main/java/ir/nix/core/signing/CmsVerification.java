package ir.nix.core.signing;

import java.security.cert.X509Certificate;

/** The outcome of checking a detached CMS signature: valid (with the signer) or invalid with a reason. */
public sealed interface CmsVerification {

    boolean isValid();

    /** The content was signed by the trusted certificate's key and is unchanged. */
    record Valid(X509Certificate signer) implements CmsVerification {

        @Override
        public boolean isValid() {
            return true;
        }
    }

    /** @param reason why the signature does not hold, for operators and auditors */
    record Invalid(String reason) implements CmsVerification {

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
