package dev.latchkey.ui.approve;

import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;

/**
 * Port: the owner's one approval of a session. The implementation (the wallet services) checks the password,
 * signs {@code plan.hashToSign()} with the owner key inside the vault, stores the enable signature and the session
 * so it becomes "ready" (enabled by its first trade). Runs off the FX thread; {@code password} is wiped by the
 * implementation.
 */
@FunctionalInterface
public interface ApprovalService {

    Approved approve(ApprovalRequest request, EnablePlan plan, char[] password) throws Exception;

    /** The stored approval: the session's permission id, the owner that signed, and the 65-byte signature. */
    record Approved(HexBytes permissionId, Address owner, HexBytes signature) { }
}
