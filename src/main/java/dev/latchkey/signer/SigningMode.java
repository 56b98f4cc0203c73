package dev.latchkey.signer;

import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;

/** How an operation of a session is signed on a chain: USE, or ENABLE carrying the owner's approval. */
sealed interface SigningMode {

    /** {@code userOp.signature} around the session key's signature {@code sig}. */
    HexBytes signature(HexBytes permissionId, HexBytes sig);

    /** The permission is enabled on the chain: {@code 0x00 ‖ permissionId ‖ sig}. */
    record Use() implements SigningMode {
        @Override
        public HexBytes signature(HexBytes permissionId, HexBytes sig) {
            return SmartSessionSignatures.use(permissionId, sig);
        }
    }

    /** First operation on the chain: {@code 0x01 ‖ FastLZ(abi.encode(enableSession, sig))}; SmartSession enables, then validates. */
    record Enable(EnableSession enableSession) implements SigningMode {
        @Override
        public HexBytes signature(HexBytes permissionId, HexBytes sig) {
            return SmartSessionSignatures.enable(SmartSessionMode.ENABLE, enableSession, sig);
        }
    }

    /** The session cannot be used on the chain now; nothing is reserved or signed. */
    record Refuse(String reason, String message) implements SigningMode {
        @Override
        public HexBytes signature(HexBytes permissionId, HexBytes sig) {
            throw new IllegalStateException("a refused operation is never signed");
        }
    }
}
