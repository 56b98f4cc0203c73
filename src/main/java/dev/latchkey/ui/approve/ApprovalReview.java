package dev.latchkey.ui.approve;

import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.hash.EnableFlags;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionReview;
import dev.latchkey.ui.builder.SessionExposure;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the owner approves, decoded from the very struct that is hashed: the {@link EnablePlan} is computed from
 * {@code request.session()}, and every line below is decoded from the same {@link OnchainSession} (validator init
 * data, each policy's init data through the strict {@code PolicyCodec}); nothing comes from the builder's form.
 * A policy the decoder does not accept fails here, so nothing unreadable can be approved.
 */
public record ApprovalReview(EnablePlan plan, HexBytes permissionId, WalletSession decoded, List<Line> lines, List<String> unrestricted) {

    /** One row of the review; {@code danger} rows are shown in red. */
    public record Line(String section, String text, boolean danger) { }

    public static ApprovalReview of(ApprovalRequest r, ZoneId zone) {
        OnchainSession s = r.session();
        EnablePlan plan = EnablePlan.of(s, r.account(), r.smartSession(), SmartSessionMode.ENABLE, r.chains());
        WalletSession decoded = SessionMapper.toWallet(s, r.policyAddresses(), r.chains().stream().map(EnablePlan.ChainNonce::chainId).toList());
        TradeNetwork n = r.network();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < plan.chainDigests().size(); i++) {
            ChainDigest d = plan.chainDigests().get(i);
            lines.add(new Line("Chain", (d.chainId() == n.chainId() ? n.name() + " " : "") + "(chain id " + Long.toUnsignedString(d.chainId())
                    + "), enable nonce " + r.chains().get(i).nonce() + ", session digest " + d.sessionDigest(), false));
        }
        lines.add(new Line("Account", r.account().checksummed(), false));
        lines.add(new Line("Module", "SmartSession " + r.smartSession().checksummed(), false));
        if (!r.label().isBlank()) lines.add(new Line("Name", r.label(), false));
        lines.add(new Line("Signer", owners(SessionMapper.owners(s.sessionValidator(), s.sessionValidatorInitData(), r.ownableValidator()),
                r.sessionKey()), false));
        for (String l : SessionReview.lines(decoded, n, r.account())) {
            boolean sudo = l.contains("SUDO");
            if (l.startsWith("operation: ")) lines.add(new Line("Limit", SessionExposure.readable(l.substring("operation: ".length()), zone), sudo));
            else if (l.startsWith(SessionReview.SIGNING)) lines.add(new Line("Signing", l.substring(SessionReview.SIGNING.length()), decoded.signing().isPresent()));
            else if (l.startsWith(SessionReview.PAYMASTER)) lines.add(new Line("Paymaster", l.substring(SessionReview.PAYMASTER.length()), s.permitErc4337Paymaster()));
            else if (l.startsWith("  ")) lines.add(new Line("Rule", l.trim(), sudo));
            else lines.add(new Line("Action", l, l.startsWith("ANY contract") || l.startsWith("SmartSession itself")));
        }
        long until = decoded.policies().stream().filter(p -> p instanceof Policy.TimeFrame).mapToLong(p -> ((Policy.TimeFrame) p).validUntil()).findFirst().orElse(0);
        lines.add(new Line("Expiry", until == 0 ? "never (valid until revoked)" : SessionExposure.when(until, zone), until == 0));
        EnableFlags f = EnableFlags.derive(s, SmartSessionMode.ENABLE);
        // Each derived flag says why it has its value, so "false" does not read as a warning about what is absent.
        lines.add(new Line("Flag", "permitGenericPolicy = " + f.permitGenericPolicy() + (f.permitGenericPolicy()
                ? " (an any-contract, any-function fallback action is present)" : " (no any-contract, any-function fallback action)"),
                f.permitGenericPolicy()));
        lines.add(new Line("Flag", "permitAdminAccess = " + f.permitAdminAccess() + (f.permitAdminAccess()
                ? " (an action may call SmartSession itself and change sessions)" : " (no action may call SmartSession itself)"),
                f.permitAdminAccess()));
        lines.add(new Line("Flag", "ignoreSecurityAttestations = " + f.ignoreSecurityAttestations() + (f.ignoreSecurityAttestations()
                ? " (always set when enabling with the first operation)" : " (attestations are checked)"), f.ignoreSecurityAttestations()));
        lines.add(new Line("Flag", "permitERC4337Paymaster = " + s.permitErc4337Paymaster() + (s.permitErc4337Paymaster()
                ? " (a paymaster may pay the session's operations)" : " (no paymaster may be used)"), s.permitErc4337Paymaster()));
        List<String> unrestricted = SessionExposure.unrestrictedReasons(decoded, n);
        lines.add(0, new Line("Worst case", SessionExposure.line(decoded, n, zone), !unrestricted.isEmpty()));
        return new ApprovalReview(plan, Ids.permissionId(s), decoded, lines, unrestricted);
    }

    private static String owners(Owners o, Address sessionKey) {
        return switch (o) {
            case Owners.Ecdsa e when e.threshold() == 1 && e.accounts().size() == 1 && e.accounts().get(0).equals(sessionKey) ->
                    "a new session key in your vault, " + sessionKey.checksummed() + " (it never leaves it; OwnableValidator "
                            + e.validator().checksummed() + ")";
            case Owners.Ecdsa e -> e.threshold() + " of " + e.accounts().size() + " ECDSA key(s) on OwnableValidator "
                    + e.validator().checksummed() + ": " + String.join(", ", e.sortedAccounts().stream()
                    .map(a -> a.checksummed() + (a.equals(sessionKey) ? " (new key in your vault)" : "")).toList());
            case Owners.Passkey p -> p.threshold() + " of " + p.credentials().size() + " passkey(s) on " + p.validator().checksummed();
            case Owners.Custom c -> "custom validator " + c.validator().checksummed() + ", init data " + c.initData();
        };
    }
}
