package dev.latchkey.signer;

import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: where signed operations go and how their inclusion is followed (the bundler or a direct {@code handleOps};
 * see {@link SubmitterSink} for the adapter over {@code aa.submit}). Failures are classified so the signer knows
 * whether the same bytes may be sent again.
 */
public interface OperationSink {

    Address entryPoint();

    /** Sends {@code signed}; returns the userOpHash the receiver computed. */
    HexBytes send(UserOperation signed) throws SendException;

    /** The receipt if included within {@code timeout}; empty if not (yet). */
    Optional<UserOperationReceipt> receipt(HexBytes userOpHash, Duration timeout);

    /** Why a send did not go through. */
    final class SendException extends Exception {

        /** UNREACHABLE: certainly not received (connection refused); AMBIGUOUS: maybe received (time-out);
         *  REJECTED: received and refused (the code is kept); ALREADY_HELD: refused because the receiver already
         *  holds these exact bytes from an earlier send (a resend after a crash between send and journal commit). */
        public enum Kind { UNREACHABLE, AMBIGUOUS, REJECTED, ALREADY_HELD }

        private final Kind kind;

        public SendException(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
